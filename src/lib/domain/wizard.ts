import type { ComparisonBasis } from '$lib/schema';
import type { KpiDefinition, Unit } from './catalog';
import { addDays, checkRange, isValidDate, rangeDays, type DateRange, type IsoDate } from './dates';
import type { Focus } from './focus';
import { defaultBaseline, loopRange, type LoopLength } from './periods';
import { fail, ok, type Result } from './result';
import { suggestTarget, type TargetSuggestion } from './targets';

/** The five steps of the plan (PRODUCT.md section 3), in order. */
export const WIZARD_STEPS = ['baseline', 'kpis', 'focus', 'success', 'expectations'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/**
 * The KPIs a new plan starts with, so the baseline step has something to fill in at once:
 * a few along the funnel from reach to hire, beyond application counts. Step 2 changes them.
 */
export const STARTER_KPIS = [
  'reach',
  'careerSiteVisits',
  'timeOnSite',
  'applicationsStarted',
  'applicationsCompleted',
  'hires',
] as const;

/** Application counts alone hide how close the target group came (PRODUCT.md section 1). */
const APPLICATION_COUNTS = new Set([
  'applicationsStarted',
  'applicationsCompleted',
  'attributableApplications',
]);

/** Whether the selection measures nothing but application counts (step 2 warns gently). */
export function onlyApplicationCounts(keys: readonly string[]): boolean {
  return keys.length > 0 && keys.every((key) => APPLICATION_COUNTS.has(key));
}

/** Plans are dated within this range; anything else is almost certainly a typing error. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

/**
 * A date the user typed, checked to be filled in (`emptyDate`), real (`invalidDate`) and
 * within the years a plan can span (`dateOutOfRange`).
 */
export function checkPlanDate(date: string, field: string): Result<IsoDate> {
  if (date.trim() === '') return fail('emptyDate', field);
  if (!isValidDate(date)) return fail('invalidDate', field, date);
  if (date < EARLIEST_DATE || date > LATEST_DATE) return fail('dateOutOfRange', field, date);
  return ok(date);
}

/**
 * A baseline period the user chose. It must lie before the first loop (a baseline measures
 * the situation before the marketing starts); a length different from the loop's is allowed
 * but flagged, because it weakens the comparison with loop 1.
 */
export function checkBaselinePeriod(
  range: DateRange,
  firstLoopStart: IsoDate,
  length: LoopLength,
): Result<{ range: DateRange; lengthDiffers: boolean }> {
  for (const field of ['start', 'end'] as const) {
    const date = checkPlanDate(range[field], field);
    if (!date.ok) return date;
  }
  const checked = checkRange(range, 'baseline');
  if (!checked.ok) return checked;
  if (range.end >= firstLoopStart) return fail('baselineNotBeforeLoop', 'end', range.end);
  const standard = defaultBaseline(firstLoopStart, length);
  if (!standard.ok) return standard;
  const lengthDiffers = Math.abs(rangeDays(range) - rangeDays(standard.value)) > 3;
  return ok({ range, lengthDiffers });
}

/**
 * When results will be judged: not before the loop's last day (the numbers are not in yet)
 * and not more than a year after it (a typing error, or a judgement nobody will remember).
 */
export function checkJudgementDate(date: string, loop: DateRange): Result<IsoDate> {
  const checked = checkPlanDate(date, 'judgementDate');
  if (!checked.ok) return checked;
  if (date < loop.end) return fail('judgementBeforeLoopEnd', 'judgementDate', loop.end);
  if (date > addDays(loop.end, 366)) return fail('judgementTooLate', 'judgementDate', date);
  return ok(date);
}

/** The default judgement date: the day after the loop ends. */
export function defaultJudgementDate(loop: DateRange): IsoDate {
  return addDays(loop.end, 1);
}

/** What the stepper needs to know to mark each step complete. */
export type CompletionInput = {
  loopIndex: number;
  kpis: readonly KpiDefinition[];
  /** KPI keys with a baseline value or marked unknown (ratio KPIs count when both parts do). */
  baselineKnown: ReadonlySet<string>;
  focus: Focus | undefined;
  targets: Readonly<Record<string, number>>;
  judgementDate: IsoDate | undefined;
  /** KPIs the focus expects to drop: they need no target (one is allowed, as a floor). */
  expectedToDrop?: ReadonlySet<string>;
};

/**
 * Which steps are complete. Baseline: every KPI has a value or is marked unknown. KPIs: at
 * least one. Focus: chosen. Success: every KPI whose direction can be judged, and which the
 * focus does not expect to drop, has a target.
 * Expectations: the summary rests on complete steps and the judgement date is set. From the
 * second loop on, baseline and KPIs are optional (they were set for the plan) and count as
 * complete.
 */
export function stepCompletion(input: CompletionInput): Record<WizardStep, boolean> {
  const later = input.loopIndex > 1;
  const kpis = input.kpis.length > 0;
  const baseline = later || (kpis && input.kpis.every((k) => input.baselineKnown.has(k.key)));
  const focus = input.focus !== undefined;
  const success =
    kpis &&
    input.kpis.every(
      (k) =>
        k.direction === 'depends' ||
        input.expectedToDrop?.has(k.key) === true ||
        input.targets[k.key] !== undefined,
    );
  return {
    baseline,
    kpis: later || kpis,
    focus,
    success,
    expectations: baseline && kpis && focus && success && input.judgementDate !== undefined,
  };
}

/** Default step for a target suggestion: ten percent better than the reference. */
export const DEFAULT_TARGET_STEP = 10;

/**
 * Suggested targets per KPI from the reference values (the baseline for loop 1, the previous
 * loop later), each with its actual step and rounding note (`suggestTarget`). KPIs without a
 * reference value get no suggestion (null), and neither do KPIs the focus expects to drop: a
 * target to improve them would contradict the expectation.
 */
export function suggestTargets(
  kpis: readonly KpiDefinition[],
  reference: Readonly<Record<string, number | null>>,
  stepPercent = DEFAULT_TARGET_STEP,
  expectedToDrop: ReadonlySet<string> = new Set(),
): Result<Record<string, TargetSuggestion | null>> {
  const out: Record<string, TargetSuggestion | null> = {};
  for (const kpi of kpis) {
    if (expectedToDrop.has(kpi.key)) {
      out[kpi.key] = null;
      continue;
    }
    const suggestion = suggestTarget(
      reference[kpi.key] ?? null,
      stepPercent,
      kpi.unit,
      kpi.direction,
    );
    if (!suggestion.ok) return suggestion;
    out[kpi.key] = suggestion.value;
  }
  return ok(out);
}

/** The reference of the success step: the baseline for loop 1, the previous loop after it. */
export function targetReference(
  firstLoopStart: IsoDate,
  length: LoopLength,
  loopIndex: number,
  baseline: DateRange | undefined,
): Result<{ basis: Extract<ComparisonBasis, 'baseline' | 'previousLoop'>; range: DateRange }> {
  if (loopIndex <= 1) {
    const range = baseline ? ok(baseline) : defaultBaseline(firstLoopStart, length);
    return range.ok ? ok({ basis: 'baseline', range: range.value }) : range;
  }
  const range = loopRange(firstLoopStart, length, loopIndex - 1);
  return range.ok ? ok({ basis: 'previousLoop', range: range.value }) : range;
}

/**
 * A value the user entered for a KPI of this unit: never negative, a count is whole, and a
 * percentage is at most 100. (Parsing the typed text is `parseLocaleNumber`'s job.)
 */
export function checkKpiValue(value: number, unit: Unit, field = 'value'): Result<number> {
  if (!Number.isFinite(value)) return fail('notFinite', field, value);
  if (value < 0) return fail(unit === 'count' ? 'negativeCount' : 'negativeValue', field, value);
  if (unit === 'count' && !Number.isInteger(value)) return fail('notACount', field, value);
  if (unit === 'percent' && value > 100) return fail('percentOverHundred', field, value);
  return ok(value);
}

/**
 * The baseline to store when the first loop's start or the loop length changes. A default
 * baseline follows the new default, unless values were already typed for it: then the period
 * those values describe is kept (written down as the plan's own). A kept baseline must still
 * end before the first loop, or the change is refused (`baselineNotBeforeLoop`).
 */
export function baselineForSettings(
  current: { firstLoopStart: IsoDate; loopLength: LoopLength; baseline?: DateRange | undefined },
  next: { firstLoopStart: IsoDate; loopLength: LoopLength },
  hasValues: boolean,
): Result<DateRange | undefined> {
  let kept = current.baseline;
  if (!kept && hasValues) {
    const standard = defaultBaseline(current.firstLoopStart, current.loopLength);
    if (!standard.ok) return standard;
    kept = standard.value;
  }
  if (!kept) return ok(undefined);
  if (kept.end >= next.firstLoopStart)
    return fail('baselineNotBeforeLoop', 'firstLoopStart', kept.end);
  return ok(kept);
}
