import type { CheckProgress } from '$lib/backup/check';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  fromEntry,
  rowCount,
  toEntry,
  type BackupFile,
  type PlanEntry,
} from '$lib/backup/format';
import { previewImport, summarise, type ImportMode, type PlanSummary } from '$lib/backup/preview';
import { planSchema, type Plan, type SnapshotRow } from '$lib/schema';
import { partitionRows, rowKey, type StoredDataProblem } from '$lib/schema/issues';
import {
  emptyRows,
  PLAN_TABLES,
  schemaOf,
  type PlanRows,
  type PlanTable,
} from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import {
  addPlanRows,
  countPlanMeasurements,
  deletePlanTable,
  PLAN_STORES,
  readAllMeasurements,
  readAllMeasurementsChecked,
} from './measurement-store';
import { requestPersistenceOnce } from './persistence';

/** Snapshots kept: the newest few, so undo stays possible without filling the disk. */
export const SNAPSHOTS_KEPT = 3;

/** Rows written per bulk call; progress is reported between them. */
const CHUNK = 5000;

const ALL_TABLES = PLAN_STORES;

/**
 * Everything stored (or the plans in `planIds`), as backup entries; call inside a transaction.
 * With `problems`, every record that fails its schema is reported there as it is read.
 */
async function readEntries(
  db: TalentloopDb,
  planIds?: readonly string[],
  problems?: StoredDataProblem[],
): Promise<PlanEntry[]> {
  const wanted = planIds ? new Set(planIds) : null;
  const plans = ((await db.plans.toArray()) as Plan[]).filter((p) => !wanted || wanted.has(p.id));
  if (problems) problems.push(...partitionRows(plans, planSchema, 'plans', rowKey).problems);
  const byPlan = new Map(
    plans.map((plan) => [plan.id, emptyRows() as Record<PlanTable, { planId: string }[]>]),
  );
  for (const table of PLAN_TABLES) {
    let rows: unknown[];
    if (table !== 'measurements') rows = await db.table(table).toArray();
    else if (!problems)
      // Records of long periods, then the packs' values by KPI, channel, month and day: not in
      // id order as before v3 (sorting 100,000 ids took a fifth of an export).
      rows = await readAllMeasurements(db);
    else {
      const read = await readAllMeasurementsChecked(db);
      rows = read.rows;
      problems.push(...read.problems.filter((p) => byPlanOf(read.rows, p.key, wanted)));
    }
    if (problems && table !== 'measurements')
      problems.push(
        ...partitionRows(
          rows.filter((row) => !wanted || wanted.has((row as { planId: string }).planId)),
          schemaOf(table),
          table,
          rowKey,
        ).problems,
      );
    for (const row of rows as { planId: string }[]) byPlan.get(row.planId)?.[table].push(row);
  }
  return plans.map((plan) => toEntry(plan, byPlan.get(plan.id) as unknown as PlanRows));
}

/** Whether the value with id `key` belongs to one of the plans exported. */
function byPlanOf(rows: unknown[], key: string, wanted: ReadonlySet<string> | null): boolean {
  if (!wanted) return true;
  const row = rows.find((r) => (r as { id?: unknown }).id === key) as { planId?: unknown };
  return typeof row?.planId === 'string' && wanted.has(row.planId);
}

function envelope(plans: PlanEntry[], exportedAt: string): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    app: { name: 'Talentloop', version: __APP_VERSION__ },
    data: { plans },
  };
}

/**
 * A backup of every plan, or of the plans in `planIds`, as stored: rows are not re-validated
 * on the way out, so a backup is possible even when a record is damaged (import checks it).
 */
export async function exportBackup(
  db: TalentloopDb,
  exportedAt: string,
  planIds?: readonly string[],
): Promise<BackupFile> {
  const plans = await db.transaction('r', ALL_TABLES, () => readEntries(db, planIds));
  return envelope(plans, exportedAt);
}

/**
 * `exportBackup`, and the records exported that fail their schema (each as the plan pages
 * report it). Every row was checked when it was written, so this replaces checking the whole
 * file again after the download (a third of the time of an export of 100,000 values): a
 * record damaged since (on disk, by another program) is still found and reported.
 */
export async function exportBackupChecked(
  db: TalentloopDb,
  exportedAt: string,
  planIds?: readonly string[],
): Promise<{ file: BackupFile; problems: StoredDataProblem[] }> {
  const problems: StoredDataProblem[] = [];
  const plans = await db.transaction('r', ALL_TABLES, () => readEntries(db, planIds, problems));
  return { file: envelope(plans, exportedAt), problems };
}

/** The plans on this device, summarised for the import preview. */
export async function currentSummaries(db: TalentloopDb): Promise<PlanSummary[]> {
  return db.transaction('r', ['plans', 'loops', 'measurements', 'measurementPacks'], async () => {
    const plans = await db.plans.toArray();
    return Promise.all(
      plans.map(async (plan) => ({
        id: plan.id,
        organisation: plan.organisation,
        updatedAt: plan.updatedAt,
        loops: await db.loops.where('planId').equals(plan.id).count(),
        measurements: await countPlanMeasurements(db, plan.id),
      })),
    );
  });
}

export type ImportOptions = {
  /** The time of the import (the snapshot's date). */
  now: string;
  onProgress?: CheckProgress;
  /** A snapshot being restored: it is removed in the same transaction. */
  consumeSnapshot?: string;
};

export type ImportResult = { snapshotId: string; added: number; replaced: number; removed: number };

/**
 * Applies a checked backup in one transaction: first a snapshot of everything stored (for
 * *Undo import*), then, per the preview's decisions, removes the plans being replaced or
 * dropped and adds the backup's. Any failure (a clashing id, a full disk) rolls back all of
 * it, the snapshot included, and leaves the database exactly as it was.
 */
export async function importBackup(
  db: TalentloopDb,
  backup: BackupFile,
  mode: ImportMode,
  { now, onProgress = () => {}, consumeSnapshot }: ImportOptions,
): Promise<ImportResult> {
  void requestPersistenceOnce();
  return db.transaction('rw', [...ALL_TABLES, 'snapshots'], async () => {
    const before = await readEntries(db);
    const snapshotId = newId();
    await db.snapshots.add({
      id: snapshotId,
      createdAt: now,
      plans: before.length,
      rows: rowCount(before),
      file: envelope(before, now),
    });
    if (consumeSnapshot) await db.snapshots.delete(consumeSnapshot);
    const old = await db.snapshots
      .orderBy('createdAt')
      .reverse()
      .offset(SNAPSHOTS_KEPT)
      .primaryKeys();
    // Never the one just taken, even when the clock went back and it sorts oldest.
    await db.snapshots.bulkDelete(old.filter((key) => key !== snapshotId));

    const incoming = new Map(backup.data.plans.map((entry) => [entry.id, entry]));
    const decisions = previewImport(before.map(summarise), backup.data.plans.map(summarise), mode);
    const gone = decisions.filter((d) => d.action === 'replace' || d.action === 'remove');
    const writing = decisions
      .filter((d) => d.action === 'add' || d.action === 'replace')
      .map((d) => incoming.get(d.id)!);
    const written = writing.map(fromEntry);
    for (const { id } of gone) {
      for (const table of PLAN_TABLES) await deletePlanTable(db, table, id);
      await db.plans.delete(id);
    }
    const total = rowCount(writing);
    let done = 0;
    await db.plans.bulkAdd(written.map((w) => w.plan));
    done += written.length;
    onProgress(done, total);
    for (const table of PLAN_TABLES) {
      const rows: readonly unknown[] = written.flatMap((w) => w.rows[table] as unknown[]);
      if (table === 'measurements') {
        // All at once, so each month's pack is built once; progress comes per chunk of packs.
        const before = done;
        await addPlanRows(db, table, rows, (n) => onProgress((done = before + n), total));
        continue;
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        await addPlanRows(db, table, rows.slice(i, i + CHUNK));
        done += Math.min(CHUNK, rows.length - i);
        onProgress(done, total);
      }
    }
    const count = (action: string) => decisions.filter((d) => d.action === action).length;
    return {
      snapshotId,
      added: count('add'),
      replaced: count('replace'),
      removed: count('remove'),
    };
  });
}

/** The snapshots kept, newest first, without their contents. */
export async function listSnapshots(db: TalentloopDb): Promise<Omit<SnapshotRow, 'file'>[]> {
  const rows = await db.snapshots.orderBy('createdAt').reverse().toArray();
  return rows.map(({ file: _file, ...rest }) => rest);
}

/** A snapshot as a backup file, for download. */
export async function snapshotFile(db: TalentloopDb, id: string): Promise<BackupFile | undefined> {
  return (await db.snapshots.get(id))?.file;
}

/**
 * *Undo import*: puts the data of a snapshot back in place of everything stored, itself as an
 * import (so the state it replaces gets a snapshot of its own). The rows go back exactly as
 * they were stored, not re-checked: a record that was already damaged before the import must
 * not make the undo impossible (reads keep skipping and reporting it, as before).
 */
export async function restoreSnapshot(
  db: TalentloopDb,
  id: string,
  options: Omit<ImportOptions, 'consumeSnapshot'>,
): Promise<ImportResult> {
  const snapshot = await db.snapshots.get(id);
  if (!snapshot || !Array.isArray(snapshot.file?.data?.plans))
    throw new Error(`Snapshot ${id} not found`);
  return importBackup(db, snapshot.file, 'replace', { ...options, consumeSnapshot: id });
}
