import type { ComparisonBasis } from '$lib/schema';
import type { PeriodValue } from './aggregate';
import type { KpiDefinition, NumberKind, Text } from './catalog';
import { compareValues, type Change } from './compare';
import { expectedDropFor, type FocusRules } from './focus';
import {
  ALPHA,
  compareCounts,
  compareProportions,
  countRange,
  fdrThreshold,
  POISSON,
  VOLUME_DEFAULT_KAPPA,
  type CountModel,
  type NoiseLabel,
} from './stats';
import { targetStatus, type TargetStatus } from './targets';

/** Why a verdict deserves a caveat. Each reason carries what the UI needs to explain it. */
export type FlagReason =
  | { code: 'focusPredictsDrop'; reason: Text }
  | { code: 'midLoopChanges'; count: number }
  | { code: 'incompleteCoverage'; current: number; reference: number | null }
  | { code: 'unequalLength'; currentDays: number; referenceDays: number; perDay: boolean }
  | { code: 'conflicts'; count: number }
  | { code: 'uniqueSum' }
  | { code: 'dayWeighted' }
  | { code: 'noData' }
  | { code: 'smallNumbers' };

export type Flag = {
  kind: 'expectedTradeOff' | 'comparisonWeakened' | 'tooLittleData';
  reasons: FlagReason[];
};

/** Why a KPI's change gets no significance test. */
export type NoTestReason =
  | 'running'
  | 'noValue'
  | 'mean'
  | 'level'
  | 'money'
  | 'score'
  | 'uniqueSum'
  | 'uniqueLengths'
  | 'partsDiffer'
  | 'noParts';

/** The count model that judged a change, as the card names it. */
export type CountNoise = {
  test: 'counts';
  /** Events (Poisson, with the plan's dispersion) or volumes (with loop-to-loop variation). */
  model: 'events' | 'volume';
  label: NoiseLabel;
  pValue: number;
  /**
   * The counts over the current days that would not be called a change against the shown
   * reference: exactly the values the test accepts, so label and range agree. Null for a
   * reference of 0; an upper end of null means no upper limit.
   */
  range: [number, number | null] | null;
  /** Days each side's data covers: the test compares daily rates over them. */
  currentDays: number;
  referenceDays: number;
  dispersion: CountModel;
  /** Earlier loops the dispersion was estimated from (0: the model's default). */
  historyLoops: number;
};

export type Noise =
  | CountNoise
  | { test: 'proportions'; label: NoiseLabel; pValue: number }
  | { test: 'none'; label: 'noTest'; why: NoTestReason };

/** The running loop: where the KPI is heading, instead of a verdict. */
export type Pacing = {
  /** Days of the loop before today. */
  elapsedDays: number;
  loopDays: number;
  /** Projected value at the loop's end (the value so far for means and last values). */
  projected: number | null;
  /** Where the end value may land (95 %), for counts; null otherwise. */
  range: [number, number] | null;
  /** Spread evenly over the loop's days, or by last year's pattern for the same period. */
  shape: 'even' | 'lastYear' | 'asIs';
  status: 'onTrack' | 'atRisk' | 'behind' | 'noTarget' | 'noValue' | 'notJudged';
};

export type Verdict = {
  key: string;
  kind: NumberKind;
  value: number | null;
  /** Share of the loop's days the value's data covers (0..1), shown beside the value. */
  coverage: number;
  target: number | null;
  /** Against the target: separate from the change, so a met target is never painted red. */
  targetStatus: TargetStatus;
  basis: ComparisonBasis;
  reference: number | null;
  /** The change; per day (see `perDay`) when the two sides cover a different number of days. */
  change: Change | null;
  /** Daily values compared when the days covered differ (sums only). */
  perDay: { current: number; reference: number; currentDays: number; referenceDays: number } | null;
  noise: Noise;
  /** Only for a loop that has not ended: the projection instead of a verdict. */
  pacing: Pacing | null;
  /** A cost per hire whose spend came from budgets, not from marketing spend entered. */
  spendSource?: 'campaigns' | 'loopBudget';
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
  /** The count model of this KPI (events: Poisson; volumes: the default variation). */
  dispersion?: { model: CountModel; loops: number };
  /**
   * The loop has not ended: days elapsed before today and, when last year has data for the
   * same period, the share of last year's total that fell in the same days.
   */
  running?: { elapsedDays: number; lastYearShare: number | null };
  /** The significance level (lowered by the false discovery rate over a loop's KPIs). */
  level?: number;
  /** Leave the count range out: `judgeTogether` sets it at the family's level afterwards. */
  deferRange?: boolean;
};

const isCount = (v: number | null): v is number => v !== null && Number.isInteger(v) && v >= 0;

/** Kinds of number whose value grows with the days counted. */
const isSum = (kpi: KpiDefinition) =>
  kpi.aggregation.kind === 'sum' && kpi.kind !== 'unique' && kpi.kind !== 'level';

/** The count model a kind of number is judged by without history. */
export function defaultDispersion(kind: NumberKind): CountModel {
  return kind === 'events' ? POISSON : { phi: 1, kappa: VOLUME_DEFAULT_KAPPA };
}

function noiseOf(input: VerdictInput, level: number): Noise {
  const { kpi, current, reference } = input;
  if (input.running) return { test: 'none', label: 'noTest', why: 'running' };
  if (!reference || current.value === null || reference.value === null)
    return { test: 'none', label: 'noTest', why: 'noValue' };
  if (kpi.kind === 'events' || kpi.kind === 'volume' || kpi.kind === 'unique') {
    if (current.uniqueSum || reference.uniqueSum)
      return { test: 'none', label: 'noTest', why: 'uniqueSum' };
    // Different people do not scale by days: a unique count is compared as it stands, over
    // whole periods of about the same length (the card notes the difference), else not at all.
    const unique = kpi.kind === 'unique';
    if (
      unique &&
      (Math.abs(current.days - reference.days) > UNIQUE_LENGTH_TOLERANCE ||
        current.coverage < 1 ||
        reference.coverage < 1)
    )
      return { test: 'none', label: 'noTest', why: 'uniqueLengths' };
    if (isCount(current.value) && isCount(reference.value)) {
      const model = kpi.kind === 'events' ? 'events' : 'volume';
      const dispersion = input.dispersion ?? { model: defaultDispersion(kpi.kind), loops: 0 };
      const currentDays = unique ? current.days : current.coveredDays;
      const referenceDays = unique ? current.days : reference.coveredDays;
      const result = compareCounts(
        current.value,
        currentDays,
        reference.value,
        referenceDays,
        dispersion.model,
        level,
      );
      if (result.ok)
        return {
          test: 'counts',
          model,
          label: result.value.label,
          pValue: result.value.pValue,
          range: input.deferRange
            ? null
            : countRange(reference.value, currentDays, referenceDays, dispersion.model, level),
          currentDays,
          referenceDays,
          dispersion: dispersion.model,
          historyLoops: dispersion.loops,
        };
    }
    return { test: 'none', label: 'noTest', why: 'level' };
  }
  if (kpi.kind === 'rate') {
    if (current.partsDiffer || reference.partsDiffer)
      return { test: 'none', label: 'noTest', why: 'partsDiffer' };
    const [x1, n1] = input.parts?.current ?? [null, null];
    const [x2, n2] = input.parts?.reference ?? [null, null];
    if (isCount(x1) && isCount(n1) && isCount(x2) && isCount(n2) && x1 <= n1 && x2 <= n2) {
      const result = compareProportions(x1, n1, x2, n2);
      if (result.ok) {
        const { pValue } = result.value;
        const label =
          result.value.label === 'tooLittleData'
            ? 'tooLittleData'
            : pValue <= level
              ? 'probablyReal'
              : 'couldBeChance';
        return { test: 'proportions', label, pValue };
      }
    }
    return { test: 'none', label: 'noTest', why: 'noParts' };
  }
  // Means, last values, money and scores have no honest test from these numbers alone.
  return { test: 'none', label: 'noTest', why: kpi.kind };
}

/**
 * Whole periods whose lengths differ by at most this many days (two-month loops: 59 to 62)
 * have their unique counts compared as they stand; beyond it they are not compared.
 */
export const UNIQUE_LENGTH_TOLERANCE = 3;

/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Where a running loop's KPI is heading. Counts and amounts are projected from their daily
 * rate over the days the data covers (or by last year's pattern for the same period), with a
 * 95 % range from the count model: the noise of the days still to come plus the uncertainty
 * of the rate itself. Means, rates and last values are taken as they stand.
 */
function pacingOf(input: VerdictInput, running: NonNullable<VerdictInput['running']>): Pacing {
  const { kpi, current, target } = input;
  const loopDays = current.days;
  const base = { elapsedDays: running.elapsedDays, loopDays };
  const judge = (projected: number, range: [number, number] | null): Pacing['status'] => {
    if (target === null) return 'noTarget';
    if (kpi.direction === 'depends') return 'notJudged';
    const meets = (v: number) => (kpi.direction === 'higher' ? v >= target : v <= target);
    if (!range) return meets(projected) ? 'onTrack' : 'atRisk';
    // On track only when even the unlucky end of the range meets the target.
    const unlucky = kpi.direction === 'higher' ? range[0] : range[1];
    const lucky = kpi.direction === 'higher' ? range[1] : range[0];
    if (meets(unlucky)) return 'onTrack';
    return meets(projected) || meets(lucky) ? 'atRisk' : 'behind';
  };
  if (current.value === null || current.coveredDays === 0)
    return { ...base, projected: null, range: null, shape: 'even', status: 'noValue' };
  if (!isSum(kpi)) {
    const projected = current.value;
    return { ...base, projected, range: null, shape: 'asIs', status: judge(projected, null) };
  }
  const share =
    running.lastYearShare !== null && running.lastYearShare > 0 && running.lastYearShare <= 1
      ? running.lastYearShare
      : current.coveredDays / loopDays;
  const shape = share === running.lastYearShare ? 'lastYear' : 'even';
  const projected = current.value / share;
  const remaining = projected - current.value;
  let range: [number, number] | null = null;
  if (kpi.kind === 'events' || kpi.kind === 'volume') {
    const { phi, kappa } = input.dispersion?.model ?? defaultDispersion(kpi.kind);
    const variance = (mu: number) => phi * mu + kappa * mu * mu;
    const scale = (1 - share) / share;
    // The rate so far is uncertain even at 0 events: at least one event's worth of it.
    const sd = Math.sqrt(
      variance(remaining) + scale * scale * variance(Math.max(current.value, 1)),
    );
    range = [
      Math.max(current.value, Math.floor(projected - Z95 * sd)),
      Math.ceil(projected + Z95 * sd),
    ];
  }
  return { ...base, projected, range, shape, status: judge(projected, range) };
}

/**
 * The verdict for one KPI in one loop: status against its target, change against the chosen
 * reference with its noise label, and the caveats (expected trade-off, weakened comparison,
 * too little data), each with its reasons. A loop that has not ended gets pacing instead of
 * a label.
 */
export function verdict(input: VerdictInput): Verdict {
  const { kpi, current, reference } = input;
  const level = input.level ?? ALPHA;
  const perDay =
    isSum(kpi) &&
    reference &&
    current.value !== null &&
    reference.value !== null &&
    current.coveredDays > 0 &&
    reference.coveredDays > 0 &&
    current.coveredDays !== reference.coveredDays
      ? {
          current: current.value / current.coveredDays,
          reference: reference.value / reference.coveredDays,
          currentDays: current.coveredDays,
          referenceDays: reference.coveredDays,
        }
      : null;
  const change = perDay
    ? compareValues(perDay.current, perDay.reference, kpi.unit, kpi.direction)
    : compareValues(current.value, reference?.value ?? null, kpi.unit, kpi.direction);
  const noise = noiseOf(input, level);
  const pacing = input.running ? pacingOf(input, input.running) : null;
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
  if (!input.running && (current.coverage < 1 || (reference && reference.coverage < 1)))
    weakened.push({
      code: 'incompleteCoverage',
      current: current.coverage,
      reference: reference?.coverage ?? null,
    });
  // Sums compared per day are fair whatever the lengths (the card states both); a unique
  // count over a longer period cannot be scaled, so unequal lengths weaken it.
  if (
    kpi.kind === 'unique' &&
    reference &&
    !input.running &&
    current.value !== null &&
    reference.value !== null &&
    current.days !== reference.days
  )
    weakened.push({
      code: 'unequalLength',
      currentDays: current.days,
      referenceDays: reference.days,
      perDay: false,
    });
  const conflicts = current.conflicts + (reference?.conflicts ?? 0);
  if (conflicts > 0) weakened.push({ code: 'conflicts', count: conflicts });
  if (current.uniqueSum || reference?.uniqueSum) weakened.push({ code: 'uniqueSum' });
  if (current.dayWeighted || reference?.dayWeighted) weakened.push({ code: 'dayWeighted' });
  if (weakened.length) flags.push({ kind: 'comparisonWeakened', reasons: weakened });

  const little: FlagReason[] = [];
  if (current.value === null || (reference && reference.value === null))
    little.push({ code: 'noData' });
  if (noise.label === 'tooLittleData') little.push({ code: 'smallNumbers' });
  if (little.length) flags.push({ kind: 'tooLittleData', reasons: little });

  return {
    key: kpi.key,
    kind: kpi.kind,
    value: current.value,
    coverage: current.coverage,
    target: input.target,
    // A sum of unique counts is not people: never met or missed against a target of people.
    targetStatus:
      input.running || current.uniqueSum
        ? 'notJudged'
        : targetStatus(current.value, input.target, kpi.direction),
    basis: input.basis,
    reference: reference?.value ?? null,
    change,
    perDay,
    noise,
    pacing,
    ...(current.spendSource ? { spendSource: current.spendSource } : {}),
    flags,
  };
}

/** Whether a verdict's change was tested (and so belongs to the loop's family of tests). */
export const isTested = (v: Verdict): boolean =>
  v.noise.test !== 'none' && v.noise.label !== 'tooLittleData';

/**
 * Many KPIs at once: with ten unchanged KPIs, one of them looks "real" by chance in a third
 * of the loops. The labels of a loop's tested KPIs are decided together, controlling the
 * false discovery rate (Benjamini–Hochberg at 5 %): a change is probably real when its
 * p-value is at or below the family's threshold, and each count's range is computed at that
 * same threshold, so label and range still agree.
 */
export function judgeTogether(verdicts: readonly Verdict[], alpha = ALPHA): Verdict[] {
  const tested = verdicts.filter(isTested);
  const level =
    tested.length < 2
      ? alpha
      : fdrThreshold(
          tested.map((v) => (v.noise.test === 'none' ? 1 : v.noise.pValue)),
          alpha,
        );
  return verdicts.map((v) => {
    const noise = v.noise;
    if (!isTested(v) || noise.test === 'none') return v;
    const label: NoiseLabel = noise.pValue <= level ? 'probablyReal' : 'couldBeChance';
    if (noise.test === 'proportions') return { ...v, noise: { ...noise, label } };
    const range =
      v.reference === null
        ? null
        : countRange(v.reference, noise.currentDays, noise.referenceDays, noise.dispersion, level);
    return { ...v, noise: { ...noise, label, range } };
  });
}

/**
 * A verdict's value where other figures build on it (the funnel, trends): null for a sum of
 * unique counts, which is not a number of people.
 */
export const valueAsMeasured = (v: Verdict): number | null =>
  v.flags.some((f) => f.reasons.some((r) => r.code === 'uniqueSum')) ? null : v.value;

/** The model that judged a verdict: the section of "How Talentloop decides" that explains it. */
export type VerdictModel =
  'running' | 'events' | 'volumes' | 'rates' | 'uniques' | 'money' | 'means';

/** Which model judged `v`: the test it ran, or, without a test, the kind of number. */
export function verdictModel(v: Verdict): VerdictModel {
  if (v.pacing) return 'running';
  if (v.noise.test === 'counts') return v.noise.model === 'events' ? 'events' : 'volumes';
  if (v.noise.test === 'proportions') return 'rates';
  switch (v.kind) {
    case 'unique':
      return 'uniques';
    case 'money':
      return 'money';
    case 'events':
      return 'events';
    case 'volume':
      return 'volumes';
    case 'rate':
      return 'rates';
    default:
      return 'means';
  }
}
