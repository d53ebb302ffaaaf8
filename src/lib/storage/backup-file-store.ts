import { timestampSchema } from '$lib/schema/common';
import { request } from './db-info';

/*
 * The file the user keeps their backup in, remembered so that the next backup goes to the
 * same file in one click. A database of its own, not a table of the app's: it holds a file
 * handle that no backup, schema version or plan write should ever carry, and losing it costs
 * only one more choice of file.
 */
const DB = 'talentloop-files';
const STORE = 'files';
const KEY = 'backup';

/** What the File System Access API gives for a chosen file (the part the app uses). */
export type BackupFileHandle = {
  readonly name: string;
  createWritable(): Promise<{
    write(data: string): Promise<void>;
    close(): Promise<void>;
    abort(reason?: unknown): Promise<void>;
  }>;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
};

/** The last backup saved: to a chosen file (with its handle) or as a download. */
export type SavedBackupFile = {
  name: string;
  savedAt: string;
  how: 'file' | 'download';
  handle?: BackupFileHandle;
};

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error(`could not open ${DB}`));
  });
}

function isHandle(value: unknown): value is BackupFileHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { createWritable?: unknown }).createWritable === 'function'
  );
}

/** The stored record if it is one this build wrote; anything else counts as none. */
export function parseSavedFile(row: unknown): SavedBackupFile | null {
  if (typeof row !== 'object' || row === null) return null;
  const { name, savedAt, how, handle } = row as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return null;
  if (!timestampSchema.safeParse(savedAt).success) return null;
  if (how !== 'file' && how !== 'download') return null;
  const saved: SavedBackupFile = { name, savedAt: savedAt as string, how };
  if (how === 'file' && isHandle(handle)) saved.handle = handle;
  return saved;
}

/** The last backup file saved on this device, or null (none, unreadable, or no IndexedDB). */
export async function readSavedFile(): Promise<SavedBackupFile | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await open();
  try {
    const row: unknown = await request(db.transaction(STORE).objectStore(STORE).get(KEY));
    return parseSavedFile(row);
  } finally {
    db.close();
  }
}

/** Remembers the backup file just saved (a handle is stored as the browser clones it). */
export async function writeSavedFile(saved: SavedBackupFile): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(saved, KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('could not remember the backup file'));
      tx.onabort = () => reject(tx.error ?? new Error('could not remember the backup file'));
    });
  } finally {
    db.close();
  }
}
