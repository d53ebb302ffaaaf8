import { PLAN_TABLES, type PlanTable } from '$lib/schema/tables';
import { assembleBundle, type PlanBundle } from './bundle';
import { DB_NAME, installedVersion, openExisting, request, SCHEMA_VERSION } from './db-info';
import { watchStorage } from './gateway';

export type { PlanBundle } from './bundle';

/**
 * Opens the database as it is, when it is exactly this build's version; null otherwise. The
 * version is checked again after opening: an upgrade by another tab may have run meanwhile.
 * The connection closes at once if another tab wants to upgrade, so it never blocks one.
 */
async function openCurrent(name: string): Promise<IDBDatabase | null> {
  const version = await installedVersion(name);
  if (version === null || Math.floor(version / 10) !== SCHEMA_VERSION) return null;
  // Deleted since the version was read: never created empty by reading.
  const db = await openExisting(name);
  if (!db) return null;
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
  const start = performance.now();
  // An open that waits without end (behind another tab) is reported, not "Loading…" forever.
  const db = await watchStorage(openCurrent(name));
  if (!db) return 'useDexie';
  try {
    const tx = db.transaction(['plans', ...PLAN_TABLES, 'measurementPacks'], 'readonly');
    const plan: unknown = await request(tx.objectStore('plans').get(planId));
    // The plan's packs are one range of their key [planId, kpiId, channel, month].
    const packs = request(
      tx.objectStore('measurementPacks').getAll(IDBKeyRange.bound([planId], [planId, []])),
    ) as Promise<unknown[]>;
    const entries = await Promise.all(
      PLAN_TABLES.map(
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
    const bundle = assembleBundle(
      planId,
      plan,
      Object.fromEntries(entries) as Record<PlanTable, unknown[]>,
      await packs,
    );
    // For `npm run bench` (and the browser's performance panel): the read alone, checked.
    performance.measure('talentloop:read-plan', { start });
    return bundle;
  } finally {
    db.close();
  }
}

/** The plan's last change as stored, read without Dexie; null when it cannot be read so. */
export async function readPlanUpdatedAt(planId: string, name = DB_NAME): Promise<string | null> {
  const db = await watchStorage(openCurrent(name));
  if (!db) return null;
  try {
    const row = (await request(db.transaction('plans').objectStore('plans').get(planId))) as
      { updatedAt?: unknown } | undefined;
    return typeof row?.updatedAt === 'string' ? row.updatedAt : null;
  } finally {
    db.close();
  }
}
