import type { ComparisonBasis } from '$lib/schema';
import {
  aggregateSeries,
  prepareSeries,
  ratio,
  type PeriodValue,
  type Point,
  type Series,
} from './aggregate';
import type { KpiDefinition } from './catalog';
import { checkRange, type DateRange } from './dates';
import type { FocusRules } from './focus';
import {
  defaultBaseline,
  loopRange,
  previousLoopRange,
  sameRangeLastYear,
  type LoopLength,
} from './periods';
import { fail, ok, type Result } from './result';
import { verdict, type Verdict } from './verdict';

export type PlanInput = {
  firstLoopStart: string;
  loopLength: LoopLength;
  /** The plan's own baseline period; by default the loop length before loop 1. */
  baseline?: DateRange;
  kpis: KpiDefinition[];
  /** Measurements per KPI key (ratio KPIs are computed from their parts' measurements). */
  measurements: Record<string, readonly Point[]>;
};

export type LoopInput = {
  index: number;
  basis: ComparisonBasis;
  rules: FocusRules | null;
  targets: Record<string, number>;
  midLoopChanges: number;
};

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
 * Prepares a plan's measurements once (validated, indexed by KPI) so that the verdicts of
 * many loops can be computed without re-reading them. Returns a function per loop.
 */
export function planVerdicts(plan: PlanInput): Result<(loop: LoopInput) => Result<Verdict[]>> {
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
  const valueOf = (kpi: KpiDefinition, period: DateRange) => kpiPeriodValue(kpi, seriesOf, period);

  return ok((loop: LoopInput) => {
    const current = loopRange(plan.firstLoopStart, plan.loopLength, loop.index);
    if (!current.ok) return current;
    const reference = referenceRange(plan, loop.index, loop.basis);
    if (!reference.ok) return reference;
    const verdicts: Verdict[] = [];
    for (const kpi of plan.kpis) {
      const now = valueOf(kpi, current.value);
      if (!now.ok) return now;
      const before = valueOf(kpi, reference.value);
      if (!before.ok) return before;
      verdicts.push(
        verdict({
          kpi,
          current: now.value.value,
          reference: before.value.value,
          basis: loop.basis,
          target: loop.targets[kpi.key] ?? null,
          rules: loop.rules,
          midLoopChanges: loop.midLoopChanges,
          ...(now.value.parts && before.value.parts
            ? { parts: { current: now.value.parts, reference: before.value.parts } }
            : {}),
        }),
      );
    }
    return ok(verdicts);
  });
}

/** A KPI's period value; for a ratio KPI also its numerator and denominator, computed once. */
export type Valued = { value: PeriodValue; parts?: [number | null, number | null] };

/** One KPI's value over a period from prepared series (a ratio KPI from its parts' sums). */
export function kpiPeriodValue(
  kpi: KpiDefinition,
  seriesOf: (key: string) => Series,
  period: DateRange,
): Result<Valued> {
  if (kpi.aggregation.kind !== 'ratio') {
    const value = aggregateSeries(kpi.aggregation.kind, seriesOf(kpi.key), period);
    return value.ok ? ok({ value: value.value }) : value;
  }
  const num = aggregateSeries('sum', seriesOf(kpi.aggregation.numerator), period);
  if (!num.ok) return num;
  const den = aggregateSeries('sum', seriesOf(kpi.aggregation.denominator), period);
  if (!den.ok) return den;
  return ok({
    value: ratio(num.value, den.value, kpi.unit),
    parts: [num.value.value, den.value.value],
  });
}

/**
 * The value of each KPI over one period, from plain measurements per KPI key: what the
 * wizard shows as the baseline or the previous loop beside a target.
 */
export function periodValues(
  kpis: readonly KpiDefinition[],
  measurements: Record<string, readonly Point[]>,
  period: DateRange,
): Result<Record<string, PeriodValue>> {
  const checked = checkRange(period, 'period');
  if (!checked.ok) return checked;
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
  const values: Record<string, PeriodValue> = {};
  for (const kpi of kpis) {
    const valued = kpiPeriodValue(kpi, seriesOf, period);
    if (!valued.ok) return valued;
    values[kpi.key] = valued.value.value;
  }
  return ok(values);
}

const EMPTY_SERIES: Series = {
  start: new Int32Array(0),
  end: new Int32Array(0),
  value: new Float64Array(0),
  maxDays: 0,
};

function isRatioPart(kpis: KpiDefinition[], key: string): boolean {
  return kpis.some(
    (k) =>
      k.aggregation.kind === 'ratio' &&
      (k.aggregation.numerator === key || k.aggregation.denominator === key),
  );
}
