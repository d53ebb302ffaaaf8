import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settingDefaults } from '$lib/schema/settings';
import { DB_NAME } from '$lib/storage/db-info';
import { InvalidSettingError, loadSettings, saveSetting } from '$lib/storage/settings-repo';
import { appStatus } from './app-status.svelte';
import { settingsState } from './settings.svelte';
import { appDb, useAppDb } from './test-support';
import type { TabMessage } from './tab-sync';

useAppDb();
beforeEach(() => {
  settingsState.values = { ...settingDefaults };
  settingsState.loaded = false;
});

/** A database written by a newer build (version 99, stored by Dexie as 990). */
function newerDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 990);
    open.onupgradeneeded = () => open.result.createObjectStore('settings', { keyPath: 'key' });
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
}

describe('settingsState.ensureLoaded', () => {
  it('loads the stored settings once, defaults for invalid rows, and reports those', async () => {
    const db = await appDb();
    await saveSetting(db, 'backupReminderDays', 30);
    await db.settings.put({ key: 'defaultCurrency', value: 'euro' });
    await settingsState.ensureLoaded();
    expect(settingsState.loaded).toBe(true);
    expect(settingsState.values).toEqual({ ...settingDefaults, backupReminderDays: 30 });
    expect(appStatus.problems.map((p) => [p.where, p.key])).toEqual([
      ['settings', 'defaultCurrency'],
    ]);
    // Once: a later change on disk is not read again by ensureLoaded.
    await saveSetting(db, 'backupReminderDays', 40);
    await settingsState.ensureLoaded();
    expect(settingsState.values.backupReminderDays).toBe(30);
  });

  it('reports, and does not throw, when the database cannot be used', async () => {
    // A fresh copy of the state modules: ensureLoaded runs once per page life.
    await newerDatabase();
    vi.resetModules();
    const fresh = await import('./settings.svelte');
    const status = await import('./app-status.svelte');
    await expect(fresh.settingsState.ensureLoaded()).resolves.toBeUndefined();
    expect(fresh.settingsState.loaded).toBe(false);
    expect(fresh.settingsState.values).toEqual(settingDefaults);
    expect(status.appStatus.dbState).toBe('newer');
  });
});

describe('settingsState.load', () => {
  it('reads the settings again from the database', async () => {
    const db = await appDb();
    await saveSetting(db, 'defaultCurrency', 'USD');
    await settingsState.load(db);
    expect(settingsState.values.defaultCurrency).toBe('USD');
    expect(settingsState.loaded).toBe(true);
    expect(appStatus.problems).toEqual([]);
  });
});

describe('settingsState.save', () => {
  it('stores a valid value and shows it', async () => {
    const db = await appDb();
    await settingsState.save('backupReminderDays', 7);
    expect(settingsState.values.backupReminderDays).toBe(7);
    expect((await loadSettings(db)).settings.backupReminderDays).toBe(7);
  });

  it('refuses an invalid value: nothing stored, nothing shown', async () => {
    const db = await appDb();
    await expect(settingsState.save('backupReminderDays', 0)).rejects.toBeInstanceOf(
      InvalidSettingError,
    );
    expect(settingsState.values.backupReminderDays).toBe(14);
    expect(await db.settings.count()).toBe(0);
  });

  it("throws 'unavailable' when the database cannot be used", async () => {
    await newerDatabase();
    await expect(settingsState.save('backupReminderDays', 7)).rejects.toThrow('unavailable');
    expect(settingsState.values.backupReminderDays).toBe(14);
  });
});

describe('settingsState between tabs', () => {
  it('tells the other tabs a saved setting, and shows one another tab saved', async () => {
    await appDb();
    const other = new BroadcastChannel('talentloop');
    const heard = new Promise<TabMessage>((resolve) => {
      other.onmessage = (event: MessageEvent<TabMessage>) => resolve(event.data);
    });
    await settingsState.save('backupReminderDays', 21);
    expect(await heard).toEqual({ kind: 'setting', key: 'backupReminderDays', value: 21 });
    other.postMessage({
      kind: 'setting',
      key: 'backupReminderDays',
      value: 9,
    } satisfies TabMessage);
    await vi.waitFor(() => expect(settingsState.values.backupReminderDays).toBe(9));
    // A key this build does not know is not taken over.
    other.postMessage({ kind: 'setting', key: 'unknownKey', value: 1 } satisfies TabMessage);
    other.postMessage({
      kind: 'setting',
      key: 'backupReminderDays',
      value: 10,
    } satisfies TabMessage);
    await vi.waitFor(() => expect(settingsState.values.backupReminderDays).toBe(10));
    expect(settingsState.values).not.toHaveProperty('unknownKey');
    other.close();
  });
});
