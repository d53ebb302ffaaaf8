import { describe, expect, it } from 'vitest';
import { DEFAULT_FOCUS_RULES, expectedDropFor, focusRules } from './focus';
import { KPI_CATALOG } from './catalog';
import { suggestTarget, targetStatus } from './targets';

describe('suggestTarget', () => {
  it.each([
    [120, 10, 'count', 'higher', 132],
    [121, 10, 'count', 'higher', 134],
    [40, 10, 'days', 'lower', 36],
    [1250, 20, 'currency', 'lower', 1000],
    [3, 1, 'percent', 'higher', 4],
    [99.5, 1, 'percent', 'higher', 100],
    [2.5, 10, 'number', 'depends', 2.5],
    // 12000 × 1.1 is 13200.000000000002 in binary floating point: still 13200, not 13201.
    [12000, 10, 'count', 'higher', 13200],
    [3400, 10, 'count', 'higher', 3740],
    [700, 10, 'count', 'lower', 630],
  ] as const)('base %d, step %d %%, %s, %s → %d', (base, step, unit, direction, expected) => {
    expect(suggestTarget(base, step, unit, direction)).toEqual({ ok: true, value: expected });
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
