import type { BackupFile } from '$lib/backup/format';
import type { SnapshotRow } from '$lib/schema/snapshot';
import { withStorage } from '$lib/storage/gateway';
import { nowStamp } from './today';

const backupRepo = () => import('$lib/storage/backup-repo');

/** A snapshot as listed (without its data). */
export type ListedSnapshot = Omit<SnapshotRow, 'file'>;

/** Every plan (or those in `planIds`) as a backup file, as stored now. */
export function exportBackup(planIds?: string[]): Promise<BackupFile> {
  return withStorage(backupRepo, (repo, db) => repo.exportBackup(db, nowStamp(), planIds));
}

/** The snapshots taken before imports, newest first, and how many are kept. */
export function listSnapshots(): Promise<{ snapshots: ListedSnapshot[]; kept: number }> {
  return withStorage(backupRepo, async (repo, db) => ({
    snapshots: await repo.listSnapshots(db),
    kept: repo.SNAPSHOTS_KEPT,
  }));
}

/** A snapshot's data as a backup file, for downloading it. */
export function snapshotFile(id: string): Promise<BackupFile | undefined> {
  return withStorage(backupRepo, (repo, db) => repo.snapshotFile(db, id));
}

/** Puts the data of a snapshot back (Undo import); what is there now is snapshotted first. */
export async function restoreSnapshot(id: string): Promise<void> {
  await withStorage(backupRepo, (repo, db) => repo.restoreSnapshot(db, id, { now: nowStamp() }));
}
