import type { Aggregation, Unit } from './catalog';
import { checkRange, dayNumberOrNull, toDayNumber, type DateRange } from './dates';
import { fail, ok, type Result } from './result';

/** One value over its own date range, as stored (`value: null` = known to be unknown). */
export type Point = { start: string; end: string; value: number | null };

/** A KPI's value for one period, with how much of the period the data covers. */
export type PeriodValue = {
  /** null when no data point falls inside the period (or a ratio's denominator is 0). */
  value: number | null;
  /** Share of the period's days covered by the points used, 0..1. */
  coverage: number;
  /** Number of data points used. */
  points: number;
  /** Days in the period. */
  days: number;
  /** Points that overlap the period but stick out of it: not used, never pro-rated. */
  partial: number;
  /** Points not used because finer data already covered their days. */
  superseded: number;
};

/** Points checked once and turned into day numbers, sorted by start: fast to slice by period. */
export type Series = {
  start: Int32Array;
  end: Int32Array;
  /** NaN marks a known-unknown value (stored as null). */
  value: Float64Array;
  /** Length in days of the longest point, to bound the search for overlapping points. */
  maxDays: number;
};

/** Validates points (real dates, no inverted ranges, finite values) and indexes them. */
export function prepareSeries(points: readonly Point[]): Result<Series> {
  const rows: { s: number; e: number; v: number }[] = [];
  for (const [i, p] of points.entries()) {
    const s = dayNumberOrNull(p.start);
    if (s === null) return fail('invalidDate', `points[${i}].start`, p.start);
    const e = dayNumberOrNull(p.end);
    if (e === null) return fail('invalidDate', `points[${i}].end`, p.end);
    if (e < s) return fail('invertedRange', `points[${i}]`, `${p.start}…${p.end}`);
    if (p.value !== null && !Number.isFinite(p.value))
      return fail('notFinite', `points[${i}].value`, p.value);
    rows.push({ s, e, v: p.value ?? Number.NaN });
  }
  rows.sort((a, b) => a.s - b.s || a.e - b.e);
  const series: Series = {
    start: Int32Array.from(rows, (r) => r.s),
    end: Int32Array.from(rows, (r) => r.e),
    value: Float64Array.from(rows, (r) => r.v),
    maxDays: rows.reduce((m, r) => Math.max(m, r.e - r.s + 1), 0),
  };
  return ok(series);
}

/** First index whose start is ≥ day (binary search). */
function lowerBound(starts: Int32Array, day: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A KPI's value for `period` by its rule: sum, day-weighted mean, or the last value. Only
 * points lying entirely inside the period count; nothing is extrapolated or pro-rated, and
 * the coverage says how much of the period the value rests on. Where points overlap (daily
 * values and a monthly total for the same days), the finest data wins and the coarser point
 * is left out, so nothing is counted twice.
 */
export function aggregateSeries(
  rule: Exclude<Aggregation['kind'], 'ratio'>,
  series: Series,
  period: DateRange,
): Result<PeriodValue> {
  const checked = checkRange(period, 'period');
  if (!checked.ok) return checked;
  const from = toDayNumber(period.start);
  const to = toDayNumber(period.end);
  const days = to - from + 1;
  let partial = 0;
  const inside: { start: number; end: number; value: number }[] = [];
  const first = lowerBound(series.start, from - series.maxDays + 1);
  const stop = lowerBound(series.start, to + 1);
  for (let i = first; i < stop; i++) {
    const s = series.start[i] ?? 0;
    const e = series.end[i] ?? 0;
    if (e < from) continue;
    if (s < from || e > to) {
      partial++;
      continue;
    }
    const v = series.value[i] ?? Number.NaN;
    if (!Number.isNaN(v)) inside.push({ start: s, end: e, value: v });
  }
  // Finest first; a point is used only if none of its days is already covered.
  inside.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const covered = new Uint8Array(days);
  const used: typeof inside = [];
  let superseded = 0;
  let coveredDays = 0;
  for (const p of inside) {
    let free = true;
    for (let d = p.start; d <= p.end && free; d++) if (covered[d - from]) free = false;
    if (!free) {
      superseded++;
      continue;
    }
    for (let d = p.start; d <= p.end; d++) covered[d - from] = 1;
    coveredDays += p.end - p.start + 1;
    used.push(p);
  }
  const base = { coverage: coveredDays / days, points: used.length, days, partial, superseded };
  if (used.length === 0) return ok({ value: null, ...base });
  let value: number;
  if (rule === 'sum') value = used.reduce((sum, p) => sum + p.value, 0);
  else if (rule === 'mean') {
    let weighted = 0;
    for (const p of used) weighted += p.value * (p.end - p.start + 1);
    value = weighted / coveredDays;
  } else {
    value = used.reduce((latest, p) =>
      p.end > latest.end || (p.end === latest.end && p.start > latest.start) ? p : latest,
    ).value;
  }
  return ok({ value, ...base });
}

/** `aggregateSeries` for plain points (validated and indexed on each call). */
export function aggregate(
  rule: Exclude<Aggregation['kind'], 'ratio'>,
  points: readonly Point[],
  period: DateRange,
): Result<PeriodValue> {
  const series = prepareSeries(points);
  return series.ok ? aggregateSeries(rule, series.value, period) : series;
}

/**
 * A ratio KPI (cost per hire = spend ÷ hires) from its two parts' period values. Percent
 * KPIs are per 100. Coverage is the lower of the two; a zero denominator gives no value.
 */
export function ratio(numerator: PeriodValue, denominator: PeriodValue, unit: Unit): PeriodValue {
  const value =
    numerator.value === null || denominator.value === null || denominator.value === 0
      ? null
      : (numerator.value / denominator.value) * (unit === 'percent' ? 100 : 1);
  return {
    value,
    coverage: Math.min(numerator.coverage, denominator.coverage),
    points: Math.min(numerator.points, denominator.points),
    days: numerator.days,
    partial: numerator.partial + denominator.partial,
    superseded: numerator.superseded + denominator.superseded,
  };
}
