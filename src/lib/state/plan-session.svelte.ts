import { definitionOf, type KpiDefinition } from '$lib/domain/catalog';
import type { DateRange } from '$lib/domain/dates';
import { defaultBaseline, loopRange } from '$lib/domain/periods';
import { loopTextPatch, type LoopTextField } from '$lib/domain/loop-text';
import type { DomainError } from '$lib/domain/result';
import { baselineForSettings } from '$lib/domain/wizard';
import { planTarget, type PlanTarget } from '$lib/nav/params';
import type { Kpi } from '$lib/schema/kpi';
import type { PlanBundle } from '$lib/storage/bundle';
import { applyChange, type PlanChange } from '$lib/storage/change';
import type { TalentloopDb } from '$lib/storage/db';
import { openStorage } from '$lib/storage/gateway';
import type { LoopPatch } from '$lib/storage/loops-repo';
import type { NewPlanInput } from '$lib/storage/plans-repo';
import type { StaleWriteError } from '$lib/storage/stale';
import type { Written } from '$lib/storage/write';
import { afterPaint } from '$lib/schedule';
import { appStatus } from './app-status.svelte';
import { announce, onTabMessage } from './tab-sync';

export type KpiRow = { kpi: Kpi; definition: KpiDefinition };
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';
/** How a save of typed text ended: stored, failed (reason in `failure`), or refused because
 * the stored text changed since the edit began (`stored` is the newer text). */
export type SaveOutcome = 'saved' | 'failed' | { stored: string };

const writes = () => import('$lib/storage/plan-writes');

/**
 * Loads the code every edit needs (the writes and Dexie) once a plan is shown, before the user
 * can type: after an update in another tab the old build's files may be gone from the server
 * and the cache, and a save must not be the first to need them. Right after the plan's first
 * paint, not before it: the plan is read without them (Lighthouse counted the 30 KB of Dexie
 * on the way to the dashboard's and the wizard's largest paint).
 */
function preloadWriteCode(): void {
  void afterPaint()
    .then(() => Promise.all([writes(), import('$lib/storage/db')]))
    .catch(() => undefined);
}

/**
 * The open plan: its stored rows (the bundle), the loop the page is about, and the one way
 * every page writes to it. A write is a function of the database that returns the change it
 * made (`Written`); `mutate` runs it with the save status and applies the change to the bundle
 * generically (`applyChange`), the same way a change from another tab can be applied.
 */
class PlanSession {
  bundle = $state.raw<PlanBundle | undefined>(undefined);
  loopIndex = $state(1);
  status = $state<SaveStatus>('idle');
  /** Why the last write failed (the UI words it), or undefined. */
  failure = $state.raw<unknown>(undefined);
  loadError = $state<'notFound' | 'unavailable' | ''>('');
  #opening = 0;
  /** Changes applied so far: a read that overlapped one is repeated. */
  #applied = 0;
  #translating = false;

  plan = $derived(this.bundle?.plan);
  loop = $derived(this.bundle?.loops.find((l) => l.index === this.loopIndex));

  /** What the open loop is compared with: its own choice, else the plan's default. */
  basis = $derived(this.loop?.comparison ?? this.plan?.defaultComparison ?? 'previousLoop');

  /** The plan's KPIs (in order) with their definitions; a KPI without one is left out. */
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

  /**
   * Opens a plan at one of its loops. The copy in memory is kept when the plan's `updatedAt`
   * on disk is the one it holds (every write, in any tab, moves it); otherwise it is read again.
   */
  async open(planId: string, loopIndex: number): Promise<void> {
    // Only the latest request may fill the session: an older, slower one is dropped.
    const request = ++this.#opening;
    this.loadError = '';
    try {
      const read = await import('$lib/storage/plan-read');
      const cached = this.bundle;
      if (cached?.plan.id === planId) {
        const stored = await read.readPlanUpdatedAt(planId);
        if (request !== this.#opening) return;
        if (stored !== null && stored === cached.plan.updatedAt) {
          // Another loop starts quiet; the same one keeps saying what was just saved (a link to
          // the page on view finished its read after the user's save, and hid the "saved").
          if (loopIndex !== this.loopIndex) this.status = 'idle';
          this.loopIndex = loopIndex;
          return;
        }
      }
      // Reading needs no Dexie; only a database of another version is opened through it
      // (an older one is upgraded first, a newer one is reported and not read). A change
      // applied while reading (the user's first click, another tab) may be missing from what
      // was read: then it is read again rather than the change undone on screen.
      let bundle: Awaited<ReturnType<typeof read.readPlanBundle>>;
      let applied: number;
      do {
        applied = this.#applied;
        bundle = await read.readPlanBundle(planId);
        if (bundle === 'useDexie') {
          const [db, { loadPlanBundle }] = await Promise.all([openStorage(), writes()]);
          bundle = await loadPlanBundle(db, planId);
        }
        if (request !== this.#opening) return;
      } while (applied !== this.#applied);
      appStatus.report(bundle.problems);
      this.bundle = bundle;
      this.loopIndex = loopIndex;
      this.status = 'idle';
      preloadWriteCode();
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

  /** Opens the plan and loop named in a page's address (`?id=…&loop=…`); returns them. */
  async openFrom(url: URL): Promise<PlanTarget> {
    const target = planTarget(url.searchParams);
    await this.open(target.planId, target.loop);
    return target;
  }

  /** Applies a change written to a plan (here or in another tab) to the plan in memory. */
  apply(change: PlanChange): void {
    this.#applied++;
    if (this.bundle?.plan.id === change.planId) this.bundle = applyChange(this.bundle, change);
  }

  /**
   * Reads the open plan again when another tab changed it in a way it did not send (a restore,
   * a deletion); nothing is read when the copy here is still the stored one.
   */
  async refresh(planId?: string): Promise<void> {
    const open = this.bundle?.plan.id;
    if (open && (planId === undefined || planId === open)) await this.open(open, this.loopIndex);
  }

  /**
   * Runs one write with the save status and applies the change it returns. Returns the
   * write's value, or undefined (with the status 'failed' and the reason in `failure`).
   * `quiet` writes without the "saved" message (where the user is, not what they changed).
   */
  async mutate<T>(
    work: (db: TalentloopDb) => Promise<Written<T>>,
    options: { quiet?: boolean } = {},
  ): Promise<{ value: T } | undefined> {
    const quiet = options.quiet ?? false;
    if (!quiet) this.status = 'saving';
    try {
      if (!this.bundle) throw new Error('unavailable');
      const written = await work(await openStorage());
      this.apply(written.change);
      announce({ kind: 'change', change: written.change });
      if (!quiet) {
        this.status = 'saved';
        this.failure = undefined;
      }
      return { value: written.value };
    } catch (error) {
      this.status = 'failed';
      this.failure = error;
      return undefined;
    }
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
        this.#hasBaselineValues(),
      );
      if (!baseline.ok) return baseline.error;
      if (baseline.value) full = { ...patch, baseline: baseline.value };
    }
    const done = await this.mutate(async (db) => (await writes()).updatePlan(db, plan.id, full));
    return done !== undefined;
  }

  /** Whether any value is stored exactly on the baseline period (then moving loops keeps it). */
  #hasBaselineValues(): boolean {
    const range = this.baselineRange;
    // Any channel's value counts: the move takes them all along.
    return (
      !!range &&
      (this.bundle?.measurements ?? []).some((m) => m.start === range.start && m.end === range.end)
    );
  }

  /**
   * Keeps the open plan, when it is the example, in the app's language: the example's own words
   * in the other language are rewritten in `locale` (what the user wrote stays). Nothing is
   * read from disk or written when they already are; the save status stays quiet.
   */
  async followLanguage(locale: 'nl' | 'en'): Promise<void> {
    if (!this.bundle?.plan.example) return;
    // The example's words (7 KB) are not needed for the first paint of the plan.
    await afterPaint();
    const bundle = this.bundle;
    if (!bundle?.plan.example || this.#translating) return;
    const { exampleInLocale } = await import('$lib/domain/example');
    const next = exampleInLocale(bundle, locale);
    if (!next.plan && !next.loops.length && !next.campaigns.length && !next.loopChanges.length)
      return;
    this.#translating = true;
    try {
      await this.mutate(
        async (db) => {
          const repo = await import('$lib/storage/example-language');
          const written = await repo.translateExamplePlan(db, bundle.plan.id, locale);
          // Another tab translated it first: a change of no plan, which applies as nothing.
          return (
            written ?? {
              change: { planId: '', plan: bundle.plan, put: {}, removed: {} },
              value: false,
            }
          );
        },
        { quiet: true },
      );
    } finally {
      this.#translating = false;
    }
  }

  /**
   * Saves a loop's text field as typed over `base` (the text the edit started from): when the
   * stored text is no longer `base` (another tab saved its own meanwhile), nothing is written
   * and the newer text is returned, so the user can see both and choose.
   */
  async saveLoopText(
    loopId: string,
    field: LoopTextField,
    text: string,
    base: string,
  ): Promise<SaveOutcome> {
    const done = await this.mutate(async (db) =>
      (await writes()).updateLoop(db, loopId, loopTextPatch(field, text), undefined, {
        [field]: base,
      }),
    );
    if (done) return 'saved';
    const failure = this.failure;
    if (failure instanceof Error && failure.name === 'StaleWriteError') {
      const conflict = (failure as StaleWriteError).conflicts[0];
      if (conflict?.kind === 'text') return { stored: conflict.stored };
    }
    return 'failed';
  }

  /**
   * Changes fields of a loop: the open one, or `loopId` when a late save must reach the loop
   * it was typed for. The patch is merged into the stored loop inside the write's transaction.
   */
  async updateLoop(
    patch: LoopPatch,
    options: { quiet?: boolean; loopId?: string } = {},
  ): Promise<boolean> {
    const loopId = options.loopId ?? this.loop?.id;
    if (!loopId) return false;
    const done = await this.mutate(
      async (db) => (await writes()).updateLoop(db, loopId, patch),
      options,
    );
    return done !== undefined;
  }
}

export const planSession = new PlanSession();

// What another tab wrote appears here in place: its change applied to the open plan, or the
// plan read again when the change came without its rows (a restore, a deletion).
onTabMessage((message) => {
  if (message.kind === 'change') planSession.apply(message.change);
  else if (message.kind === 'plans') void planSession.refresh(message.planId);
});
