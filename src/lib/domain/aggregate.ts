import type { Unit } from './catalog';
import { checkRange, dayNumberOrNull, toDayNumber, type DateRange } from './dates';
import { fail, ok, type Result } from './result';

/**
 * One value over its own date range, as stored (`value: null` = known to be unknown), with the
 * channel it was earned in (absent: the unnamed channel of typed values).
 */
export type Point = { start: string; end: string; value: number | null; channel?: string };

/** A KPI's value for one period, with how much of the period the data covers. */
export type PeriodValue = {
  /** null when no data point falls inside the period (or a ratio's denominator is 0). */
  value: number | null;
  /** Share of the period's days covered by the points used, 0..1. */
  coverage: number;
  /** Days of the period covered by the points used (coverage × days, exact). */
  coveredDays: number;
  /** Day number of the last covered day, or null without data (for pacing a running loop). */
  lastDay: number | null;
  /** Number of data points used. */
  points: number;
  /** Days in the period. */
  days: number;
  /** Points that overlap the period but stick out of it: not used, never pro-rated. */
  partial: number;
  /** Points not used because finer data covers all of their days. */
  superseded: number;
  /**
   * Finer points not used because they cover only part of a coarser total for the same days
   * (a month total and daily values for four of its days): the total is kept, and the grid
   * shows the conflict.
   */
  conflicts: number;
  /** A unique count added up over several periods: not a number of different people. */
  uniqueSum?: boolean;
  /**
   * Channels added up whose data end on different days: the day number of the earliest
   * channel's last day. A running loop is paced on the days all channels have, not on days
   * only the quickest channel has reported yet.
   */
  commonEnd?: number;
  /** A mean of several points weighted by their days because their base is not stored. */
  dayWeighted?: boolean;
  /**
   * Cost per hire without marketing spend entered for the period: the spend counted came
   * from the loop's campaign budgets or its loop budget (`loopSpend`'s priority).
   */
  spendSource?: 'campaigns' | 'loopBudget';
  /** A ratio whose two parts cover a different number of days: put per day, not tested. */
  partsDiffer?: boolean;
};

/** Points checked once and turned into day numbers, sorted by start: fast to slice by period. */
export type Series = {
  start: Int32Array;
  end: Int32Array;
  /** NaN marks a known-unknown value (stored as null). */
  value: Float64Array;
  /** Length in days of the longest point, to bound the search for overlapping points. */
  maxDays: number;
  /** Each point's channel, as an index into `channels`. */
  channel: Int32Array;
  /** The channels of the points, in order of first appearance ('' is the unnamed one). */
  channels: string[];
};

/** Validates points (real dates, no inverted ranges, finite values) and indexes them. */
export function prepareSeries(points: readonly Point[]): Result<Series> {
  const n = points.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const value = new Float64Array(n);
  const channel = new Int32Array(n);
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  let sorted = true;
  let maxDays = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i] as Point;
    const name = p.channel ?? '';
    let c = channelIndex.get(name);
    if (c === undefined) {
      c = channels.length;
      channels.push(name);
      channelIndex.set(name, c);
    }
    channel[i] = c;
    const s = dayNumberOrNull(p.start);
    if (s === null) return fail('invalidDate', `points[${i}].start`, p.start);
    // Daily values start and end on the same day: one parse.
    const e = p.end === p.start ? s : dayNumberOrNull(p.end);
    if (e === null) return fail('invalidDate', `points[${i}].end`, p.end);
    if (e < s) return fail('invertedRange', `points[${i}]`, `${p.start}…${p.end}`);
    if (p.value !== null && !Number.isFinite(p.value))
      return fail('notFinite', `points[${i}].value`, p.value);
    start[i] = s;
    end[i] = e;
    value[i] = p.value ?? Number.NaN;
    if (e - s + 1 > maxDays) maxDays = e - s + 1;
    if (i > 0 && (s < (start[i - 1] ?? 0) || (s === start[i - 1] && e < (end[i - 1] ?? 0))))
      sorted = false;
  }
  if (sorted) return ok({ start, end, value, maxDays, channel, channels });
  // Stored order is usually date order already; otherwise sort by start, then end.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (start[a] ?? 0) - (start[b] ?? 0) || (end[a] ?? 0) - (end[b] ?? 0),
  );
  return ok({
    start: Int32Array.from(order, (i) => start[i] ?? 0),
    end: Int32Array.from(order, (i) => end[i] ?? 0),
    value: Float64Array.from(order, (i) => value[i] ?? Number.NaN),
    maxDays,
    channel: Int32Array.from(order, (i) => channel[i] ?? 0),
    channels,
  });
}

/** The points of one channel of a series (an empty series for a channel it does not have). */
export function channelSeries(series: Series, name: string): Series {
  const c = series.channels.indexOf(name);
  if (series.channels.length === 1 && c === 0) return series;
  const keep: number[] = [];
  if (c >= 0)
    for (let i = 0; i < series.start.length; i++) if (series.channel[i] === c) keep.push(i);
  return {
    start: Int32Array.from(keep, (i) => series.start[i] ?? 0),
    end: Int32Array.from(keep, (i) => series.end[i] ?? 0),
    value: Float64Array.from(keep, (i) => series.value[i] ?? Number.NaN),
    maxDays: series.maxDays,
    channel: new Int32Array(keep.length),
    channels: c >= 0 ? [name] : [],
  };
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

/** How a period value is formed: ratio and share KPIs are computed from other KPIs. */
export type Rule = 'sum' | 'mean' | 'last' | 'unique';

export type AggregateOptions = {
  /**
   * How the last values of several channels make the period's value: `sum` for a level that
   * is a count (followers on each platform), `latest` (default) for one that is not (a rating).
   */
  lastAcross?: 'sum' | 'latest';
  /**
   * For a mean: the base of a point's value over its days (visits for time on site), or null
   * when the base is not stored for exactly those days. With a base for every point the mean
   * is weighted by it; otherwise by days, and `dayWeighted` says so.
   */
  weightOf?: (start: number, end: number) => number | null;
};

/**
 * A KPI's value for `period` by its rule: sum, mean, last value, or a unique count. Only
 * points lying entirely inside the period count; nothing is extrapolated or pro-rated, and
 * the coverage says how much of the period the value rests on. Where points overlap (daily
 * values and a monthly total for the same days), finer data replaces a coarser point only
 * where it covers all of that point's days; otherwise the coarser total is kept and the finer
 * points inside it are left out as conflicts. Nothing is counted twice or dropped silently.
 * A unique count (different people) uses a value for exactly the period when there is one;
 * otherwise its points are added up and `uniqueSum` says the result is not people.
 */
export function aggregateSeries(
  rule: Rule,
  series: Series,
  period: DateRange,
  options: AggregateOptions = {},
): Result<PeriodValue> {
  const checked = checkRange(period, 'period');
  if (!checked.ok) return checked;
  return ok(
    aggregateDays(rule, series, toDayNumber(period.start), toDayNumber(period.end), options),
  );
}

/**
 * `aggregateSeries` over day numbers `from` … `to` (a valid range, not checked again). Each
 * channel is aggregated on its own (a channel's daily values never conflict with another
 * channel's month total); then a sum adds the channels, a unique count adds them and says it
 * is not people, a mean weighs them by their covered days, and last values are added or the
 * latest is taken (`options.lastAcross`). A day counts as covered when any channel has it.
 */
export function aggregateDays(
  rule: Rule,
  series: Series,
  from: number,
  to: number,
  options: AggregateOptions = {},
): PeriodValue {
  let partial = 0;
  const several = series.channels.length > 1;
  const inside: Used[] = [];
  const byChannel: Used[][] = several ? series.channels.map(() => []) : [inside];
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
    if (!Number.isNaN(v))
      (several ? (byChannel[series.channel[i] ?? 0] as Used[]) : inside).push({
        start: s,
        end: e,
        value: v,
      });
  }
  if (several) {
    const present = byChannel.filter((points) => points.length > 0);
    if (present.length > 1) return acrossChannels(rule, present, from, to, partial, options);
    return channelValue(rule, present[0] ?? [], from, to, partial, options).value;
  }
  return channelValue(rule, inside, from, to, partial, options).value;
}

/** One channel's period value from its points inside the period, with the points it used. */
function channelValue(
  rule: Rule,
  inside: Used[],
  from: number,
  to: number,
  partial: number,
  options: AggregateOptions,
): { value: PeriodValue; used: Used[] } {
  const days = to - from + 1;
  const empty = { partial, superseded: 0, conflicts: 0, days };
  if (inside.length === 0)
    return {
      value: { value: null, coverage: 0, coveredDays: 0, lastDay: null, points: 0, ...empty },
      used: [],
    };

  if (rule === 'unique') {
    const whole = inside.find((p) => p.start === from && p.end === to);
    if (whole)
      return {
        value: {
          value: whole.value,
          coverage: 1,
          coveredDays: days,
          lastDay: to,
          points: 1,
          ...empty,
          superseded: inside.length - 1,
        },
        used: [whole],
      };
  }

  const { used, superseded, conflicts } = resolveOverlaps(inside, from, days);
  let coveredDays = 0;
  let lastDay = from;
  for (const p of used) {
    coveredDays += p.end - p.start + 1;
    if (p.end > lastDay) lastDay = p.end;
  }
  const base = {
    coverage: coveredDays / days,
    coveredDays,
    lastDay,
    points: used.length,
    days,
    partial,
    superseded,
    conflicts,
  };
  if (rule === 'sum' || rule === 'unique') {
    const value = used.reduce((sum, p) => sum + p.value, 0);
    return {
      value: {
        value,
        ...base,
        ...(rule === 'unique' && used.length > 1 ? { uniqueSum: true } : {}),
      },
      used,
    };
  }
  if (rule === 'mean') return { value: { ...meanOf(used, options.weightOf), ...base }, used };
  const latest = used.reduce((a, p) =>
    p.end > a.end || (p.end === a.end && p.start > a.start) ? p : a,
  );
  return { value: { value: latest.value, ...base }, used };
}

/** The period value of several channels that each have data in the period. */
function acrossChannels(
  rule: Rule,
  present: Used[][],
  from: number,
  to: number,
  partial: number,
  options: AggregateOptions,
): PeriodValue {
  const days = to - from + 1;
  const each = present.map((points) => channelValue(rule, points, from, to, 0, options));
  const covered = new Uint8Array(days);
  let coveredDays = 0;
  let lastDay = from;
  let points = 0;
  let superseded = 0;
  let conflicts = 0;
  let dayWeighted = false;
  for (const { value, used } of each) {
    points += value.points;
    superseded += value.superseded;
    conflicts += value.conflicts;
    if (value.dayWeighted) dayWeighted = true;
    for (const p of used) {
      if (p.end > lastDay) lastDay = p.end;
      for (let d = p.start - from; d <= p.end - from; d++)
        if (!covered[d]) {
          covered[d] = 1;
          coveredDays++;
        }
    }
  }
  const base = {
    coverage: coveredDays / days,
    coveredDays,
    lastDay,
    points,
    days,
    partial,
    superseded,
    conflicts,
  };
  const values = each.map((e) => e.value);
  const total = values.reduce((sum, v) => sum + (v.value ?? 0), 0);
  let earliest = lastDay;
  for (const v of values) if (v.lastDay !== null && v.lastDay < earliest) earliest = v.lastDay;
  const common = earliest < lastDay ? { commonEnd: earliest } : {};
  if (rule === 'sum') return { value: total, ...base, ...common };
  // Different people per channel: added up they are contacts, not people (someone who saw
  // the ad on two platforms counts twice).
  if (rule === 'unique') return { value: total, ...base, uniqueSum: true, ...common };
  if (rule === 'mean') {
    let weighted = 0;
    for (const v of values) weighted += (v.value ?? 0) * v.coveredDays;
    let weight = 0;
    for (const v of values) weight += v.coveredDays;
    return {
      value: weight > 0 ? weighted / weight : null,
      ...base,
      ...(values.length > 1 || dayWeighted ? { dayWeighted: true } : {}),
    };
  }
  if (options.lastAcross === 'sum') return { value: total, ...base };
  const latest = values.reduce((a, v) => ((v.lastDay ?? 0) > (a.lastDay ?? 0) ? v : a));
  return { value: latest.value, ...base };
}

type Used = { start: number; end: number; value: number };

/**
 * Which points inside a period count. A point whose every day is also covered by finer
 * points is superseded by them; the others are taken coarsest first, and a point that
 * overlaps one already taken is a conflict (finer data covering only part of a total).
 */
function resolveOverlaps(
  inside: Used[],
  from: number,
  days: number,
): { used: Used[]; superseded: number; conflicts: number } {
  if (inside.length === 1) return { used: inside, superseded: 0, conflicts: 0 };
  // Shortest point covering each day.
  const finest = new Int32Array(days).fill(0x7fffffff);
  let overlap = false;
  for (const p of inside) {
    const length = p.end - p.start + 1;
    for (let d = p.start - from; d <= p.end - from; d++) {
      if (finest[d] !== 0x7fffffff) overlap = true;
      if (length < (finest[d] ?? 0)) finest[d] = length;
    }
  }
  if (!overlap) return { used: inside, superseded: 0, conflicts: 0 };
  let superseded = 0;
  const candidates: Used[] = [];
  for (const p of inside) {
    const length = p.end - p.start + 1;
    let covered = true;
    for (let d = p.start - from; d <= p.end - from && covered; d++)
      if ((finest[d] ?? 0) >= length) covered = false;
    if (covered) superseded++;
    else candidates.push(p);
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(days);
  const used: Used[] = [];
  let conflicts = 0;
  for (const p of candidates) {
    let free = true;
    for (let d = p.start - from; d <= p.end - from && free; d++) if (taken[d]) free = false;
    if (!free) {
      conflicts++;
      continue;
    }
    for (let d = p.start - from; d <= p.end - from; d++) taken[d] = 1;
    used.push(p);
  }
  return { used, superseded, conflicts };
}

/** A mean weighted by each point's base when every point has one, else by days. */
function meanOf(
  used: Used[],
  weightOf: AggregateOptions['weightOf'],
): { value: number; dayWeighted?: boolean } {
  if (used.length === 1) return { value: used[0]?.value ?? 0 };
  if (weightOf) {
    let weighted = 0;
    let total = 0;
    let known = true;
    for (const p of used) {
      const w = weightOf(p.start, p.end);
      if (w === null || w < 0) {
        known = false;
        break;
      }
      weighted += p.value * w;
      total += w;
    }
    if (known && total > 0) return { value: weighted / total };
  }
  let weighted = 0;
  let total = 0;
  for (const p of used) {
    const d = p.end - p.start + 1;
    weighted += p.value * d;
    total += d;
  }
  return { value: weighted / total, dayWeighted: true };
}

/** `aggregateSeries` for plain points (validated and indexed on each call). */
export function aggregate(
  rule: Rule,
  points: readonly Point[],
  period: DateRange,
  options: AggregateOptions = {},
): Result<PeriodValue> {
  const series = prepareSeries(points);
  return series.ok ? aggregateSeries(rule, series.value, period, options) : series;
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
  const lower = numerator.coverage <= denominator.coverage ? numerator : denominator;
  return {
    value,
    coverage: lower.coverage,
    coveredDays: lower.coveredDays,
    lastDay: lower.lastDay,
    points: Math.min(numerator.points, denominator.points),
    days: numerator.days,
    partial: numerator.partial + denominator.partial,
    superseded: numerator.superseded + denominator.superseded,
    conflicts: numerator.conflicts + denominator.conflicts,
  };
}
