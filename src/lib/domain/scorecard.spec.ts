import { describe, expect, it } from 'vitest';
import type { PeriodValue } from './aggregate';
import { catalogKpi, type KpiDefinition } from './catalog';
import { DEFAULT_FOCUS_RULES } from './focus';
import { ownFlags, scorecard, targetProgress } from './scorecard';
import { verdict, type VerdictInput } from './verdict';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const pv = (value: number | null, days = 61): PeriodValue => ({
  value,
  coverage: value === null ? 0 : 1,
  coveredDays: value === null ? 0 : days,
  lastDay: value === null ? null : 20_000 + days - 1,
  points: 1,
  days,
  partial: 0,
  superseded: 0,
  conflicts: 0,
});
const reach = DEFAULT_FOCUS_RULES.reach;
const judge = (key: string, current: number | null, reference: number | null, over = {}) =>
  verdict({
    kpi: kpi(key),
    current: pv(current),
    reference: pv(reference),
    basis: 'previousLoop',
    target: null,
    rules: reach,
    midLoopChanges: 0,
    ...over,
  } satisfies VerdictInput);

/** Half of a running loop: the value so far covers 30 of its 61 days. */
const half = (value: number) => ({
  current: { ...pv(value), coverage: 30 / 61, coveredDays: 30 },
  running: { elapsedDays: 30, lastYearShare: null },
});

describe('scorecard', () => {
  const verdicts = [
    // Focus KPIs of a reach loop: reach rose for real and met its target; visits missed.
    judge('reach', 60_000, 40_000, { target: 50_000 }),
    judge('careerSiteVisits', 4_100, 4_000, { target: 5_000 }),
    // Time on site fell: the reach focus predicted it.
    judge('timeOnSite', 70, 95),
    // Hires: a small change, met its target; not a focus KPI of reach.
    judge('hires', 14, 12, { target: 12 }),
    // Applications fell for real and were not expected to.
    judge('applicationsCompleted', 40, 90),
    // No number yet.
    judge('leadForms', null, 10),
  ];
  const card = scorecard(verdicts, { state: 'ended', rules: reach, midLoopChanges: 1 });

  it('counts targets met of those judged, focus KPIs apart', () => {
    expect(card.targets).toEqual({
      met: ['reach', 'hires'],
      missed: ['careerSiteVisits'],
      focusMet: ['reach'],
      focusMissed: ['careerSiteVisits'],
    });
  });

  it('sorts each change once: real up, real down, trade-off, noise, untested', () => {
    expect(card.realBetter).toEqual(['reach']);
    expect(card.realWorse).toEqual(['applicationsCompleted']);
    expect(card.tradeOffs).toEqual(['timeOnSite']);
    expect(card.withinNoise).toEqual(['careerSiteVisits', 'hires']);
    expect(card.notTested).toEqual([]);
    expect(card.empty).toBe(false);
    expect(card.caveats.midLoopChanges).toBe(1);
  });

  it('calls a loop without any value empty', () => {
    const empty = scorecard([judge('reach', null, 40_000), judge('hires', null, null)], {
      state: 'ended',
      rules: null,
      midLoopChanges: 0,
    });
    expect(empty.empty).toBe(true);
    expect(empty.targets.met).toEqual([]);
  });

  it('puts a running loop in pacing, not in verdicts', () => {
    const running = [
      judge('hires', 4, 12, { ...half(4), target: 12 }),
      judge('careerSiteVisits', 3_000, 4_000, { ...half(3_000), target: 4_000 }),
    ];
    const card = scorecard(running, { state: 'running', rules: reach, midLoopChanges: 0 });
    expect(card.pacing.onTrack).toEqual(['careerSiteVisits']);
    expect([...card.pacing.atRisk, ...card.pacing.behind]).toEqual(['hires']);
    expect(card.targets.met).toEqual([]);
    expect(card.withinNoise).toEqual([]);
  });

  it('leaves the strategy-change caveat to the scorecard and keeps the rest on the card', () => {
    const v = judge('hires', 14, 12, { midLoopChanges: 2 });
    expect(v.flags.flatMap((f) => f.reasons.map((r) => r.code))).toContain('midLoopChanges');
    expect(ownFlags(v)).toEqual([]);
    const traded = judge('timeOnSite', 70, 95, { midLoopChanges: 1 });
    expect(ownFlags(traded).map((f) => f.kind)).toEqual(['expectedTradeOff']);
  });
});

describe('targetProgress', () => {
  it('is value / target, filling the bar up to met', () => {
    expect(targetProgress(45, 60, 'higher')).toEqual({ ratio: 0.75, fill: 0.75 });
    expect(targetProgress(90, 60, 'higher')).toEqual({ ratio: 1.5, fill: 1 });
  });

  it('fills a lower-is-better bar when under the target', () => {
    expect(targetProgress(800, 1000, 'lower')).toEqual({ ratio: 0.8, fill: 1 });
    expect(targetProgress(2000, 1000, 'lower')).toEqual({ ratio: 2, fill: 0.5 });
  });

  it('has none without both numbers, for a zero target or a "depends" KPI', () => {
    expect(targetProgress(null, 10, 'higher')).toBeNull();
    expect(targetProgress(5, null, 'higher')).toBeNull();
    expect(targetProgress(5, 0, 'higher')).toBeNull();
    expect(targetProgress(5, 10, 'depends')).toBeNull();
  });
});
