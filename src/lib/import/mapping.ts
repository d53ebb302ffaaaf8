import { fromDayNumber, rangeDays, toDayNumber, type DateRange } from '$lib/domain/dates';
import { catalogKpi, isComputed, type KpiDefinition } from '$lib/domain/catalog';
import { defaultBaseline, loopIndexOf, loopRange } from '$lib/domain/periods';
import { periodValues } from '$lib/domain/plan-verdicts';
import type { PeriodValue, Point } from '$lib/domain/aggregate';
import { fail, type DomainErrorCode } from '$lib/domain/result';
import { checkKpiValue } from '$lib/domain/wizard';
import { MAX_MAGNITUDE } from '$lib/schema/common';
import type { LoopLength } from '$lib/schema/plan';
import type { CoveredRange, Extraction, PresetId, Series } from './presets';

/** Which KPI of the plan each series goes to (by KPI id), or null to leave it out. */
export type Mapping = Record<string, string | null>;

/** A KPI of the plan as the mapping needs it: its id and its definition. */
export type PlanKpi = { id: string; definition: KpiDefinition };

/** A stored value of the plan (for what already exists on a period). */
export type Existing = {
  id: string;
  kpiId: string;
  start: string;
  end: string;
  value: number | null;
  channel?: string;
  source?: string;
};

/**
 * Finds the stored value an imported value meets: the one on exactly its KPI, range and
 * channel; for a named channel, else a value without a channel that was imported (not typed)
 * before channels existed, on the same range or a longer one around its days: the same numbers
 * imported again, which must be replaced or kept, never added to. Such an older value is met by
 * every channel on its days (an ATS day's sources together made it). `exactOnly`: only the
 * value of the same cell (a zero filled in for a day without a row).
 */
export function storedCells<T extends Existing>(existing: readonly T[]) {
  const exact = new Map<string, T>();
  const olderCell = new Map<string, T>();
  const olderLong = new Map<string, T[]>();
  for (const e of existing) {
    exact.set(cellKey(e), e);
    if (e.channel !== undefined || e.source === undefined || e.source === 'manual') continue;
    olderCell.set(`${e.kpiId}|${e.start}|${e.end}`, e);
    if (e.start !== e.end)
      (olderLong.get(e.kpiId) ?? olderLong.set(e.kpiId, []).get(e.kpiId)!).push(e);
  }
  return (
    cell: { kpiId: string; start: string; end: string; channel?: string | undefined },
    exactOnly = false,
  ): T | undefined => {
    const found = exact.get(cellKey(cell));
    if (found || cell.channel === undefined || exactOnly) return found;
    return (
      olderCell.get(`${cell.kpiId}|${cell.start}|${cell.end}`) ??
      olderLong.get(cell.kpiId)?.find((o) => o.start <= cell.start && o.end >= cell.end)
    );
  };
}

/**
 * The key of one stored cell: a KPI on exactly one range in one channel (a KPI has at most one
 * value there; another channel on the same days is another cell, added to it).
 */
export const cellKey = (v: {
  kpiId: string;
  start: string;
  end: string;
  channel?: string | undefined;
}): string => `${v.kpiId}|${v.start}|${v.end}|${v.channel ?? ''}`;

/**
 * One value the import writes: a KPI on exactly one range, and what is stored there now.
 * `filled`: a zero for a day the file covers without a row, never written over a stored value.
 */
export type PlannedWrite = {
  kpiId: string;
  start: string;
  end: string;
  value: number;
  /** The channel the value goes to (absent: the unnamed channel of typed values). */
  channel?: string;
  /** The value stored on exactly this KPI, range and channel now. */
  existing: Existing | null;
  filled?: true;
};

/**
 * A planned write and where it comes from in the file: the column (series key) and line of its
 * first cell, and how many cells it combines.
 */
export type SourcedWrite = PlannedWrite & { series: string; line: number; cells: number };

/**
 * A value the import would write that the plan's number rules refuse, where it is in the file:
 * the column (series key), the line, the date, and `cells` above 1 when the value is several
 * cells of that date combined (refused as a whole, at the line of the first).
 */
export type RefusedValue = {
  series: string;
  line: number;
  cells: number;
  start: string;
  end: string;
  kpiId: string;
  value: number;
  code: DomainErrorCode;
};

/**
 * Per KPI and period: the imported total beside what the plan holds there now and what it
 * will hold after the import (other channels' values added, the same channel's replaced or kept).
 */
export type PreviewCell = {
  kpiId: string;
  period: 'baseline' | number;
  range: DateRange;
  imported: PeriodValue;
  current: PeriodValue;
  after: PeriodValue;
};

/** A name as the user would read it: case and spacing do not matter. */
const normalName = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What was chosen last time for this column: under its meaning in its tool (so Dutch and
 * English headers share it), else under its header (how mappings were remembered before).
 * Undefined when nothing usable is remembered (a KPI that no longer exists is not).
 */
function rememberedFor(
  s: Series,
  remembered: Mapping,
  ids: ReadonlySet<string>,
): string | null | undefined {
  for (const key of [s.meaning, s.label]) {
    const kept = key === undefined ? undefined : remembered[key];
    if (kept !== undefined && (kept === null || ids.has(kept))) return kept;
  }
  return undefined;
}

/**
 * The suggested mapping of each series: what the user chose last time for the same column,
 * else the plan KPI of its suggested catalog key, else the plan's measured KPI whose name (in
 * either language) is the column's header, a custom KPI named "Link clicks" included.
 */
export function suggestMapping(
  series: readonly Series[],
  kpis: readonly PlanKpi[],
  remembered: Mapping = {},
): Mapping {
  const byKey = new Map(kpis.map((k) => [k.definition.key, k.id]));
  const ids = new Set(kpis.map((k) => k.id));
  const byName = new Map<string, string>();
  for (const k of kpis) {
    if (isComputed(k.definition.aggregation)) continue;
    for (const name of [k.definition.name.en, k.definition.name.nl])
      if (!byName.has(normalName(name))) byName.set(normalName(name), k.id);
  }
  const mapping: Mapping = {};
  for (const s of series) {
    const kept = rememberedFor(s, remembered, ids);
    mapping[s.key] =
      kept !== undefined
        ? kept
        : ((s.suggested && byKey.get(s.suggested)) ?? byName.get(normalName(s.label)) ?? null);
  }
  return mapping;
}

/**
 * The memory of a plan and preset after an import: each column's choice under its meaning in
 * its tool where it has one (the next export maps itself in either language; the header's old
 * entry goes), else under its header. "Not imported" where nothing else was suggested is no
 * choice, so it is not kept: once the plan has a KPI for the column, that KPI is suggested.
 */
export function rememberMapping(
  previous: Mapping,
  series: readonly Series[],
  mapping: Mapping,
  kpis: readonly PlanKpi[],
): Mapping {
  const defaults = suggestMapping(series, kpis);
  const chosen = new Map<string, string | null>();
  const dropped = new Set<string>();
  for (const s of series) {
    const key = s.meaning ?? s.label;
    if (s.meaning) dropped.add(s.label);
    const kpiId = mapping[s.key] ?? null;
    if (kpiId === null && defaults[s.key] === null) dropped.add(key);
    else chosen.set(key, kpiId);
  }
  return {
    ...Object.fromEntries(Object.entries(previous).filter(([key]) => !dropped.has(key))),
    ...Object.fromEntries(chosen),
  };
}

/**
 * The catalog KPI a column not imported could go to if the plan had it: its suggestion, when
 * the plan lacks that KPI and it is measured (a computed KPI takes no values). Else null.
 */
export function addableKpi(s: Series, mapping: Mapping, kpis: readonly PlanKpi[]): string | null {
  if (mapping[s.key] || !s.suggested) return null;
  if (kpis.some((k) => k.definition.key === s.suggested)) return null;
  const found = catalogKpi(s.suggested);
  return found.ok && !isComputed(found.value.aggregation) ? s.suggested : null;
}

/** The mapping once a KPI was added for `catalogKey`: every column not imported that suggests it goes to it. */
export function withAddedKpi(
  series: readonly Series[],
  mapping: Mapping,
  catalogKey: string,
  kpiId: string,
): Mapping {
  const next = { ...mapping };
  for (const s of series) if (!next[s.key] && s.suggested === catalogKey) next[s.key] = kpiId;
  return next;
}

/**
 * The values to write: every point of every mapped series in its channel (the row's own, else
 * the import's `channel`), points of series mapped to the same KPI, range and channel added
 * together, each beside the value stored on exactly that cell. Values of other channels on
 * the same days are not touched: the import adds to them.
 */
export function plannedWrites(
  series: readonly Series[],
  mapping: Mapping,
  existing: readonly Existing[],
  channel?: string,
): SourcedWrite[] {
  const meet = storedCells(existing);
  // A channel the plan already has keeps its spelling ("stepstone" goes to "StepStone").
  const spelled = new Map<string, string>();
  for (const e of existing) if (e.channel) spelled.set(e.channel.toLowerCase(), e.channel);
  const writes = new Map<string, SourcedWrite>();
  for (const s of series) {
    const kpiId = mapping[s.key];
    if (!kpiId) continue;
    for (const point of s.points) {
      const named = point.channel ?? channel;
      const into = named === undefined ? undefined : (spelled.get(named.toLowerCase()) ?? named);
      const key = cellKey({ kpiId, start: point.start, end: point.end, channel: into });
      const write = writes.get(key);
      if (write) {
        write.value += point.value;
        write.cells += point.cells;
      } else
        writes.set(key, {
          kpiId,
          start: point.start,
          end: point.end,
          value: point.value,
          ...(into === undefined ? {} : { channel: into }),
          existing: meet({ kpiId, start: point.start, end: point.end, channel: into }) ?? null,
          series: s.key,
          line: point.line,
          cells: point.cells,
        });
    }
  }
  return [...writes.values()];
}

/**
 * Whether a day without a row means none of this KPI: whole counts that add up (applications,
 * hires, visits, impressions). Not unique people, means, last values, money or computed KPIs.
 */
export function countsAsZero(definition: KpiDefinition): boolean {
  return (
    definition.unit === 'count' &&
    definition.aggregation.kind === 'sum' &&
    definition.kind !== 'unique'
  );
}

/** Longer ranges are not filled (a mistyped year in a file would write thousands of zeros). */
export const MAX_FILL_DAYS = 3660;

/**
 * The zeros an export implies: for each KPI that counts events (`countsAsZero`) and takes a
 * mapped column, in each channel the import writes it in, a 0 on every day of the range the
 * export covers that no imported value of that KPI and channel touches and no stored value of
 * that channel holds on exactly that day (those are never overwritten). An applicant-tracking
 * export names a channel per candidate: a day without a candidate from LinkedIn had none from
 * there. Work per KPI and channel is one pass over its writes and one over the range's days.
 */
export function zeroFills(
  range: DateRange,
  series: readonly Series[],
  mapping: Mapping,
  kpis: readonly PlanKpi[],
  writes: readonly SourcedWrite[],
  existing: readonly Existing[],
): SourcedWrite[] {
  const from = toDayNumber(range.start);
  const days = toDayNumber(range.end) - from + 1;
  if (days < 1 || days > MAX_FILL_DAYS) return [];
  const counting = new Set(kpis.filter((k) => countsAsZero(k.definition)).map((k) => k.id));
  // Per KPI and channel written: the first column mapped there names the zeros' source.
  const lanes = new Map<
    string,
    { kpiId: string; channel?: string; column: string; covered: Uint8Array }
  >();
  const laneKey = (kpiId: string, channel: string | undefined) => `${kpiId}|${channel ?? ''}`;
  for (const w of writes) {
    if (!counting.has(w.kpiId)) continue;
    const key = laneKey(w.kpiId, w.channel);
    if (!lanes.has(key))
      lanes.set(key, {
        kpiId: w.kpiId,
        ...(w.channel === undefined ? {} : { channel: w.channel }),
        column: w.series,
        covered: new Uint8Array(days),
      });
  }
  if (!lanes.size) return [];
  const mark = (kpiId: string, channel: string | undefined, start: string, end: string) => {
    const covered = lanes.get(laneKey(kpiId, channel))?.covered;
    if (!covered) return;
    const first = Math.max(toDayNumber(start) - from, 0);
    const last = Math.min(toDayNumber(end) - from, days - 1);
    for (let d = first; d <= last; d++) covered[d] = 1;
  };
  for (const w of writes) mark(w.kpiId, w.channel, w.start, w.end);
  for (const e of existing) if (e.start === e.end) mark(e.kpiId, e.channel, e.start, e.end);
  const fills: SourcedWrite[] = [];
  for (const { kpiId, channel, column, covered } of lanes.values()) {
    for (let d = 0; d < days; d++) {
      if (covered[d]) continue;
      const date = fromDayNumber(from + d);
      fills.push({
        kpiId,
        start: date,
        end: date,
        value: 0,
        ...(channel === undefined ? {} : { channel }),
        existing: null,
        filled: true,
        series: column,
        line: 0,
        cells: 0,
      });
    }
  }
  return fills;
}

/**
 * Whether days without rows count as zero unless the user says otherwise: when the file states
 * its range, and for an applicant-tracking export over two days or more (one row per
 * candidate: a day without one had none). Other ranges are only guessed from the rows.
 */
export function fillsByDefault(read: Extract<Extraction, { ok: true }>): boolean {
  const range: CoveredRange | null = read.range;
  if (!range) return false;
  return range.stated || (read.preset === 'ats' && rangeDays(range) >= 2);
}

/** The grid's rule for a value of this unit, and the maximum every number of the app has. */
function checkValue(value: number, unit: PlanKpi['definition']['unit']) {
  return Math.abs(value) > MAX_MAGNITUDE
    ? fail('numberTooLarge', 'value', value)
    : checkKpiValue(value, unit);
}

/**
 * The values the import would write (`writes`, from `plannedWrites`) that break the grid's
 * number rules for their KPI's unit (`checkKpiValue`: nothing negative, whole counts,
 * percentages up to 100) or the maximum every number has. Each cell that breaks them is named
 * at its line, column and date (a −5 among a day's rows is refused even when the day's total
 * is positive); a total that breaks them only as a total (rows of one day adding up past
 * 100 %) is named at its first line. In the order of the file.
 */
export function refusedValues(
  series: readonly Series[],
  mapping: Mapping,
  kpis: readonly PlanKpi[],
  writes: readonly SourcedWrite[],
  channel?: string,
): RefusedValue[] {
  const unitOf = new Map(kpis.map((k) => [k.id, k.definition.unit]));
  const order = new Map(series.map((s, i) => [s.key, i]));
  const refused: RefusedValue[] = [];
  const cellRefused = new Set<string>();
  for (const s of series) {
    const kpiId = mapping[s.key];
    const unit = kpiId ? unitOf.get(kpiId) : undefined;
    if (!kpiId || !unit) continue;
    for (const point of s.points)
      for (const cell of point.notable ?? []) {
        const checked = checkValue(cell.value, unit);
        if (checked.ok) continue;
        const { start, end } = point;
        const { line, value } = cell;
        refused.push({
          series: s.key,
          line,
          cells: 1,
          start,
          end,
          kpiId,
          value,
          code: checked.error.code,
        });
        cellRefused.add(cellKey({ kpiId, start, end, channel: point.channel ?? channel }));
      }
  }
  for (const write of writes) {
    const unit = unitOf.get(write.kpiId);
    if (!unit || cellRefused.has(cellKey(write))) continue;
    const checked = checkValue(write.value, unit);
    if (checked.ok) continue;
    const { series: key, line, cells, start, end, kpiId, value } = write;
    refused.push({ series: key, line, cells, start, end, kpiId, value, code: checked.error.code });
  }
  return refused.sort(
    (a, b) => a.line - b.line || (order.get(a.series) ?? 0) - (order.get(b.series) ?? 0),
  );
}

/**
 * What the import means per KPI and period (the baseline and every loop it touches): the
 * imported values' total with their coverage, and the plan's value there now.
 */
export function previewPeriods(
  plan: { firstLoopStart: string; loopLength: LoopLength; baseline?: DateRange },
  kpis: readonly PlanKpi[],
  writes: readonly PlannedWrite[],
  existing: readonly Existing[],
  conflicts: 'replace' | 'skip' = 'replace',
): PreviewCell[] {
  if (!writes.length) return [];
  const keyOf = new Map(kpis.map((k) => [k.id, k.definition.key]));
  type Row = { kpiId: string; start: string; end: string; value: number | null; channel?: string };
  const group = (rows: readonly Row[]) => {
    const out: Record<string, Point[]> = {};
    for (const row of rows) {
      const key = keyOf.get(row.kpiId);
      if (key)
        (out[key] ??= []).push(
          row.channel === undefined
            ? { start: row.start, end: row.end, value: row.value }
            : { start: row.start, end: row.end, value: row.value, channel: row.channel },
        );
    }
    return out;
  };
  const incoming = group(writes);
  const current = group(existing);
  // The plan after the import: a stored cell the import writes is replaced, or kept (and the
  // import's value for it dropped); a filled-in zero never replaces a stored value.
  const replacing = new Set(
    writes.flatMap((w) =>
      w.existing && conflicts === 'replace' && !w.filled ? [w.existing.id] : [],
    ),
  );
  const afterRows: Row[] = existing.filter((e) => !replacing.has(e.id));
  for (const w of writes) if (!w.existing || replacing.has(w.existing.id)) afterRows.push(w);
  const afterwards = group(afterRows);
  const periods: { period: 'baseline' | number; range: DateRange }[] = [];
  const baseline =
    plan.baseline ??
    (() => {
      const found = defaultBaseline(plan.firstLoopStart, plan.loopLength);
      return found.ok ? found.value : null;
    })();
  const first = writes.reduce((m, w) => (w.start < m ? w.start : m), writes[0]!.start);
  const last = writes.reduce((m, w) => (w.end > m ? w.end : m), writes[0]!.end);
  if (baseline && baseline.start <= last && first <= baseline.end)
    periods.push({ period: 'baseline', range: baseline });
  const from = loopIndexOf(plan.firstLoopStart, plan.loopLength, first);
  const to = loopIndexOf(plan.firstLoopStart, plan.loopLength, last);
  if (from.ok && to.ok)
    for (let n = Math.max(1, from.value); n <= to.value; n++) {
      const range = loopRange(plan.firstLoopStart, plan.loopLength, n);
      if (range.ok) periods.push({ period: n, range: range.value });
    }
  const mapped = kpis.filter((k) => writes.some((w) => w.kpiId === k.id));
  const cells: PreviewCell[] = [];
  for (const { period, range } of periods) {
    const after = periodValues(
      mapped.map((k) => k.definition),
      incoming,
      range,
    );
    const before = periodValues(
      mapped.map((k) => k.definition),
      current,
      range,
    );
    const result = periodValues(
      mapped.map((k) => k.definition),
      afterwards,
      range,
    );
    if (!after.ok || !before.ok || !result.ok) continue;
    for (const kpi of mapped) {
      const imported = after.value[kpi.definition.key];
      if (!imported || imported.points === 0) continue;
      cells.push({
        kpiId: kpi.id,
        period,
        range,
        imported,
        current: before.value[kpi.definition.key]!,
        after: result.value[kpi.definition.key]!,
      });
    }
  }
  return cells;
}

/** A column of unique counts (different people) whose rows cover less than a loop each. */
export type ShortUniqueColumn = { key: string; label: string; kpiId: string };

/**
 * The mapped columns that bring unique counts (reach, unique visitors) for periods shorter
 * than the loop (or baseline) they fall in, such as daily rows: they are stored as they are,
 * but never added up into a loop's number of people, so the preview says how to get that.
 */
export function shortUniqueColumns(
  plan: { firstLoopStart: string; loopLength: LoopLength; baseline?: DateRange },
  kpis: readonly PlanKpi[],
  series: readonly Series[],
  mapping: Mapping,
): ShortUniqueColumn[] {
  const unique = new Set(kpis.filter((k) => k.definition.kind === 'unique').map((k) => k.id));
  const baseline =
    plan.baseline ??
    (() => {
      const found = defaultBaseline(plan.firstLoopStart, plan.loopLength);
      return found.ok ? found.value : null;
    })();
  const periodOf = (date: string): DateRange | null => {
    const index = loopIndexOf(plan.firstLoopStart, plan.loopLength, date);
    if (!index.ok) return null;
    if (index.value < 1 && baseline) return baseline;
    const range = loopRange(plan.firstLoopStart, plan.loopLength, Math.max(1, index.value));
    return range.ok ? range.value : null;
  };
  const out: ShortUniqueColumn[] = [];
  for (const s of series) {
    const kpiId = mapping[s.key];
    if (!kpiId || !unique.has(kpiId)) continue;
    const short = s.points.some((p) => {
      const period = periodOf(p.start);
      return period !== null && rangeDays(p) < rangeDays(period);
    });
    if (short) out.push({ key: s.key, label: s.label, kpiId });
  }
  return out;
}

/** The source a preset's values are recorded with. */
export function sourceOf(preset: PresetId): 'analytics' | 'ads' | 'ats' | 'manual' {
  return preset === 'ga4'
    ? 'analytics'
    : preset === 'meta' || preset === 'linkedin'
      ? 'ads'
      : preset === 'ats'
        ? 'ats'
        : 'manual';
}

/**
 * The channels of stored values that the import leaves standing beside its own: values of the
 * KPIs it writes, on its days, in a channel it does not write ('' is the unnamed channel of
 * typed values). They add up with the imported values. Sorted, the unnamed one first.
 */
export function otherChannels(
  writes: readonly PlannedWrite[],
  existing: readonly Existing[],
): string[] {
  if (!writes.length) return [];
  const kpis = new Set<string>();
  const written = new Set<string>();
  let first = writes[0]!.start;
  let last = writes[0]!.end;
  for (const w of writes) {
    kpis.add(w.kpiId);
    written.add(w.channel ?? '');
    if (w.start < first) first = w.start;
    if (w.end > last) last = w.end;
  }
  // Values the import meets are replaced or kept, not added to.
  const met = new Set(writes.flatMap((w) => (w.existing ? [w.existing.id] : [])));
  const out = new Set<string>();
  for (const e of existing)
    if (
      kpis.has(e.kpiId) &&
      e.start <= last &&
      e.end >= first &&
      !written.has(e.channel ?? '') &&
      !met.has(e.id)
    )
      out.add(e.channel ?? '');
  return [...out].sort((a, b) => a.localeCompare(b));
}
