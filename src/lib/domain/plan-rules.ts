import type { Loop, Target } from '$lib/schema/loop';
import { partsOf, type Aggregation, type KpiDefinition, type Pillar, type Side } from './catalog';
import { toDayNumber, type DateRange } from './dates';
import { focusRules } from './focus';
import { loopRange, type LoopLength } from './periods';
import { channelSeries, type PeriodValue, type Series } from './aggregate';
import { kpiPeriodValue } from './plan-verdicts';
import { ok, type Result } from './result';
import type { TargetSuggestion } from './targets';
import { defaultJudgementDate, suggestTargets, WIZARD_STEPS } from './wizard';

/**
 * The rules the wizard and the loop pages apply to a plan's stored rows: measurements per KPI
 * key, values on a period, baseline completeness, target suggestions and the carry-over into
 * the next loop. Rows are the plan's KPIs with their definitions (`{ kpi, definition }`).
 */

/** A stored measurement as these rules read it. */
export type MeasurementRow = {
  kpiId: string;
  start: string;
  end: string;
  value: number | null;
  channel?: string;
};
/** A point of one KPI, as the aggregation takes it. */
export type KeyedPoint = { start: string; end: string; value: number | null; channel?: string };
/** A target to store for one KPI of a loop. */
export type TargetDraft = { kpiId: string; value: number; basis: Target['basis'] };
/** A KPI of the plan with its definition. */
export type PlanRow = { kpi: { id: string }; definition: KpiDefinition };

/**
 * Measurements per KPI key (catalog key or custom id), in stored order, as the domain's
 * aggregation expects them; measurements of KPIs not among the rows are left out.
 */
export function pointsByKey(
  rows: readonly { kpi: { id: string }; definition: { key: string } }[],
  measurements: readonly MeasurementRow[],
): Record<string, KeyedPoint[]> {
  const keyOf = new Map(rows.map((r) => [r.kpi.id, r.definition.key]));
  const points: Record<string, KeyedPoint[]> = {};
  for (const m of measurements) {
    const key = keyOf.get(m.kpiId);
    if (key)
      (points[key] ??= []).push(
        m.channel === undefined
          ? { start: m.start, end: m.end, value: m.value }
          : { start: m.start, end: m.end, value: m.value, channel: m.channel },
      );
  }
  return points;
}

/**
 * The values typed exactly on a period (the unnamed channel), by KPI id (null: marked
 * unknown); values on a shorter or longer period, and values of named channels (imports, added
 * to the typed one), are not among them. What the baseline step edits.
 */
export function valuesOn(
  measurements: readonly MeasurementRow[],
  range: DateRange,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const m of measurements)
    if (m.start === range.start && m.end === range.end && m.channel === undefined)
      out.set(m.kpiId, m.value);
  return out;
}

/** What a read-only cell of the grid holds: its channels, and whether typed values are finer. */
export type CellContents = {
  /** The channels of the values inside the period, sorted ('' is the unnamed one). */
  channels: string[];
  /** Whether the unnamed channel has values inside the period shorter than it. */
  typedFiner: boolean;
};

/**
 * The cells (`${kpiId}|${range.start}`) that hold finer data (daily, weekly) or a named
 * channel's values inside a range: a value lying inside the range without being exactly on
 * it, or with a channel. The grid shows such a cell read-only with the domain's total (finer
 * data, channels added) and the channels on demand; it takes a typed value beside them only
 * when `typedFiner` is false. One pass over the values.
 */
export function cellContents(
  measurements: readonly Pick<MeasurementRow, 'kpiId' | 'start' | 'end' | 'channel'>[],
  ranges: readonly DateRange[],
): Map<string, CellContents> {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  // Ranges that do not overlap (the grid's columns): a value lies inside at most one, found
  // by binary search, so 100,000 values take one pass instead of one per range.
  const disjoint = sorted.every((r, i) => i === 0 || (sorted[i - 1] as DateRange).end < r.start);
  const rangesOf = (start: string): readonly DateRange[] => {
    if (!disjoint) return sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as DateRange).start <= start) lo = mid + 1;
      else hi = mid;
    }
    const range = sorted[lo - 1];
    return range ? [range] : [];
  };
  const found = new Map<string, { channels: Set<string>; typedFiner: boolean }>();
  const typedOn = new Set<string>();
  for (const m of measurements)
    for (const range of rangesOf(m.start)) {
      if (m.start < range.start || m.end > range.end) continue;
      const key = `${m.kpiId}|${range.start}`;
      const exact = m.start === range.start && m.end === range.end;
      if (exact && m.channel === undefined) {
        typedOn.add(key);
        continue;
      }
      let cell = found.get(key);
      if (!cell) found.set(key, (cell = { channels: new Set(), typedFiner: false }));
      cell.channels.add(m.channel ?? '');
      if (m.channel === undefined) cell.typedFiner = true;
    }
  // The typed value exactly on a period counts as a channel of a cell that is read-only anyway.
  for (const key of typedOn) found.get(key)?.channels.add('');
  const out = new Map<string, CellContents>();
  for (const [key, cell] of found)
    out.set(key, {
      channels: [...cell.channels].sort((a, b) => a.localeCompare(b)),
      typedFiner: cell.typedFiner,
    });
  return out;
}

/** A coarser total and the finer values inside it that cover only part of its days. */
export type OverlapConflict = {
  kpiId: string;
  total: MeasurementRow;
  finer: MeasurementRow[];
  /** Days of the total's period the finer values cover. */
  finerDays: number;
  /** Days of the total's period. */
  days: number;
};

/**
 * The conflicts inside a range: for each KPI and channel, every stored total (a month, a week)
 * with finer (shorter) values of the same channel on its days that do not cover all of them
 * (another channel's values add up; they never conflict). The aggregation keeps such a
 * total and leaves the finer values out (finer data replaces a total only where it covers
 * its whole period); the grid shows both so the user can choose. Values marked unknown are
 * not data and do not conflict.
 */
export function overlapConflicts(
  measurements: readonly MeasurementRow[],
  range: DateRange,
): OverlapConflict[] {
  const byKpi = new Map<string, MeasurementRow[]>();
  for (const m of measurements)
    if (m.value !== null && m.start >= range.start && m.end <= range.end) {
      const lane = `${m.kpiId}|${m.channel ?? ''}`;
      (byKpi.get(lane) ?? byKpi.set(lane, []).get(lane)!).push(m);
    }
  const out: OverlapConflict[] = [];
  for (const points of byKpi.values()) {
    if (points.length < 2) continue;
    const kpiId = points[0]!.kpiId;
    for (const total of points) {
      const from = toDayNumber(total.start);
      const days = toDayNumber(total.end) - from + 1;
      // Shorter values on any of its days: a week across the month's end overlaps the month
      // total without lying inside it, and the aggregation leaves it out just the same.
      const finer = points.filter(
        (p) =>
          p !== total &&
          p.start <= total.end &&
          p.end >= total.start &&
          toDayNumber(p.end) - toDayNumber(p.start) + 1 < days,
      );
      if (!finer.length) continue;
      const covered = new Uint8Array(days);
      for (const p of finer)
        for (
          let d = Math.max(0, toDayNumber(p.start) - from);
          d <= Math.min(days - 1, toDayNumber(p.end) - from);
          d++
        )
          covered[d] = 1;
      const finerDays = covered.reduce((sum, c) => sum + c, 0);
      if (finerDays < days) out.push({ kpiId, total, finer, finerDays, days });
    }
  }
  return out;
}

/**
 * The KPI keys whose baseline is known: a value or "unknown" is stored for the KPI (`entries`
 * holds KPI ids), and for a ratio KPI for both its parts, which must be KPIs of the plan.
 */
export function knownBaseline(
  rows: readonly {
    kpi: { id: string };
    definition: { key: string; aggregation: Aggregation };
  }[],
  entries: ReadonlyMap<string, unknown> | ReadonlySet<string>,
): Set<string> {
  const idOf = new Map(rows.map((r) => [r.definition.key, r.kpi.id]));
  const has = (key: string) => {
    const id = idOf.get(key);
    return id !== undefined && entries.has(id);
  };
  const known = new Set<string>();
  for (const r of rows) {
    const parts = partsOf(r.definition.aggregation);
    if (parts.length ? parts.every(has) : entries.has(r.kpi.id)) known.add(r.definition.key);
  }
  return known;
}

export type TargetSuggestionInput = {
  rows: readonly PlanRow[];
  /** The reference values by KPI key (the baseline, or the previous loop). */
  reference: Readonly<Record<string, number | null>>;
  stepPercent?: number;
  /** KPI keys the focus expects to drop: no improvement target is suggested for them. */
  dropping: ReadonlySet<string>;
  /** The loop's targets now. */
  current: readonly { kpiId: string; value: number; basis: Target['basis'] }[];
  /** The basis the suggestions are stored with. */
  basis: Target['basis'];
  /** 'none': only KPIs without a target; 'suggested': also replace non-manual targets. */
  replace: 'none' | 'suggested';
};

/**
 * Target suggestions for a loop, in row order: the success step's pre-fill (`replace: 'none'`,
 * only KPIs without a target) or its "suggest again" (`'suggested'`, which also replaces
 * targets that came from a suggestion but never one the user typed). KPIs without a
 * suggestion are left out; a step the domain refuses gives no suggestions at all.
 */
export function targetSuggestions(input: TargetSuggestionInput): TargetDraft[] {
  const suggestions = suggestTargets(
    input.rows.map((r) => r.definition),
    input.reference,
    input.stepPercent,
    input.dropping,
  );
  if (!suggestions.ok) return [];
  const kept = new Set(
    input.current
      .filter((t) => input.replace === 'none' || t.basis === 'manual')
      .map((t) => t.kpiId),
  );
  return input.rows.flatMap((r) => {
    const suggestion = suggestions.value[r.definition.key];
    return !suggestion || kept.has(r.kpi.id)
      ? []
      : [{ kpiId: r.kpi.id, value: suggestion.value, basis: input.basis }];
  });
}

/**
 * The suggestion behind each of a loop's targets that still holds one, by KPI id: a target not
 * typed by hand whose value is what `stepPercent` suggests from the reference. The success step
 * shows its note (rounded to whole hires: +33 %) beside it; a target typed or changed by hand,
 * or made with another step, gets none.
 */
export function suggestionNotes(input: {
  rows: readonly PlanRow[];
  reference: Readonly<Record<string, number | null>>;
  stepPercent?: number;
  current: readonly { kpiId: string; value: number; basis: Target['basis'] }[];
}): Map<string, TargetSuggestion> {
  const suggestions = suggestTargets(
    input.rows.map((r) => r.definition),
    input.reference,
    input.stepPercent,
  );
  const notes = new Map<string, TargetSuggestion>();
  if (!suggestions.ok) return notes;
  const keyOf = new Map(input.rows.map((r) => [r.kpi.id, r.definition.key]));
  for (const t of input.current) {
    const key = keyOf.get(t.kpiId);
    const suggestion = key === undefined ? null : suggestions.value[key];
    if (t.basis !== 'manual' && suggestion?.note && suggestion.value === t.value)
      notes.set(t.kpiId, suggestion);
  }
  return notes;
}

/** A new loop as `createLoop` stores it. */
export type NextLoopDraft = Omit<
  Loop,
  'id' | 'planId' | 'updatedAt' | 'strategy' | 'insights' | 'budget'
> &
  Required<Pick<Loop, 'wizardStep' | 'judgementDate'>>;

export type NextLoopInput = {
  plan: { firstLoopStart: string; loopLength: LoopLength };
  /** The plan's loops; the one with the highest index (the last of equals) is continued. */
  loops: readonly Loop[];
  rows: readonly PlanRow[];
  /** Each KPI's value over a period, by KPI key. */
  valuesOver: (range: DateRange) => Record<string, number | null>;
  /** The plan's targets (those of the last loop carry over). */
  targets: readonly Pick<Target, 'loopId' | 'kpiId' | 'value' | 'basis'>[];
  /** Why the loop starts before the last one has ended, kept with the new loop. */
  earlyStart?: string;
};

/**
 * The loop after the last one: it opens at the focus step, is judged the day after it ends,
 * and keeps the last loop's focus, rules, comparison and expectation notes. Each KPI's target
 * is suggested from the last loop's value (basis 'previousLoop'), except for KPIs its focus
 * expects to drop; without a suggestion the last loop's target is kept as it was. Fails only
 * when the new loop has no valid range (`invalidDate`, `invalidLoopLength`, `invalidLoopIndex`).
 */
export function nextLoopDraft(
  input: NextLoopInput,
): Result<{ index: number; draft: NextLoopDraft; targets: TargetDraft[] }> {
  const { plan, rows } = input;
  const last = input.loops.reduce<Loop | undefined>(
    (found, l) => (found && found.index > l.index ? found : l),
    undefined,
  );
  const index = (last?.index ?? 0) + 1;
  const range = loopRange(plan.firstLoopStart, plan.loopLength, index);
  if (!range.ok) return range;
  const previous = last ? loopRange(plan.firstLoopStart, plan.loopLength, last.index) : undefined;
  const previousValues = previous?.ok ? input.valuesOver(previous.value) : {};
  const dropping = new Set(
    last?.focus ? focusRules(last.focus, last.focusRules).expectedDrop.map((d) => d.kpi) : [],
  );
  const suggestions = suggestTargets(
    rows.map((r) => r.definition),
    previousValues,
    undefined,
    dropping,
  );
  const oldTargets = new Map(
    input.targets.filter((t) => last && t.loopId === last.id).map((t) => [t.kpiId, t]),
  );
  const targets: TargetDraft[] = [];
  for (const r of rows) {
    const suggested = suggestions.ok ? suggestions.value[r.definition.key] : null;
    const old = oldTargets.get(r.kpi.id);
    if (suggested) targets.push({ kpiId: r.kpi.id, value: suggested.value, basis: 'previousLoop' });
    else if (old) targets.push({ kpiId: r.kpi.id, value: old.value, basis: old.basis });
  }
  const draft: NextLoopDraft = {
    index,
    wizardStep: WIZARD_STEPS.indexOf('focus'),
    judgementDate: defaultJudgementDate(range.value),
    expectationsNotes: last?.expectationsNotes ?? '',
    ...(last?.focus ? { focus: last.focus } : {}),
    ...(last?.focusRules ? { focusRules: last.focusRules } : {}),
    ...(last?.comparison ? { comparison: last.comparison } : {}),
    ...(input.earlyStart?.trim() ? { earlyStart: input.earlyStart.trim() } : {}),
  };
  return ok({ index, draft, targets });
}

const BRAND_PILLARS: ReadonlySet<Pillar> = new Set(['talentPool', 'reach', 'brand']);

/**
 * The side of a KPI of this pillar, as the catalog assigns it: talent pool, reach and brand
 * work on the brand (indirect, long-term); traffic, conversion and recruitment on recruitment.
 */
export function sideOfPillar(pillar: Pillar): Side {
  return BRAND_PILLARS.has(pillar) ? 'brand' : 'recruitment';
}

/** One channel's value of a KPI over a period ('' is the unnamed channel of typed values). */
export type ChannelValue = { channel: string; value: PeriodValue };

/**
 * A measured KPI's value over a period per channel, each by the KPI's own rule (what the grid
 * shows under a total on demand), from its prepared series; `channelOf` gives one channel's
 * points (`channelSeries`, or a cache of it). The channels with a value in the period, the
 * unnamed one first, then by name.
 */
export function channelValues(
  definition: KpiDefinition,
  series: Series,
  range: DateRange,
  channelOf: (name: string) => Series = (name) => channelSeries(series, name),
): ChannelValue[] {
  const none = channelSeries(series, '\u0000');
  const out: ChannelValue[] = [];
  for (const channel of series.channels) {
    const own = channelOf(channel);
    const valued = kpiPeriodValue(
      definition,
      (key) => (key === definition.key ? own : none),
      range,
    );
    if (valued.ok && valued.value.value.points > 0)
      out.push({ channel, value: valued.value.value });
  }
  return out.sort((a, b) => a.channel.localeCompare(b.channel));
}
