import { daysInMonth, parseIsoDate } from '$lib/domain/dates';
import { MAX_MAGNITUDE } from '$lib/schema/common';
import { sourceSchema } from '$lib/schema/kpi';
import { CHANNEL_MAX, type Measurement } from '$lib/schema/measurement';

/**
 * How values shorter than a month are stored (schema v3): one record per plan, KPI, channel
 * and calendar month, its values in parallel arrays. 100,000 daily values are ~3,300 records,
 * which IndexedDB writes and reads an order of magnitude faster than 100,000 rows. Pure code:
 * `measurement-store.ts` is the only module that reads and writes these records.
 */

type Source = Measurement['source'];

export type MeasurementPack = {
  planId: string;
  kpiId: string;
  /** The values' channel; '' for the KPI's own, unnamed channel (a channel is never ''). */
  channel: string;
  /** The calendar month, `YYYY-MM`. */
  month: string;
  /** One entry per value, in date order (then id): ids, first days, values. */
  ids: string[];
  /** The day of the month each value starts on (1–31). */
  days: number[];
  /** The day each value ends on; absent when every value is one day long (ends = days). */
  ends?: number[];
  values: (number | null)[];
  /** The source of every value, or of most of them when `sources` is there. */
  source: Source;
  /** Each value's source; only when they are not all the same. */
  sources?: Source[];
  /** Each value's note (null: none); only when some value has one. */
  notes?: (string | null)[];
};

/** The primary key of a pack: [planId, kpiId, channel, month]. */
export type PackKey = [planId: string, kpiId: string, channel: string, month: string];

/** The key path of the packs' table, in the order of PackKey. */
export const PACK_KEY_PATH = '[planId+kpiId+channel+month]';

/**
 * The month whose pack holds a value of this range, or null when the value stays a record of
 * its own: a range inside one calendar month and shorter than it (a day, a week) is packed; a
 * whole month, a loop, a baseline across months is not. The range must be valid.
 */
export function packMonth(start: string, end: string): string | null {
  const month = start.slice(0, 7);
  if (end.slice(0, 7) !== month || end < start) return null;
  const last = parseIsoDate(end);
  if (!last) return null;
  return start.endsWith('-01') && last.d === daysInMonth(last.y, last.m) ? null : month;
}

/** The key of the pack that holds `m`, or null when `m` is not packed. */
export function packKeyOf(
  m: Pick<Measurement, 'planId' | 'kpiId' | 'start' | 'end' | 'channel'>,
): PackKey | null {
  const month = packMonth(m.start, m.end);
  return month === null ? null : [m.planId, m.kpiId, m.channel ?? '', month];
}

/** One string for a pack key, for maps. */
export function packKeyText(key: PackKey): string {
  return key.join('\u0000');
}

/** Plain code-unit order, as IndexedDB and the bundle order strings. */
function byStartThenId(a: Measurement, b: Measurement): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Values of one pack key (valid, all packed in that pack) as the pack record. Their order in
 * the pack is date then id, the order the plan bundle keeps.
 */
export function packValues(key: PackKey, rows: readonly Measurement[]): MeasurementPack {
  const [planId, kpiId, channel, month] = key;
  const sorted = [...rows].sort(byStartThenId);
  const counts = new Map<Source, number>();
  for (const row of sorted) counts.set(row.source, (counts.get(row.source) ?? 0) + 1);
  let source: Source = sorted[0]?.source ?? 'manual';
  for (const [s, n] of counts) if (n > (counts.get(source) ?? 0)) source = s;
  const days = sorted.map((row) => Number(row.start.slice(8, 10)));
  const ends = sorted.map((row) => Number(row.end.slice(8, 10)));
  const pack: MeasurementPack = {
    planId,
    kpiId,
    channel,
    month,
    ids: sorted.map((row) => row.id),
    days,
    values: sorted.map((row) => row.value),
    source,
  };
  if (ends.some((end, i) => end !== days[i])) pack.ends = ends;
  if (counts.size > 1) pack.sources = sorted.map((row) => row.source);
  if (sorted.some((row) => row.note !== undefined))
    pack.notes = sorted.map((row) => row.note ?? null);
  return pack;
}

/** Values (valid) grouped into the packs that hold them, and the values that are not packed. */
export function splitForPacks(rows: readonly Measurement[]): {
  packs: Map<string, { key: PackKey; rows: Measurement[] }>;
  single: Measurement[];
} {
  const packs = new Map<string, { key: PackKey; rows: Measurement[] }>();
  const single: Measurement[] = [];
  for (const row of rows) {
    const key = packKeyOf(row);
    if (!key) {
      single.push(row);
      continue;
    }
    const text = packKeyText(key);
    const group = packs.get(text);
    if (group) group.rows.push(row);
    else packs.set(text, { key, rows: [row] });
  }
  return { packs, single };
}

function day(month: string, d: number): string {
  return `${month}-${d < 10 ? '0' : ''}${d}`;
}

/** The values of a pack that passed `isSoundPack`, exactly as they were packed. */
export function unpackValues(pack: MeasurementPack): Measurement[] {
  const { planId, kpiId, channel, month, ids, days, ends, values, source, sources, notes } = pack;
  const rows: Measurement[] = new Array<Measurement>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const d = days[i] as number;
    const start = day(month, d);
    const e = ends ? (ends[i] as number) : d;
    const row: Measurement = {
      id: ids[i] as string,
      planId,
      kpiId,
      start,
      end: e === d ? start : day(month, e),
      value: values[i] as number | null,
      source: sources ? (sources[i] as Source) : source,
    };
    if (channel !== '') row.channel = channel;
    const note = notes?.[i];
    if (typeof note === 'string') row.note = note;
    rows[i] = row;
  }
  return rows;
}

const SOURCES: ReadonlySet<unknown> = new Set(sourceSchema.options);

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= 64;
}

function isArrayOf(value: unknown, n: number, item: (v: unknown, i: number) => boolean): boolean {
  if (!Array.isArray(value) || value.length !== n) return false;
  for (let i = 0; i < n; i++) if (!item(value[i], i)) return false;
  return true;
}

/**
 * True when every value this record unpacks to passes the measurement schema: the same rules
 * (ids, dates, finite plausible numbers, sources, channel and note lengths), checked on the
 * arrays in one pass instead of on 30 objects, so reading a plan of 100,000 values stays fast.
 * A record that fails is read value by value with the schema, which says what is wrong.
 */
export function isSoundPack(raw: unknown): raw is MeasurementPack {
  if (!raw || typeof raw !== 'object') return false;
  const p = raw as Partial<Record<keyof MeasurementPack, unknown>>;
  if (!isId(p.planId) || !isId(p.kpiId) || typeof p.month !== 'string') return false;
  if (typeof p.channel !== 'string' || p.channel.length > CHANNEL_MAX) return false;
  const first = parseIsoDate(`${p.month}-01`);
  if (!first || p.month.length !== 7 || !SOURCES.has(p.source)) return false;
  const last = daysInMonth(first.y, first.m);
  if (!Array.isArray(p.ids)) return false;
  const n = p.ids.length;
  const isDay = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= last;
  const days = p.days as number[];
  return (
    isArrayOf(p.ids, n, isId) &&
    isArrayOf(p.days, n, isDay) &&
    (p.ends === undefined ||
      isArrayOf(p.ends, n, (v, i) => isDay(v) && (v as number) >= (days[i] as number))) &&
    isArrayOf(
      p.values,
      n,
      (v) =>
        v === null || (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_MAGNITUDE),
    ) &&
    (p.sources === undefined || isArrayOf(p.sources, n, (v) => SOURCES.has(v))) &&
    (p.notes === undefined ||
      isArrayOf(p.notes, n, (v) => v === null || (typeof v === 'string' && v.length <= 500)))
  );
}

/**
 * The values of any stored pack record, sound or damaged, as plain rows for the schema to
 * check (and a backup to carry as stored): nothing is dropped. A record that is not a pack at
 * all comes back whole, as one row the schema refuses and reports.
 */
export function looseValues(raw: unknown): unknown[] {
  if (isSoundPack(raw)) return unpackValues(raw);
  if (!raw || typeof raw !== 'object') return [raw];
  const p = raw as Record<string, unknown>;
  if (!Array.isArray(p.ids)) return [raw];
  const at = (field: string, i: number): unknown =>
    Array.isArray(p[field]) ? (p[field] as unknown[])[i] : undefined;
  return p.ids.map((id, i) => {
    const d = at('days', i);
    const e = Array.isArray(p.ends) ? at('ends', i) : d;
    const asDate = (v: unknown) =>
      typeof p.month === 'string' && typeof v === 'number' ? day(p.month, v) : v;
    const row: Record<string, unknown> = {
      id,
      planId: p.planId,
      kpiId: p.kpiId,
      start: asDate(d),
      end: asDate(e),
      value: at('values', i),
      source: Array.isArray(p.sources) ? at('sources', i) : p.source,
    };
    if (p.channel !== '') row.channel = p.channel;
    const note = at('notes', i);
    if (note !== null && note !== undefined) row.note = note;
    return row;
  });
}
