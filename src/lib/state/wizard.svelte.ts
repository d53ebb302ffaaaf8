import type { DateRange } from '$lib/domain/dates';
import { expectationsSummary, type ExpectationsSummary } from '$lib/domain/expectations';
import { focusRules, type FocusRules } from '$lib/domain/focus';
import { loopIndexOf } from '$lib/domain/periods';
import {
  knownBaseline,
  nextLoopDraft,
  pointsByKey,
  targetSuggestions,
  valuesOn,
  type TargetDraft,
} from '$lib/domain/plan-rules';
import { periodValues, referenceRange } from '$lib/domain/plan-verdicts';
import {
  defaultJudgementDate,
  stepCompletion,
  targetReference,
  WIZARD_STEPS,
  type WizardStep,
} from '$lib/domain/wizard';
import type { Kpi } from '$lib/schema/kpi';
import type { KpiSnapshot } from '$lib/storage/kpis-repo';
import type { TargetEntry } from '$lib/storage/loops-repo';
import { planSession as session } from './plan-session.svelte';
import { today } from './today';

const writes = () => import('$lib/storage/plan-writes');

/**
 * The five-step plan of the open loop: what the domain derives from the session's plan for the
 * steps (baseline values, reference, targets, completion, the expectations summary) and the
 * writes of the steps. Every write goes through the session's `mutate`.
 */
class Wizard {
  #points = $derived(pointsByKey(session.rows, session.bundle?.measurements ?? []));

  #valuesOver(range: DateRange | undefined): Record<string, number | null> {
    if (!range) return {};
    const values = periodValues(
      session.definitions,
      this.#points,
      range,
      session.plan?.targetGroupSize,
    );
    if (!values.ok) return {};
    return Object.fromEntries(Object.entries(values.value).map(([k, v]) => [k, v.value]));
  }

  /** The values exactly on the baseline period, by KPI id: what the baseline step edits. */
  baselineEntries = $derived.by(() =>
    session.baselineRange
      ? valuesOn(session.bundle?.measurements ?? [], session.baselineRange)
      : new Map<string, number | null>(),
  );
  baselineValues = $derived(this.#valuesOver(session.baselineRange));
  /**
   * KPIs with a value exactly on the baseline period in any channel (typed, or imported with a
   * channel): their baseline is known.
   */
  #baselineKnown = $derived.by(() => {
    const range = session.baselineRange;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built fresh, never mutated
    const out = new Map(this.baselineEntries);
    if (range)
      for (const m of session.bundle?.measurements ?? [])
        if (
          m.channel !== undefined &&
          m.start === range.start &&
          m.end === range.end &&
          !out.has(m.kpiId)
        )
          out.set(m.kpiId, m.value);
    return out;
  });

  /** What the success step compares targets with: the baseline, or the previous loop. */
  targetReference = $derived.by(() => {
    const plan = session.plan;
    if (!plan) return undefined;
    const ref = targetReference(
      plan.firstLoopStart,
      plan.loopLength,
      session.loopIndex,
      plan.baseline,
    );
    return ref.ok ? ref.value : undefined;
  });
  referenceValues = $derived(this.#valuesOver(this.targetReference?.range));

  loopTargets = $derived(
    (session.bundle?.targets ?? []).filter((t) => session.loop && t.loopId === session.loop.id),
  );
  /** The open loop's targets by KPI key. */
  targets = $derived.by(() => {
    const byId = new Map(this.loopTargets.map((t) => [t.kpiId, t.value]));
    const out: Record<string, number> = {};
    for (const r of session.rows) {
      const value = byId.get(r.kpi.id);
      if (value !== undefined) out[r.definition.key] = value;
    }
    return out;
  });

  rules = $derived.by((): FocusRules | null =>
    session.loop?.focus ? focusRules(session.loop.focus, session.loop.focusRules) : null,
  );

  /** KPIs this loop's focus expects to drop: no improvement target is suggested for them. */
  #dropping = $derived(new Set(this.rules?.expectedDrop.map((d) => d.kpi) ?? []));

  completion = $derived(
    stepCompletion({
      loopIndex: session.loopIndex,
      kpis: session.definitions,
      baselineKnown: knownBaseline(session.rows, this.#baselineKnown),
      focus: session.loop?.focus,
      targets: this.targets,
      judgementDate: session.loop?.judgementDate,
      expectedToDrop: this.#dropping,
    }),
  );

  summary = $derived.by((): ExpectationsSummary | undefined => {
    const plan = session.plan;
    const loop = session.loop;
    const range = session.loopRange;
    if (!plan || !loop?.focus || !range || !this.rules) return undefined;
    const planInput = {
      firstLoopStart: plan.firstLoopStart,
      loopLength: plan.loopLength,
      ...(plan.baseline ? { baseline: plan.baseline } : {}),
    };
    const reference = referenceRange(
      { ...planInput, kpis: [], measurements: {} },
      loop.index,
      session.basis,
    );
    const refRange = reference.ok ? reference.value : null;
    const refValues = this.#valuesOver(refRange ?? undefined);
    const current = loopIndexOf(plan.firstLoopStart, plan.loopLength, today());
    return expectationsSummary({
      focus: loop.focus,
      rules: this.rules,
      loop: range,
      kpis: session.definitions.map((definition) => ({
        definition,
        reference: refValues[definition.key] ?? null,
        target: this.targets[definition.key] ?? null,
      })),
      basis: session.basis,
      reference: refRange,
      ...(loop.judgementDate ? { judgementDate: loop.judgementDate } : {}),
      dayAfterLoop: defaultJudgementDate(range),
      midLoopChanges: (session.bundle?.loopChanges ?? []).filter((c) => c.loopId === loop.id)
        .length,
      loopsCompleted: current.ok ? Math.max(0, current.value - 1) : 0,
    });
  });

  /** Moves the baseline period, and the values typed for it with it. */
  async setBaselinePeriod(to: DateRange): Promise<boolean> {
    const plan = session.plan;
    const from = session.baselineRange;
    if (!plan || !from) return false;
    const done = await session.mutate(async (db) =>
      (await writes()).setBaselinePeriod(db, plan.id, from, to),
    );
    return done !== undefined;
  }

  async addKpis(drafts: Omit<Kpi, 'id' | 'planId' | 'order'>[]): Promise<boolean> {
    const plan = session.plan;
    if (!plan || drafts.length === 0) return false;
    const done = await session.mutate(async (db) => (await writes()).addKpis(db, plan.id, drafts));
    return done !== undefined;
  }

  /** How many values and targets hang on a KPI (the plan in memory holds all of them). */
  kpiDataCount(kpiId: string): number {
    const bundle = session.bundle;
    if (!bundle) return 0;
    return (
      bundle.targets.filter((t) => t.kpiId === kpiId).length +
      bundle.measurements.filter((m) => m.kpiId === kpiId).length
    );
  }

  /** Removes a KPI with its data; returns what was removed, for Undo. */
  async removeKpi(kpiId: string): Promise<KpiSnapshot | undefined> {
    const plan = session.plan;
    if (!plan) return undefined;
    const done = await session.mutate(async (db) => (await writes()).removeKpi(db, plan.id, kpiId));
    return done?.value;
  }

  async restoreKpi(snapshot: KpiSnapshot): Promise<boolean> {
    const done = await session.mutate(async (db) => (await writes()).restoreKpi(db, snapshot));
    return done !== undefined;
  }

  /** Remembers the step the user is on, so coming back resumes there (quietly). */
  async rememberStep(step: WizardStep): Promise<void> {
    const index = WIZARD_STEPS.indexOf(step);
    if (!session.loop || session.loop.wizardStep === index) return;
    await session.updateLoop({ wizardStep: index }, { quiet: true });
  }

  async saveTargets(entries: TargetEntry[]): Promise<boolean> {
    const plan = session.plan;
    const loop = session.loop;
    if (!plan || !loop) return false;
    const done = await session.mutate(async (db) =>
      (await writes()).saveTargets(db, plan.id, loop.id, entries),
    );
    return done !== undefined;
  }

  /**
   * Targets suggested from the reference: for KPIs without one (`replace: 'none'`, the step's
   * pre-fill), or also replacing earlier suggestions (`'suggested'`), never a typed target.
   */
  suggestions(replace: 'none' | 'suggested', stepPercent?: number): TargetDraft[] {
    return targetSuggestions({
      rows: session.rows,
      reference: this.referenceValues,
      ...(stepPercent === undefined ? {} : { stepPercent }),
      dropping: this.#dropping,
      current: this.loopTargets,
      basis: this.targetReference?.basis ?? 'baseline',
      replace,
    });
  }

  #startingLoop = false;

  /**
   * Starts the loop after the last one. Focus, rules, comparison and notes carry over; targets
   * are suggested from the previous loop's values, else the previous targets are kept.
   * `earlyStart` says why, when the last loop has not ended yet; it is kept with the new loop.
   */
  async startNextLoop(earlyStart?: string): Promise<number | undefined> {
    const plan = session.plan;
    const bundle = session.bundle;
    // A second click while the first is still writing must not start yet another loop.
    if (!plan || !bundle || this.#startingLoop) return undefined;
    const next = nextLoopDraft({
      plan,
      loops: bundle.loops,
      rows: session.rows,
      valuesOver: (range) => this.#valuesOver(range),
      targets: bundle.targets,
      ...(earlyStart ? { earlyStart } : {}),
    });
    if (!next.ok) return undefined;
    this.#startingLoop = true;
    try {
      const { draft, targets } = next.value;
      const done = await session.mutate(async (db) =>
        (await writes()).createLoop(db, plan.id, draft, targets),
      );
      return done ? next.value.index : undefined;
    } finally {
      this.#startingLoop = false;
    }
  }
}

export const wizard = new Wizard();
