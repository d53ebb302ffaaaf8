import type { TalentloopDb } from './db';

/**
 * Where the app's database stands. `outdated`: another tab upgraded it and this tab's
 * connection closed; `deleted`: another tab (or clearing the site's data) deleted it.
 */
export type StorageState =
  'opening' | 'ready' | 'outdated' | 'deleted' | 'blocked' | 'newer' | 'failed';

/** The database cannot be used now; `state` says why (the UI words it). */
export class StorageUnavailableError extends Error {
  constructor(
    readonly state: Exclude<StorageState, 'ready'>,
    readonly reason?: unknown,
  ) {
    super(`Storage unavailable (${state})`);
    this.name = 'StorageUnavailableError';
  }
}

type Listener = (state: StorageState, error?: unknown) => void;
const listeners = new Set<Listener>();
let state: StorageState = 'opening';
let opening: Promise<TalentloopDb | undefined> | undefined;

function set(next: StorageState, error?: unknown): void {
  // A deleted database stays deleted for this tab: the connection closing after it is no
  // upgrade ('outdated'), whichever of the two is heard first.
  if (state === 'deleted' && next === 'outdated') return;
  state = next;
  for (const listener of listeners) listener(next, error);
}

/**
 * How long the browser's storage may take to answer before the user is told it does not: an
 * `indexedDB.open()` can wait without end behind another tab (a deletion or an upgrade that
 * tab blocks), and "Loading…" alone would then show forever.
 */
export const STORAGE_TIMEOUT_MS = 10_000;

const stallListeners = new Set<(stalled: boolean) => void>();
let late = 0;

/** Follows whether a request to the browser's storage has gone unanswered too long. */
export function onStorageStall(listener: (stalled: boolean) => void): () => void {
  stallListeners.add(listener);
  return () => stallListeners.delete(listener);
}

/**
 * `work` (a request to the browser's storage) as it is, reported as stalled while it takes
 * longer than STORAGE_TIMEOUT_MS: the wait goes on, and the report ends when it settles.
 */
export function watchStorage<T>(work: Promise<T>): Promise<T> {
  let stalled = false;
  const tell = (value: boolean) => {
    for (const listener of stallListeners) listener(value);
  };
  const timer = setTimeout(() => {
    stalled = true;
    if (late++ === 0) tell(true);
  }, STORAGE_TIMEOUT_MS);
  const settled = () => {
    clearTimeout(timer);
    if (stalled && --late === 0) tell(false);
  };
  work.then(settled, settled);
  return work;
}

/** Follows the database's state (opened, closed by another tab's upgrade, failed…). */
export function onStorageState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function open(): Promise<TalentloopDb | undefined> {
  try {
    // Dexie is loaded on first use: the first page renders without its 30 KB.
    const { getDb, onDbEvent } = await import('./db');
    onDbEvent((event) => set(event));
    const db = getDb();
    // A deletion elsewhere closes this connection like an upgrade does (db.ts reports
    // 'outdated'); it has no new version. Not returning false lets db.ts close the connection.
    db.on('versionchange', (event) => {
      if (event.newVersion === null) set('deleted');
    });
    if ((await watchStorage(db.openUnlessNewer())) === 'newer') {
      set('newer');
      return undefined;
    }
    set('ready');
    return db;
  } catch (error) {
    if (error instanceof Error && error.name === 'VersionError') set('newer');
    else set('failed', error);
    return undefined;
  }
}

/**
 * The one way into the database: opens it once (lazily), and from then on gives it while it is
 * usable; otherwise rejects with a StorageUnavailableError saying why.
 */
export async function openStorage(): Promise<TalentloopDb> {
  opening ??= open();
  const db = await opening;
  if (!db || state !== 'ready')
    throw new StorageUnavailableError(state === 'ready' ? 'failed' : state);
  return db;
}

/**
 * Runs `work` with a repository module (loaded lazily, so its code arrives only when used) and
 * the open database: `withStorage(() => import('./plans-repo'), (repo, db) => repo.x(db))`.
 */
export async function withStorage<R, T>(
  load: () => Promise<R>,
  work: (repo: R, db: TalentloopDb) => Promise<T>,
): Promise<T> {
  const [repo, db] = await Promise.all([load(), openStorage()]);
  return work(repo, db);
}

/** For tests: forget the opened database and the state. */
export function resetStorageForTests(): void {
  opening = undefined;
  state = 'opening';
  late = 0;
}
