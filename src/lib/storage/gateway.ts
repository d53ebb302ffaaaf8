import type { TalentloopDb } from './db';

/** Where the app's database stands. */
export type StorageState = 'opening' | 'ready' | 'outdated' | 'blocked' | 'newer' | 'failed';

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
  state = next;
  for (const listener of listeners) listener(next, error);
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
    if ((await db.openUnlessNewer()) === 'newer') {
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
}
