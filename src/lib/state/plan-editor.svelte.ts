import { definitionOf, type KpiDefinition } from '$lib/domain/catalog';
import type { DateRange } from '$lib/domain/dates';
import { expectationsSummary, type ExpectationsSummary } from '$lib/domain/expectations';
import { focusRules, type FocusRules } from '$lib/domain/focus';
import { loopIndexOf, loopRange, defaultBaseline } from '$lib/domain/periods';
import { periodValues, referenceRange } from '$lib/domain/plan-verdicts';
import type { DomainError } from '$lib/domain/result';
import {
  baselineForSettings,
  defaultJudgementDate,
  stepCompletion,
  suggestTargets,
  targetReference,
  WIZARD_STEPS,
  type WizardStep,
} from '$lib/domain/wizard';
import type { Kpi } from '$lib/schema/kpi';
import type { Campaign, LoopChange, Target } from '$lib/schema/loop';
import type { Plan } from '$lib/schema/plan';
import type { Meeting } from '$lib/schema/meeting';
import type { TalentloopDb } from '$lib/storage/db';
import type * as Repo from '$lib/storage/wizard-repo';
import type { NewPlanInput } from '$lib/storage/plans-repo';
import { appStatus } from './app-status.svelte';
import { today } from './today';

export type KpiRow = { kpi: Kpi; definition: KpiDefinition };
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The plan being set up: its stored rows, what the domain derives from them for the open loop,
 * and the writes of the wizard. Every write goes through `#save`, which keeps the quiet
 * "saved" state and never lets a failure pass silently.
 */
class PlanEditor {
  bundle = $state.raw<Repo.PlanBundle | undefined>(undefined);
  loopIndex = $state(1);
  status = $state<SaveStatus>('idle');
  /** Why the last write failed (the UI words it), or undefined. */
  failure = $state.raw<unknown>(undefined);
  #opening = 0;
  #stale = false;
  #startingLoop = false;
  loadError = $state<'notFound' | 'unavailable' | ''>('');
  #repo: typeof Repo | undefined;

  plan = $derived(this.bundle?.plan);
  loop = $derived(this.bundle?.loops.find((l) => l.index === this.loopIndex));

  rows = $derived.by((): KpiRow[] => {
    const out: KpiRow[] = [];
    for (const kpi of this.bundle?.kpis ?? []) {
      const definition = definitionOf(kpi);
      if (definition.ok) out.push({ kpi, definition: definition.value });
    }
    return out;
  });
  definitions = $derived(this.rows.map((r) => r.definition));

  loopRange = $derived.by((): DateRange | undefined => {
    if (!this.plan) return undefined;
    const range = loopRange(this.plan.firstLoopStart, this.plan.loopLength, this.loopIndex);
    return range.ok ? range.value : undefined;
  });

  baselineRange = $derived.by((): DateRange | undefined => {
    if (!this.plan) return undefined;
    if (this.plan.baseline) return this.plan.baseline;
    const range = defaultBaseline(this.plan.firstLoopStart, this.plan.loopLength);
    return range.ok ? range.value : undefined;
  });

  /** Measurements per KPI key (catalog key or custom id), as the domain expects them. */
  #points = $derived.by(() => {
    const keyOf = new Map(this.rows.map((r) => [r.kpi.id, r.definition.key]));
    const points: Record<string, { start: string; end: string; value: number | null }[]> = {};
    for (const m of this.bundle?.measurements ?? []) {
      const key = keyOf.get(m.kpiId);
      if (key) (points[key] ??= []).push({ start: m.start, end: m.end, value: m.value });
    }
    return points;
  });

  #valuesOver(range: DateRange | undefined): Record<string, number | null> {
    if (!range) return {};
    const values = periodValues(this.definitions, this.#points, range);
    if (!values.ok) return {};
    return Object.fromEntries(Object.entries(values.value).map(([k, v]) => [k, v.value]));
  }

  /** The values exactly on the baseline period, by KPI id: what the baseline step edits. */
  baselineEntries = $derived.by(() => {
    const range = this.baselineRange;
    // A fresh, never-mutated lookup per derivation: no reactivity needed inside it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const out = new Map<string, number | null>();
    if (!range) return out;
    for (const m of this.bundle?.measurements ?? [])
      if (m.start === range.start && m.end === range.end) out.set(m.kpiId, m.value);
    return out;
  });

  baselineValues = $derived(this.#valuesOver(this.baselineRange));

  /** What the success step compares targets with: the baseline, or the previous loop. */
  targetReference = $derived.by(() => {
    if (!this.plan) return undefined;
    const ref = targetReference(
      this.plan.firstLoopStart,
      this.plan.loopLength,
      this.loopIndex,
      this.plan.baseline,
    );
    return ref.ok ? ref.value : undefined;
  });
  referenceValues = $derived(this.#valuesOver(this.targetReference?.range));

  loopTargets = $derived(
    (this.bundle?.targets ?? []).filter((t) => this.loop && t.loopId === this.loop.id),
  );
  /** The open loop's targets by KPI key. */
  targets = $derived.by(() => {
    const byId = new Map(this.loopTargets.map((t) => [t.kpiId, t.value]));
    const out: Record<string, number> = {};
    for (const r of this.rows) {
      const value = byId.get(r.kpi.id);
      if (value !== undefined) out[r.definition.key] = value;
    }
    return out;
  });

  rules = $derived.by((): FocusRules | null =>
    this.loop?.focus ? focusRules(this.loop.focus, this.loop.focusRules) : null,
  );

  /** KPIs this loop's focus expects to drop: no improvement target is suggested for them. */
  #dropping = $derived(new Set(this.rules?.expectedDrop.map((d) => d.kpi) ?? []));

  completion = $derived.by(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this derivation
    const known = new Set<string>();
    const entries = this.baselineEntries;
    const idOf = new Map(this.rows.map((r) => [r.definition.key, r.kpi.id]));
    for (const r of this.rows) {
      const agg = r.definition.aggregation;
      const has = (key: string) => {
        const id = idOf.get(key);
        return id !== undefined && entries.has(id);
      };
      if (agg.kind === 'ratio' ? has(agg.numerator) && has(agg.denominator) : entries.has(r.kpi.id))
        known.add(r.definition.key);
    }
    return stepCompletion({
      loopIndex: this.loopIndex,
      kpis: this.definitions,
      baselineKnown: known,
      focus: this.loop?.focus,
      targets: this.targets,
      judgementDate: this.loop?.judgementDate,
      expectedToDrop: this.#dropping,
    });
  });

  basis = $derived(this.loop?.comparison ?? this.plan?.defaultComparison ?? 'previousLoop');

  summary = $derived.by((): ExpectationsSummary | undefined => {
    const plan = this.plan;
    const loop = this.loop;
    const range = this.loopRange;
    if (!plan || !loop?.focus || !range || !this.rules) return undefined;
    const planInput = {
      firstLoopStart: plan.firstLoopStart,
      loopLength: plan.loopLength,
      ...(plan.baseline ? { baseline: plan.baseline } : {}),
    };
    const reference = referenceRange(
      { ...planInput, kpis: [], measurements: {} },
      loop.index,
      this.basis,
    );
    const refRange = reference.ok ? reference.value : null;
    const refValues = this.#valuesOver(refRange ?? undefined);
    const current = loopIndexOf(plan.firstLoopStart, plan.loopLength, today());
    const ended = current.ok ? Math.max(0, current.value - 1) : 0;
    return expectationsSummary({
      focus: loop.focus,
      rules: this.rules,
      loop: range,
      kpis: this.definitions.map((definition) => ({
        definition,
        reference: refValues[definition.key] ?? null,
        target: this.targets[definition.key] ?? null,
      })),
      basis: this.basis,
      reference: refRange,
      ...(loop.judgementDate ? { judgementDate: loop.judgementDate } : {}),
      dayAfterLoop: defaultJudgementDate(range),
      midLoopChanges: (this.bundle?.loopChanges ?? []).filter((c) => c.loopId === loop.id).length,
      loopsCompleted: ended,
    });
  });

  /** Opens a plan (always re-read, so another tab's changes show) at one of its loops. */
  async open(planId: string, loopIndex: number): Promise<void> {
    // Only the latest request may fill the editor: an older, slower one is dropped.
    const request = ++this.#opening;
    this.loadError = '';
    try {
      const read = await import('$lib/storage/plan-read');
      // The plan in memory is shown at once when it is unchanged on disk: every write bumps
      // the plan's updatedAt (here or in another tab), so one row tells whether to read again.
      const cached = this.#stale ? undefined : this.bundle;
      if (cached?.plan.id === planId) {
        const stored = await read.readPlanUpdatedAt(planId);
        if (request !== this.#opening) return;
        if (stored !== null && stored === cached.plan.updatedAt) {
          this.loopIndex = loopIndex;
          this.status = 'idle';
          return;
        }
      }
      // Reading needs no Dexie; only a database of another version is opened through it
      // (an older one is upgraded first, a newer one is reported and not read).
      let bundle = await read.readPlanBundle(planId);
      if (bundle === 'useDexie') {
        const db = await appStatus.openDb();
        if (!db) {
          if (request === this.#opening) this.loadError = 'unavailable';
          return;
        }
        this.#repo ??= await import('$lib/storage/wizard-repo');
        bundle = await this.#repo.loadPlanBundle(db, planId);
      }
      if (request !== this.#opening) return;
      appStatus.report(bundle.problems);
      this.#stale = false;
      this.bundle = bundle;
      this.loopIndex = loopIndex;
      this.status = 'idle';
    } catch (error) {
      if (request !== this.#opening) return;
      this.bundle = undefined;
      if (error instanceof Error && error.name === 'PlanNotFoundError') this.loadError = 'notFound';
      else {
        this.loadError = 'unavailable';
        appStatus.fail(error);
      }
    }
  }

  /** Runs one write with the save status; returns undefined (and says why) when it failed. */
  async #save<T>(
    work: (repo: typeof Repo, db: TalentloopDb) => Promise<T>,
    quiet = false,
  ): Promise<T | undefined> {
    const db = await appStatus.openDb();
    this.#repo ??= await import('$lib/storage/wizard-repo');
    if (!db || !this.bundle) {
      this.status = 'failed';
      this.failure = new Error('unavailable');
      return undefined;
    }
    if (!quiet) this.status = 'saving';
    try {
      const result = await work(this.#repo, db);
      // The write bumped the plan's updatedAt on disk; without the exact time, mark the copy
      // in memory stale so the next open() reads the plan again.
      this.#stale = true;
      if (!quiet) {
        this.status = 'saved';
        this.failure = undefined;
      }
      return result;
    } catch (error) {
      this.status = 'failed';
      this.failure = error;
      return undefined;
    }
  }

  /**
   * Applies a finished write to the open plan. A write that finishes after the user opened
   * another plan is already stored; it must not leak into the other plan's view.
   */
  #patch(planId: string, change: (bundle: Repo.PlanBundle) => Partial<Repo.PlanBundle>): void {
    const bundle = this.bundle;
    if (bundle?.plan.id === planId) this.bundle = { ...bundle, ...change(bundle) };
  }

  /**
   * Changes plan settings. Moving the first loop or changing the loop length keeps the
   * baseline the values were typed for; a change that would put the first loop inside the
   * baseline is refused with the domain's reason, and nothing is written.
   */
  async updatePlan(patch: Partial<NewPlanInput>): Promise<true | DomainError | false> {
    const plan = this.plan;
    if (!plan) return false;
    let full: Partial<NewPlanInput> = patch;
    if (patch.firstLoopStart !== undefined || patch.loopLength !== undefined) {
      const baseline = baselineForSettings(
        plan,
        {
          firstLoopStart: patch.firstLoopStart ?? plan.firstLoopStart,
          loopLength: patch.loopLength ?? plan.loopLength,
        },
        this.baselineEntries.size > 0,
      );
      if (!baseline.ok) return baseline.error;
      if (baseline.value) full = { ...patch, baseline: baseline.value };
    }
    const { updatePlan } = await import('$lib/storage/plans-repo');
    const saved = await this.#save((_, db) => updatePlan(db, plan.id, full));
    if (saved) this.#patch(plan.id, () => ({ plan: saved }));
    return saved !== undefined;
  }

  async saveValues(entries: Repo.ValueEntry[]): Promise<boolean> {
    const plan = this.plan;
    if (!plan) return false;
    const result = await this.#save((repo, db) => repo.saveValues(db, plan.id, entries));
    if (!result) return false;
    const replaced = new Set([...result.removed, ...result.saved.map((m) => m.id)]);
    this.#patch(plan.id, (b) => ({
      measurements: [...b.measurements.filter((m) => !replaced.has(m.id)), ...result.saved],
    }));
    return true;
  }

  async setBaselinePeriod(to: DateRange): Promise<boolean> {
    const plan = this.plan;
    const from = this.baselineRange;
    if (!plan || !from) return false;
    const result = await this.#save((repo, db) => repo.setBaselinePeriod(db, plan.id, from, to));
    if (!result) return false;
    const moved = new Map(result.moved.map((m) => [m.id, m]));
    this.#patch(plan.id, (b) => ({
      plan: result.plan,
      measurements: b.measurements.map((m) => moved.get(m.id) ?? m),
    }));
    return true;
  }

  async addKpis(drafts: Omit<Kpi, 'id' | 'planId' | 'order'>[]): Promise<boolean> {
    const plan = this.plan;
    if (!plan || drafts.length === 0) return false;
    const rows = await this.#save((repo, db) => repo.addKpis(db, plan.id, drafts));
    if (rows) this.#patch(plan.id, (b) => ({ kpis: [...b.kpis, ...rows] }));
    return rows !== undefined;
  }

  /** How many values and targets hang on a KPI (the plan in memory holds all of them). */
  kpiDataCount(kpiId: string): number {
    const bundle = this.bundle;
    if (!bundle) return 0;
    return (
      bundle.targets.filter((t) => t.kpiId === kpiId).length +
      bundle.measurements.filter((m) => m.kpiId === kpiId).length
    );
  }

  async removeKpi(kpiId: string): Promise<Repo.KpiSnapshot | undefined> {
    const plan = this.plan;
    if (!plan) return undefined;
    const snapshot = await this.#save((repo, db) => repo.removeKpi(db, plan.id, kpiId));
    if (snapshot)
      this.#patch(plan.id, (b) => ({
        kpis: b.kpis.filter((k) => k.id !== kpiId),
        targets: b.targets.filter((t) => t.kpiId !== kpiId),
        measurements: b.measurements.filter((m) => m.kpiId !== kpiId),
      }));
    return snapshot;
  }

  async restoreKpi(snapshot: Repo.KpiSnapshot): Promise<boolean> {
    const done = await this.#save(async (repo, db) => {
      await repo.restoreKpi(db, snapshot);
      return true;
    });
    if (done)
      this.#patch(snapshot.kpi.planId, (b) => ({
        kpis: [...b.kpis, snapshot.kpi].sort((x, y) => x.order - y.order),
        targets: [...b.targets, ...snapshot.targets],
        measurements: [...b.measurements, ...snapshot.measurements],
      }));
    return done === true;
  }

  /**
   * Changes fields of a loop: the open one, or `loopId` when a late save must reach the loop
   * it was typed for. `quiet` writes without the "saved" message.
   */
  async updateLoop(
    patch: Repo.LoopPatch,
    options: { quiet?: boolean; loopId?: string } = {},
  ): Promise<boolean> {
    const quiet = options.quiet ?? false;
    const loop = options.loopId
      ? this.bundle?.loops.find((l) => l.id === options.loopId)
      : this.loop;
    if (!loop) return false;
    const saved = await this.#save((repo, db) => repo.updateLoop(db, loop.id, patch), quiet);
    if (saved)
      this.#patch(loop.planId, (b) => ({
        loops: b.loops.map((l) => (l.id === saved.id ? saved : l)),
      }));
    return saved !== undefined;
  }

  /** Saves one year's HR budget and its split (replacing that year's row). */
  async saveBudget(draft: Repo.BudgetDraft): Promise<boolean> {
    const plan = this.plan;
    if (!plan) return false;
    const row = await this.#save((repo, db) => repo.saveBudget(db, plan.id, draft));
    if (row)
      this.#patch(plan.id, (b) => ({
        budgets: [...b.budgets.filter((x) => x.year !== row.year), row].sort(
          (x, y) => x.year - y.year,
        ),
      }));
    return row !== undefined;
  }

  /** Saves an alignment meeting; returns it (for Undo of a removal, saving it again). */
  async saveMeeting(draft: Repo.MeetingDraft): Promise<boolean> {
    const plan = this.plan;
    if (!plan) return false;
    const row = await this.#save((repo, db) => repo.saveMeeting(db, plan.id, draft));
    if (row)
      this.#patch(plan.id, (b) => ({
        meetings: [...b.meetings.filter((m) => m.id !== row.id), row].sort((x, y) =>
          y.date.localeCompare(x.date),
        ),
      }));
    return row !== undefined;
  }

  async removeMeeting(id: string): Promise<Meeting | undefined> {
    const plan = this.plan;
    if (!plan) return undefined;
    const row = await this.#save((repo, db) => repo.removeMeeting(db, plan.id, id));
    if (row) this.#patch(plan.id, (b) => ({ meetings: b.meetings.filter((m) => m.id !== id) }));
    return row;
  }

  async saveCampaign(draft: Repo.CampaignDraft): Promise<boolean> {
    const plan = this.plan;
    if (!plan) return false;
    const row = await this.#save((repo, db) => repo.saveCampaign(db, plan.id, draft));
    if (row)
      this.#patch(plan.id, (b) => ({
        campaigns: [...b.campaigns.filter((c) => c.id !== row.id), row],
      }));
    return row !== undefined;
  }

  async saveLoopChange(draft: Repo.LoopChangeDraft): Promise<boolean> {
    const plan = this.plan;
    if (!plan) return false;
    const row = await this.#save((repo, db) => repo.saveLoopChange(db, plan.id, draft));
    if (row)
      this.#patch(plan.id, (b) => ({
        loopChanges: [...b.loopChanges.filter((c) => c.id !== row.id), row],
      }));
    return row !== undefined;
  }

  /** Removes a campaign or change-log entry; returns it so the removal can be undone. */
  async removeLoopItem(
    table: 'campaigns' | 'loopChanges',
    id: string,
  ): Promise<Campaign | LoopChange | undefined> {
    const plan = this.plan;
    if (!plan) return undefined;
    const row = await this.#save((repo, db) => repo.removeLoopItem(db, plan.id, table, id));
    if (row)
      this.#patch(plan.id, (b) =>
        table === 'campaigns'
          ? { campaigns: b.campaigns.filter((c) => c.id !== id) }
          : { loopChanges: b.loopChanges.filter((c) => c.id !== id) },
      );
    return row;
  }

  /** Remembers the step the user is on, so coming back resumes there (quietly). */
  async rememberStep(step: WizardStep): Promise<void> {
    const index = WIZARD_STEPS.indexOf(step);
    if (!this.loop || this.loop.wizardStep === index) return;
    // Where the user is, not something they changed: no "saved" message for it.
    await this.updateLoop({ wizardStep: index }, { quiet: true });
  }

  async saveTargets(entries: Repo.TargetEntry[]): Promise<boolean> {
    const plan = this.plan;
    const loop = this.loop;
    if (!plan || !loop) return false;
    const targets = await this.#save((repo, db) => repo.saveTargets(db, plan.id, loop.id, entries));
    if (targets)
      this.#patch(plan.id, (b) => ({
        targets: [...b.targets.filter((t) => t.loopId !== loop.id), ...targets],
      }));
    return targets !== undefined;
  }

  /** Targets suggested from the reference for KPIs that have none yet (step 4 pre-fill). */
  missingTargetSuggestions(stepPercent?: number): Repo.TargetEntry[] {
    const basis = this.targetReference?.basis ?? 'baseline';
    const suggestions = suggestTargets(
      this.definitions,
      this.referenceValues,
      stepPercent,
      this.#dropping,
    );
    if (!suggestions.ok) return [];
    const entries: Repo.TargetEntry[] = [];
    for (const r of this.rows) {
      const value = suggestions.value[r.definition.key];
      if (value !== null && value !== undefined && this.targets[r.definition.key] === undefined)
        entries.push({ kpiId: r.kpi.id, value, basis });
    }
    return entries;
  }

  /** All suggestions (also replacing targets that came from an earlier suggestion). */
  allSuggestions(stepPercent: number): Repo.TargetEntry[] {
    const basis = this.targetReference?.basis ?? 'baseline';
    const suggestions = suggestTargets(
      this.definitions,
      this.referenceValues,
      stepPercent,
      this.#dropping,
    );
    if (!suggestions.ok) return [];
    const manual = new Set(
      this.loopTargets.filter((t) => t.basis === 'manual').map((t) => t.kpiId),
    );
    return this.rows.flatMap((r) => {
      const value = suggestions.value[r.definition.key];
      return value === null || value === undefined || manual.has(r.kpi.id)
        ? []
        : [{ kpiId: r.kpi.id, value, basis }];
    });
  }

  /**
   * Starts the loop after the last one. Focus, rules, comparison and notes carry over; targets
   * are suggested from the previous loop's values, else the previous targets are kept.
   */
  async startNextLoop(): Promise<number | undefined> {
    const plan = this.plan;
    const bundle = this.bundle;
    if (!plan || !bundle) return undefined;
    const last = bundle.loops.at(-1);
    const index = (last?.index ?? 0) + 1;
    const range = loopRange(plan.firstLoopStart, plan.loopLength, index);
    if (!range.ok) return undefined;
    const previous = last ? loopRange(plan.firstLoopStart, plan.loopLength, last.index) : undefined;
    const previousValues = previous?.ok ? this.#valuesOver(previous.value) : {};
    const dropping = new Set(
      last?.focus ? focusRules(last.focus, last.focusRules).expectedDrop.map((d) => d.kpi) : [],
    );
    const suggestions = suggestTargets(this.definitions, previousValues, undefined, dropping);
    const oldTargets = new Map(
      bundle.targets.filter((t) => t.loopId === last?.id).map((t) => [t.kpiId, t]),
    );
    const targets: (Repo.TargetEntry & { value: number })[] = [];
    for (const r of this.rows) {
      const suggested = suggestions.ok ? suggestions.value[r.definition.key] : null;
      const old: Target | undefined = oldTargets.get(r.kpi.id);
      if (suggested !== null && suggested !== undefined)
        targets.push({ kpiId: r.kpi.id, value: suggested, basis: 'previousLoop' });
      else if (old) targets.push({ kpiId: r.kpi.id, value: old.value, basis: old.basis });
    }
    const draft = {
      index,
      wizardStep: WIZARD_STEPS.indexOf('focus'),
      judgementDate: defaultJudgementDate(range.value),
      expectationsNotes: last?.expectationsNotes ?? '',
      ...(last?.focus ? { focus: last.focus } : {}),
      ...(last?.focusRules ? { focusRules: last.focusRules } : {}),
      ...(last?.comparison ? { comparison: last.comparison } : {}),
    };
    // A second click while the first is still writing must not start yet another loop.
    if (this.#startingLoop) return undefined;
    this.#startingLoop = true;
    try {
      const created = await this.#save((repo, db) => repo.createLoop(db, plan.id, draft, targets));
      if (!created) return undefined;
      this.#patch(plan.id, (b) => ({
        loops: [...b.loops, created.loop],
        targets: [...b.targets, ...created.targets],
      }));
      return index;
    } finally {
      this.#startingLoop = false;
    }
  }
}

export const planEditor = new PlanEditor();
export type { Plan };
