import { channelSeries, type PeriodValue, type Series } from '$lib/domain/aggregate';
import type { KpiDefinition } from '$lib/domain/catalog';
import type { DateRange } from '$lib/domain/dates';
import { rangeDays } from '$lib/domain/dates';
import { channelTable, type ChannelCampaign, type ChannelTable } from '$lib/domain/channels';
import { focusRules } from '$lib/domain/focus';
import { loopMoney, loopSpend, type LoopMoney } from '$lib/domain/loop-money';
import { hasEnded, loopIndexOf, loopRange, loopState } from '$lib/domain/periods';
import { scorecard, type Scorecard } from '$lib/domain/scorecard';
import { brandTrend, type Trend } from '$lib/domain/trend';
import { channelValues, pointsByKey, type ChannelValue } from '$lib/domain/plan-rules';
import {
  planVerdicts,
  periodValues,
  periodValuesOver,
  referenceRange,
  type SpendFallback,
} from '$lib/domain/plan-verdicts';
import { valueAsMeasured, type Verdict } from '$lib/domain/verdict';
import type { ComparisonBasis } from '$lib/schema/plan';
import type { Loop } from '$lib/schema/loop';
import type { PlanRow } from '$lib/schema/tables';
import type { ItemDraft, ItemTable, BudgetDraft } from '$lib/storage/rows-repo';
import type { ValueEntry } from '$lib/storage/values-repo';
import { planSession } from './plan-session.svelte';
import { today } from './today';

export type { LoopMoney } from '$lib/domain/loop-money';

const writes = () => import('$lib/storage/plan-writes');

/** Brand-side KPIs are judged on the trend of this many loops at most (the latest ones). */
export const TREND_LOOPS = 6;

export type TimelineEntry = {
  index: number;
  range: DateRange;
  loop: Loop | undefined;
  state: 'past' | 'current' | 'future';
  /** Days left in the current loop, counting today. */
  daysLeft: number;
};

/**
 * What the loop pages show of the open plan: the timeline of its loops and, per loop, the
 * verdicts of the domain against a chosen reference. The plan's measurements are prepared
 * once per change of the plan (planVerdicts), so switching loops or references is cheap.
 */
class LoopView {
  /** The plan as the domain's pipeline takes it: KPI definitions and points per KPI key. */
  #input = $derived.by(() => {
    const plan = planSession.plan;
    if (!plan) return undefined;
    const measurements = pointsByKey(planSession.rows, planSession.bundle?.measurements ?? []);
    return {
      firstLoopStart: plan.firstLoopStart,
      loopLength: plan.loopLength,
      ...(plan.baseline ? { baseline: plan.baseline } : {}),
      ...(plan.targetGroupSize ? { targetGroupSize: plan.targetGroupSize } : {}),
      spendFallback: this.#spendFallback,
      kpis: planSession.definitions,
      measurements,
    };
  });

  /**
   * The loop whose range `period` is, once it has ended: only then do its budgets stand in for
   * spend not entered (a budget is for the whole loop: set against the hires so far it would
   * overstate the cost). Undefined for any other period.
   */
  #endedLoopOf(period: DateRange): { loop: Loop | undefined } | undefined {
    const bundle = planSession.bundle;
    const plan = bundle?.plan;
    if (!bundle || !plan) return undefined;
    const index = loopIndexOf(plan.firstLoopStart, plan.loopLength, period.start);
    if (!index.ok || index.value < 1) return undefined;
    const range = loopRange(plan.firstLoopStart, plan.loopLength, index.value);
    if (!range.ok || range.value.start !== period.start || range.value.end !== period.end)
      return undefined;
    if (!hasEnded(period, today())) return undefined;
    return { loop: bundle.loops.find((l) => l.index === index.value) };
  }

  /** Spend from a loop's campaign budgets or loop budget, for a period that is that loop. */
  #spendFallback: SpendFallback = (period) => {
    const ended = this.#endedLoopOf(period);
    if (!ended) return null;
    const spend = loopSpend({
      spend: undefined,
      campaigns: planSession.bundle?.campaigns ?? [],
      loop: ended.loop,
    });
    return spend && spend.source !== 'spend'
      ? { amount: spend.amount, source: spend.source }
      : null;
  };

  /** The campaigns whose budgets stand in for a channel's spend over `period` (an ended loop). */
  #campaignsOf = (period: DateRange): readonly ChannelCampaign[] | null => {
    const loop = this.#endedLoopOf(period)?.loop;
    if (!loop) return null;
    return (planSession.bundle?.campaigns ?? []).filter((c) => c.loopId === loop.id);
  };

  #prepared = $derived.by(() => {
    const input = this.#input;
    if (!input) return undefined;
    const prepared = planVerdicts(input);
    return prepared.ok ? prepared.value : undefined;
  });

  /**
   * Verdicts already computed for the prepared plan, by loop and basis: the dashboard, its
   * charts, the report and the grid ask for the same loops many times per render.
   */
  #computed = $derived.by(() => {
    void this.#prepared;
    // A fresh cache per prepared plan, filled as verdicts are asked for; never read reactively.
    return new Map<string, Verdict[] | undefined>();
  });

  /** One channel's points of a KPI, split once per prepared plan (the grid asks per cell). */
  #channelSeries = $derived.by(() => {
    void this.#prepared;
    return new Map<string, Series>();
  });

  /** Per-channel tables already computed for the prepared plan, by loop and basis. */
  #channelTables = $derived.by(() => {
    void this.#prepared;
    return new Map<string, ChannelTable | undefined>();
  });

  /** The loops from the first to the later of the last set-up one and the current one. */
  timeline = $derived.by((): TimelineEntry[] => {
    const plan = planSession.plan;
    if (!plan) return [];
    const now = today();
    const current = loopIndexOf(plan.firstLoopStart, plan.loopLength, now);
    const currentIndex = current.ok ? current.value : 0;
    const loops = planSession.bundle?.loops ?? [];
    const last = Math.max(currentIndex, loops.at(-1)?.index ?? 0, 1);
    const entries: TimelineEntry[] = [];
    for (let index = 1; index <= last; index++) {
      const range = loopRange(plan.firstLoopStart, plan.loopLength, index);
      if (!range.ok) break;
      const state = index < currentIndex ? 'past' : index === currentIndex ? 'current' : 'future';
      entries.push({
        index,
        range: range.value,
        loop: loops.find((l) => l.index === index),
        state,
        daysLeft: state === 'current' ? rangeDays({ start: now, end: range.value.end }) : 0,
      });
    }
    return entries;
  });

  /** All verdicts of loop `index` against `basis`, or the domain's error. */
  verdicts(index: number, basis: ComparisonBasis): Verdict[] | undefined {
    const cache = this.#computed;
    const key = `${index}|${basis}`;
    if (!cache.has(key)) cache.set(key, this.#verdicts(index, basis));
    return cache.get(key);
  }

  #verdicts(index: number, basis: ComparisonBasis): Verdict[] | undefined {
    const prepared = this.#prepared;
    const bundle = planSession.bundle;
    if (!prepared || !bundle) return undefined;
    const { loop, rules, midLoopChanges } = this.#context(index);
    const byId = new Map(planSession.rows.map((r) => [r.kpi.id, r.definition.key]));
    const targets: Record<string, number> = {};
    for (const t of bundle.targets)
      if (loop && t.loopId === loop.id) {
        const key = byId.get(t.kpiId);
        if (key) targets[key] = t.value;
      }
    const result = prepared({
      index,
      basis,
      rules,
      targets,
      midLoopChanges,
      today: today(),
    });
    return result.ok ? result.value : undefined;
  }

  /** A loop's record, its focus rules and the strategy changes logged during it. */
  #context(index: number) {
    const bundle = planSession.bundle;
    const loop = bundle?.loops.find((l) => l.index === index);
    return {
      loop,
      rules: loop?.focus ? focusRules(loop.focus, loop.focusRules) : null,
      midLoopChanges: loop
        ? (bundle?.loopChanges.filter((c) => c.loopId === loop.id).length ?? 0)
        : 0,
    };
  }

  /** Loop `index` in one answer (see `scorecard`), against `basis`. */
  scorecard(index: number, basis: ComparisonBasis): Scorecard | undefined {
    const verdicts = this.verdicts(index, basis);
    const entry = this.timeline.find((e) => e.index === index);
    if (!verdicts || !entry) return undefined;
    const { rules, midLoopChanges } = this.#context(index);
    return scorecard(verdicts, { state: loopState(entry.range, today()), rules, midLoopChanges });
  }

  /**
   * Each KPI's value in the loops up to `index`, at most `TREND_LOOPS` of them, oldest first:
   * the sparklines and the brand trends. A running loop's partial total and a sum of unique
   * counts are no point of a series (null).
   */
  series(index: number): { first: number; values: Map<string, (number | null)[]> } {
    const first = Math.max(1, index - TREND_LOOPS + 1);
    const values = new Map<string, (number | null)[]>(
      planSession.rows.map((r) => [r.definition.key, []]),
    );
    for (let i = first; i <= index; i++) {
      const byKey = new Map(
        (this.verdicts(i, 'previousLoop') ?? []).map((v) => [
          v.key,
          v.pacing ? null : valueAsMeasured(v),
        ]),
      );
      for (const [key, list] of values) list.push(byKey.get(key) ?? null);
    }
    return { first, values };
  }

  /**
   * The trend of each brand-side KPI up to loop `index`, over at most `TREND_LOOPS` loops:
   * brand work is judged on several loops together, never on one (PRODUCT.md section 5).
   */
  trends(index: number): Map<string, Trend> {
    const { values } = this.series(index);
    const brand = planSession.rows.filter((r) => r.definition.side === 'brand');
    return new Map(
      brand.map((r) => [r.definition.key, brandTrend(values.get(r.definition.key) ?? [])]),
    );
  }

  /**
   * A loop's money: its campaigns' budgets per side, the spend counted (marketing spend
   * entered, else campaign budgets, else the loop budget: `loopSpend`), and what the loop cost
   * per application and per hire and brought back.
   */
  money(index: number): LoopMoney | undefined {
    const bundle = planSession.bundle;
    const loop = bundle?.loops.find((l) => l.index === index);
    if (!bundle || !loop) return undefined;
    const money = loopMoney({
      loop,
      campaigns: bundle.campaigns,
      values: new Map((this.verdicts(index, 'previousLoop') ?? []).map((v) => [v.key, v.value])),
      valuePerHire: bundle.plan.valuePerHire,
    });
    // While the loop runs, budgets are for all of it: set against the applications and hires
    // so far they would overstate every cost per result. Spend entered is spend so far.
    const range = loopRange(bundle.plan.firstLoopStart, bundle.plan.loopLength, index);
    const running = range.ok && !hasEnded(range.value, today());
    return running && money.spend?.source !== 'spend'
      ? { ...money, perApplication: null, perHire: null, back: null }
      : money;
  }

  /**
   * Loop `index`'s spend, clicks, applications, hires and costs per channel against `basis`
   * (`channelTable`), from the series the verdicts were prepared from; computed when asked for,
   * once per loop and basis.
   */
  channels(index: number, basis: ComparisonBasis): ChannelTable | undefined {
    const cache = this.#channelTables;
    const key = `${index}|${basis}`;
    if (!cache.has(key)) cache.set(key, this.#channels(index, basis));
    return cache.get(key);
  }

  #channels(index: number, basis: ComparisonBasis): ChannelTable | undefined {
    const prepared = this.#prepared;
    const input = this.#input;
    if (!prepared || !input) return undefined;
    const period = loopRange(input.firstLoopStart, input.loopLength, index);
    const reference = referenceRange(input, index, basis);
    if (!period.ok || !reference.ok) return undefined;
    return channelTable({
      seriesOf: prepared.seriesOf,
      period: period.value,
      reference: reference.value,
      campaignsOf: this.#campaignsOf,
      spendFallback: this.#spendFallback,
    });
  }

  /** The reference period of a loop for a basis (for showing its dates). */
  referenceRange(index: number, basis: ComparisonBasis): DateRange | undefined {
    const input = this.#input;
    if (!input) return undefined;
    const range = referenceRange(input, index, basis);
    return range.ok ? range.value : undefined;
  }

  /** Each KPI's value over any period, with its coverage (the grid's cells of finer data). */
  periodValues(range: DateRange): Record<string, PeriodValue> {
    const input = this.#input;
    if (!input) return {};
    const values = periodValues(input.kpis, input.measurements, range, input.targetGroupSize);
    return values.ok ? values.value : {};
  }

  /** A measured KPI's value over a period per channel (the grid's channels, on demand). */
  channelValues(definition: KpiDefinition, range: DateRange): ChannelValue[] {
    const prepared = this.#prepared;
    if (!prepared) return [];
    const series = prepared.seriesOf(definition.key);
    const cache = this.#channelSeries;
    return channelValues(definition, series, range, (name) => {
      const key = `${definition.key}|${name}`;
      let found = cache.get(key);
      if (!found) cache.set(key, (found = channelSeries(series, name)));
      return found;
    });
  }

  /** `periodValues` for several periods at once (each KPI's data prepared once), in order. */
  periodValuesOver(ranges: readonly DateRange[]): Record<string, PeriodValue>[] {
    const input = this.#input;
    if (!input) return ranges.map(() => ({}));
    const values = periodValuesOver(input.kpis, input.measurements, ranges, input.targetGroupSize);
    return values.ok ? values.value : ranges.map(() => ({}));
  }

  /** Saves values typed or pasted into the grid (each on exactly its period). */
  async saveValues(entries: ValueEntry[]): Promise<boolean> {
    const plan = planSession.plan;
    if (!plan) return false;
    const done = await planSession.mutate(async (db) =>
      (await writes()).saveValues(db, plan.id, entries),
    );
    return done !== undefined;
  }

  /**
   * Writes back the values an action replaced (its undo): a cell changed since the action, here
   * or in another tab, keeps its newer value. Returns how many cells were left so, or undefined
   * when the write failed.
   */
  async undoValues(before: ValueEntry[]): Promise<{ kept: number } | undefined> {
    const plan = planSession.plan;
    if (!plan) return undefined;
    const done = await planSession.mutate(async (db) =>
      (await writes()).saveValues(db, plan.id, before, undefined, { stale: 'skip' }),
    );
    return done && { kept: done.value.skipped.length };
  }

  /** Adds or changes a campaign, a logged change or a meeting of the plan. */
  async saveItem<T extends ItemTable>(table: T, draft: ItemDraft<T>): Promise<boolean> {
    const plan = planSession.plan;
    if (!plan) return false;
    const done = await planSession.mutate(async (db) =>
      (await writes()).saveItem(db, plan.id, table, draft),
    );
    return done !== undefined;
  }

  /** Removes a campaign, a logged change or a meeting; returns it so the removal can be undone. */
  async removeItem<T extends ItemTable>(table: T, id: string): Promise<PlanRow<T> | undefined> {
    const plan = planSession.plan;
    if (!plan) return undefined;
    const done = await planSession.mutate(async (db) =>
      (await writes()).removeItem(db, plan.id, table, id),
    );
    return done?.value;
  }

  /** Saves one year's HR budget and its split. */
  async saveBudget(draft: BudgetDraft): Promise<boolean> {
    const plan = planSession.plan;
    if (!plan) return false;
    const done = await planSession.mutate(async (db) =>
      (await writes()).saveBudget(db, plan.id, draft),
    );
    return done !== undefined;
  }
}

export const loopView = new LoopView();
