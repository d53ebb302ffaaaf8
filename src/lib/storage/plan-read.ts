import { budgetSchema, type Budget } from '$lib/schema/budget';
import { kpiSchema, type Kpi } from '$lib/schema/kpi';
import {
  campaignSchema,
  loopChangeSchema,
  loopSchema,
  targetSchema,
  type Campaign,
  type Loop,
  type LoopChange,
  type Target,
} from '$lib/schema/loop';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import { meetingSchema, type Meeting } from '$lib/schema/meeting';
import { planSchema, type Plan } from '$lib/schema/plan';
import { DB_NAME, installedVersion, request, SCHEMA_VERSION } from './db-info';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { describeIssues, partitionRows, rowKey, type StoredDataProblem } from '$lib/schema/issues';

/** Everything the plan pages work with, validated on read. */
export type PlanBundle = {
  plan: Plan;
  kpis: Kpi[];
  loops: Loop[];
  targets: Target[];
  measurements: Measurement[];
  loopChanges: LoopChange[];
  campaigns: Campaign[];
  budgets: Budget[];
  meetings: Meeting[];
  problems: StoredDataProblem[];
};

/** The tables whose rows belong to a plan and make up its bundle. */
export const BUNDLE_TABLES = [
  'kpis',
  'loops',
  'targets',
  'measurements',
  'loopChanges',
  'campaigns',
  'budgets',
  'meetings',
] as const;
type BundleTable = (typeof BUNDLE_TABLES)[number];

/**
 * A plan's rows as read, checked like every read: the plan must be valid (else the whole plan
 * is refused with its reasons); any other invalid row is left out and reported, never changed.
 */
export function assembleBundle(
  planId: string,
  plan: unknown,
  rows: Record<BundleTable, unknown[]>,
): PlanBundle {
  if (!plan) throw new PlanNotFoundError(planId);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) throw new InvalidRecordError('plans', describeIssues(parsed.error));
  const problems: StoredDataProblem[] = [];
  const part = <T>(table: BundleTable, schema: Parameters<typeof partitionRows>[1]): T[] => {
    const { valid, problems: found } = partitionRows(rows[table], schema, table, rowKey);
    problems.push(...found);
    return valid as T[];
  };
  return {
    plan: parsed.data,
    kpis: part<Kpi>('kpis', kpiSchema).sort((a, b) => a.order - b.order),
    loops: part<Loop>('loops', loopSchema).sort((a, b) => a.index - b.index),
    targets: part<Target>('targets', targetSchema),
    measurements: part<Measurement>('measurements', measurementSchema),
    loopChanges: part<LoopChange>('loopChanges', loopChangeSchema),
    campaigns: part<Campaign>('campaigns', campaignSchema),
    budgets: part<Budget>('budgets', budgetSchema).sort((a, b) => a.year - b.year),
    meetings: part<Meeting>('meetings', meetingSchema).sort((a, b) => b.date.localeCompare(a.date)),
    problems,
  };
}

/**
 * Opens the database as it is, when it is exactly this build's version; null otherwise. The
 * version is checked again after opening: an upgrade by another tab may have run meanwhile.
 * The connection closes at once if another tab wants to upgrade, so it never blocks one.
 */
async function openCurrent(name: string): Promise<IDBDatabase | null> {
  const version = await installedVersion(name);
  if (version === null || Math.floor(version / 10) !== SCHEMA_VERSION) return null;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
  });
  db.onversionchange = () => db.close();
  if (Math.floor(db.version / 10) !== SCHEMA_VERSION) {
    db.close();
    return null;
  }
  return db;
}

/**
 * Reads a plan for the pages that show it, without Dexie (30 KB a reading page does not
 * need): one read-only transaction, never creating or upgrading the database. Returns
 * 'useDexie' when the database is not exactly this build's version (an older one must be
 * upgraded first, a newer one must not be read), so the caller opens it the usual way.
 */
export async function readPlanBundle(
  planId: string,
  name = DB_NAME,
): Promise<PlanBundle | 'useDexie'> {
  const db = await openCurrent(name);
  if (!db) return 'useDexie';
  try {
    const tx = db.transaction(['plans', ...BUNDLE_TABLES], 'readonly');
    const plan: unknown = await request(tx.objectStore('plans').get(planId));
    const entries = await Promise.all(
      BUNDLE_TABLES.map(
        async (table) =>
          [
            table,
            (await request(
              table === 'measurements'
                ? // Measurements have no single planId index; the compound one starts with it.
                  tx
                    .objectStore(table)
                    .index('[planId+start]')
                    .getAll(IDBKeyRange.bound([planId], [planId, []]))
                : tx.objectStore(table).index('planId').getAll(planId),
            )) as unknown[],
          ] as const,
      ),
    );
    return assembleBundle(
      planId,
      plan,
      Object.fromEntries(entries) as Record<BundleTable, unknown[]>,
    );
  } finally {
    db.close();
  }
}

/** The plan's last change as stored, read without Dexie; null when it cannot be read so. */
export async function readPlanUpdatedAt(planId: string, name = DB_NAME): Promise<string | null> {
  const db = await openCurrent(name);
  if (!db) return null;
  try {
    const row = (await request(db.transaction('plans').objectStore('plans').get(planId))) as
      { updatedAt?: unknown } | undefined;
    return typeof row?.updatedAt === 'string' ? row.updatedAt : null;
  } finally {
    db.close();
  }
}
