import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import {
  getDb,
  installedVersion,
  onDbEvent,
  resetDbForTests,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  TalentloopDb,
} from './db';
import * as dbInfo from './db-info';
import { resetPersistenceRequestForTests } from './persistence';
import { InvalidSettingError, loadSettings, saveSetting } from './settings-repo';

let db: TalentloopDb;

beforeEach(async () => {
  db = new TalentloopDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

describe('the list of schema versions', () => {
  it('is where SCHEMA_VERSION comes from: one version per entry, oldest first', () => {
    expect(SCHEMA_VERSIONS.length).toBe(SCHEMA_VERSION);
    expect(dbInfo.SCHEMA_VERSION).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSIONS[0]).toBe(SCHEMA_V1);
    expect(SCHEMA_VERSIONS[1]).toBe(SCHEMA_V2);
  });

  it('opens a new database at SCHEMA_VERSION, stored natively as SCHEMA_VERSION × 10', async () => {
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await installedVersion(db.name)).toBe(SCHEMA_VERSION * 10);
    // So the first page, which reads the version without Dexie, takes it for its own.
    expect(dbInfo.isNewer(SCHEMA_VERSION * 10)).toBe(false);
    expect(dbInfo.isNewer((SCHEMA_VERSION + 1) * 10)).toBe(true);
  });
});

describe('the current schema', () => {
  it('has every table, the measurement packs keyed by plan, KPI, channel and month', () => {
    const tables = db.tables.map((t) => t.name).sort();
    expect(tables).toEqual(
      [...new Set(SCHEMA_VERSIONS.flatMap((stores) => Object.keys(stores)))].sort(),
    );
    // [kpiId+start] is gone in version 3: the plan's range answers every query on the few
    // records of periods of a month or longer.
    const measurements = db.table('measurements').schema;
    expect(measurements.indexes.map((i) => i.name)).toEqual(['[planId+start]']);
    const packs = db.table('measurementPacks').schema;
    expect(packs.primKey.keyPath).toEqual(['planId', 'kpiId', 'channel', 'month']);
    expect(packs.indexes).toEqual([]);
  });

  it('finds period values by plan through [planId+start], and packs by a key range', async () => {
    const base = { source: 'manual' as const, start: '2026-01-01', end: '2026-01-31', value: 1 };
    await db.measurements.bulkAdd([
      { ...base, id: 'a', planId: 'p', kpiId: 'k1' },
      { ...base, id: 'b', planId: 'p', kpiId: 'k2', start: '2026-02-01', end: '2026-02-28' },
      { ...base, id: 'c', planId: 'q', kpiId: 'k3' },
    ]);
    expect(await db.measurements.where('planId').equals('p').primaryKeys()).toEqual(['a', 'b']);
    await db.measurements.where('planId').equals('p').delete();
    expect(await db.measurements.count()).toBe(1);
    const pack = { kpiId: 'k1', channel: '', ids: [], days: [], values: [], source: 'manual' };
    await db.measurementPacks.bulkAdd([
      { ...pack, planId: 'p', month: '2026-02' },
      { ...pack, planId: 'p', month: '2026-01' },
      { ...pack, planId: 'p', kpiId: 'k2', month: '2026-01' },
      { ...pack, planId: 'pq', month: '2026-01' },
    ] as never[]);
    const keys = await db.measurementPacks.where(':id').between(['p'], ['p', []]).primaryKeys();
    expect(keys).toEqual([
      ['p', 'k1', '', '2026-01'],
      ['p', 'k1', '', '2026-02'],
      ['p', 'k2', '', '2026-01'],
    ]);
  });
});

describe('settings', () => {
  beforeEach(() => resetPersistenceRequestForTests());

  it('returns the defaults on an empty database', async () => {
    const { settings, problems } = await loadSettings(db);
    expect(settings.backupReminderDays).toBe(14);
    expect(settings.defaultCurrency).toBe('EUR');
    expect(problems).toEqual([]);
  });

  it('stores a valid value and reads it back', async () => {
    await saveSetting(db, 'backupReminderDays', 30);
    const { settings } = await loadSettings(db);
    expect(settings.backupReminderDays).toBe(30);
  });

  it('refuses an invalid value and writes nothing', async () => {
    await saveSetting(db, 'backupReminderDays', 20);
    await expect(saveSetting(db, 'backupReminderDays', 0)).rejects.toBeInstanceOf(
      InvalidSettingError,
    );
    await expect(saveSetting(db, 'defaultCurrency', 'euro')).rejects.toBeInstanceOf(
      InvalidSettingError,
    );
    expect(await db.settings.toArray()).toEqual([{ key: 'backupReminderDays', value: 20 }]);
  });

  it('skips and reports corrupt rows, keeps the valid ones, and changes nothing stored', async () => {
    await db.settings.bulkPut([
      { key: 'backupReminderDays', value: 21 },
      { key: 'defaultCurrency', value: 42 } as never,
      { key: 'fromTheFuture', value: true } as never,
    ]);
    const before = await db.settings.toArray();
    const { settings, problems } = await loadSettings(db);
    expect(settings.backupReminderDays).toBe(21);
    expect(settings.defaultCurrency).toBe('EUR');
    expect(problems.map((p) => p.key).sort()).toEqual(['defaultCurrency', 'fromTheFuture']);
    expect(problems.find((p) => p.key === 'defaultCurrency')?.issues[0]?.path).toBe('value');
    expect(await db.settings.toArray()).toEqual(before);
  });

  it('asks the browser for persistent storage after the first write only', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    const persisted = vi.fn().mockResolvedValue(false);
    vi.stubGlobal('navigator', { storage: { persist, persisted } });
    try {
      await saveSetting(db, 'backupReminderDays', 15);
      await saveSetting(db, 'backupReminderDays', 16);
      await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('getDb', () => {
  afterEach(() => resetDbForTests());

  it('is safe to import without IndexedDB and says so when called', () => {
    vi.stubGlobal('indexedDB', undefined);
    try {
      expect(() => getDb()).toThrow('IndexedDB is not available');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('closes and reports "outdated" when another connection upgrades the database', async () => {
    const events: string[] = [];
    const off = onDbEvent((e) => events.push(e));
    const app = getDb();
    await app.open();
    const current = app.verno;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(app.name, current * 10 + 10);
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked'));
    });
    expect(events).toEqual(['outdated']);
    expect(app.isOpen()).toBe(false);
    off();
    await app.delete({ disableAutoOpen: true }).catch(() => undefined);
    await new Promise((resolve) => {
      indexedDB.deleteDatabase(app.name).onsuccess = resolve;
    });
  });
});

describe('schema version 2', () => {
  it('upgrades a version 1 database in place: its rows stay, the snapshots table is added', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('settings').put({ key: 'backupReminderDays', value: 9 });
    const value = { id: 'm', planId: 'p', kpiId: 'k', start: '2026-01-01', end: '2026-01-31' };
    await old.table('measurements').put({ ...value, value: 4, source: 'manual' });
    old.close();
    expect(await installedVersion(name)).toBe(10);
    const upgraded = new TalentloopDb(name);
    expect(await upgraded.openUnlessNewer()).toBe('opened');
    expect(await upgraded.settings.toArray()).toEqual([{ key: 'backupReminderDays', value: 9 }]);
    expect(await upgraded.snapshots.count()).toBe(0);
    expect(await upgraded.measurements.where('planId').equals('p').primaryKeys()).toEqual(['m']);
    expect(await installedVersion(name)).toBe(SCHEMA_VERSION * 10);
    await upgraded.delete();
  });
});

describe('a database from a newer build', () => {
  it('is recognised after opening, so the app leaves it alone', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 9990);
      open.onupgradeneeded = () => open.result.createObjectStore('settings', { keyPath: 'key' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const newer = new TalentloopDb(name);
    expect(await newer.openUnlessNewer()).toBe('newer');
    expect(newer.isOpen()).toBe(false);
    // Untouched: still the newer build's version with only its own table.
    expect(await installedVersion(name)).toBe(9990);
    await new Promise((resolve) => {
      indexedDB.deleteDatabase(name).onsuccess = resolve;
    });
  });

  it('opens a database of this version or none at all', async () => {
    const name = `fresh-${crypto.randomUUID()}`;
    const fresh = new TalentloopDb(name);
    expect(await fresh.openUnlessNewer()).toBe('opened');
    fresh.close();
    expect(await new TalentloopDb(name).openUnlessNewer()).toBe('opened');
    await new TalentloopDb(name).delete();
  });
});
