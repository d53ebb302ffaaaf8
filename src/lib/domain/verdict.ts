import type { ComparisonBasis } from '$lib/schema';
import type { PeriodValue } from './aggregate';
import type { KpiDefinition, Text } from './catalog';
import { compareValues, type Change } from './compare';
import { expectedDropFor, type FocusRules } from './focus';
import { compareCounts, compareProportions, type NoiseLabel } from './stats';
import { targetStatus, type TargetStatus } from './targets';

/** Periods whose lengths differ by more than this many days are "of unequal length". */
export const LENGTH_TOLERANCE_DAYS = 3;

/** Why a verdict deserves a caveat. Each reason carries what the UI needs to explain it. */
export type FlagReason =
  | { code: 'focusPredictsDrop'; reason: Text }
  | { code: 'midLoopChanges'; count: number }
  | { code: 'incompleteCoverage'; current: number; reference: number | null }
  | { code: 'unequalLength'; currentDays: number; referenceDays: number }
  | { code: 'noData' }
  | { code: 'smallNumbers' };

export type Flag = {
  kind: 'expectedTradeOff' | 'comparisonWeakened' | 'tooLittleData';
  reasons: FlagReason[];
};

export type Noise =
  | {
      test: 'poisson';
      label: NoiseLabel;
      pValue: number;
      normalRange: [number, number];
      chanceRange: [number, number];
      rateRatio: number | null;
    }
  | { test: 'proportions'; label: NoiseLabel; pValue: number }
  | { test: 'none'; label: 'noTest' };

export type Verdict = {
  key: string;
  value: number | null;
  /** Share of the loop's days the value's data covers (0..1), shown beside the value. */
  coverage: number;
  target: number | null;
  /** Against the target: separate from the change, so a met target is never painted red. */
  targetStatus: TargetStatus;
  basis: ComparisonBasis;
  reference: number | null;
  change: Change | null;
  noise: Noise;
  flags: Flag[];
};

export type VerdictInput = {
  kpi: KpiDefinition;
  current: PeriodValue;
  /** The chosen reference period's value, or null when there is none. */
  reference: PeriodValue | null;
  basis: ComparisonBasis;
  target: number | null;
  rules: FocusRules | null;
  /** Strategy changes logged during the current loop. */
  midLoopChanges: number;
  /** For ratio KPIs: the numerator and denominator counts of both periods, when known. */
  parts?: { current: [number | null, number | null]; reference: [number | null, number | null] };
};

const isCount = (v: number | null): v is number => v !== null && Number.isInteger(v) && v >= 0;

function noiseOf(input: VerdictInput): Noise {
  const { kpi, current, reference } = input;
  if (!reference || current.value === null || reference.value === null)
    return { test: 'none', label: 'noTest' };
  if (
    kpi.unit === 'count' &&
    kpi.aggregation.kind === 'sum' &&
    isCount(current.value) &&
    isCount(reference.value)
  ) {
    const result = compareCounts(current.value, current.days, reference.value, reference.days);
    if (result.ok) return { test: 'poisson', ...result.value };
  }
  if (kpi.aggregation.kind === 'ratio' && kpi.unit === 'percent' && input.parts) {
    const [x1, n1] = input.parts.current;
    const [x2, n2] = input.parts.reference;
    if (isCount(x1) && isCount(n1) && isCount(x2) && isCount(n2) && x1 <= n1 && x2 <= n2) {
      const result = compareProportions(x1, n1, x2, n2);
      if (result.ok)
        return { test: 'proportions', label: result.value.label, pValue: result.value.pValue };
    }
  }
  // Means, last values and money ratios have no honest test from these numbers alone.
  return { test: 'none', label: 'noTest' };
}

/**
 * The verdict for one KPI in one loop: status against its target, change against the chosen
 * reference with its noise label, and the caveats (expected trade-off, weakened comparison,
 * too little data), each with its reasons.
 */
export function verdict(input: VerdictInput): Verdict {
  const { kpi, current, reference } = input;
  const change = compareValues(current.value, reference?.value ?? null, kpi.unit, kpi.direction);
  const noise = noiseOf(input);
  const flags: Flag[] = [];

  const drop = input.rules ? expectedDropFor(input.rules, kpi.key) : undefined;
  if (drop && change?.assessment === 'worse')
    flags.push({
      kind: 'expectedTradeOff',
      reasons: [{ code: 'focusPredictsDrop', reason: drop.reason }],
    });

  const weakened: FlagReason[] = [];
  if (input.midLoopChanges > 0)
    weakened.push({ code: 'midLoopChanges', count: input.midLoopChanges });
  if (current.coverage < 1 || (reference && reference.coverage < 1))
    weakened.push({
      code: 'incompleteCoverage',
      current: current.coverage,
      reference: reference?.coverage ?? null,
    });
  if (reference && Math.abs(current.days - reference.days) > LENGTH_TOLERANCE_DAYS)
    weakened.push({
      code: 'unequalLength',
      currentDays: current.days,
      referenceDays: reference.days,
    });
  if (weakened.length) flags.push({ kind: 'comparisonWeakened', reasons: weakened });

  const little: FlagReason[] = [];
  if (current.value === null || (reference && reference.value === null))
    little.push({ code: 'noData' });
  if (noise.label === 'tooLittleData') little.push({ code: 'smallNumbers' });
  if (little.length) flags.push({ kind: 'tooLittleData', reasons: little });

  return {
    key: kpi.key,
    value: current.value,
    coverage: current.coverage,
    target: input.target,
    targetStatus: targetStatus(current.value, input.target, kpi.direction),
    basis: input.basis,
    reference: reference?.value ?? null,
    change,
    noise,
    flags,
  };
}
