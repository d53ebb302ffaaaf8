import type { Plan, Row } from '$lib/schema';
import { PLAN_TABLES, type PlanTable } from '$lib/schema/tables';

/** What every Talentloop backup file says it is, so any other JSON is recognised as foreign. */
export const BACKUP_FORMAT = 'talentloop-backup';

/**
 * The version of the backup file this build writes. Bump it with every change to the shape of
 * `data`, and add the upgrader from the previous version to `upgrade.ts` with a fixture.
 */
export const BACKUP_VERSION = 2;

/** Files larger than this are refused before they are read (100,000 measurements are ~15 MB). */
export const MAX_BACKUP_BYTES = 100_000_000;

// The tables nested under each plan in a backup, and the order they are written in, are the
// plan-table registry's (PLAN_TABLES in schema/tables.ts): a new plan table is backed up as is.

/** A row as it sits in a backup: its plan is the entry it is nested in, so no `planId`. */
export type EntryRow<T extends PlanTable> = Omit<Row<T>, 'planId'>;

/** One plan in a backup: the plan's own fields and its rows, table by table. */
export type PlanEntry = Plan & { [T in PlanTable]: EntryRow<T>[] };

/** The file: an envelope (Excalidraw's pattern) around the plans. */
export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  app: { name: 'Talentloop'; version: string };
  data: { plans: PlanEntry[] };
};

/** A backup file's envelope and its plans without their rows: what a preview shows. */
export type BackupHead = Omit<BackupFile, 'data'> & { data: { plans: Plan[] } };

/** `talentloop-backup-YYYY-MM-DD.json` for the day of the export. */
export function backupFileName(today: string): string {
  return `talentloop-backup-${today}.json`;
}

/** The number of rows (plans and everything nested) in a backup, for progress and previews. */
export function rowCount(plans: readonly PlanEntry[]): number {
  let count = 0;
  for (const entry of plans) {
    count += 1;
    for (const table of PLAN_TABLES) count += entry[table].length;
  }
  return count;
}

/** A plan and its rows as stored, in the shape of a backup entry (rows lose their `planId`). */
export function toEntry(plan: Plan, rows: { [T in PlanTable]: readonly Row<T>[] }): PlanEntry {
  const entry = { ...plan } as PlanEntry;
  for (const table of PLAN_TABLES) {
    (entry as Record<string, unknown>)[table] = rows[table].map((row) => {
      const { planId: _planId, ...rest } = row;
      return rest;
    });
  }
  return entry;
}

/** The stored rows of a backup entry: the plan row, and each table's rows with `planId`. */
export function fromEntry(entry: PlanEntry): {
  plan: Plan;
  rows: { [T in PlanTable]: Row<T>[] };
} {
  const plan = { ...entry } as Record<string, unknown>;
  const rows = {} as Record<string, unknown[]>;
  for (const table of PLAN_TABLES) {
    delete plan[table];
    rows[table] = entry[table].map((row) => ({ ...row, planId: entry.id }));
  }
  return { plan: plan as Plan, rows: rows as { [T in PlanTable]: Row<T>[] } };
}
