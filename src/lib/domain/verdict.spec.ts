import { describe, expect, it } from 'vitest';
import type { PeriodValue } from './aggregate';
import { catalogKpi, type KpiDefinition } from './catalog';
import { DEFAULT_FOCUS_RULES } from './focus';
import { countRange } from './stats';
import {
  judgeTogether,
  valueAsMeasured,
  verdict,
  verdictModel,
  type Verdict,
  type VerdictInput,
} from './verdict';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const pv = (value: number | null, days = 61, coverage = 1): PeriodValue => ({
  value,
  coverage,
  coveredDays: Math.round(coverage * days),
  lastDay: value === null ? null : 20_000 + Math.round(coverage * days) - 1,
  points: 1,
  days,
  partial: 0,
  superseded: 0,
  conflicts: 0,
});
const base = (over: Partial<VerdictInput>): VerdictInput => ({
  kpi: kpi('applicationsCompleted'),
  current: pv(19),
  reference: pv(12),
  basis: 'previousLoop',
  target: null,
  rules: null,
  midLoopChanges: 0,
  ...over,
});

describe('verdict', () => {
  it('labels 12 → 19 applications as could be chance, with its range, and no caveats', () => {
    const v = verdict(base({ target: 18 }));
    expect(v.targetStatus).toBe('met');
    expect(v.change).toMatchObject({ absolute: 7, assessment: 'better' });
    expect(v.noise).toMatchObject({ test: 'counts', model: 'events', label: 'couldBeChance' });
    if (v.noise.test === 'counts') expect(v.noise.range?.[1]).toBeGreaterThanOrEqual(19);
    expect(v.flags).toEqual([]);
  });

  it('keeps a met target met even when the previous loop was better', () => {
    const v = verdict(base({ current: pv(19), reference: pv(40), target: 15 }));
    expect(v.targetStatus).toBe('met');
    expect(v.change?.assessment).toBe('worse');
  });

  it('flags a drop the reach focus predicted as an expected trade-off, with the reason', () => {
    const v = verdict(
      base({
        kpi: kpi('timeOnSite'),
        current: pv(48),
        reference: pv(75),
        rules: DEFAULT_FOCUS_RULES.reach,
      }),
    );
    expect(v.noise).toEqual({ test: 'none', label: 'noTest', why: 'mean' });
    expect(v.flags).toEqual([
      {
        kind: 'expectedTradeOff',
        reasons: [
          { code: 'focusPredictsDrop', reason: DEFAULT_FOCUS_RULES.reach.expectedDrop[0]!.reason },
        ],
      },
    ]);
  });

  it('does not call a rise an expected trade-off', () => {
    const v = verdict(
      base({
        kpi: kpi('timeOnSite'),
        current: pv(80),
        reference: pv(75),
        rules: DEFAULT_FOCUS_RULES.reach,
      }),
    );
    expect(v.flags).toEqual([]);
  });

  it('weakens the comparison for mid-loop changes, missing days and unequal lengths', () => {
    const v = verdict(base({ current: pv(19, 61, 0.8), reference: pv(12, 90), midLoopChanges: 2 }));
    expect(v.flags).toEqual([
      {
        kind: 'comparisonWeakened',
        reasons: [
          { code: 'midLoopChanges', count: 2 },
          { code: 'incompleteCoverage', current: 0.8, reference: 1 },
        ],
      },
    ]);
  });

  it('says too little data for tiny counts and for a missing reference value', () => {
    expect(verdict(base({ current: pv(3), reference: pv(2) })).flags).toEqual([
      { kind: 'tooLittleData', reasons: [{ code: 'smallNumbers' }] },
    ]);
    const none = verdict(base({ reference: pv(null) }));
    expect(none.change).toBeNull();
    expect(none.flags).toEqual([{ kind: 'tooLittleData', reasons: [{ code: 'noData' }] }]);
  });

  it('tests a rate with known parts as two proportions, and a money ratio not at all', () => {
    const rate = verdict(
      base({
        kpi: kpi('applicationRate'),
        current: pv(3),
        reference: pv(1.5),
        parts: { current: [60, 2000], reference: [30, 2000] },
      }),
    );
    expect(rate.noise).toMatchObject({ test: 'proportions', label: 'probablyReal' });
    expect(rate.change?.relative).toBeNull();
    const cost = verdict(
      base({
        kpi: kpi('costPerHire'),
        current: pv(900),
        reference: pv(1200),
        parts: { current: [9000, 10], reference: [12000, 10] },
      }),
    );
    expect(cost.noise).toEqual({ test: 'none', label: 'noTest', why: 'money' });
    expect(cost.change?.assessment).toBe('better');
  });

  // The situations of issue 14, each with its own numbers.

  it('1. compares a loop with missing days by daily rate over the days its data covers', () => {
    // 24 applications over the 20 days with data against 60 over 61 days: the rate rose.
    const v = verdict(base({ current: pv(24, 61, 20 / 61), reference: pv(60) }));
    expect(v.perDay).toEqual({
      current: 1.2,
      reference: 60 / 61,
      currentDays: 20,
      referenceDays: 61,
    });
    expect(v.change?.assessment).toBe('better');
    expect(v.noise).toMatchObject({ test: 'counts', label: 'couldBeChance', currentDays: 20 });
  });

  it('1. gives a running loop pacing against its target, not a verdict', () => {
    const v = verdict(
      base({
        current: pv(24, 61, 20 / 61),
        reference: pv(60),
        target: 45,
        running: { elapsedDays: 20, lastYearShare: null },
      }),
    );
    expect(v.noise).toEqual({ test: 'none', label: 'noTest', why: 'running' });
    expect(v.targetStatus).toBe('notJudged');
    expect(v.pacing).toMatchObject({ elapsedDays: 20, loopDays: 61, shape: 'even' });
    expect(v.pacing?.projected).toBeCloseTo(24 * (61 / 20), 9);
    expect(v.pacing?.status).toBe('onTrack');
    // On track: even the low end of the range (about 49) meets 45.
    const [low, high] = v.pacing?.range ?? [0, 0];
    expect(low).toBeGreaterThanOrEqual(45);
    expect(low).toBeLessThan(55);
    expect(high).toBeGreaterThan(90);
    // A projection of 73 against 66 is only at risk: the low end of its range misses.
    const close = verdict(
      base({
        current: pv(24, 61, 20 / 61),
        target: 66,
        running: { elapsedDays: 20, lastYearShare: null },
      }),
    );
    expect(close.pacing?.status).toBe('atRisk');
    // No events yet is still uncertain: a range above 0, never "0–0".
    const none = verdict(
      base({
        current: pv(0, 61, 5 / 61),
        target: 10,
        running: { elapsedDays: 5, lastYearShare: null },
      }),
    );
    expect(none.pacing?.range?.[1]).toBeGreaterThan(10);
    expect(none.pacing?.status).toBe('atRisk');
    // Behind: even the top of the range misses the target; at risk: only the range reaches it.
    const behind = verdict(
      base({
        current: pv(5, 61, 20 / 61),
        target: 66,
        running: { elapsedDays: 20, lastYearShare: null },
      }),
    );
    expect(behind.pacing?.status).toBe('behind');
    const risk = verdict(
      base({
        current: pv(20, 61, 20 / 61),
        target: 66,
        running: { elapsedDays: 20, lastYearShare: null },
      }),
    );
    expect(risk.pacing?.status).toBe('atRisk');
    // Last year's pattern: 40 % of last year's total fell in these days.
    const shaped = verdict(
      base({
        current: pv(24, 61, 20 / 61),
        target: 66,
        running: { elapsedDays: 20, lastYearShare: 0.4 },
      }),
    );
    expect(shaped.pacing).toMatchObject({ shape: 'lastYear', projected: 60 });
  });

  it('2. judges volumes with ordinary loop-to-loop variation: a 6 % dip in impressions could be chance', () => {
    const v = verdict(
      base({ kpi: kpi('impressions'), current: pv(139_000), reference: pv(148_000) }),
    );
    expect(v.noise).toMatchObject({ test: 'counts', model: 'volume', label: 'couldBeChance' });
    const small = verdict(
      base({ kpi: kpi('careerSiteVisits'), current: pv(50_625), reference: pv(50_000) }),
    );
    expect(small.noise.label).toBe('couldBeChance');
    // A doubling is still called.
    const big = verdict(
      base({ kpi: kpi('careerSiteVisits'), current: pv(100_000), reference: pv(50_000) }),
    );
    expect(big.noise.label).toBe('probablyReal');
  });

  it('3. shows the range the test accepts, so label and range agree; none for a zero reference', () => {
    const noise = verdict(base({ current: pv(30), reference: pv(20) })).noise;
    if (noise.test !== 'counts' || !noise.range) throw new Error('expected a count range');
    const [low, high] = noise.range;
    expect(high).not.toBeNull();
    const at = (x: number) => verdict(base({ current: pv(x), reference: pv(20) })).noise.label;
    expect(at(low)).toBe('couldBeChance');
    expect(at(high ?? 0)).toBe('couldBeChance');
    expect(at((high ?? 0) + 1)).toBe('probablyReal');
    if (low > 0) expect(at(low - 1)).toBe('probablyReal');
    const zero = verdict(base({ current: pv(14), reference: pv(0) })).noise;
    expect(zero).toMatchObject({ test: 'counts', range: null });
  });

  it('5. never tests a sum of daily unique counts', () => {
    const v = verdict(
      base({
        kpi: kpi('reach'),
        current: { ...pv(61_000), uniqueSum: true },
        reference: { ...pv(1_000), uniqueSum: false },
      }),
    );
    expect(v.noise).toEqual({ test: 'none', label: 'noTest', why: 'uniqueSum' });
    expect(v.flags[0]?.reasons).toContainEqual({ code: 'uniqueSum' });
  });

  it('6. notes a mean weighted by days instead of its base', () => {
    const v = verdict(
      base({
        kpi: kpi('timeOnSite'),
        current: { ...pv(109.7), dayWeighted: true },
        reference: pv(118),
      }),
    );
    expect(v.flags).toContainEqual({
      kind: 'comparisonWeakened',
      reasons: [{ code: 'dayWeighted' }],
    });
  });

  it('7. compares February and April per day: the same daily rate is unchanged, both lengths stated', () => {
    const v = verdict(base({ current: pv(280, 28), reference: pv(300, 30) }));
    expect(v.change).toMatchObject({ absolute: 0, assessment: 'unchanged' });
    expect(v.perDay).toEqual({ current: 10, reference: 10, currentDays: 28, referenceDays: 30 });
    expect(v.flags).toEqual([]);
    // A unique count cannot be put per day: unequal lengths weaken its comparison.
    const reach = verdict(
      base({ kpi: kpi('reach'), current: pv(2800, 28), reference: pv(3000, 30) }),
    );
    expect(reach.perDay).toBeNull();
    expect(reach.flags).toEqual([
      {
        kind: 'comparisonWeakened',
        reasons: [{ code: 'unequalLength', currentDays: 28, referenceDays: 30, perDay: false }],
      },
    ]);
  });

  it('4. says when finer values were left out for a total', () => {
    const v = verdict(base({ current: { ...pv(73), conflicts: 4 } }));
    expect(v.flags[0]?.reasons).toContainEqual({ code: 'conflicts', count: 4 });
  });

  it("8. labels a loop's KPIs together: one borderline change among ten is not called real", () => {
    const events = (current: number): Verdict =>
      verdict(base({ current: pv(current), reference: pv(100) }));
    // 100 → 133 alone is probably real (p ≈ 0.03); among nine unchanged KPIs it could be chance.
    const alone = events(133);
    expect(alone.noise.label).toBe('probablyReal');
    const family = judgeTogether([alone, ...Array.from({ length: 9 }, () => events(101))]);
    expect(family[0]?.noise.label).toBe('couldBeChance');
    // Its range is widened to the family's threshold, so it still contains the value.
    const range = family[0]?.noise.test === 'counts' ? family[0].noise.range : null;
    expect(range?.[1]).toBeGreaterThanOrEqual(133);
    // A clear change survives the correction.
    const clear = judgeTogether([events(200), ...Array.from({ length: 9 }, () => events(101))]);
    expect(clear[0]?.noise.label).toBe('probablyReal');
    // The range equals the test's acceptance set at the level used.
    expect(countRange(100, 61, 61)).not.toEqual(range);
  });

  it('compares unique people only over whole periods of about the same length', () => {
    const reach = kpi('reach');
    const tested = verdict(
      base({ kpi: reach, current: pv(60_000, 61), reference: pv(40_000, 59) }),
    );
    expect(tested.noise).toMatchObject({ test: 'counts', currentDays: 61, referenceDays: 61 });
    expect(tested.perDay).toBeNull();
    const longer = verdict(
      base({ kpi: reach, current: pv(60_000, 92), reference: pv(40_000, 61) }),
    );
    expect(longer.noise).toEqual({ test: 'none', label: 'noTest', why: 'uniqueLengths' });
    const partial = verdict(
      base({ kpi: reach, current: pv(30_000, 61, 0.5), reference: pv(40_000) }),
    );
    expect(partial.noise).toEqual({ test: 'none', label: 'noTest', why: 'uniqueLengths' });
  });

  it('never judges a sum of unique counts against a target of people, nor builds on it', () => {
    const v = verdict(
      base({ kpi: kpi('reach'), current: { ...pv(61_000), uniqueSum: true }, target: 5_000 }),
    );
    expect(v.targetStatus).toBe('notJudged');
    expect(valueAsMeasured(v)).toBeNull();
    expect(valueAsMeasured(verdict(base({})))).toBe(19);
  });

  it('does not test a rate whose parts cover different days', () => {
    const v = verdict(
      base({
        kpi: kpi('applicationRate'),
        current: { ...pv(2), partsDiffer: true },
        reference: pv(1.5),
        parts: { current: [40, 5900], reference: [30, 2000] },
      }),
    );
    expect(v.noise).toEqual({ test: 'none', label: 'noTest', why: 'partsDiffer' });
  });
});

describe('verdictModel', () => {
  it('names the model that judged the verdict, or the kind of number without a test', () => {
    // Counts: few events against the events model, large volumes against the volume model.
    expect(verdictModel(verdict(base({})))).toBe('events');
    expect(
      verdictModel(
        verdict(base({ kpi: kpi('impressions'), current: pv(58_000), reference: pv(50_000) })),
      ),
    ).toBe('volumes');
    // A running loop is paced, whatever its kind.
    expect(
      verdictModel(
        verdict(
          base({ current: pv(24, 61, 20 / 61), running: { elapsedDays: 20, lastYearShare: null } }),
        ),
      ),
    ).toBe('running');
    // No test from the numbers alone: money and means are named by their kind.
    expect(
      verdictModel(verdict(base({ kpi: kpi('spend'), current: pv(900), reference: pv(700) }))),
    ).toBe('money');
    expect(
      verdictModel(verdict(base({ kpi: kpi('timeOnSite'), current: pv(74), reference: pv(95) }))),
    ).toBe('means');
  });
});
