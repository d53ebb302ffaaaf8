import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type {
  Budget,
  Campaign,
  Kpi,
  Loop,
  LoopChange,
  Measurement,
  Meeting,
  Target,
} from '$lib/schema';
import type { TalentloopDb } from './db';
import {
  drafts,
  dumpTables,
  expectEmpty as expectEmptyTables,
  PLAN_INPUT,
  rejection,
  storeMeasurements,
  useTestDb,
} from './test-support';
import { readPlanList } from './plan-list';
import { settingDefaults } from '$lib/schema/settings';
import { saveSetting } from './settings-repo';
import { duplicatePlan } from './plan-copy';
import {
  createPlan,
  deletePlan,
  getPlan,
  InvalidRecordError,
  PLAN_TABLES,
  PlanNotFoundError,
  restorePlan,
  snapshotPlan,
  updatePlan,
  type PlanSnapshot,
} from './plans-repo';
import { touchPlan } from './write';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-02-10T12:30:00.000Z';
const T2 = '2026-03-15T08:15:00.000Z';

const input = PLAN_INPUT;

const dump = () => dumpTables(db);

const expectEmpty = () => expectEmptyTables(db);

describe('createPlan', () => {
  it('writes the plan, loop 1 and the starter KPIs in order', async () => {
    const keys = ['impressions', 'careerSiteVisits', 'applicationRate'];
    const { plan, loop } = await createPlan(db, input, drafts(...keys), T0);

    expect(await db.plans.toArray()).toEqual([plan]);
    expect(plan).toMatchObject({
      ...input,
      notes: '',
      example: false,
      createdAt: T0,
      updatedAt: T0,
    });

    expect(await db.loops.toArray()).toEqual([loop]);
    expect(loop).toMatchObject({ planId: plan.id, index: 1, wizardStep: 0, updatedAt: T0 });
    // Defaults from the loop schema are applied before writing.
    expect(loop.strategy).toBe('');
    expect(loop.insights).toEqual({ targetGroup: '', reaction: '', journey: '' });

    const kpis = await db.kpis
      .where('[planId+order]')
      .between([plan.id, 0], [plan.id, 99])
      .toArray();
    expect(kpis.map((k) => [k.catalogKey, k.order])).toEqual([
      ['impressions', 0],
      ['careerSiteVisits', 1],
      ['applicationRate', 2],
    ]);
    expect(kpis.every((k) => k.planId === plan.id && k.name === undefined)).toBe(true);
    expect(kpis[2]).toMatchObject({
      pillar: 'conversion',
      aggregation: {
        kind: 'ratio',
        numerator: 'applicationsCompleted',
        denominator: 'careerSiteVisits',
      },
    });
    expect(new Set(kpis.map((k) => k.id)).size).toBe(3);
  });

  it.each([
    ['an empty organisation', { organisation: '' }, 'organisation'],
    ['a loop of 9 months', { loopLength: { unit: 'months', count: 9 } }, 'loopLength.count'],
    ['an impossible date', { firstLoopStart: '2026-02-30' }, 'firstLoopStart'],
  ] as const)('refuses %s with its path and writes nothing', async (_, change, path) => {
    const error = await rejection(
      createPlan(db, { ...input, ...change }, drafts('impressions'), T0),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toContain(path);
    await expectEmpty();
  });

  it('refuses an invalid starter KPI and writes nothing', async () => {
    const bad = { ...drafts('impressions')[0]!, unit: 'furlongs' } as never;
    const error = await rejection(createPlan(db, input, [...drafts('reach'), bad], T0));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('kpis');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toContain('unit');
    await expectEmpty();
  });
});

describe('readPlanList (the first page, without Dexie)', () => {
  it('sorts by last change, counts loops, and reports a corrupt row without touching it', async () => {
    const old = await createPlan(db, { ...input, organisation: 'Old' }, [], T0);
    const newest = await createPlan(db, { ...input, organisation: 'Newest' }, [], T2);
    const middle = await createPlan(db, { ...input, organisation: 'Middle' }, [], T1);
    await db.loops.add({ ...middle.loop, id: 'second-loop', index: 2 });
    await db.loops.add({ ...middle.loop, id: 'third-loop', index: 3 });
    const corrupt = { id: 'corrupt', organisation: '', updatedAt: '2099-01-01T00:00:00.000Z' };
    await db.plans.put(corrupt as never);

    const list = await readPlanList(db.name);
    if (list.state !== 'ok') throw new Error(`unexpected ${list.state}`);
    const { plans, problems } = list;

    expect(plans.map((p) => [p.plan.organisation, p.loopCount])).toEqual([
      ['Newest', 1],
      ['Middle', 3],
      ['Old', 1],
    ]);
    expect(plans[0]?.plan).toEqual(newest.plan);
    expect(plans[2]?.plan).toEqual(old.plan);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ area: 'indexedDB', where: 'plans', key: 'corrupt' });
    expect(problems[0]?.issues.map((i) => i.path)).toContain('organisation');
    expect(await db.plans.get('corrupt')).toEqual(corrupt);
  });

  it('reads the settings for the backup reminder, defaults where unset or invalid', async () => {
    await saveSetting(db, 'lastExportAt', '2026-11-01T10:00:00.000Z');
    await db.settings.put({ key: 'backupReminderDays', value: -3 });
    const list = await readPlanList(db.name);
    if (list.state !== 'ok') throw new Error(`unexpected ${list.state}`);
    expect(list.settings).toEqual({
      ...settingDefaults,
      lastExportAt: '2026-11-01T10:00:00.000Z',
    });
    expect(list.problems).toMatchObject([{ where: 'settings', key: 'backupReminderDays' }]);
  });
});

describe('readPlanList on a device without data', () => {
  it('lists nothing and does not create the database', async () => {
    const name = `absent-${crypto.randomUUID()}`;
    expect(await readPlanList(name)).toEqual({
      state: 'ok',
      plans: [],
      settings: settingDefaults,
      problems: [],
    });
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('does not read a database written by a newer build', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 990);
      open.onupgradeneeded = () => open.result.createObjectStore('plans', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    expect(await readPlanList(name)).toEqual({ state: 'newer' });
    indexedDB.deleteDatabase(name);
  });
});

describe('getPlan, updatePlan and touchPlan', () => {
  it('reads a plan, and says when it is missing or invalid', async () => {
    const { plan } = await createPlan(db, input, [], T0);
    expect(await getPlan(db, plan.id)).toEqual(plan);
    expect(await rejection(getPlan(db, 'missing'))).toBeInstanceOf(PlanNotFoundError);
    await db.plans.put({ ...plan, id: 'broken', currency: 'euro' });
    expect(await rejection(getPlan(db, 'broken'))).toBeInstanceOf(InvalidRecordError);
  });

  it('merges a patch and bumps updatedAt only', async () => {
    const { plan } = await createPlan(
      db,
      { ...input, baseline: { start: '2025-11-01', end: '2025-12-31' } },
      [],
      T0,
    );
    const { change, value: updated } = await updatePlan(
      db,
      plan.id,
      { organisation: 'Acme Health', valuePerHire: 4000 },
      T1,
    );
    expect(updated).toEqual({
      ...plan,
      organisation: 'Acme Health',
      valuePerHire: 4000,
      updatedAt: T1,
    });
    expect(updated.createdAt).toBe(T0);
    expect(await db.plans.get(plan.id)).toEqual(updated);
    // Only the plan row changed: no rows put or removed.
    expect(change).toEqual({ planId: plan.id, plan: updated, put: {}, removed: {} });

    const { change: clearing, value: cleared } = await updatePlan(
      db,
      plan.id,
      { baseline: undefined },
      T2,
    );
    expect('baseline' in cleared).toBe(false);
    expect(clearing.plan).toEqual(cleared);
    expect(await db.plans.get(plan.id)).toEqual(cleared);
  });

  it('refuses an invalid patch and leaves the stored plan as it was', async () => {
    const { plan } = await createPlan(db, input, [], T0);
    const error = await rejection(updatePlan(db, plan.id, { currency: 'euro' }, T1));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['currency']);
    expect(await db.plans.get(plan.id)).toEqual(plan);
    expect(await rejection(updatePlan(db, 'missing', {}, T1))).toBeInstanceOf(PlanNotFoundError);
  });

  it("touchPlan sets updatedAt inside the caller's transaction and rolls back with it", async () => {
    const { plan, loop } = await createPlan(db, input, [], T0);
    await db.transaction('rw', db.plans, db.loops, async () => {
      await db.loops.update(loop.id, { strategy: 'Focus on nurses' });
      await touchPlan(db, plan.id, T1);
    });
    expect(await db.plans.get(plan.id)).toEqual({ ...plan, updatedAt: T1 });
    expect((await db.loops.get(loop.id))?.strategy).toBe('Focus on nurses');

    const failed = db.transaction('rw', db.plans, async () => {
      await touchPlan(db, plan.id, T2);
      throw new Error('the caller fails');
    });
    await expect(failed).rejects.toThrow('the caller fails');
    expect((await db.plans.get(plan.id))?.updatedAt).toBe(T1);
    await expect(touchPlan(db, plan.id, 'yesterday')).rejects.toBeInstanceOf(InvalidRecordError);
  });
});

/** A plan using every table: a catalog KPI, a custom KPI and a ratio KPI over both. */
async function richPlan(organisation = 'Acme Care'): Promise<PlanSnapshot> {
  const { plan, loop } = await createPlan(
    db,
    { ...input, organisation, example: true, notes: 'Pilot' },
    drafts('impressions'),
    T0,
  );
  const planId = plan.id;
  const custom: Kpi = {
    id: crypto.randomUUID(),
    planId,
    name: 'Open day visitors',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: { kind: 'sum' },
    source: 'manual',
    order: 1,
  };
  const ratio: Kpi = {
    id: crypto.randomUUID(),
    planId,
    name: 'Open day visitors per 1000 impressions',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'number',
    direction: 'higher',
    aggregation: { kind: 'ratio', numerator: custom.id, denominator: 'impressions' },
    source: 'manual',
    order: 2,
  };
  const loop2: Loop = {
    ...loop,
    id: crypto.randomUUID(),
    index: 2,
    focus: 'conversion',
    focusRules: {
      expectedRise: [custom.id, 'impressions'],
      expectedDrop: [
        { kpi: custom.id, reason: 'Fewer open days in summer' },
        { kpi: 'reach', reason: '' },
      ],
    },
  };
  const targets: Target[] = [
    {
      id: crypto.randomUUID(),
      planId,
      loopId: loop.id,
      kpiId: custom.id,
      value: 40,
      basis: 'manual',
    },
    {
      id: crypto.randomUUID(),
      planId,
      loopId: loop2.id,
      kpiId: ratio.id,
      value: 2,
      basis: 'manual',
    },
  ];
  const measurement: Measurement = {
    id: crypto.randomUUID(),
    planId,
    kpiId: custom.id,
    start: '2026-01-01',
    end: '2026-01-31',
    value: 35,
    source: 'manual',
  };
  const campaign: Campaign = {
    id: crypto.randomUUID(),
    planId,
    loopId: loop2.id,
    name: 'Spring open day',
    channel: 'Meta',
    start: '2026-03-01',
    end: '2026-03-20',
    budget: 1500,
    side: 'recruitment',
  };
  const change: LoopChange = {
    id: crypto.randomUUID(),
    planId,
    loopId: loop.id,
    date: '2026-01-20',
    what: 'Paused LinkedIn ads',
    why: 'Budget moved to Meta',
  };
  const meeting: Meeting = {
    id: crypto.randomUUID(),
    planId,
    date: '2026-02-03',
    vacancies: [{ title: 'Nurse', team: 'Ward 3', neededBy: '2026-04-01' }],
    marketingSupport: 'Video',
    successes: 'Open day',
    failures: '',
    lessons: 'Start earlier',
  };
  const budget: Budget = {
    id: crypto.randomUUID(),
    planId,
    year: 2026,
    hrBudget: 100_000,
    brand: 6000,
    recruitment: 9000,
  };
  await db.transaction('rw', db.tables, async () => {
    await db.kpis.bulkAdd([custom, ratio]);
    await db.loops.add(loop2);
    await db.targets.bulkAdd(targets);
    await storeMeasurements(db, [measurement]);
    await db.campaigns.add(campaign);
    await db.loopChanges.add(change);
    await db.meetings.add(meeting);
    await db.budgets.add(budget);
  });
  return snapshotPlan(db, planId);
}

function idsOf(snapshot: PlanSnapshot): string[] {
  return [snapshot.plan.id, ...PLAN_TABLES.flatMap((t) => snapshot.rows[t].map((r) => r.id))];
}

describe('duplicatePlan', () => {
  it('copies every row with new ids and every reference pointing into the copy', async () => {
    const original = await richPlan();
    const copyPlan = await duplicatePlan(db, original.plan.id, 'Acme Care (copy)', T2);
    const copy = await snapshotPlan(db, copyPlan.id);

    expect(copy.plan).toEqual({
      ...original.plan,
      id: copyPlan.id,
      organisation: 'Acme Care (copy)',
      createdAt: T2,
      updatedAt: T2,
    });
    expect(copy.plan.example).toBe(true);
    for (const table of PLAN_TABLES) {
      expect({ table, count: copy.rows[table].length }).toEqual({
        table,
        count: original.rows[table].length,
      });
      expect(copy.rows[table].length).toBeGreaterThan(0);
    }

    const originalIds = new Set(idsOf(original));
    expect(idsOf(copy).filter((id) => originalIds.has(id))).toEqual([]);
    expect(new Set(idsOf(copy)).size).toBe(idsOf(copy).length);

    const loopIds = new Set(copy.rows.loops.map((l) => l.id));
    const kpiIds = new Set(copy.rows.kpis.map((k) => k.id));
    for (const table of PLAN_TABLES) {
      for (const row of copy.rows[table]) expect(row.planId).toBe(copy.plan.id);
    }
    for (const row of [...copy.rows.targets, ...copy.rows.campaigns, ...copy.rows.loopChanges]) {
      expect(loopIds.has(row.loopId)).toBe(true);
    }
    for (const row of [...copy.rows.targets, ...copy.rows.measurements]) {
      expect(kpiIds.has(row.kpiId)).toBe(true);
    }

    const byName = (s: PlanSnapshot, name: string) => s.rows.kpis.find((k) => k.name === name)!;
    const custom = byName(copy, 'Open day visitors');
    const ratio = byName(copy, 'Open day visitors per 1000 impressions');
    expect(ratio.aggregation).toEqual({
      kind: 'ratio',
      numerator: custom.id,
      denominator: 'impressions',
    });
    const loop2 = copy.rows.loops.find((l) => l.index === 2)!;
    expect(loop2.focusRules).toEqual({
      expectedRise: [custom.id, 'impressions'],
      expectedDrop: [
        { kpi: custom.id, reason: 'Fewer open days in summer' },
        { kpi: 'reach', reason: '' },
      ],
    });
    const keysInOrder = (kpis: Kpi[]) =>
      kpis.toSorted((a, b) => a.order - b.order).map((k) => k.catalogKey);
    expect(keysInOrder(copy.rows.kpis)).toEqual(['impressions', undefined, undefined]);
    expect(keysInOrder(copy.rows.kpis)).toEqual(keysInOrder(original.rows.kpis));

    // Same data apart from ids: the target of loop 2 is on the copied ratio KPI.
    const target2 = copy.rows.targets.find((t) => t.loopId === loop2.id)!;
    expect(target2).toMatchObject({ kpiId: ratio.id, value: 2 });
    expect(copy.rows.measurements[0]).toMatchObject({ kpiId: custom.id, value: 35 });
    const sameApartFromIds = { id: expect.any(String), planId: copy.plan.id };
    expect(copy.rows.meetings[0]).toEqual({ ...original.rows.meetings[0], ...sameApartFromIds });
    expect(copy.rows.budgets[0]).toEqual({ ...original.rows.budgets[0], ...sameApartFromIds });

    expect(await snapshotPlan(db, original.plan.id)).toEqual(original);
  });

  it('refuses an invalid name and writes nothing', async () => {
    const original = await richPlan();
    const before = await dump();
    const error = await rejection(duplicatePlan(db, original.plan.id, '', T2));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });
});

describe('deletePlan and restorePlan', () => {
  it("deletes only that plan's rows and Undo restores exactly the snapshot", async () => {
    const doomed = await richPlan('Doomed');
    const kept = await richPlan('Kept');

    const deleted = await deletePlan(db, doomed.plan.id);
    expect(deleted).toEqual(doomed);
    expect(await db.plans.get(doomed.plan.id)).toBeUndefined();
    for (const table of PLAN_TABLES) {
      expect(await db.table(table).where('planId').equals(doomed.plan.id).count()).toBe(0);
    }
    expect(await snapshotPlan(db, kept.plan.id)).toEqual(kept);
    await expect(snapshotPlan(db, doomed.plan.id)).rejects.toBeInstanceOf(PlanNotFoundError);

    await restorePlan(db, deleted);
    expect(await snapshotPlan(db, doomed.plan.id)).toEqual(doomed);
    expect(await snapshotPlan(db, kept.plan.id)).toEqual(kept);
  });

  it('refuses to restore over an existing plan and changes nothing', async () => {
    const plan = await richPlan();
    const before = await dump();
    await expect(restorePlan(db, plan)).rejects.toThrow('already exists');
    expect(await dump()).toEqual(before);
  });

  it('leaves no row behind when one row of the restore fails', async () => {
    const doomed = await richPlan('Doomed');
    const kept = await richPlan('Kept');
    const deleted = await deletePlan(db, doomed.plan.id);
    const before = await dump();
    // Budgets are written last, after the plan and every other table: all of it must roll back.
    const broken: PlanSnapshot = {
      ...deleted,
      rows: { ...deleted.rows, budgets: [...deleted.rows.budgets, deleted.rows.budgets[0]!] },
    };

    await expect(restorePlan(db, broken)).rejects.toThrow();

    expect(await dump()).toEqual(before);
    expect(await db.plans.get(doomed.plan.id)).toBeUndefined();
    expect(await snapshotPlan(db, kept.plan.id)).toEqual(kept);
  });

  it('refuses a snapshot with an invalid row', async () => {
    const doomed = await richPlan();
    const deleted = await deletePlan(db, doomed.plan.id);
    const broken: PlanSnapshot = {
      ...deleted,
      rows: { ...deleted.rows, meetings: [{ ...deleted.rows.meetings[0]!, date: '2026-13-01' }] },
    };
    const error = await rejection(restorePlan(db, broken));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('meetings');
    await expectEmpty();
  });
});
