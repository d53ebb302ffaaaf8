import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, getDb, installedVersion, resetDbForTests, SCHEMA_VERSION } from './db';
import {
  onStorageStall,
  onStorageState,
  openStorage,
  resetStorageForTests,
  STORAGE_TIMEOUT_MS,
  StorageUnavailableError,
  watchStorage,
  withStorage,
  type StorageState,
} from './gateway';
import { PLAN_INPUT, rejection, T0 } from './test-support';

/** Deletes a database by name (the app's own one included). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

/** Opens database `name` at native version `version` with plain IndexedDB, then closes it. */
function createAtVersion(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains('settings'))
        open.result.createObjectStore('settings', { keyPath: 'key' });
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onblocked = () => reject(new Error('blocked'));
  });
}

let states: StorageState[];
let off: () => void;

beforeEach(() => {
  resetDbForTests();
  resetStorageForTests();
  states = [];
  off = onStorageState((state) => states.push(state));
});

afterEach(async () => {
  off();
  resetDbForTests();
  resetStorageForTests();
  await deleteDatabase(DB_NAME);
});

describe('openStorage', () => {
  it("opens the app's database once and gives it while it is usable", async () => {
    const db = await openStorage();
    expect(db).toBe(getDb());
    expect(db.name).toBe(DB_NAME);
    expect(db.isOpen()).toBe(true);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await openStorage()).toBe(db);
    expect(states).toEqual(['ready']);
  });

  it("refuses a database written by a newer build with the state 'newer' and leaves it alone", async () => {
    await createAtVersion(DB_NAME, (SCHEMA_VERSION + 1) * 10);

    const error = await rejection(openStorage());

    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).state).toBe('newer');
    expect((error as Error).message).toBe('Storage unavailable (newer)');
    expect(states).toEqual(['newer']);
    expect(getDb().isOpen()).toBe(false);
    expect(await installedVersion(DB_NAME)).toBe((SCHEMA_VERSION + 1) * 10);
    // It stays refused: the opening is not tried again in this page.
    expect(await rejection(openStorage())).toMatchObject({ state: 'newer' });
  });

  it("says 'outdated' once another tab upgraded the database and this one closed", async () => {
    const db = await openStorage();
    await createAtVersion(DB_NAME, db.verno * 10 + 10);

    // 'outdated' may be heard more than once: resetStorageForTests does not unsubscribe the
    // database listeners of earlier openings (one opening per page outside tests).
    expect(states[0]).toBe('ready');
    expect(new Set(states.slice(1))).toEqual(new Set(['outdated']));
    expect(db.isOpen()).toBe(false);
    const error = await rejection(openStorage());
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).state).toBe('outdated');
  });

  it("says 'deleted', not 'outdated', once another tab deleted the database", async () => {
    const db = await openStorage();
    await deleteDatabase(DB_NAME);

    expect(states[0]).toBe('ready');
    expect(states.at(-1)).toBe('deleted');
    expect(states).not.toContain('outdated');
    expect(db.isOpen()).toBe(false);
    expect(await rejection(openStorage())).toMatchObject({
      name: 'StorageUnavailableError',
      state: 'deleted',
    });
  });

  it("says 'failed' with the reason when there is no IndexedDB", async () => {
    const reasons: unknown[] = [];
    const offReason = onStorageState((_, reason) => reasons.push(reason));
    vi.stubGlobal('indexedDB', undefined);
    try {
      const error = await rejection(openStorage());
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as StorageUnavailableError).state).toBe('failed');
    } finally {
      vi.unstubAllGlobals();
      offReason();
    }
    expect(states).toEqual(['failed']);
    expect((reasons[0] as Error).message).toContain('IndexedDB is not available');
  });
});

describe('withStorage', () => {
  it('loads the repository module and gives it the open database', async () => {
    const created = await withStorage(
      () => import('./plans-repo'),
      (repo, db) => repo.createPlan(db, PLAN_INPUT, [], T0),
    );
    const db = getDb();
    expect(await db.plans.get(created.plan.id)).toEqual(created.plan);
    expect(await db.loops.get(created.loop.id)).toEqual(created.loop);
    const read = await withStorage(
      () => import('./plans-repo'),
      (repo, same) => {
        expect(same).toBe(db);
        return repo.getPlan(same, created.plan.id);
      },
    );
    expect(read).toEqual(created.plan);
    expect(states).toEqual(['ready']);
  });

  it('runs no work when the database cannot be used', async () => {
    await createAtVersion(DB_NAME, (SCHEMA_VERSION + 1) * 10);
    const work = vi.fn(async () => 'never');
    const error = await rejection(withStorage(() => import('./plans-repo'), work));
    expect(error).toMatchObject({ name: 'StorageUnavailableError', state: 'newer' });
    expect(work).not.toHaveBeenCalled();
  });
});

describe('watchStorage', () => {
  let heard: boolean[];
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    heard = [];
    stop = onStorageStall((stalled) => heard.push(stalled));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  /** A request to storage that settles only when told to. */
  function pending<T>() {
    let settle!: (value: T) => void;
    let refuse!: (error: unknown) => void;
    const promise = new Promise<T>((resolve, reject) => {
      settle = resolve;
      refuse = reject;
    });
    return { promise, settle, refuse };
  }

  it('reports a request unanswered after the timeout as stalled, and keeps waiting for it', async () => {
    const open = pending<string>();
    const watched = watchStorage(open.promise);
    await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS - 1);
    expect(heard).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(heard).toEqual([true]);
    // Much later the browser answers: the same result arrives, and the report ends.
    await vi.advanceTimersByTimeAsync(60_000);
    open.settle('opened');
    expect(await watched).toBe('opened');
    expect(heard).toEqual([true, false]);
  });

  it('says nothing about a request answered in time, and passes a refusal on', async () => {
    const quick = pending<string>();
    const watched = watchStorage(quick.promise);
    await vi.advanceTimersByTimeAsync(100);
    quick.settle('done');
    expect(await watched).toBe('done');
    const refused = pending<string>();
    const failing = watchStorage(refused.promise);
    refused.refuse(new Error('VersionError'));
    expect(await rejection(failing)).toMatchObject({ message: 'VersionError' });
    await vi.advanceTimersByTimeAsync(2 * STORAGE_TIMEOUT_MS);
    expect(heard).toEqual([]);
  });

  it('stays stalled while any of several late requests still waits', async () => {
    const first = pending<number>();
    const second = pending<number>();
    void watchStorage(first.promise);
    void watchStorage(second.promise);
    await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS);
    expect(heard).toEqual([true]);
    first.settle(1);
    await first.promise;
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual([true]);
    second.settle(2);
    await second.promise;
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual([true, false]);
  });
});

describe('onStorageState', () => {
  it('stops telling a listener once it unsubscribed', async () => {
    const heard: StorageState[] = [];
    const stop = onStorageState((state) => heard.push(state));
    stop();
    await openStorage();
    expect(heard).toEqual([]);
    expect(states).toEqual(['ready']);
  });
});
