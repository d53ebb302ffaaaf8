import type { ComparisonBasis } from '$lib/schema';
import {
  aggregateDays,
  aggregateSeries,
  prepareSeries,
  ratio,
  type PeriodValue,
  type Point,
  type Series,
} from './aggregate';
import { partsOf, type KpiDefinition } from './catalog';
import {
  addDays,
  checkRange,
  dayNumberOrNull,
  fromDayNumber,
  toDayNumber,
  type DateRange,
} from './dates';
import type { FocusRules } from './focus';
import {
  defaultBaseline,
  hasEnded,
  loopRange,
  previousLoopRange,
  sameRangeLastYear,
  type LoopLength,
} from './periods';
import { fail, ok, type Result } from './result';
import { dispersionFromHistory, MIN_HISTORY_LOOPS } from './stats';
import { defaultDispersion, judgeTogether, verdict, type Verdict } from './verdict';

export type PlanInput = {
  firstLoopStart: string;
  loopLength: LoopLength;
  /** The plan's own baseline period; by default the loop length before loop 1. */
  baseline?: DateRange;
  kpis: KpiDefinition[];
  /** Measurements per KPI key (ratio KPIs are computed from their parts' measurements). */
  measurements: Record<string, readonly Point[]>;
  /** The plan's target group size, for reach as a share of it. */
  targetGroupSize?: number;
  /**
   * The spend counted for a period without marketing spend entered: the loop's campaign
   * budgets or loop budget, for the loop whose range it is (see `loopSpend`); null otherwise.
   */
  spendFallback?: SpendFallback;
};

/**
 * A KPI's dispersion is read from at most this many loops before the one judged (two years
 * of two-month loops): recent swings say more about the next loop than old ones, and a long
 * plan does not compute every loop it ever had to show one.
 */
export const MAX_HISTORY_LOOPS = 12;

/** Spend from campaign budgets or the loop budget for a period without spend entered. */
export type SpendFallback = (
  period: DateRange,
) => { amount: number; source: 'campaigns' | 'loopBudget' } | null;

export type LoopInput = {
  index: number;
  basis: ComparisonBasis;
  rules: FocusRules | null;
  targets: Record<string, number>;
  midLoopChanges: number;
  /** Today: a loop that has not ended by then gets pacing instead of verdicts. */
  today?: string;
};

/**
 * The basis loop `index` is compared on, by its name: loop 1 has no previous loop, its
 * "previous loop" is the 0-meting (the same period), so it is named and offered as that.
 */
export function namedBasis(index: number, basis: ComparisonBasis): ComparisonBasis {
  return index === 1 && basis === 'previousLoop' ? 'baseline' : basis;
}

/** The bases a loop can be compared on: loop 1 has no previous loop besides the 0-meting. */
export function basesFor(index: number): ComparisonBasis[] {
  return index === 1
    ? ['baseline', 'sameLoopLastYear']
    : ['previousLoop', 'sameLoopLastYear', 'baseline'];
}

/** The reference period of loop `index` for a comparison basis. */
export function referenceRange(
  plan: PlanInput,
  index: number,
  basis: ComparisonBasis,
): Result<DateRange> {
  if (basis === 'previousLoop') {
    if (index === 1 && plan.baseline) return checkRange(plan.baseline, 'baseline');
    return previousLoopRange(plan.firstLoopStart, plan.loopLength, index);
  }
  if (basis === 'baseline')
    return plan.baseline
      ? checkRange(plan.baseline, 'baseline')
      : defaultBaseline(plan.firstLoopStart, plan.loopLength);
  const range = loopRange(plan.firstLoopStart, plan.loopLength, index);
  return range.ok ? sameRangeLastYear(range.value, plan.loopLength.unit) : range;
}

/**
 * A plan's verdicts per loop, and the series it prepared (per KPI key, empty for a KPI
 * without measurements) for other views of the same numbers, such as the per-channel table.
 */
export type PlanVerdicts = ((loop: LoopInput) => Result<Verdict[]>) & {
  seriesOf: (key: string) => Series;
};

/**
 * Prepares a plan's measurements once (validated, indexed by KPI) so that the verdicts of
 * many loops can be computed without re-reading them. Returns a function per loop. Each
 * loop's verdicts are judged together (false discovery rate); event and volume KPIs take
 * their dispersion from the plan's earlier loops when there are at least three.
 */
export function planVerdicts(plan: PlanInput): Result<PlanVerdicts> {
  const series = new Map<string, Series>();
  for (const [key, points] of Object.entries(plan.measurements)) {
    const prepared = prepareSeries(points);
    if (!prepared.ok)
      return fail(
        prepared.error.code,
        `measurements.${key}.${prepared.error.field ?? ''}`,
        prepared.error.value,
      );
    series.set(key, prepared.value);
  }
  const known = new Set(plan.kpis.map((k) => k.key));
  for (const key of series.keys())
    if (!known.has(key) && !isRatioPart(plan.kpis, key))
      return fail('unknownKpi', 'measurements', key);
  const seriesOf = (key: string): Series => series.get(key) ?? EMPTY_SERIES;
  const valueOf = (kpi: KpiDefinition, period: DateRange) =>
    kpiPeriodValue(kpi, seriesOf, period, plan.targetGroupSize, plan.spendFallback);

  // Each loop's values, computed once: the dispersion of loop n reads loops 1 … n − 1.
  const loopValues = new Map<number, Map<string, Valued> | null>();
  const valuesOfLoop = (index: number): Map<string, Valued> | null => {
    let found = loopValues.get(index);
    if (found === undefined) {
      found = null;
      const range = loopRange(plan.firstLoopStart, plan.loopLength, index);
      if (range.ok) {
        found = new Map();
        for (const kpi of plan.kpis) {
          const v = valueOf(kpi, range.value);
          if (!v.ok) {
            found = null;
            break;
          }
          found.set(kpi.key, v.value);
        }
      }
      loopValues.set(index, found);
    }
    return found;
  };
  const dispersionOf = (kpi: KpiDefinition, index: number) => {
    if (kpi.kind !== 'events' && kpi.kind !== 'volume' && kpi.kind !== 'unique') return undefined;
    const history: { count: number; days: number }[] = [];
    for (let i = Math.max(1, index - MAX_HISTORY_LOOPS); i < index; i++) {
      const v = valuesOfLoop(i)?.get(kpi.key)?.value;
      if (v && v.value !== null && v.coveredDays > 0 && !v.uniqueSum)
        history.push({ count: v.value, days: v.coveredDays });
    }
    if (history.length < MIN_HISTORY_LOOPS) return { model: defaultDispersion(kpi.kind), loops: 0 };
    const found = dispersionFromHistory(history, kpi.kind === 'events' ? 'events' : 'volume');
    return { model: found.model, loops: found.estimated ? found.loops : 0 };
  };

  const verdictsOf = (loop: LoopInput): Result<Verdict[]> => {
    const current = loopRange(plan.firstLoopStart, plan.loopLength, loop.index);
    if (!current.ok) return current;
    const reference = referenceRange(plan, loop.index, loop.basis);
    if (!reference.ok) return reference;
    const running = runningDays(current.value, loop.today);
    const lastYear = running ? sameRangeLastYear(current.value, plan.loopLength.unit) : undefined;
    const nowValues = valuesOfLoop(loop.index);
    // The previous loop's values are already known when it is the reference.
    const beforeValues =
      loop.basis === 'previousLoop' && loop.index > 1 ? valuesOfLoop(loop.index - 1) : null;
    const verdicts: Verdict[] = [];
    for (const kpi of plan.kpis) {
      let now = nowValues?.get(kpi.key);
      if (!now) {
        const computed = valueOf(kpi, current.value);
        if (!computed.ok) return computed;
        now = computed.value;
      }
      const commonEnd = now.value.commonEnd;
      if (running && commonEnd !== undefined) {
        // Channels report up to different days: a running loop is paced on the days all of
        // them have (the quickest channel's later days would read as a faster pace).
        const upTo = valueOf(kpi, { start: current.value.start, end: fromDayNumber(commonEnd) });
        if (!upTo.ok) return upTo;
        const days = now.value.days;
        now = {
          value: { ...upTo.value.value, days, coverage: upTo.value.value.coveredDays / days },
        };
      }
      const known = beforeValues?.get(kpi.key);
      const before = known ? ok(known) : valueOf(kpi, reference.value);
      if (!before.ok) return before;
      const dispersion = dispersionOf(kpi, loop.index);
      verdicts.push(
        verdict({
          kpi,
          current: now.value,
          reference: before.value.value,
          basis: loop.basis,
          target: loop.targets[kpi.key] ?? null,
          rules: loop.rules,
          midLoopChanges: loop.midLoopChanges,
          deferRange: true,
          ...(now.parts && before.value.parts
            ? { parts: { current: now.parts, reference: before.value.parts } }
            : {}),
          ...(dispersion ? { dispersion } : {}),
          ...(running
            ? {
                running: {
                  elapsedDays: running,
                  lastYearShare:
                    lastYear?.ok === true
                      ? lastYearShare(kpi, seriesOf, now.value, current.value, lastYear.value)
                      : null,
                },
              }
            : {}),
        }),
      );
    }
    return ok(judgeTogether(verdicts));
  };
  return ok(Object.assign(verdictsOf, { seriesOf }));
}

/** Days of `loop` before `today` when the loop has not ended by then (0 before it starts). */
function runningDays(loop: DateRange, today: string | undefined): number | null {
  if (today === undefined || hasEnded(loop, today)) return null;
  const day = dayNumberOrNull(today);
  if (day === null) return null;
  return Math.max(0, day - toDayNumber(loop.start));
}

/**
 * The share of last year's total for the same period that fell in the days the running
 * loop's data covers so far (from its first day): the pattern of the period, when last year
 * has data for all of it and this year's data has no gaps; null otherwise.
 */
function lastYearShare(
  kpi: KpiDefinition,
  seriesOf: (key: string) => Series,
  now: PeriodValue,
  loop: DateRange,
  lastYear: DateRange,
): number | null {
  if (kpi.aggregation.kind !== 'sum' || now.lastDay === null || now.coveredDays === 0) return null;
  const from = toDayNumber(loop.start);
  if (now.lastDay - from + 1 !== now.coveredDays) return null;
  const whole = aggregateSeries('sum', seriesOf(kpi.key), lastYear);
  if (!whole.ok || whole.value.coverage < 1 || !whole.value.value) return null;
  const part = aggregateSeries('sum', seriesOf(kpi.key), {
    start: lastYear.start,
    end: addDays(lastYear.start, now.coveredDays - 1),
  });
  if (!part.ok || part.value.coverage < 1 || part.value.value === null) return null;
  return part.value.value / whole.value.value;
}

/** A KPI's period value; for a ratio KPI also its numerator and denominator, computed once. */
export type Valued = { value: PeriodValue; parts?: [number | null, number | null] };

/** One KPI's value over a period from prepared series (a ratio KPI from its parts' sums). */
export function kpiPeriodValue(
  kpi: KpiDefinition,
  seriesOf: (key: string) => Series,
  period: DateRange,
  targetGroupSize?: number,
  spendFallback?: SpendFallback,
): Result<Valued> {
  if (kpi.aggregation.kind === 'share') {
    // Different people reached ÷ the target group: only from a value for exactly the period.
    const reached = aggregateSeries('unique', seriesOf(kpi.aggregation.of), period);
    if (!reached.ok) return reached;
    const people = reached.value.uniqueSum ? null : reached.value.value;
    const value = people === null || !targetGroupSize ? null : (people / targetGroupSize) * 100;
    return ok({ value: { ...reached.value, value } });
  }
  if (kpi.aggregation.kind !== 'ratio') {
    const rule =
      kpi.aggregation.kind === 'sum' && kpi.kind === 'unique' ? 'unique' : kpi.aggregation.kind;
    const weight = kpi.aggregation.kind === 'mean' ? kpi.weight : undefined;
    const value = aggregateSeries(rule, seriesOf(kpi.key), period, {
      ...(weight ? { weightOf: baseOver(seriesOf(weight)) } : {}),
      // Followers on each platform add up; a rating on two sites does not.
      ...(kpi.unit === 'count' ? { lastAcross: 'sum' as const } : {}),
    });
    return value.ok ? ok({ value: value.value }) : value;
  }
  const num = aggregateSeries('sum', seriesOf(kpi.aggregation.numerator), period);
  if (!num.ok) return num;
  const den = aggregateSeries('sum', seriesOf(kpi.aggregation.denominator), period);
  if (!den.ok) return den;
  // One spend figure everywhere: without marketing spend entered, the loop's campaign
  // budgets or loop budget count, as on the budget page and in the funnel.
  const fallback =
    kpi.aggregation.numerator === 'spend' && num.value.value === null
      ? spendFallback?.(period)
      : null;
  const numerator = fallback
    ? { ...num.value, value: fallback.amount, coverage: 1, coveredDays: num.value.days }
    : num.value;
  const value = ratio(numerator, den.value, kpi.unit);
  // Parts over different days (applications for 20 days, visits for 61) are put per day
  // before dividing, and their counts are no basis for a test of two proportions.
  const sameDays = numerator.coveredDays === den.value.coveredDays;
  const perDay =
    sameDays ||
    value.value === null ||
    numerator.value === null ||
    den.value.value === null ||
    numerator.coveredDays === 0 ||
    den.value.coveredDays === 0
      ? value.value
      : (numerator.value / numerator.coveredDays / (den.value.value / den.value.coveredDays)) *
        (kpi.unit === 'percent' ? 100 : 1);
  return ok({
    value: {
      ...value,
      value: perDay,
      ...(fallback ? { spendSource: fallback.source } : {}),
      ...(sameDays ? {} : { partsDiffer: true }),
    },
    parts: [numerator.value, den.value.value],
  });
}

/** A mean's base over exactly a point's days (visits behind a time on site), or null. */
function baseOver(base: Series): (start: number, end: number) => number | null {
  return (start, end) => {
    if (base.start.length === 0) return null;
    const v = aggregateDays('sum', base, start, end);
    return v.coverage === 1 ? v.value : null;
  };
}

/**
 * The value of each KPI over one period, from plain measurements per KPI key: what the
 * wizard shows as the baseline or the previous loop beside a target.
 */
export function periodValues(
  kpis: readonly KpiDefinition[],
  measurements: Record<string, readonly Point[]>,
  period: DateRange,
  targetGroupSize?: number,
): Result<Record<string, PeriodValue>> {
  const values = periodValuesOver(kpis, measurements, [period], targetGroupSize);
  return values.ok ? ok(values.value[0] as Record<string, PeriodValue>) : values;
}

/**
 * `periodValues` for several periods, in their order, each KPI's series prepared once for all
 * of them (the grid's columns of a plan with 100,000 daily values).
 */
export function periodValuesOver(
  kpis: readonly KpiDefinition[],
  measurements: Record<string, readonly Point[]>,
  periods: readonly DateRange[],
  targetGroupSize?: number,
): Result<Record<string, PeriodValue>[]> {
  for (const period of periods) {
    const checked = checkRange(period, 'period');
    if (!checked.ok) return checked;
  }
  const prepared = new Map<string, Series>();
  const seriesOf = (key: string): Series => {
    let found = prepared.get(key);
    if (!found) {
      const result = prepareSeries(measurements[key] ?? []);
      // Stored measurements are validated on read; a bad point here counts as no data.
      found = result.ok ? result.value : EMPTY_SERIES;
      prepared.set(key, found);
    }
    return found;
  };
  const out: Record<string, PeriodValue>[] = [];
  for (const period of periods) {
    const values: Record<string, PeriodValue> = {};
    for (const kpi of kpis) {
      const valued = kpiPeriodValue(kpi, seriesOf, period, targetGroupSize);
      if (!valued.ok) return valued;
      values[kpi.key] = valued.value.value;
    }
    out.push(values);
  }
  return ok(out);
}

const EMPTY_SERIES: Series = {
  start: new Int32Array(0),
  end: new Int32Array(0),
  value: new Float64Array(0),
  maxDays: 0,
  channel: new Int32Array(0),
  channels: [],
};

function isRatioPart(kpis: KpiDefinition[], key: string): boolean {
  return kpis.some((k) => partsOf(k.aggregation).includes(key));
}
