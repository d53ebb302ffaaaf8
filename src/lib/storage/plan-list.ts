import { planSchema, type Plan } from '$lib/schema/plan';
import { settingDefaults, settingRowSchema } from '$lib/schema/settings';
import { DB_NAME, installedVersion, isNewer, openExisting, request } from './db-info';
import { partitionRows, rowKey, type StoredDataProblem } from '$lib/schema/issues';

export type ListedPlan = { plan: Plan; loopCount: number };
export type PlanList =
  | {
      state: 'ok';
      plans: ListedPlan[];
      /** The settings, for the backup reminder (defaults where unset or invalid). */
      settings: typeof settingDefaults;
      problems: StoredDataProblem[];
    }
  | { state: 'newer' };

const empty = (): PlanList => ({ state: 'ok', plans: [], settings: settingDefaults, problems: [] });

/**
 * The plans on this device for the first page, with the number of loops of each: one read of
 * two object stores, without Dexie (30 KB the first page does not need until the user writes).
 * Rows are validated like every read; a database written by a newer build is not read.
 */
export async function readPlanList(name = DB_NAME): Promise<PlanList> {
  const version = await installedVersion(name);
  if (version !== null && isNewer(version)) return { state: 'newer' };
  const db = await openExisting(name);
  if (!db) return empty();
  try {
    const stores = ['plans', 'loops', 'settings'];
    if (!stores.every((store) => db.objectStoreNames.contains(store)))
      return isNewer(db.version) ? { state: 'newer' } : empty();
    const tx = db.transaction(stores, 'readonly');
    const settingRows: unknown[] = await request(tx.objectStore('settings').getAll());
    const rows: unknown[] = await request(tx.objectStore('plans').getAll());
    const { valid, problems } = partitionRows(rows, planSchema, 'plans', rowKey);
    const loops = tx.objectStore('loops').index('planId');
    const plans = await Promise.all(
      valid.map(async (plan) => ({
        plan,
        loopCount: await request(loops.count(IDBKeyRange.only(plan.id))),
      })),
    );
    plans.sort((a, b) => b.plan.updatedAt.localeCompare(a.plan.updatedAt));
    const settings = partitionRows(settingRows, settingRowSchema, 'settings', rowKey);
    return {
      state: 'ok',
      plans,
      settings: {
        ...settingDefaults,
        ...Object.fromEntries(settings.valid.map((row) => [row.key, row.value])),
      },
      problems: [...problems, ...settings.problems],
    };
  } finally {
    db.close();
  }
}
