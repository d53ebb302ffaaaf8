import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exampleData } from '$lib/domain/example';
import { exportBackup, importBackup, restoreSnapshot } from './backup-repo';
import type { TalentloopDb } from './db';
import { createExamplePlan } from './example-repo';
import { importValues } from './import-repo';
import {
  onPersistenceAnswer,
  requestPersistenceOnce,
  resetPersistenceRequestForTests,
} from './persistence';
import { duplicatePlan } from './plan-copy';
import { createPlan, deletePlan, updatePlan } from './plans-repo';
import { saveSetting } from './settings-repo';
import { saveValues } from './values-repo';
import { drafts, PLAN_INPUT, useTestDb } from './test-support';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-03-01T09:00:00.000Z';

/** The browser's StorageManager, answering `granted` to a request. */
function stubStorage(granted: boolean | 'throws') {
  const storage = {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => {
      if (granted === 'throws') throw new Error('no');
      return granted;
    }),
  };
  vi.stubGlobal('navigator', { userAgent: 'node', storage });
  return storage;
}

beforeEach(() => {
  resetPersistenceRequestForTests();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestPersistenceOnce', () => {
  it('asks once per page life and tells every listener the answer', async () => {
    const storage = stubStorage(false);
    const early: (boolean | null)[] = [];
    onPersistenceAnswer((answer) => early.push(answer));
    expect(await requestPersistenceOnce()).toBe(false);
    expect(await requestPersistenceOnce()).toBeNull();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(early).toEqual([false]);
    // A listener that comes later (the shell mounts after a write) hears the answer at once.
    const late: (boolean | null)[] = [];
    const stop = onPersistenceAnswer((answer) => late.push(answer));
    expect(late).toEqual([false]);
    stop();
  });

  it('does not ask again when the data is already kept', async () => {
    const storage = stubStorage(false);
    storage.persisted.mockResolvedValue(true);
    expect(await requestPersistenceOnce()).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('answers null where the browser cannot say (no API, or it throws)', async () => {
    vi.stubGlobal('navigator', { userAgent: 'node' });
    expect(await requestPersistenceOnce()).toBeNull();
    resetPersistenceRequestForTests();
    stubStorage('throws');
    const heard: (boolean | null)[] = [];
    onPersistenceAnswer((answer) => heard.push(answer));
    expect(await requestPersistenceOnce()).toBeNull();
    expect(heard).toEqual([null]);
  });
});

describe('every kind of first write asks for persistent storage', () => {
  /** Runs `first` as the first write of a page life and says whether it asked. */
  async function asks(first: () => Promise<unknown>): Promise<boolean> {
    resetPersistenceRequestForTests();
    const storage = stubStorage(true);
    await first();
    // The request is started beside the write, not awaited by it.
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalled());
    return storage.persist.mock.calls.length === 1;
  }

  async function plan() {
    const created = await createPlan(db, PLAN_INPUT, drafts('impressions'), T0);
    const [kpi] = await db.kpis.toArray();
    return { planId: created.plan.id, kpiId: kpi!.id };
  }

  it('a restore of a backup into an empty browser', async () => {
    const { planId } = await plan();
    const backup = await exportBackup(db, T0);
    await deletePlan(db, planId);
    expect(await asks(() => importBackup(db, backup, 'replace', { now: T0 }))).toBe(true);
    expect(await db.plans.count()).toBe(1);
  });

  it('an undo of an import (a snapshot put back)', async () => {
    const { planId } = await plan();
    const backup = await exportBackup(db, T0);
    const { snapshotId } = await importBackup(db, backup, 'merge', { now: T0 });
    expect(await asks(() => restoreSnapshot(db, snapshotId, { now: T0 }))).toBe(true);
    expect(await db.plans.get(planId)).toBeDefined();
  });

  it('a new plan, the example, a copy, a rename and a deletion', async () => {
    expect(await asks(() => createPlan(db, PLAN_INPUT, drafts('hires'), T0))).toBe(true);
    expect(await asks(() => createExamplePlan(db, exampleData('2026-03-01', 'en'), T0))).toBe(true);
    const { planId } = await plan();
    expect(await asks(() => duplicatePlan(db, planId, 'Copy', T0))).toBe(true);
    expect(await asks(() => updatePlan(db, planId, { organisation: 'Renamed' }, T0))).toBe(true);
    expect(await asks(() => deletePlan(db, planId))).toBe(true);
  });

  it('a setting, a typed value and a CSV import', async () => {
    expect(await asks(() => saveSetting(db, 'backupReminderDays', 30))).toBe(true);
    const { planId, kpiId } = await plan();
    const value = { kpiId, start: '2026-01-01', end: '2026-01-01', value: 5 };
    expect(await asks(() => saveValues(db, planId, [value], T0))).toBe(true);
    const write = { ...value, start: '2026-01-02', end: '2026-01-02', existing: null };
    expect(
      await asks(() =>
        importValues(db, planId, [write], { conflicts: 'replace', source: 'ads', now: T0 }),
      ),
    ).toBe(true);
  });
});
