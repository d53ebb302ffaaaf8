import type { KpiDraft } from '$lib/domain/catalog';
import type { Plan } from '$lib/schema/plan';
import { settingDefaults } from '$lib/schema/settings';
import { watchStorage, withStorage } from '$lib/storage/gateway';
import { readPlanList, type ListedPlan } from '$lib/storage/plan-list';
import type { NewPlanInput } from '$lib/storage/plans-repo';
import { appStatus } from './app-status.svelte';
import { afterPaint } from '$lib/schedule';
import { announce, onTabMessage } from './tab-sync';

export type { ListedPlan } from '$lib/storage/plan-list';

// Listing needs no Dexie; writing does, so the first page loads it only on an action.
const admin = () => import('$lib/storage/plan-admin');

/**
 * The list of plans (the first page, the plan chooser, the backup page) and the actions on
 * whole plans: create, try the example, duplicate, rename, delete with undo.
 */
class PlansList {
  /** undefined until the first read. */
  plans = $state.raw<ListedPlan[] | undefined>(undefined);
  /**
   * Why the list could not be read (a newer version's data, a database that failed), or null:
   * then the plans are not known, and no empty list may be shown as if there were none.
   */
  unreadable = $state<'newer' | 'failed' | null>(null);
  settings = $state.raw(settingDefaults);
  #translating = false;

  /** Reads the list again (one read-only IndexedDB read, without Dexie). */
  async refresh(): Promise<void> {
    try {
      const result = await watchStorage(readPlanList());
      if (result.state === 'newer') {
        appStatus.dbState = 'newer';
        this.unreadable = 'newer';
        this.plans = [];
        return;
      }
      appStatus.report(result.problems);
      this.unreadable = null;
      this.plans = result.plans;
      this.settings = result.settings;
    } catch (error) {
      appStatus.fail(error);
      this.unreadable = 'failed';
      this.plans = [];
    }
  }

  /** After a write to the plans: the list here is read again, and other tabs are told. */
  async #changed(planId?: string): Promise<void> {
    announce({ kind: 'plans', ...(planId ? { planId } : {}) });
    await this.refresh();
  }

  /** Starts a plan with its first loop and starter KPIs; returns it. */
  async create(input: NewPlanInput, starters: readonly KpiDraft[]): Promise<Plan> {
    const { plan } = await withStorage(admin, (repo, db) => repo.createPlan(db, input, starters));
    return plan;
  }

  /** A demo plan with six loops of numbers, in the UI's language; returns it. */
  async createExample(todayDate: string, locale: 'nl' | 'en'): Promise<Plan> {
    const { exampleData } = await import('$lib/domain/example');
    const plan = await withStorage(admin, (repo, db) =>
      repo.createExamplePlan(db, exampleData(todayDate, locale)),
    );
    await this.#changed();
    return plan;
  }

  /**
   * Example plans in the list follow the app's language (see `PlanSession.followLanguage`):
   * only when an example's name or notes are still its own words in the other language is
   * anything loaded or written.
   */
  async followLanguage(locale: 'nl' | 'en'): Promise<void> {
    if (!this.plans?.some(({ plan }) => plan.example)) return;
    // The example's words (7 KB) are not needed for the first paint of the list.
    await afterPaint();
    const examples = (this.plans ?? []).filter(({ plan }) => plan.example);
    if (!examples.length || this.#translating) return;
    const { exampleInLocale } = await import('$lib/domain/example');
    const stale = examples.filter(
      ({ plan }) =>
        exampleInLocale({ plan, loops: [], campaigns: [], loopChanges: [] }, locale).plan,
    );
    if (!stale.length) return;
    this.#translating = true;
    try {
      await withStorage(
        () => import('$lib/storage/example-language'),
        async (repo, db) => {
          for (const { plan } of stale) await repo.translateExamplePlan(db, plan.id, locale);
        },
      );
      await this.#changed();
    } catch (error) {
      appStatus.fail(error);
    } finally {
      this.#translating = false;
    }
  }

  async duplicate(plan: Plan, name: string): Promise<void> {
    await withStorage(admin, (repo, db) => repo.duplicatePlan(db, plan.id, name));
    await this.#changed();
  }

  async rename(plan: Plan, organisation: string): Promise<void> {
    await withStorage(admin, (repo, db) => repo.updatePlan(db, plan.id, { organisation }));
    await this.#changed();
  }

  /** Deletes a plan with all its rows; returns the undo, which puts every row back. */
  async remove(plan: Plan): Promise<() => Promise<void>> {
    const snapshot = await withStorage(admin, (repo, db) => repo.deletePlan(db, plan.id));
    await this.#changed();
    return async () => {
      await withStorage(admin, (repo, db) => repo.restorePlan(db, snapshot));
      await this.#changed();
    };
  }
}

export const plansList = new PlansList();

// Another tab changed the plans: a list on view is read again.
onTabMessage((message) => {
  if (message.kind !== 'setting' && plansList.plans !== undefined) void plansList.refresh();
});
