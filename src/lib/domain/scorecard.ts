import type { Direction } from './catalog';
import type { FocusRules } from './focus';
import type { Verdict } from './verdict';

import type { loopState } from './periods';

/** Where a loop stands for its scorecard. */
export type LoopState = ReturnType<typeof loopState>;

/**
 * One loop in one answer: what a colleague reads before any card. Every list holds KPI keys
 * in the order of the verdicts given, so the scorecard names them as the cards below do.
 */
export type Scorecard = {
  state: LoopState;
  /** No KPI has a value for the loop yet: the page leads to entering numbers instead. */
  empty: boolean;
  /** Targets met of those judged (met or missed), focus KPIs counted apart. */
  targets: { met: string[]; missed: string[]; focusMet: string[]; focusMissed: string[] };
  /** Changes the test calls probably real, better or worse for the organisation. */
  realBetter: string[];
  realWorse: string[];
  /** Drops the loop's focus predicted (with the reason on the card), whatever their label. */
  tradeOffs: string[];
  /** Changes that could be chance. */
  withinNoise: string[];
  /** Tested, but with too little data to say. */
  tooLittleData: string[];
  /** KPIs with a value and a reference but no honest test for their kind of number. */
  notTested: string[];
  /** Caveats that hold for the whole loop, stated once instead of on every card. */
  caveats: { midLoopChanges: number };
  /** The running loop: where the KPIs with a target are heading. */
  pacing: { onTrack: string[]; atRisk: string[]; behind: string[] };
};

/** The KPIs the loop's focus expects to rise: its focus KPIs. */
export function focusKeys(rules: FocusRules | null): Set<string> {
  return new Set(rules?.expectedRise ?? []);
}

/**
 * Sums a loop's verdicts up into its scorecard. A change counts once: an expected trade-off
 * is not also a real change for the worse, and the strategy changes during the loop, which
 * weaken every comparison alike, become one caveat of the loop instead of one per card.
 */
export function scorecard(
  verdicts: readonly Verdict[],
  options: { state: LoopState; rules: FocusRules | null; midLoopChanges: number },
): Scorecard {
  const focus = focusKeys(options.rules);
  const card: Scorecard = {
    state: options.state,
    empty: verdicts.every((v) => v.value === null),
    targets: { met: [], missed: [], focusMet: [], focusMissed: [] },
    realBetter: [],
    realWorse: [],
    tradeOffs: [],
    withinNoise: [],
    tooLittleData: [],
    notTested: [],
    caveats: { midLoopChanges: options.midLoopChanges },
    pacing: { onTrack: [], atRisk: [], behind: [] },
  };
  for (const v of verdicts) {
    if (v.pacing) {
      const status = v.pacing.status;
      if (status === 'onTrack' || status === 'atRisk' || status === 'behind')
        card.pacing[status].push(v.key);
      continue;
    }
    if (v.targetStatus === 'met' || v.targetStatus === 'missed') {
      card.targets[v.targetStatus].push(v.key);
      if (focus.has(v.key))
        card.targets[v.targetStatus === 'met' ? 'focusMet' : 'focusMissed'].push(v.key);
    }
    if (v.flags.some((f) => f.kind === 'expectedTradeOff')) {
      card.tradeOffs.push(v.key);
      continue;
    }
    if (!v.change || v.change.isNew) continue;
    const label = v.noise.label;
    if (label === 'probablyReal') {
      if (v.change.assessment === 'better') card.realBetter.push(v.key);
      else if (v.change.assessment === 'worse') card.realWorse.push(v.key);
      else card.notTested.push(v.key);
    } else if (label === 'couldBeChance') card.withinNoise.push(v.key);
    else if (label === 'tooLittleData') card.tooLittleData.push(v.key);
    else if (v.noise.test === 'none' && v.noise.why !== 'noValue') card.notTested.push(v.key);
  }
  return card;
}

/**
 * A verdict's caveats without the ones its loop's scorecard states once: the card keeps
 * only what is particular to its KPI.
 */
export function ownFlags(v: Verdict): Verdict['flags'] {
  return v.flags
    .map((f) => ({ ...f, reasons: f.reasons.filter((r) => r.code !== 'midLoopChanges') }))
    .filter((f) => f.reasons.length > 0);
}

/**
 * A value against its target: `ratio` is value / target, as "% of target" says it; `fill` is
 * how far the bar towards met is filled (0..1), for lower-is-better KPIs target / value, so a
 * cost per hire under its target fills the bar. Null without both or for a "depends" KPI.
 */
export function targetProgress(
  value: number | null,
  target: number | null,
  direction: Direction,
): { ratio: number; fill: number } | null {
  if (value === null || target === null || direction === 'depends' || target <= 0) return null;
  const ratio = value / target;
  if (direction === 'higher') return { ratio, fill: Math.min(1, Math.max(0, ratio)) };
  return { ratio, fill: value <= target ? 1 : Math.max(0, target / value) };
}
