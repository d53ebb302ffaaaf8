import { describe, expect, it } from 'vitest';
import { catalogKpi, KPI_CATALOG, type KpiDefinition } from './catalog';
import { DEFAULT_FOCUS_RULES } from './focus';
import type { LoopLength } from './periods';
import {
  checkBaselinePeriod,
  checkJudgementDate,
  checkKpiValue,
  checkPlanDate,
  type CompletionInput,
  DEFAULT_TARGET_STEP,
  defaultJudgementDate,
  EARLIEST_DATE,
  LATEST_DATE,
  onlyApplicationCounts,
  STARTER_KPIS,
  stepCompletion,
  suggestTargets,
  targetReference,
  WIZARD_STEPS,
  baselineForSettings,
} from './wizard';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const failure = (code: string, field: string, value: string) => ({
  ok: false,
  error: { code, field, value },
});

const twoMonths: LoopLength = { unit: 'months', count: 2 };
const reach = kpi('reach');
const hires = kpi('hires');
// Frequency's direction depends: too high tires the audience, so it gets no target.
const frequency = kpi('frequency');

describe('WIZARD_STEPS and STARTER_KPIS', () => {
  it('list the five steps in order', () => {
    expect(WIZARD_STEPS).toEqual(['baseline', 'kpis', 'focus', 'success', 'expectations']);
  });

  it('start a plan with distinct catalog KPIs, not only application counts', () => {
    const keys = new Set(KPI_CATALOG.map((k) => k.key));
    for (const key of STARTER_KPIS) expect(keys.has(key), key).toBe(true);
    expect(new Set(STARTER_KPIS).size).toBe(STARTER_KPIS.length);
    expect(onlyApplicationCounts(STARTER_KPIS)).toBe(false);
  });
});

describe('onlyApplicationCounts', () => {
  it('is false for an empty selection', () => {
    expect(onlyApplicationCounts([])).toBe(false);
  });

  it('is true when every key is an application count', () => {
    expect(onlyApplicationCounts(['applicationsStarted'])).toBe(true);
    expect(
      onlyApplicationCounts([
        'applicationsStarted',
        'applicationsCompleted',
        'attributableApplications',
      ]),
    ).toBe(true);
  });

  it('is false as soon as one other KPI is measured', () => {
    expect(onlyApplicationCounts(['applicationsStarted', 'applicationsCompleted', 'reach'])).toBe(
      false,
    );
    expect(onlyApplicationCounts(['hires'])).toBe(false);
  });
});

describe('checkPlanDate', () => {
  it('accepts a real date within the plan years, bounds included', () => {
    expect(checkPlanDate('2026-03-01', 'start')).toEqual({ ok: true, value: '2026-03-01' });
    expect(EARLIEST_DATE).toBe('2000-01-01');
    expect(LATEST_DATE).toBe('2099-12-31');
    expect(checkPlanDate('2000-01-01', 'start')).toEqual({ ok: true, value: '2000-01-01' });
    expect(checkPlanDate('2099-12-31', 'start')).toEqual({ ok: true, value: '2099-12-31' });
  });

  it('refuses a date that does not exist, naming the field', () => {
    expect(checkPlanDate('2026-02-30', 'firstLoopStart')).toEqual(
      failure('invalidDate', 'firstLoopStart', '2026-02-30'),
    );
    expect(checkPlanDate('', 'start')).toEqual({
      ok: false,
      error: { code: 'emptyDate', field: 'start' },
    });
  });

  it('refuses a date just outside the plan years', () => {
    expect(checkPlanDate('1999-12-31', 'start')).toEqual(
      failure('dateOutOfRange', 'start', '1999-12-31'),
    );
    expect(checkPlanDate('2100-01-01', 'end')).toEqual(
      failure('dateOutOfRange', 'end', '2100-01-01'),
    );
  });
});

describe('checkBaselinePeriod', () => {
  // Loop 1 runs 2026-03-01 … 2026-04-30; the default baseline is 2026-01-01 … 2026-02-28 (59 days).
  const check = (start: string, end: string) =>
    checkBaselinePeriod({ start, end }, '2026-03-01', twoMonths);

  it('accepts the default baseline with the same length', () => {
    expect(check('2026-01-01', '2026-02-28')).toEqual({
      ok: true,
      value: { range: { start: '2026-01-01', end: '2026-02-28' }, lengthDiffers: false },
    });
  });

  it('refuses a baseline that reaches the first loop', () => {
    expect(check('2026-01-01', '2026-03-01')).toEqual(
      failure('baselineNotBeforeLoop', 'end', '2026-03-01'),
    );
  });

  it('refuses an inverted range', () => {
    expect(check('2026-02-28', '2026-01-01')).toEqual(
      failure('invertedRange', 'baseline', '2026-02-28…2026-01-01'),
    );
  });

  it('flags a baseline more than 3 days shorter or longer than a loop', () => {
    const differs = (start: string, end: string) => {
      const r = check(start, end);
      return r.ok ? r.value.lengthDiffers : r.error.code;
    };
    // One month: 28 days against 59.
    expect(differs('2026-02-01', '2026-02-28')).toBe(true);
    // 56 days: exactly 3 shorter, still comparable; 55 days: 4 shorter.
    expect(differs('2026-01-04', '2026-02-28')).toBe(false);
    expect(differs('2026-01-05', '2026-02-28')).toBe(true);
    // 62 days: exactly 3 longer; 63 days: 4 longer.
    expect(differs('2025-12-29', '2026-02-28')).toBe(false);
    expect(differs('2025-12-28', '2026-02-28')).toBe(true);
  });

  it('names the bad date field start or end', () => {
    expect(check('2026-02-30', '2026-02-28')).toEqual(
      failure('invalidDate', 'start', '2026-02-30'),
    );
    expect(check('2026-01-01', '2026-02-29')).toEqual(failure('invalidDate', 'end', '2026-02-29'));
    expect(check('1999-12-01', '2026-02-28')).toEqual(
      failure('dateOutOfRange', 'start', '1999-12-01'),
    );
  });
});

describe('checkJudgementDate', () => {
  const loop = { start: '2026-03-01', end: '2026-04-30' };

  it("allows the loop's last day and anything up to 366 days after it", () => {
    expect(checkJudgementDate('2026-04-30', loop)).toEqual({ ok: true, value: '2026-04-30' });
    expect(checkJudgementDate('2026-05-01', loop)).toEqual({ ok: true, value: '2026-05-01' });
    // 2026-04-30 + 365 days is 2027-04-30 (no 29 February between), so + 366 is 2027-05-01.
    expect(checkJudgementDate('2027-05-01', loop)).toEqual({ ok: true, value: '2027-05-01' });
  });

  it('refuses a date before the loop ends, pointing at the loop end', () => {
    expect(checkJudgementDate('2026-04-29', loop)).toEqual(
      failure('judgementBeforeLoopEnd', 'judgementDate', '2026-04-30'),
    );
    expect(checkJudgementDate('2026-03-01', loop)).toEqual(
      failure('judgementBeforeLoopEnd', 'judgementDate', '2026-04-30'),
    );
  });

  it('refuses a date more than 366 days after the loop', () => {
    expect(checkJudgementDate('2027-05-02', loop)).toEqual(
      failure('judgementTooLate', 'judgementDate', '2027-05-02'),
    );
  });

  it('refuses a date that does not exist or lies outside the plan years', () => {
    expect(checkJudgementDate('2026-04-31', loop)).toEqual(
      failure('invalidDate', 'judgementDate', '2026-04-31'),
    );
    expect(checkJudgementDate('2100-01-01', loop)).toEqual(
      failure('dateOutOfRange', 'judgementDate', '2100-01-01'),
    );
  });
});

describe('defaultJudgementDate', () => {
  it('is the day after the loop ends, across month and year ends', () => {
    expect(defaultJudgementDate({ start: '2026-03-01', end: '2026-04-30' })).toBe('2026-05-01');
    expect(defaultJudgementDate({ start: '2026-11-01', end: '2026-12-31' })).toBe('2027-01-01');
    expect(defaultJudgementDate({ start: '2028-01-01', end: '2028-02-28' })).toBe('2028-02-29');
    expect(defaultJudgementDate({ start: '2026-03-02', end: '2026-03-15' })).toBe('2026-03-16');
  });
});

describe('stepCompletion', () => {
  const full: CompletionInput = {
    loopIndex: 1,
    kpis: [reach, hires, frequency],
    baselineKnown: new Set(['reach', 'hires', 'frequency']),
    focus: 'reach',
    // No target for frequency: its direction depends, so none is needed.
    targets: { reach: 13200, hires: 134 },
    judgementDate: '2026-05-01',
  };
  const allTrue = { baseline: true, kpis: true, focus: true, success: true, expectations: true };

  it('marks every step complete when everything is filled in', () => {
    expect(stepCompletion(full)).toEqual(allTrue);
  });

  it('completes nothing in loop 1 without KPIs but the focus, when chosen', () => {
    const empty = { ...full, kpis: [], baselineKnown: new Set<string>(), targets: {} };
    expect(stepCompletion({ ...empty, focus: undefined })).toEqual({
      baseline: false,
      kpis: false,
      focus: false,
      success: false,
      expectations: false,
    });
    expect(stepCompletion(empty)).toEqual({
      baseline: false,
      kpis: false,
      focus: true,
      success: false,
      expectations: false,
    });
  });

  it('leaves the baseline and the summary open while one KPI has no baseline', () => {
    expect(stepCompletion({ ...full, baselineKnown: new Set(['reach', 'frequency']) })).toEqual({
      ...allTrue,
      baseline: false,
      expectations: false,
    });
  });

  it('needs a target for every judged KPI, but none for one whose direction depends', () => {
    expect(frequency.direction).toBe('depends');
    expect(stepCompletion({ ...full, targets: { reach: 13200 } })).toEqual({
      ...allTrue,
      success: false,
      expectations: false,
    });
    expect(
      stepCompletion({ ...full, kpis: [frequency], baselineKnown: new Set(['frequency']) }).success,
    ).toBe(true);
  });

  it('needs no target for a KPI the focus expects to drop', () => {
    const withoutHires = { ...full, targets: { reach: 13200 } };
    expect(stepCompletion(withoutHires).success).toBe(false);
    expect(stepCompletion({ ...withoutHires, expectedToDrop: new Set(['hires']) }).success).toBe(
      true,
    );
  });

  it('counts baseline and KPIs as done from loop 2 on, even without baseline values', () => {
    expect(stepCompletion({ ...full, loopIndex: 2, baselineKnown: new Set() })).toEqual(allTrue);
    // Even with no KPIs listed; the success step and the summary still need some.
    expect(
      stepCompletion({ ...full, loopIndex: 2, kpis: [], baselineKnown: new Set(), targets: {} }),
    ).toEqual({ ...allTrue, success: false, expectations: false });
  });

  it('needs the focus and the judgement date for the expectations step', () => {
    expect(stepCompletion({ ...full, judgementDate: undefined })).toEqual({
      ...allTrue,
      expectations: false,
    });
    expect(stepCompletion({ ...full, focus: undefined })).toEqual({
      ...allTrue,
      focus: false,
      expectations: false,
    });
  });
});

describe('suggestTargets', () => {
  // A count where lower is better, as a custom KPI could be.
  const rejections: KpiDefinition = { ...hires, key: 'rejections', direction: 'lower' };
  const applicationRate = kpi('applicationRate');
  const timeToHire = kpi('timeToHire');
  const values = (r: ReturnType<typeof suggestTargets>) =>
    r.ok ? Object.fromEntries(Object.entries(r.value).map(([k, s]) => [k, s?.value ?? null])) : r;

  it('suggests direction-aware targets per KPI, ten percent by default', () => {
    expect(DEFAULT_TARGET_STEP).toBe(10);
    expect(
      values(
        suggestTargets([reach, hires, rejections, applicationRate, timeToHire, frequency], {
          reach: 12000,
          hires: 121,
          rejections: 121,
          applicationRate: 4,
          timeToHire: 45,
          frequency: 2.5,
        }),
      ),
    ).toEqual({
      // 12000 × 1.1 is 13200.000000000002 in floating point; still 13200.
      reach: 13200,
      // 121 × 1.1 = 133.1: counts round up when higher is better …
      hires: 134,
      // … and 121 × 0.9 = 108.9 rounds down when lower is better.
      rejections: 108,
      // Percentages move relative to their value too: 4 % + 10 % is 4.4 %, not 14 %.
      applicationRate: 4.4,
      timeToHire: 40.5,
      frequency: 2.5,
    });
  });

  it('gives each suggestion its actual step and rounding note', () => {
    expect(suggestTargets([reach, hires], { reach: 12000, hires: 3 })).toEqual({
      ok: true,
      value: {
        reach: { value: 13200, stepPercent: 10, note: null },
        hires: { value: 4, stepPercent: 33.333333333, note: 'rounded' },
      },
    });
  });

  it('uses the given step', () => {
    // 121 × 1.2 = 145.2 → 146; 95 % × 1.2 = 114 % is held at 100 %.
    expect(
      suggestTargets([hires, applicationRate], { hires: 121, applicationRate: 95 }, 20),
    ).toEqual({
      ok: true,
      value: {
        hires: { value: 146, stepPercent: 20.661157025, note: null },
        applicationRate: { value: 100, stepPercent: 5.263157895, note: 'capped' },
      },
    });
  });

  it('suggests nothing for a KPI without a reference value', () => {
    expect(suggestTargets([reach, hires], { hires: null })).toEqual({
      ok: true,
      value: { reach: null, hires: null },
    });
  });

  it('suggests nothing for a KPI the focus expects to drop', () => {
    const timeOnSite = kpi('timeOnSite');
    // A reach focus expects time on site and the application rate to drop.
    const dropping = new Set(DEFAULT_FOCUS_RULES.reach.expectedDrop.map((d) => d.kpi));
    const reference = { reach: 12000, timeOnSite: 80, applicationRate: 4 };
    expect(
      values(suggestTargets([reach, timeOnSite, applicationRate], reference, 10, dropping)),
    ).toEqual({
      reach: 13200,
      timeOnSite: null,
      applicationRate: null,
    });
    // Without the focus, 80 s + 10 % = 88 s and 4 % + 10 % = 4.4 %.
    expect(values(suggestTargets([reach, timeOnSite, applicationRate], reference, 10))).toEqual({
      reach: 13200,
      timeOnSite: 88,
      applicationRate: 4.4,
    });
  });

  it('refuses a bad step', () => {
    expect(suggestTargets([hires], { hires: 121 }, -1)).toEqual(
      failure('invalidStep', 'step', '-1'),
    );
    expect(suggestTargets([hires], { hires: 121 }, Number.NaN)).toEqual(
      failure('invalidStep', 'step', 'NaN'),
    );
  });
});

describe('targetReference', () => {
  it('is the default baseline for loop 1: one loop length before it', () => {
    expect(targetReference('2026-03-01', twoMonths, 1, undefined)).toEqual({
      ok: true,
      value: { basis: 'baseline', range: { start: '2026-01-01', end: '2026-02-28' } },
    });
  });

  it("is the plan's own baseline for loop 1 when it has one", () => {
    const baseline = { start: '2025-12-01', end: '2026-02-28' };
    expect(targetReference('2026-03-01', twoMonths, 1, baseline)).toEqual({
      ok: true,
      value: { basis: 'baseline', range: baseline },
    });
  });

  it('is the previous loop from loop 2 on, whatever the baseline', () => {
    const baseline = { start: '2025-12-01', end: '2026-02-28' };
    // Loop 1: 03-01 … 04-30, loop 2: 05-01 … 06-30.
    expect(targetReference('2026-03-01', twoMonths, 2, baseline)).toEqual({
      ok: true,
      value: { basis: 'previousLoop', range: { start: '2026-03-01', end: '2026-04-30' } },
    });
    expect(targetReference('2026-03-01', twoMonths, 3, undefined)).toEqual({
      ok: true,
      value: { basis: 'previousLoop', range: { start: '2026-05-01', end: '2026-06-30' } },
    });
    // Two-week loops from Monday 2 March: loop 2 is 16 … 29 March.
    expect(targetReference('2026-03-02', { unit: 'weeks', count: 2 }, 3, undefined)).toEqual({
      ok: true,
      value: { basis: 'previousLoop', range: { start: '2026-03-16', end: '2026-03-29' } },
    });
  });

  it('refuses an invalid first loop start', () => {
    const error = failure('invalidDate', 'firstLoopStart', '2026-02-30');
    expect(targetReference('2026-02-30', twoMonths, 1, undefined)).toEqual(error);
    expect(targetReference('2026-02-30', twoMonths, 3, undefined)).toEqual(error);
  });
});

describe('checkKpiValue', () => {
  it('accepts zero and ordinary values', () => {
    expect(checkKpiValue(0, 'count')).toEqual({ ok: true, value: 0 });
    expect(checkKpiValue(120, 'count')).toEqual({ ok: true, value: 120 });
    expect(checkKpiValue(0, 'percent')).toEqual({ ok: true, value: 0 });
    expect(checkKpiValue(2.5, 'number')).toEqual({ ok: true, value: 2.5 });
  });

  it('refuses negative values, with a count-specific code', () => {
    expect(checkKpiValue(-1, 'count')).toEqual(failure('negativeCount', 'value', '-1'));
    expect(checkKpiValue(-0.5, 'currency')).toEqual(failure('negativeValue', 'value', '-0.5'));
    expect(checkKpiValue(-3, 'percent', 'baseline.scrollDepth')).toEqual(
      failure('negativeValue', 'baseline.scrollDepth', '-3'),
    );
  });

  it('refuses a fractional count', () => {
    expect(checkKpiValue(2.5, 'count')).toEqual(failure('notACount', 'value', '2.5'));
  });

  it('allows a percentage up to 100', () => {
    expect(checkKpiValue(100, 'percent')).toEqual({ ok: true, value: 100 });
    expect(checkKpiValue(100.5, 'percent')).toEqual(
      failure('percentOverHundred', 'value', '100.5'),
    );
    // Only percentages are capped.
    expect(checkKpiValue(150, 'number')).toEqual({ ok: true, value: 150 });
  });

  it('refuses NaN and infinity', () => {
    expect(checkKpiValue(Number.NaN, 'number')).toEqual(failure('notFinite', 'value', 'NaN'));
    expect(checkKpiValue(Number.POSITIVE_INFINITY, 'count')).toEqual(
      failure('notFinite', 'value', 'Infinity'),
    );
  });
});

describe('baselineForSettings', () => {
  const months2 = { unit: 'months', count: 2 } as const;
  const current = { firstLoopStart: '2026-03-01', loopLength: months2 };

  it('lets a default baseline without values follow the new default', () => {
    expect(
      baselineForSettings(current, { ...current, firstLoopStart: '2026-05-01' }, false),
    ).toEqual({ ok: true, value: undefined });
  });

  it('keeps the period of values already typed for the default baseline', () => {
    expect(
      baselineForSettings(current, { ...current, firstLoopStart: '2026-05-01' }, true),
    ).toEqual({ ok: true, value: { start: '2026-01-01', end: '2026-02-28' } });
  });

  it('keeps a chosen baseline, and refuses a first loop that would start inside it', () => {
    const chosen = { ...current, baseline: { start: '2025-11-01', end: '2026-01-31' } };
    expect(
      baselineForSettings(chosen, { ...current, firstLoopStart: '2026-02-01' }, false),
    ).toEqual({
      ok: true,
      value: chosen.baseline,
    });
    expect(
      baselineForSettings(chosen, { ...current, firstLoopStart: '2026-01-15' }, false),
    ).toEqual({
      ok: false,
      error: { code: 'baselineNotBeforeLoop', field: 'firstLoopStart', value: '2026-01-31' },
    });
  });
});
