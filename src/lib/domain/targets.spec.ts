import { describe, expect, it } from 'vitest';
import { DEFAULT_FOCUS_RULES, expectedDropFor, focusRules } from './focus';
import { KPI_CATALOG } from './catalog';
import { suggestTarget, targetStatus } from './targets';

describe('suggestTarget', () => {
  const value = (r: ReturnType<typeof suggestTarget>) => (r.ok ? r.value?.value : undefined);

  it.each([
    [120, 10, 'count', 'higher', 132],
    [121, 10, 'count', 'higher', 134],
    [40, 10, 'days', 'lower', 36],
    [1250, 20, 'currency', 'lower', 1000],
    [2.5, 10, 'number', 'depends', 2.5],
    // 12000 × 1.1 is 13200.000000000002 in binary floating point: still 13200, not 13201.
    [12000, 10, 'count', 'higher', 13200],
    [3400, 10, 'count', 'higher', 3740],
    [700, 10, 'count', 'lower', 630],
    // Percent KPIs move relative to their value too, to one decimal.
    [3, 10, 'percent', 'higher', 3.3],
    [45, 10, 'percent', 'higher', 49.5],
    [4, 10, 'percent', 'higher', 4.4],
    // 2.47 × 1.1 = 2.717: one decimal, rounded in the ambitious direction.
    [2.47, 10, 'percent', 'higher', 2.8],
    [2.47, 10, 'percent', 'lower', 2.2],
    [95, 10, 'percent', 'higher', 100],
    [91.5, 20, 'percent', 'lower', 73.2],
    // Other units keep two decimals: 80.123 × 1.1 = 88.1353 → 88.14; durations whole seconds.
    [80.123, 10, 'number', 'higher', 88.14],
    [80.123, 10, 'duration', 'higher', 89],
  ] as const)('base %d, step %d %%, %s, %s → %d', (base, step, unit, direction, expected) => {
    expect(value(suggestTarget(base, step, unit, direction))).toBe(expected);
  });

  it('returns the actual step: the step asked unless rounding or a limit changed it', () => {
    expect(suggestTarget(3, 10, 'percent', 'higher')).toEqual({
      ok: true,
      value: { value: 3.3, stepPercent: 10, note: null },
    });
    // 121 + 10 % = 133.1 → 134 hires: +10.74 %, not much more than asked.
    expect(suggestTarget(121, 10, 'count', 'higher')).toEqual({
      ok: true,
      value: { value: 134, stepPercent: 10.743801653, note: null },
    });
    expect(suggestTarget(700, 10, 'count', 'lower')).toEqual({
      ok: true,
      value: { value: 630, stepPercent: -10, note: null },
    });
    expect(suggestTarget(2.5, 10, 'number', 'depends')).toEqual({
      ok: true,
      value: { value: 2.5, stepPercent: 0, note: null },
    });
  });

  it('says so when rounding makes the step much larger than asked', () => {
    // 3 hires + 10 % = 3.3, rounded up to 4 whole hires: +33.3 %.
    expect(suggestTarget(3, 10, 'count', 'higher')).toEqual({
      ok: true,
      value: { value: 4, stepPercent: 33.333333333, note: 'rounded' },
    });
    // 3 rejections − 10 % = 2.7, rounded down to 2: −33.3 %.
    expect(suggestTarget(3, 10, 'count', 'lower')).toEqual({
      ok: true,
      value: { value: 2, stepPercent: -33.333333333, note: 'rounded' },
    });
    // A 0.4 % rate + 10 % = 0.44 %, rounded up to 0.5 %: +25 %.
    expect(suggestTarget(0.4, 10, 'percent', 'higher')).toEqual({
      ok: true,
      value: { value: 0.5, stepPercent: 25, note: 'rounded' },
    });
    // 6 + 10 % = 6.6 → 7 is +16.7 %, more than 1.5 × 10 %; 9 → 10 (+11.1 %) is not.
    expect(suggestTarget(6, 10, 'count', 'higher')).toMatchObject({
      value: { value: 7, note: 'rounded' },
    });
    expect(suggestTarget(9, 10, 'count', 'higher')).toMatchObject({
      value: { value: 10, note: null },
    });
  });

  it('says so when a limit holds the target back', () => {
    // 95 % + 10 % would be 104.5 %: held at 100 %, +5.3 %.
    expect(suggestTarget(95, 10, 'percent', 'higher')).toEqual({
      ok: true,
      value: { value: 100, stepPercent: 5.263157895, note: 'capped' },
    });
    // 40 days − 150 % would be below 0: held at 0, −100 %.
    expect(suggestTarget(40, 150, 'days', 'lower')).toEqual({
      ok: true,
      value: { value: 0, stepPercent: -100, note: 'capped' },
    });
  });

  it('has no relative step from a base of 0', () => {
    expect(suggestTarget(0, 10, 'count', 'higher')).toEqual({
      ok: true,
      value: { value: 0, stepPercent: null, note: null },
    });
    expect(suggestTarget(0, 0, 'count', 'higher')).toEqual({
      ok: true,
      value: { value: 0, stepPercent: null, note: null },
    });
  });

  it('suggests nothing without a base, and refuses a bad step', () => {
    expect(suggestTarget(null, 10, 'count', 'higher')).toEqual({ ok: true, value: null });
    expect(suggestTarget(10, -5, 'count', 'higher')).toMatchObject({
      ok: false,
      error: { code: 'invalidStep' },
    });
    expect(suggestTarget(10, Number.NaN, 'count', 'higher')).toMatchObject({
      ok: false,
      error: { code: 'invalidStep' },
    });
  });
});

describe('targetStatus', () => {
  it('is direction-aware and separate from any change', () => {
    expect(targetStatus(20, 18, 'higher')).toBe('met');
    expect(targetStatus(20, 18, 'lower')).toBe('missed');
    expect(targetStatus(null, 18, 'higher')).toBe('noValue');
    expect(targetStatus(20, null, 'higher')).toBe('noTarget');
    expect(targetStatus(3, 2, 'depends')).toBe('notJudged');
  });
});

describe('focus rules', () => {
  it('name only catalog KPIs, and a reach focus expects time on site to drop', () => {
    const keys = new Set(KPI_CATALOG.map((k) => k.key));
    for (const rules of Object.values(DEFAULT_FOCUS_RULES)) {
      for (const key of [...rules.expectedRise, ...rules.expectedDrop.map((d) => d.kpi)])
        expect(keys.has(key), key).toBe(true);
    }
    expect(expectedDropFor(DEFAULT_FOCUS_RULES.reach, 'timeOnSite')?.reason.en).toMatch(
      /first-time visitors/,
    );
  });

  it("use a loop's own adjustment when there is one", () => {
    const adjusted = focusRules('reach', {
      expectedRise: ['impressions'],
      expectedDrop: [{ kpi: 'hires', reason: 'Vacancy freeze' }],
    });
    expect(adjusted.expectedRise).toEqual(['impressions']);
    expect(expectedDropFor(adjusted, 'hires')?.reason).toEqual({
      nl: 'Vacancy freeze',
      en: 'Vacancy freeze',
    });
    expect(focusRules('traffic')).toBe(DEFAULT_FOCUS_RULES.traffic);
  });
});
