import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredDataProblem } from '$lib/schema/issues';
import { DB_NAME } from '$lib/storage/db-info';
import { STORAGE_TIMEOUT_MS, StorageUnavailableError, watchStorage } from '$lib/storage/gateway';
import { appStatus, notLongerThanStorage } from './app-status.svelte';
import { appDb, useAppDb } from './test-support';

useAppDb();
afterEach(() => {
  vi.unstubAllGlobals();
});

const problem = (key: string): StoredDataProblem => ({
  area: 'indexedDB',
  where: 'kpis',
  key,
  issues: [{ path: 'pillar', message: 'error.invalidValue' }],
});

/** Another tab opens a newer version of the database: this tab's connection is closed. */
function upgradeElsewhere(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 990);
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
}

describe('appStatus.report', () => {
  it('adds the problems and shows the notice again', () => {
    appStatus.report([problem('a')]);
    appStatus.problemsDismissed = true;
    appStatus.report([]);
    expect(appStatus.problemsDismissed).toBe(true);
    appStatus.report([problem('b')]);
    expect(appStatus.problems.map((p) => p.key)).toEqual(['a', 'b']);
    expect(appStatus.problemsDismissed).toBe(false);
  });
});

describe('appStatus.stalled', () => {
  it('is set while a request to storage waits longer than the timeout, and cleared when it is answered', async () => {
    vi.useFakeTimers();
    try {
      let answer!: () => void;
      const request = watchStorage(new Promise<void>((resolve) => (answer = resolve)));
      await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS - 1);
      expect(appStatus.stalled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(appStatus.stalled).toBe(true);
      answer();
      await request;
      expect(appStatus.stalled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('notLongerThanStorage', () => {
  it('gives what the work gives in time, and the fallback once storage took too long', async () => {
    vi.useFakeTimers();
    try {
      expect(await notLongerThanStorage(Promise.resolve('read'), () => 'late')).toBe('read');
      let answer!: (value: string) => void;
      const work = new Promise<string>((resolve) => (answer = resolve));
      let given: string | undefined;
      void notLongerThanStorage(work, () => 'late').then((value) => (given = value));
      await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS - 1);
      expect(given).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(given).toBe('late');
      // The work goes on and is still answered.
      answer('read');
      expect(await work).toBe('read');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('appStatus.fail', () => {
  it('records a failure with its name and message', () => {
    appStatus.fail(new TypeError('boom'));
    expect(appStatus.dbState).toBe('failed');
    expect(appStatus.dbError).toBe('TypeError: boom');
    appStatus.fail('plain text');
    expect(appStatus.dbError).toBe('plain text');
  });

  it('ignores a storage refusal whose state was already reported, but not a failed one', () => {
    appStatus.dbState = 'ready';
    appStatus.fail(new StorageUnavailableError('blocked'));
    expect(appStatus.dbState).toBe('ready');
    appStatus.fail(new StorageUnavailableError('failed', new Error('quota')));
    expect(appStatus.dbState).toBe('failed');
    expect(appStatus.dbError).toBe('StorageUnavailableError: Storage unavailable (failed)');
  });

  it("does not overwrite 'outdated' (another tab upgraded the database) with a later failure", async () => {
    await appDb();
    expect(appStatus.dbState).toBe('ready');
    await upgradeElsewhere();
    expect(appStatus.dbState).toBe('outdated');
    appStatus.fail(new Error('DatabaseClosedError'));
    expect(appStatus.dbState).toBe('outdated');
    expect(appStatus.dbError).toBe('');
    expect(await appStatus.openDb()).toBeUndefined();
  });

  it("says 'deleted' when another tab deleted the database, and keeps saying it", async () => {
    await appDb();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    expect(appStatus.dbState).toBe('deleted');
    appStatus.fail(new Error('DatabaseClosedError'));
    expect(appStatus.dbState).toBe('deleted');
    expect(await appStatus.openDb()).toBeUndefined();
  });

  it("does not overwrite 'newer' with a later failure", () => {
    appStatus.dbState = 'newer';
    appStatus.fail(new Error('x'));
    expect(appStatus.dbState).toBe('newer');
  });
});

describe('appStatus.openDb', () => {
  it("gives the database and follows the gateway to 'ready'", async () => {
    expect(appStatus.dbState).toBe('opening');
    const db = await appStatus.openDb();
    expect(db?.isOpen()).toBe(true);
    expect(appStatus.dbState).toBe('ready');
  });

  it('gives undefined when the database cannot be used', async () => {
    await appDb();
    await upgradeElsewhere();
    await expect(appStatus.openDb()).resolves.toBeUndefined();
  });
});

describe('appStatus.storageInfo', () => {
  it('reports what the browser says about persistence and space', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: () => Promise.resolve(true),
        estimate: () => Promise.resolve({ usage: 1_000, quota: 50_000 }),
      },
    });
    expect(await appStatus.storageInfo()).toEqual({
      persisted: true,
      usageBytes: 1_000,
      quotaBytes: 50_000,
    });
  });

  it('says it does not know where the browser cannot tell', async () => {
    vi.stubGlobal('navigator', undefined);
    expect(await appStatus.storageInfo()).toEqual({
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    });
  });
});
