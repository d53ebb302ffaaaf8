import { SCHEMA_VERSIONS } from './schema-versions';

/**
 * What the app knows about its database without loading Dexie: its name, the newest schema
 * version this build knows, and how to read the version on disk. The first page uses this
 * to list plans without the 30 KB of Dexie; everything that writes goes through db.ts.
 */
export const DB_NAME = 'talentloop';

/** The newest schema version this build knows: the length of the append-only version list. */
export const SCHEMA_VERSION: number = SCHEMA_VERSIONS.length;

/** The native version of database `name` on disk, or null when absent or unknowable. */
export async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((info) => info.name === name);
  return found?.version ?? null;
}

/** Whether a native version was written by a newer build (Dexie stores version n as n × 10). */
export function isNewer(nativeVersion: number): boolean {
  return Math.floor(nativeVersion / 10) > SCHEMA_VERSION;
}

/** A plain IndexedDB request as a promise (for the reads that do without Dexie). */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens the database as it is, read-only in spirit: never creates it (a missing database is
 * an empty list) and never upgrades it. Null when there is nothing to read.
 */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => {
      // The database did not exist: abort, so that opening it does not create it.
      open.transaction?.abort();
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = (event) => {
      if (open.error?.name === 'AbortError') {
        event.preventDefault();
        resolve(null);
      } else reject(open.error ?? new Error('IndexedDB open failed'));
    };
  });
}
