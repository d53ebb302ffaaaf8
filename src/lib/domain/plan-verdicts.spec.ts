import { describe, expect, it } from 'vitest';
import type { Point } from './aggregate';
import { catalogKpi, type KpiDefinition } from './catalog';
import { addDays } from './dates';
import { DEFAULT_FOCUS_RULES } from './focus';
import { planVerdicts, referenceRange } from './plan-verdicts';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const daily = (from: string, days: number, value: (i: number) => number): Point[] =>
  Array.from({ length: days }, (_, i) => ({
    start: addDays(from, i),
    end: addDays(from, i),
    value: value(i),
  }));

const plan = {
  firstLoopStart: '2026-01-01',
  loopLength: { unit: 'months' as const, count: 2 },
  kpis: [
    kpi('careerSiteVisits'),
    kpi('applicationsCompleted'),
    kpi('applicationRate'),
    kpi('timeOnSite'),
  ],
  measurements: {
    careerSiteVisits: daily('2025-11-01', 181, (i) => (i < 61 ? 100 : 300)),
    applicationsCompleted: daily('2025-11-01', 181, () => 2),
    timeOnSite: daily('2025-11-01', 181, (i) => (i < 61 ? 80 : 50)),
  },
};

describe('referenceRange', () => {
  it('finds the previous loop, the baseline and the same period last year', () => {
    expect(referenceRange(plan, 1, 'previousLoop')).toEqual({
      ok: true,
      value: { start: '2025-11-01', end: '2025-12-31' },
    });
    expect(referenceRange(plan, 2, 'baseline')).toEqual({
      ok: true,
      value: { start: '2025-11-01', end: '2025-12-31' },
    });
    expect(referenceRange(plan, 2, 'sameLoopLastYear')).toEqual({
      ok: true,
      value: { start: '2025-03-01', end: '2025-04-30' },
    });
    expect(
      referenceRange(
        { ...plan, baseline: { start: '2025-10-01', end: '2025-12-31' } },
        1,
        'previousLoop',
      ),
    ).toEqual({
      ok: true,
      value: { start: '2025-10-01', end: '2025-12-31' },
    });
  });
});

describe('planVerdicts', () => {
  it('judges loop 1 against the baseline: more visits, rate down as a reach focus predicts', () => {
    const prepared = planVerdicts(plan);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const result = prepared.value({
      index: 1,
      basis: 'previousLoop',
      rules: DEFAULT_FOCUS_RULES.reach,
      targets: { careerSiteVisits: 15000 },
      midLoopChanges: 0,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byKey = Object.fromEntries(result.value.map((v) => [v.key, v]));
    expect(byKey.careerSiteVisits).toMatchObject({
      value: 17700,
      reference: 6100,
      targetStatus: 'met',
      noise: { label: 'probablyReal' },
    });
    expect(byKey.applicationRate?.change?.assessment).toBe('worse');
    expect(byKey.applicationRate?.flags.map((f) => f.kind)).toContain('expectedTradeOff');
    expect(byKey.timeOnSite?.flags.map((f) => f.kind)).toEqual(['expectedTradeOff']);
  });

  it('reports missing coverage and no data for a loop without numbers yet', () => {
    const prepared = planVerdicts(plan);
    if (!prepared.ok) throw new Error('prepare');
    const result = prepared.value({
      index: 3,
      basis: 'previousLoop',
      rules: null,
      targets: {},
      midLoopChanges: 0,
    });
    if (!result.ok) throw new Error('verdicts');
    const visits = result.value.find((v) => v.key === 'careerSiteVisits');
    expect(visits?.flags).toEqual([
      {
        kind: 'comparisonWeakened',
        reasons: [{ code: 'incompleteCoverage', current: 0, reference: 1 }],
      },
      { kind: 'tooLittleData', reasons: [{ code: 'noData' }] },
    ]);
  });

  it('refuses measurements of an unknown KPI and bad data with typed errors', () => {
    expect(
      planVerdicts({ ...plan, measurements: { ...plan.measurements, nope: [] } }),
    ).toMatchObject({ ok: false, error: { code: 'unknownKpi', value: 'nope' } });
    expect(
      planVerdicts({
        ...plan,
        measurements: { hires: [{ start: '2026-01-02', end: '2026-01-01', value: 1 }] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invertedRange' } });
  });
});
