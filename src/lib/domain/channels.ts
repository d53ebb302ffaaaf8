import type { Campaign } from '$lib/schema/loop';
import { channelSeries, type PeriodValue, type Series } from './aggregate';
import { catalogKpi, type Direction, type KpiDefinition, type Unit } from './catalog';
import { compareValues, type Change } from './compare';
import { dayNumberOrNull, type DateRange } from './dates';
import { kpiPeriodValue, type SpendFallback } from './plan-verdicts';

/**
 * Per-channel results (issue 17): a loop's spend, clicks, applications, hires and what each
 * cost, per channel the numbers were earned in, against the reference period. The total row
 * is the plan's own period values, computed exactly as the KPI cards compute them.
 */

/** The figures of a channel row, in the order the table shows them. */
export const CHANNEL_MEASURES = [
  'spend',
  'clicks',
  'applications',
  'hires',
  'costPerClick',
  'costPerApplication',
  'costPerHire',
] as const;
export type ChannelMeasure = (typeof CHANNEL_MEASURES)[number];

/** The catalog KPI behind each figure: its key, unit, direction and (for a cost) formula. */
const KPI_OF: Record<ChannelMeasure, string> = {
  spend: 'spend',
  clicks: 'clicks',
  applications: 'applicationsCompleted',
  hires: 'hires',
  costPerClick: 'costPerClick',
  costPerApplication: 'costPerApplication',
  costPerHire: 'costPerHire',
};

const definitions = new Map(
  CHANNEL_MEASURES.map((m) => {
    const found = catalogKpi(KPI_OF[m]);
    if (!found.ok) throw new Error(`catalog lacks ${KPI_OF[m]}`);
    return [m, found.value] as const;
  }),
);
const definition = (m: ChannelMeasure): KpiDefinition => definitions.get(m) as KpiDefinition;

/** The unit and direction of a figure (a cost is better lower; spend depends). */
export function measureUnit(m: ChannelMeasure): { unit: Unit; direction: Direction } {
  const { unit, direction } = definition(m);
  return { unit, direction };
}

/** One side (the period or its reference) of one figure. */
export type ChannelValue = {
  /** null: no data, or a cost without spend or with a count of 0 (never Infinity or NaN). */
  value: number | null;
  /** Days of the period the value rests on (a cost: the lower of its two parts). */
  coveredDays: number;
  /**
   * Spend, or the spend behind a cost, taken from budgets because none was entered: a
   * channel's from its campaigns (`campaigns`), the total's as the plan's money rule says.
   */
  spendSource?: 'campaigns' | 'loopBudget';
  /** The value rests on fewer days than the total's: it covers less of the period. */
  partial?: boolean;
  /**
   * A cost whose spend and count cover a different number of days: put per day (spend per
   * day ÷ count per day), as the plan's cost KPIs are, so not the two shown values divided.
   */
  perDay?: boolean;
};

export type ChannelCell = {
  current: ChannelValue;
  reference: ChannelValue;
  /** The change against the reference (`compareValues`); null without both values. */
  change: Change | null;
};

export type ChannelRow = {
  /** The channel's name as stored; '' is the unnamed channel (typed or older values). */
  channel: string;
  cells: Record<ChannelMeasure, ChannelCell>;
};

export type ChannelTable = {
  /** One row per channel with any spend, clicks, applications or hires in either period. */
  rows: ChannelRow[];
  /** The plan's own values of the period and the reference (`channel` is ''). */
  total: ChannelRow;
  /**
   * Whether any named channel has numbers of its own (not only campaign budgets): without one
   * the table says nothing new (a plan from before channels, whose campaigns name channels).
   */
  named: boolean;
  /**
   * Per side, whether the rows' spend adds up to the total's: it does not when some channels
   * have spend entered (the total counts only that) and others take their campaigns' budgets.
   */
  spendAddsUp: { current: boolean; reference: boolean };
};

/** A campaign as the per-channel money rule reads it. */
export type ChannelCampaign = Pick<Campaign, 'channel' | 'budget'>;

export type ChannelTableInput = {
  /** The plan's prepared series per KPI key (empty for a KPI it does not measure). */
  seriesOf: (key: string) => Series;
  period: DateRange;
  reference: DateRange;
  /**
   * The campaigns whose budgets stand in for spend not entered over `period`: those of the
   * loop whose range it is, once that loop has ended; null for any other period (a running
   * loop's budget is for all of it, and a baseline has no campaigns).
   */
  campaignsOf: (period: DateRange) => readonly ChannelCampaign[] | null;
  /** The plan's spend for a period without spend entered (`loopSpend`'s 2nd and 3rd sources). */
  spendFallback?: SpendFallback;
};

const key = (name: string) => name.trim().toLocaleLowerCase('en');

/** The budgets of the campaigns whose channel names this one (case-insensitive), if above 0. */
function campaignBudget(campaigns: readonly ChannelCampaign[], channel: string): number | null {
  const wanted = key(channel);
  let sum = 0;
  for (const c of campaigns) if (key(c.channel) === wanted) sum += c.budget ?? 0;
  return sum > 0 ? sum : null;
}

/** Each figure of one side: from the series given, spend falling back as `fallback` says. */
function sideValues(
  seriesOf: (key: string) => Series,
  period: DateRange,
  fallback: SpendFallback,
): Record<ChannelMeasure, ChannelValue> {
  const out = {} as Record<ChannelMeasure, ChannelValue>;
  for (const m of CHANNEL_MEASURES) {
    const valued = kpiPeriodValue(definition(m), seriesOf, period, undefined, fallback);
    // Series are validated when prepared and the period is a checked loop or reference range.
    let value: PeriodValue | null = valued.ok ? valued.value.value : null;
    let spendSource = value?.spendSource;
    if (m === 'spend' && value && value.value === null) {
      // Spend is a sum, not a ratio: the money rule's fallback is applied here as the cost
      // figures apply it (a budget covers the whole period).
      const found = fallback(period);
      if (found) {
        value = { ...value, value: found.amount, coveredDays: value.days, coverage: 1 };
        spendSource = found.source;
      }
    }
    const v = value?.value ?? null;
    out[m] = {
      value: v !== null && Number.isFinite(v) ? v : null,
      coveredDays: value?.coveredDays ?? 0,
      ...(spendSource && v !== null ? { spendSource } : {}),
      ...(value?.partsDiffer && v !== null ? { perDay: true } : {}),
    };
  }
  return out;
}

function cells(
  current: Record<ChannelMeasure, ChannelValue>,
  reference: Record<ChannelMeasure, ChannelValue>,
): Record<ChannelMeasure, ChannelCell> {
  const out = {} as Record<ChannelMeasure, ChannelCell>;
  for (const m of CHANNEL_MEASURES) {
    const { unit, direction } = measureUnit(m);
    out[m] = {
      current: current[m],
      reference: reference[m],
      change: compareValues(current[m].value, reference[m].value, unit, direction),
    };
  }
  return out;
}

const BASE: readonly ChannelMeasure[] = ['spend', 'clicks', 'applications', 'hires'];
const hasAny = (side: Record<ChannelMeasure, ChannelValue>) =>
  BASE.some((m) => side[m].value !== null);

/** Whether a cell has a value of its own on either side, not one taken from budgets. */
const measured = (cell: ChannelCell) =>
  [cell.current, cell.reference].some((v) => v.value !== null && !v.spendSource);

/** Marks the values that rest on fewer days than the total's for the same figure. */
function markPartial(side: Record<ChannelMeasure, ChannelValue>, total: typeof side): void {
  for (const m of CHANNEL_MEASURES) {
    const v = side[m];
    if (v.value !== null && v.coveredDays < total[m].coveredDays) v.partial = true;
  }
}

function addsUp(rows: ChannelRow[], total: number | null, side: 'current' | 'reference') {
  let sum: number | null = null;
  for (const r of rows) {
    const v = r.cells.spend[side].value;
    if (v !== null) sum = (sum ?? 0) + v;
  }
  if (sum === null || total === null) return sum === total;
  return Math.abs(sum - total) <= 1e-9 * Math.max(1, Math.abs(total));
}

/**
 * The points of a series that can fall inside `from` … `to` (day numbers): a plan of years of
 * daily values is split by channel over two loops, not over all of its history.
 */
function windowOf(series: Series, from: number, to: number): Series {
  const n = series.start.length;
  /** First index whose start is ≥ day (starts are sorted). */
  const lowerBound = (day: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((series.start[mid] ?? 0) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = lowerBound(from - series.maxDays + 1);
  const stop = lowerBound(to + 1);
  if (first === 0 && stop === n) return series;
  return {
    start: series.start.subarray(first, stop),
    end: series.end.subarray(first, stop),
    value: series.value.subarray(first, stop),
    maxDays: series.maxDays,
    channel: series.channel.subarray(first, stop),
    channels: series.channels,
  };
}

/**
 * The per-channel table of a period against its reference. Each channel's figures come from
 * its own points (`channelSeries`), by the same rules as the plan's KPIs (`kpiPeriodValue`):
 * a cost is that channel's spend ÷ that channel's count, null without either or for a count
 * of 0, and put per day when its two parts cover a different number of days. Spend follows
 * the money rule per channel: spend entered for the channel, else — for an ended loop — the
 * budgets of the loop's campaigns whose channel names it (case-insensitive); the unnamed
 * channel takes nothing from campaigns. A campaign channel with a budget but no numbers gets
 * a row of its own, so that the budgets are not lost from view. The total row is the plan's
 * own values (all channels together, the plan's `spendFallback`): the same numbers as the
 * KPI cards, the funnel and the budget page. Named channels come first, by name; the unnamed
 * one last.
 */
export function channelTable(input: ChannelTableInput): ChannelTable {
  const { seriesOf, period, reference, campaignsOf } = input;
  const planFallback: SpendFallback = input.spendFallback ?? (() => null);
  const totalNow = sideValues(seriesOf, period, planFallback);
  const totalBefore = sideValues(seriesOf, reference, planFallback);

  // Every channel the four parts have, by its stored name; campaign channels by their key.
  const names = new Map<string, string>();
  for (const m of BASE)
    for (const name of seriesOf(KPI_OF[m]).channels) if (!names.has(name)) names.set(name, name);
  const known = new Set([...names.keys()].filter((n) => n !== '').map(key));
  for (const range of [period, reference])
    for (const c of campaignsOf(range) ?? []) {
      const k = key(c.channel);
      if (k !== '' && !known.has(k) && (c.budget ?? 0) > 0) {
        known.add(k);
        names.set(c.channel.trim(), c.channel.trim());
      }
    }

  const days = [period.start, reference.start, period.end, reference.end].map(dayNumberOrNull);
  // A bad date gives no value anywhere (kpiPeriodValue refuses it); keep the whole series.
  const valid = days.every((d) => d !== null);
  const from = valid ? Math.min(days[0] as number, days[1] as number) : -Infinity;
  const to = valid ? Math.max(days[2] as number, days[3] as number) : Infinity;
  const windows = new Map<string, Series>();
  const windowed = (k: string): Series => {
    let found = windows.get(k);
    if (!found) {
      found = windowOf(seriesOf(k), from, to);
      windows.set(k, found);
    }
    return found;
  };
  const rows: ChannelRow[] = [];
  for (const name of names.keys()) {
    const cache = new Map<string, Series>();
    const own = (k: string): Series => {
      let found = cache.get(k);
      if (!found) {
        found = channelSeries(windowed(k), name);
        cache.set(k, found);
      }
      return found;
    };
    const fallback: SpendFallback = (range) => {
      if (name === '') return null;
      const campaigns = campaignsOf(range);
      const amount = campaigns ? campaignBudget(campaigns, name) : null;
      return amount === null ? null : { amount, source: 'campaigns' };
    };
    const now = sideValues(own, period, fallback);
    const before = sideValues(own, reference, fallback);
    if (!hasAny(now) && !hasAny(before)) continue;
    markPartial(now, totalNow);
    markPartial(before, totalBefore);
    rows.push({ channel: name, cells: cells(now, before) });
  }
  rows.sort((a, b) =>
    a.channel === '' ? 1 : b.channel === '' ? -1 : a.channel.localeCompare(b.channel, 'en'),
  );
  return {
    rows,
    total: { channel: '', cells: cells(totalNow, totalBefore) },
    named: rows.some((r) => r.channel !== '' && BASE.some((m) => measured(r.cells[m]))),
    spendAddsUp: {
      current: addsUp(rows, totalNow.spend.value, 'current'),
      reference: addsUp(rows, totalBefore.spend.value, 'reference'),
    },
  };
}
