import { backupFileName, type BackupFile } from '$lib/backup/format';
import type { StoredDataProblem } from '$lib/schema/issues';
import type { SnapshotRow } from '$lib/schema/snapshot';
import {
  readSavedFile,
  writeSavedFile,
  type BackupFileHandle,
  type SavedBackupFile,
} from '$lib/storage/backup-file-store';
import { withStorage } from '$lib/storage/gateway';
import { announce } from './tab-sync';
import { nowStamp } from './today';

const backupRepo = () => import('$lib/storage/backup-repo');

/** A snapshot as listed (without its data). */
export type ListedSnapshot = Omit<SnapshotRow, 'file'>;

/** Every plan (or those in `planIds`) as a backup file, as stored now. */
export function exportBackup(planIds?: string[]): Promise<BackupFile> {
  return withStorage(backupRepo, (repo, db) => repo.exportBackup(db, nowStamp(), planIds));
}

/**
 * `exportBackup`, and its records that fail their schema (damaged since they were written):
 * what a download checks instead of the whole file (see exportBackupChecked).
 */
export function exportBackupChecked(
  planIds?: string[],
): Promise<{ file: BackupFile; problems: StoredDataProblem[] }> {
  return withStorage(backupRepo, (repo, db) => repo.exportBackupChecked(db, nowStamp(), planIds));
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
  // Other tabs read their plans again: a restore changes them as a whole.
  announce({ kind: 'plans' });
}

/** The save dialog of the File System Access API (`showSaveFilePicker`), where a browser has it. */
export type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
  id: string;
  startIn?: BackupFileHandle | 'documents';
}) => Promise<BackupFileHandle>;

/** The browser's save dialog, or undefined where it has none (Firefox, Safari). */
export function savePicker(scope: object = globalThis): SaveFilePicker | undefined {
  const picker = (scope as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  return typeof picker === 'function' ? (picker.bind(scope) as SaveFilePicker) : undefined;
}

/**
 * Where a backup goes: the file it was saved to last time (one click), a file the user
 * chooses now, or, where the browser cannot write to a chosen file, a download.
 */
export type SaveRoute = 'sameFile' | 'chooseFile' | 'download';

/** The route for a click: `another` is the *Choose another file* button. */
export function saveRoute(
  canChoose: boolean,
  remembered: SavedBackupFile | null,
  another: boolean,
): SaveRoute {
  if (!canChoose) return 'download';
  return remembered?.handle && !another ? 'sameFile' : 'chooseFile';
}

/** The name the save dialog suggests: one file kept up to date, so no date in it. */
export const KEPT_FILE_NAME = 'talentloop-backup.json';

export type SaveOutcome =
  | { saved: SavedBackupFile; backup: BackupFile }
  /** The user closed the save dialog: nothing happened. */
  | { cancelled: true }
  /** The browser (or the user) did not allow writing to the remembered file. */
  | { denied: string };

export type SaveDeps = {
  route: SaveRoute;
  remembered: SavedBackupFile | null;
  picker?: SaveFilePicker;
  /** The backup to save (read when the file is known, so a dialog never waits for it). */
  make: () => Promise<BackupFile>;
  download: (name: string, text: string) => void;
  /** The file type's name in the save dialog. */
  description: string;
  now: () => string;
  today: () => string;
};

async function mayWrite(handle: BackupFileHandle): Promise<boolean> {
  const mode = { mode: 'readwrite' } as const;
  if (!handle.queryPermission || (await handle.queryPermission(mode)) === 'granted') return true;
  // The click that got here is the user's gesture the browser asks for.
  return (await handle.requestPermission?.(mode)) === 'granted';
}

/** Writes `text` as the whole file; a failed write leaves the file as it was. */
async function writeWhole(handle: BackupFileHandle, text: string): Promise<void> {
  // The browser writes to a copy and puts it in place on close: a failure loses nothing.
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/**
 * Saves a backup of every plan by `route`. The file is chosen (or its permission asked)
 * before the backup is read, while the click still counts as the user's gesture. A dialog
 * the browser refuses (a policy, a frame) falls back to a download, which always works.
 */
export async function saveBackupFile(deps: SaveDeps): Promise<SaveOutcome> {
  let handle: BackupFileHandle | undefined;
  if (deps.route === 'sameFile' && deps.remembered?.handle) {
    handle = deps.remembered.handle;
    if (!(await mayWrite(handle))) return { denied: handle.name };
  } else if (deps.route !== 'download' && deps.picker) {
    try {
      handle = await deps.picker({
        suggestedName: KEPT_FILE_NAME,
        types: [{ description: deps.description, accept: { 'application/json': ['.json'] } }],
        id: 'talentloop-backup',
        startIn: deps.remembered?.handle ?? 'documents',
      });
    } catch (error) {
      if ((error as { name?: unknown })?.name === 'AbortError') return { cancelled: true };
      handle = undefined;
    }
  }
  const backup = await deps.make();
  const text = JSON.stringify(backup);
  const savedAt = deps.now();
  if (handle) {
    await writeWhole(handle, text);
    return { saved: { name: handle.name, savedAt, how: 'file', handle }, backup };
  }
  const name = backupFileName(deps.today());
  deps.download(name, text);
  return { saved: { name, savedAt, how: 'download' }, backup };
}

/** The last backup file saved on this device (null when none or unreadable). */
export async function lastSavedFile(): Promise<SavedBackupFile | null> {
  try {
    return await readSavedFile();
  } catch {
    return null;
  }
}

/** Remembers the file a backup was just saved to (for the next click and the date shown). */
export function rememberSavedFile(saved: SavedBackupFile): Promise<void> {
  return writeSavedFile(saved);
}
