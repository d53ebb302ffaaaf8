import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from './test-support';
import { catalogKpi, type KpiDefinition } from './catalog';
import { addDays } from './dates';
import { DEFAULT_FOCUS_RULES } from './focus';
import {
  basesFor,
  kpiPeriodValue,
  MAX_HISTORY_LOOPS,
  namedBasis,
  periodValues,
  periodValuesOver,
  planVerdicts,
  referenceRange,
} from './plan-verdicts';
import { prepareSeries, type Point, type Series } from './aggregate';

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

  it("names loop 1's previous loop the 0-meting: the same period, offered once", () => {
    expect(namedBasis(1, 'previousLoop')).toBe('baseline');
    expect(namedBasis(2, 'previousLoop')).toBe('previousLoop');
    expect(namedBasis(1, 'sameLoopLastYear')).toBe('sameLoopLastYear');
    for (const custom of [plan, { ...plan, baseline: { start: '2025-10-01', end: '2025-12-31' } }])
      expect(referenceRange(custom, 1, 'previousLoop')).toEqual(
        referenceRange(custom, 1, 'baseline'),
      );
    expect(basesFor(1)).toEqual(['baseline', 'sameLoopLastYear']);
    expect(basesFor(2)).toContain('previousLoop');
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

/* A seeded simulation through the whole pipeline: period values, dispersion from history,
 * the count test and the false discovery rate over a loop's KPIs. */

/** A loop's count with mean `mean` and 10 % extra variation (normal for these sizes). */
function noisyCount(mean: number, random: () => number): number {
  const z = normal(random);
  const sd = Math.sqrt(mean + (0.1 * mean) ** 2);
  return Math.max(0, Math.round(mean + z * sd));
}

describe('planVerdicts with no real change and 10 % extra variation (seeded)', () => {
  const LOOPS = 240;
  const volumeKpi = (i: number): KpiDefinition => ({
    ...kpi('impressions'),
    key: `volume${i}`,
  });
  const random = mulberry32(14);
  const kpis = Array.from({ length: 10 }, (_, i) => volumeKpi(i));
  const measurements: Record<string, Point[]> = {};
  // One-month loops from January 2006; each loop's value stored on exactly its month.
  for (const k of kpis)
    measurements[k.key] = Array.from({ length: LOOPS }, (_, n) => {
      const start = `${2006 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
      const days = new Date(Date.UTC(2006 + Math.floor(n / 12), (n % 12) + 1, 0)).getUTCDate();
      return { start, end: addDays(start, days - 1), value: noisyCount(50_000, random) };
    });
  const prepared = planVerdicts({
    firstLoopStart: '2006-01-01',
    loopLength: { unit: 'months', count: 1 },
    kpis,
    measurements,
  });
  if (!prepared.ok) throw new Error(prepared.error.code);
  const labels: string[][] = [];
  for (let index = 2; index <= LOOPS; index++) {
    const verdicts = prepared.value({
      index,
      basis: 'previousLoop',
      rules: null,
      targets: {},
      midLoopChanges: 0,
    });
    if (!verdicts.ok) throw new Error(verdicts.error.code);
    labels.push(verdicts.value.map((v) => v.noise.label));
  }

  it('calls at most 10 % of loops "probably real" per volume KPI', () => {
    for (let k = 0; k < kpis.length; k++) {
      const real = labels.filter((loop) => loop[k] === 'probablyReal').length;
      expect(real / labels.length, kpis[k]!.key).toBeLessThanOrEqual(0.1);
    }
  });

  it("reads each KPI's dispersion from the most recent loops only", () => {
    const loop100 = prepared.value({
      index: 100,
      basis: 'previousLoop',
      rules: null,
      targets: {},
      midLoopChanges: 0,
    });
    if (!loop100.ok) throw new Error(loop100.error.code);
    for (const v of loop100.value)
      expect(v.noise.test === 'counts' && v.noise.historyLoops).toBe(MAX_HISTORY_LOOPS);
  });

  it('shows any "probably real" in at most 10 % of loops across the ten unchanged KPIs', () => {
    const any = labels.filter((loop) => loop.includes('probablyReal')).length;
    expect(any / labels.length).toBeLessThanOrEqual(0.1);
    // And the KPIs were tested, not skipped.
    expect(labels.every((loop) => loop.every((l) => l !== 'noTest'))).toBe(true);
  });
});

describe('kpiPeriodValue', () => {
  const loop = { start: '2026-01-01', end: '2026-02-28' };
  const seriesOf =
    (points: Record<string, Point[]>) =>
    (key: string): Series => {
      const prepared = prepareSeries(points[key] ?? []);
      if (!prepared.ok) throw new Error(prepared.error.code);
      return prepared.value;
    };

  it('gives reach in the target group from a reach value for exactly the period', () => {
    const share = kpi('reachShare');
    const exact = seriesOf({ reach: [{ ...loop, value: 6_000 }] });
    const valued = kpiPeriodValue(share, exact, loop, 40_000);
    expect(valued.ok && valued.value.value.value).toBeCloseTo(15, 12);
    // Without the group's size, or from daily uniques added up: no share.
    const noSize = kpiPeriodValue(share, exact, loop);
    expect(noSize.ok && noSize.value.value.value).toBeNull();
    const summed = kpiPeriodValue(
      share,
      seriesOf({ reach: daily('2026-01-01', 59, () => 500) }),
      loop,
      40_000,
    );
    expect(summed.ok && summed.value.value.value).toBeNull();
  });

  it('counts the campaign budgets as spend for cost per hire when no spend is entered, and says so', () => {
    const series = seriesOf({ hires: [{ ...loop, value: 4 }] });
    const valued = kpiPeriodValue(kpi('costPerHire'), series, loop, undefined, () => ({
      amount: 6_000,
      source: 'campaigns',
    }));
    expect(valued.ok && valued.value.value).toMatchObject({
      value: 1_500,
      spendSource: 'campaigns',
    });
    // Spend entered wins.
    const entered = kpiPeriodValue(
      kpi('costPerHire'),
      seriesOf({ hires: [{ ...loop, value: 4 }], spend: [{ ...loop, value: 2_000 }] }),
      loop,
      undefined,
      () => ({ amount: 6_000, source: 'campaigns' }),
    );
    expect(entered.ok && entered.value.value.value).toBe(500);
    expect(entered.ok && entered.value.value.spendSource).toBeUndefined();
  });

  it('puts a rate per day when its parts cover different days, and does not test it', () => {
    // Applications for 20 days (2 a day), visits for all 59 days (100 a day): 2 %, not 0.7 %.
    const series = seriesOf({
      applicationsCompleted: daily('2026-01-01', 20, () => 2),
      careerSiteVisits: daily('2026-01-01', 59, () => 100),
    });
    const valued = kpiPeriodValue(kpi('applicationRate'), series, loop);
    expect(valued.ok && valued.value.value.value).toBeCloseTo(2, 12);
    expect(valued.ok && valued.value.value.partsDiffer).toBe(true);
  });
});

describe('a running loop with channels that report up to different days', () => {
  it('is paced on the days all channels have, not on the quickest channel', () => {
    const onChannel = (channel: string, days: number) =>
      daily('2026-01-01', days, () => 10).map((p) => ({ ...p, channel }));
    const channels = {
      ...plan,
      kpis: [kpi('careerSiteVisits')],
      measurements: {
        careerSiteVisits: [
          ...daily('2025-11-01', 61, () => 20),
          ...onChannel('Meta', 20),
          ...onChannel('LinkedIn', 10),
        ],
      },
    };
    const prepared = planVerdicts(channels);
    if (!prepared.ok) throw new Error('not prepared');
    const result = prepared.value({
      index: 1,
      basis: 'previousLoop',
      rules: null,
      targets: {},
      midLoopChanges: 0,
      today: '2026-01-21',
    });
    if (!result.ok) throw new Error('no verdicts');
    const visits = result.value[0]!;
    // Ten days of both channels: 200 in 10 of the loop's 59 days, so 1,180 at its end (not
    // 300 in 20 days, 885, which leaves LinkedIn's missing days out).
    expect(visits.value).toBe(200);
    expect(visits.pacing?.projected).toBeCloseTo(1180, 6);
  });
});

describe('periodValuesOver', () => {
  it('gives for each period what periodValues gives for it alone', () => {
    const kpis = [kpi('careerSiteVisits'), kpi('reach')];
    const points = (seed: number): Point[] =>
      Array.from({ length: 90 }, (_, d) => {
        const date = addDays('2026-01-01', d);
        return { start: date, end: date, value: d % 9 === 0 ? null : (d * seed) % 37 };
      });
    const measurements = { careerSiteVisits: points(3), reach: points(5) };
    const periods = [
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-03-31' },
      { start: '2026-03-15', end: '2026-04-30' },
    ];
    const together = periodValuesOver(kpis, measurements, periods);
    expect(together).toEqual({
      ok: true,
      value: periods.map((p) => {
        const alone = periodValues(kpis, measurements, p);
        if (!alone.ok) throw new Error('expected values');
        return alone.value;
      }),
    });
  });

  it('refuses an inverted period like periodValues', () => {
    const inverted = { start: '2026-02-01', end: '2026-01-01' };
    expect(periodValuesOver([], {}, [inverted]).ok).toBe(false);
    expect(periodValues([], {}, inverted).ok).toBe(false);
  });
});
