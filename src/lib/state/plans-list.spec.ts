import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingDefaults } from '$lib/schema/settings';
import { DB_NAME } from '$lib/storage/db-info';
import { PLAN_TABLES } from '$lib/storage/plans-repo';
import { saveSetting } from '$lib/storage/settings-repo';
import { appStatus } from './app-status.svelte';
import { plansList } from './plans-list.svelte';
import { appDb, drafts, dumpTables, EXAMPLE_TODAY, PLAN_INPUT, useAppDb } from './test-support';

useAppDb();

beforeEach(() => {
  plansList.plans = undefined;
  plansList.unreadable = null;
  plansList.settings = settingDefaults;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on, so the next write is later than the one before. */
const later = (minutes = 1) => vi.setSystemTime(new Date(Date.now() + minutes * 60_000));

const names = () => plansList.plans?.map((p) => [p.plan.organisation, p.loopCount]);

describe('plansList.refresh', () => {
  it('lists nothing, and creates no database, when there is none yet', async () => {
    await plansList.refresh();
    expect(plansList.plans).toEqual([]);
    expect(plansList.settings).toEqual(settingDefaults);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
  });

  it('lists the plans newest first with their loop counts, and the settings', async () => {
    const db = await appDb();
    const { createPlan } = await import('$lib/storage/plans-repo');
    await createPlan(db, { ...PLAN_INPUT, organisation: 'Older' }, [], '2026-01-01T00:00:00.000Z');
    await createPlan(db, { ...PLAN_INPUT, organisation: 'Newer' }, [], '2026-02-01T00:00:00.000Z');
    await saveSetting(db, 'backupReminderDays', 30);
    await plansList.refresh();
    expect(names()).toEqual([
      ['Newer', 1],
      ['Older', 1],
    ]);
    expect(plansList.settings.backupReminderDays).toBe(30);
  });

  it('leaves out and reports a plan row that fails validation', async () => {
    const db = await appDb();
    await plansList.create(PLAN_INPUT, []);
    await db.plans.put({ id: 'broken', organisation: '' } as never);
    await plansList.refresh();
    expect(names()).toEqual([[PLAN_INPUT.organisation, 1]]);
    expect(appStatus.problems.map((p) => [p.where, p.key])).toEqual([['plans', 'broken']]);
  });

  it("lists nothing and says 'newer' for a database of a newer build (no plans are not 'no plans')", async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 990);
      open.onupgradeneeded = () => open.result.createObjectStore('plans', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    await plansList.refresh();
    expect(plansList.plans).toEqual([]);
    expect(plansList.unreadable).toBe('newer');
    expect(appStatus.dbState).toBe('newer');
  });

  it("says 'failed' when the list cannot be read, and forgets it once it can", async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('The operation failed', 'UnknownError');
    });
    await plansList.refresh();
    expect(plansList.unreadable).toBe('failed');
    expect(appStatus.dbState).toBe('failed');
    open.mockRestore();
    await plansList.refresh();
    expect(plansList.unreadable).toBeNull();
    expect(plansList.plans).toEqual([]);
  });
});

describe('plansList actions', () => {
  it('creates a plan with its first loop and starter KPIs', async () => {
    const plan = await plansList.create(PLAN_INPUT, drafts('reach', 'hires'));
    expect(plan).toMatchObject({ organisation: 'Acme Care', firstLoopStart: '2026-01-01' });
    const db = await appDb();
    expect(await db.kpis.where('planId').equals(plan.id).count()).toBe(2);
    await plansList.refresh();
    expect(plansList.plans).toEqual([{ plan, loopCount: 1 }]);
  });

  it('creates the example plan with six loops and lists it', async () => {
    const plan = await plansList.createExample(EXAMPLE_TODAY, 'en');
    expect(plan.example).toBe(true);
    expect(plan.firstLoopStart).toBe('2025-11-01');
    expect(plansList.plans).toEqual([{ plan, loopCount: 6 }]);
  });

  it('duplicates a plan with every row under the new name, listed first', async () => {
    const example = await plansList.createExample(EXAMPLE_TODAY, 'en');
    later();
    await plansList.duplicate(example, 'Copy of the example');
    expect(names()).toEqual([
      ['Copy of the example', 6],
      [example.organisation, 6],
    ]);
    const copy = plansList.plans![0]!.plan;
    const db = await appDb();
    for (const table of PLAN_TABLES) {
      const count = (planId: string) => db.table(table).where('planId').equals(planId).count();
      expect([table, await count(copy.id)]).toEqual([table, await count(example.id)]);
    }
  });

  it('renames a plan, which moves it to the top', async () => {
    const first = await plansList.create({ ...PLAN_INPUT, organisation: 'First' }, []);
    later();
    await plansList.create({ ...PLAN_INPUT, organisation: 'Second' }, []);
    later();
    await plansList.rename(first, 'First, renamed');
    expect(names()).toEqual([
      ['First, renamed', 1],
      ['Second', 1],
    ]);
  });

  it('removes a plan with all its rows, and the undo puts every row back', async () => {
    const example = await plansList.createExample(EXAMPLE_TODAY, 'en');
    later();
    const other = await plansList.create({ ...PLAN_INPUT, organisation: 'Other' }, drafts('reach'));
    const db = await appDb();
    const before = await dumpTables(db);

    const undo = await plansList.remove(example);
    expect(names()).toEqual([['Other', 1]]);
    for (const table of PLAN_TABLES)
      expect([table, await db.table(table).where('planId').equals(example.id).count()]).toEqual([
        table,
        0,
      ]);
    expect(await db.kpis.where('planId').equals(other.id).count()).toBe(1);

    await undo();
    expect(await dumpTables(db)).toEqual(before);
    expect(names()).toEqual([
      ['Other', 1],
      [example.organisation, 6],
    ]);
  });

  it('refuses a second undo of the same removal (the plan exists again)', async () => {
    const plan = await plansList.create(PLAN_INPUT, []);
    const undo = await plansList.remove(plan);
    await undo();
    await expect(undo()).rejects.toThrow(/already exists/);
    expect(names()).toEqual([[PLAN_INPUT.organisation, 1]]);
  });
});
