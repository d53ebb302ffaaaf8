// What every write of a plan promises, whichever repository it is in: a refused time writes
// nothing, and the change it returns, applied to the plan as read before, is the plan as
// stored after (memory = disk).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Budget, Campaign, LoopChange, Loop, Meeting } from '$lib/schema';
import { PLAN_TABLES, planTables } from '$lib/schema/tables';
import { loadPlanBundle, type PlanBundle } from './bundle';
import { applyChange, putRows, type PlanChange } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError } from './errors';
import { importValues } from './import-repo';
import { addKpis, removeKpi, restoreKpi } from './kpis-repo';
import { createLoop, saveTargets, updateLoop } from './loops-repo';
import { updatePlan } from './plans-repo';
import { removeItem, saveBudget, saveItem } from './rows-repo';
import {
  at,
  BASELINE,
  drafts,
  dumpTables,
  issuePaths,
  LOOP1,
  measurement,
  newPlan,
  rejection,
  storeMeasurements,
  T0,
  T1,
  T2,
  target,
  useTestDb,
} from './test-support';
import { saveValues, setBaselinePeriod } from './values-repo';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

/**
 * Plan A with rows in every table (three KPIs, two loops, targets, values, two campaigns, a
 * change-log entry, two meetings, two budgets) and plan B beside it with rows of its own.
 */
async function richPlan() {
  const a = await newPlan(db, 'A', 'impressions', 'reach', 'hires');
  const b = await newPlan(db, 'B', 'impressions');
  const [k0, k1, k2] = [at(a.kpis, 0), at(a.kpis, 1), at(a.kpis, 2)];
  const loop2: Loop = { ...a.loop, id: crypto.randomUUID(), index: 2 };
  const campaign = (name: string, start: string): Campaign => ({
    id: crypto.randomUUID(),
    planId: a.plan.id,
    loopId: a.loop.id,
    name,
    channel: 'LinkedIn',
    start,
    end: '2026-02-20',
  });
  const entry: LoopChange = {
    id: crypto.randomUUID(),
    planId: a.plan.id,
    loopId: a.loop.id,
    date: '2026-01-20',
    what: 'Paused ads',
    why: '',
  };
  const meeting = (date: string): Meeting => ({
    id: crypto.randomUUID(),
    planId: a.plan.id,
    date,
    vacancies: [{ title: 'Nurse', team: 'Ward 3' }],
    marketingSupport: '',
    successes: '',
    failures: '',
    lessons: '',
  });
  const budget = (year: number): Budget => ({
    id: crypto.randomUUID(),
    planId: a.plan.id,
    year,
    hrBudget: 100_000,
    brand: 5000,
    recruitment: 8000,
  });
  const bKpi = at(b.kpis, 0);
  await db.transaction('rw', db.tables, async () => {
    await db.loops.add(loop2);
    await db.targets.bulkAdd([
      target(a.loop, k0, 10),
      target(a.loop, k1, 20),
      target(loop2, k0, 30),
      target(b.loop, bKpi, 99),
    ]);
    await storeMeasurements(db, [
      measurement(k0, BASELINE, 1),
      measurement(k1, BASELINE, 2),
      measurement(k0, LOOP1, 3),
      measurement(k2, LOOP1, null),
      measurement(bKpi, BASELINE, 7),
    ]);
    await db.campaigns.bulkAdd([
      campaign('Spring', '2026-01-10'),
      campaign('Video', '2026-02-01'),
      { ...campaign('Of B', '2026-01-10'), planId: b.plan.id, loopId: b.loop.id },
    ]);
    await db.loopChanges.add(entry);
    await db.meetings.bulkAdd([meeting('2026-01-15'), meeting('2026-02-15')]);
    await db.budgets.bulkAdd([budget(2025), budget(2026)]);
  });
  const bundle = await loadPlanBundle(db, a.plan.id);
  for (const table of PLAN_TABLES)
    expect({ table, empty: bundle[table].length === 0 }).toEqual({ table, empty: false });
  return { a, b, k0, k1, k2, loop2, bundle };
}

/** Tables the bundle keeps in a defined order; the others are compared as sets (by id). */
const ORDERED = new Set(PLAN_TABLES.filter((table) => 'order' in planTables[table]));

function comparable(bundle: PlanBundle): PlanBundle {
  const out = { ...bundle };
  for (const table of PLAN_TABLES) {
    if (ORDERED.has(table)) continue;
    (out as Record<string, unknown>)[table] = (bundle[table] as { id: string }[]).toSorted((x, y) =>
      x.id.localeCompare(y.id),
    );
  }
  return out;
}

/** The change applied to the bundle read before the write is the plan as stored now. */
async function expectMemoryIsDisk(before: PlanBundle, change: PlanChange): Promise<void> {
  const applied = applyChange(before, change);
  const stored = await loadPlanBundle(db, before.plan.id);
  expect(comparable(applied)).toEqual(comparable(stored));
  expect(applied.plan.updatedAt).toBe(stored.plan.updatedAt);
}

/** Tables a change touched, for checking that a test exercises what it says. */
function touched(change: PlanChange) {
  return { put: Object.keys(change.put).sort(), removed: Object.keys(change.removed).sort() };
}

describe('memory = disk: a write’s change applied to the plan read before it', () => {
  it('saveValues (one value added, one replaced, one cleared)', async () => {
    const { a, k0, k1, k2, bundle } = await richPlan();
    const { change } = await saveValues(
      db,
      a.plan.id,
      [
        { kpiId: k2.id, ...BASELINE, value: 5 },
        { kpiId: k0.id, ...BASELINE, value: 100 },
        { kpiId: k1.id, ...BASELINE, value: undefined },
      ],
      T1,
    );
    expect(touched(change)).toEqual({ put: ['measurements'], removed: ['measurements'] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('setBaselinePeriod (the plan row and the values moved with it)', async () => {
    const { a, bundle } = await richPlan();
    const next = { start: '2025-10-01', end: '2025-12-31' };
    const { change } = await setBaselinePeriod(db, a.plan.id, BASELINE, next, T1);
    expect(putRows(change, 'measurements')).toHaveLength(2);
    expect(change.plan.baseline).toEqual(next);
    await expectMemoryIsDisk(bundle, change);
  });

  it('addKpis', async () => {
    const { a, bundle } = await richPlan();
    const { change } = await addKpis(db, a.plan.id, drafts('careerSiteVisits', 'hires'), T1);
    expect(touched(change)).toEqual({ put: ['kpis'], removed: [] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('removeKpi (with its targets and values)', async () => {
    const { a, k0, bundle } = await richPlan();
    const { change } = await removeKpi(db, a.plan.id, k0.id, T1);
    expect(touched(change)).toEqual({ put: [], removed: ['kpis', 'measurements', 'targets'] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('restoreKpi', async () => {
    const { a, k0 } = await richPlan();
    const { value: snapshot } = await removeKpi(db, a.plan.id, k0.id, T1);
    const bundle = await loadPlanBundle(db, a.plan.id);
    const { change } = await restoreKpi(db, snapshot, T2);
    expect(touched(change)).toEqual({ put: ['kpis', 'measurements', 'targets'], removed: [] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('updateLoop', async () => {
    const { loop2, bundle } = await richPlan();
    const { change } = await updateLoop(
      db,
      loop2.id,
      { strategy: 'Night shifts', insights: { journey: 'Via the career site' } },
      T1,
    );
    expect(touched(change)).toEqual({ put: ['loops'], removed: [] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('saveTargets (one added, one changed, one cleared)', async () => {
    const { a, k0, k1, k2, bundle } = await richPlan();
    const { change } = await saveTargets(
      db,
      a.plan.id,
      a.loop.id,
      [
        { kpiId: k2.id, value: 4, basis: 'manual' },
        { kpiId: k0.id, value: 11, basis: 'baseline' },
        { kpiId: k1.id, value: null, basis: 'manual' },
      ],
      T1,
    );
    expect(touched(change)).toEqual({ put: ['targets'], removed: ['targets'] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('createLoop (with its targets)', async () => {
    const { a, k0, k2, bundle } = await richPlan();
    const { change } = await createLoop(
      db,
      a.plan.id,
      { index: 3, focus: 'reach', expectationsNotes: '' },
      [
        { kpiId: k0.id, value: 50, basis: 'previousLoop' },
        { kpiId: k2.id, value: 2, basis: 'manual' },
      ],
      T1,
    );
    expect(touched(change)).toEqual({ put: ['loops', 'targets'], removed: [] });
    await expectMemoryIsDisk(bundle, change);
  });

  it.each(['new', 'changed'] as const)('saveItem (a %s row of each table)', async (kind) => {
    const { a, loop2 } = await richPlan();
    let bundle = await loadPlanBundle(db, a.plan.id);
    const campaign = at(bundle.campaigns, 0);
    const entry = at(bundle.loopChanges, 0);
    const meeting = at(bundle.meetings, 0);
    const same = kind === 'changed';
    const writes = [
      () =>
        saveItem(
          db,
          a.plan.id,
          'campaigns',
          {
            ...(same ? { id: campaign.id } : {}),
            loopId: loop2.id,
            name: 'Moved',
            channel: 'Meta',
            start: '2026-03-01',
            end: '2026-03-05',
            budget: 900,
          },
          T1,
        ),
      () =>
        saveItem(
          db,
          a.plan.id,
          'loopChanges',
          {
            ...(same ? { id: entry.id } : {}),
            loopId: a.loop.id,
            date: '2026-02-02',
            what: 'New photos',
            why: 'Old ones',
          },
          T1,
        ),
      () =>
        saveItem(
          db,
          a.plan.id,
          'meetings',
          {
            ...(same ? { id: meeting.id } : {}),
            date: '2026-03-20',
            vacancies: [],
            marketingSupport: 'Posters',
            successes: '',
            failures: '',
            lessons: '',
          },
          T1,
        ),
    ];
    for (const write of writes) {
      const { change } = await write();
      expect(Object.values(change.put).flat()).toHaveLength(1);
      await expectMemoryIsDisk(bundle, change);
      bundle = applyChange(bundle, change);
    }
    expect(bundle.campaigns).toHaveLength(same ? 2 : 3);
  });

  it.each(['campaigns', 'loopChanges', 'meetings'] as const)('removeItem (%s)', async (table) => {
    const { a, bundle } = await richPlan();
    const { change } = await removeItem(
      db,
      a.plan.id,
      table,
      at<{ id: string }>(bundle[table], 0).id,
      T1,
    );
    expect(touched(change)).toEqual({ put: [], removed: [table] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('saveBudget (a year replaced, then a year added)', async () => {
    const { a, bundle } = await richPlan();
    const replaced = await saveBudget(
      db,
      a.plan.id,
      { year: 2026, hrBudget: 120_000, brand: 6000, recruitment: 9000 },
      T1,
    );
    expect(at(putRows(replaced.change, 'budgets'), 0).id).toBe(at(bundle.budgets, 1).id);
    await expectMemoryIsDisk(bundle, replaced.change);

    const between = applyChange(bundle, replaced.change);
    const added = await saveBudget(
      db,
      a.plan.id,
      { year: 2024, hrBudget: 80_000, brand: 1000, recruitment: 2000 },
      T2,
    );
    await expectMemoryIsDisk(between, added.change);
    expect(applyChange(between, added.change).budgets.map((b) => b.year)).toEqual([
      2024, 2025, 2026,
    ]);
  });

  it('updatePlan', async () => {
    const { a, bundle } = await richPlan();
    const { change } = await updatePlan(
      db,
      a.plan.id,
      { organisation: 'Acme Health', valuePerHire: 3000, baseline: undefined },
      T1,
    );
    expect(touched(change)).toEqual({ put: [], removed: [] });
    await expectMemoryIsDisk(bundle, change);
  });

  it('importValues (values replaced and added)', async () => {
    const { a, k0, k2, bundle } = await richPlan();
    const { change, value } = await importValues(
      db,
      a.plan.id,
      [
        { kpiId: k0.id, ...BASELINE, value: 11, existing: null },
        { kpiId: k2.id, start: '2026-01-05', end: '2026-01-05', value: 8, existing: null },
      ],
      { conflicts: 'replace', source: 'ads', now: T1 },
    );
    expect(value).toEqual({ added: 1, replaced: 1, skipped: 0, zeros: 0 });
    await expectMemoryIsDisk(bundle, change);
  });

  it('a change of another plan leaves the open plan as it is', async () => {
    const { b, bundle } = await richPlan();
    const { change } = await saveValues(
      db,
      b.plan.id,
      [{ kpiId: at(b.kpis, 0).id, ...BASELINE, value: 70 }],
      T1,
    );
    expect(applyChange(bundle, change)).toBe(bundle);
    expect(await loadPlanBundle(db, bundle.plan.id)).toEqual(bundle);
  });

  // A write that puts a row and then removes it records only the removal (and the reverse only
  // the put): otherwise memory would keep a row the disk does not have.
  it('saveValues with a cell set and then cleared in one call', async () => {
    const { a, k2, bundle } = await richPlan();
    const { change } = await saveValues(
      db,
      a.plan.id,
      [
        { kpiId: k2.id, ...BASELINE, value: 5 },
        { kpiId: k2.id, ...BASELINE, value: undefined },
      ],
      T1,
    );
    await expectMemoryIsDisk(bundle, change);
  });
});

describe('the timestamp that marks the plan changed', () => {
  it.each([
    'saveValues',
    'setBaselinePeriod',
    'addKpis',
    'saveTargets',
    'removeKpi',
    'restoreKpi',
    'updateLoop',
    'createLoop',
    'updatePlan',
    'importValues',
  ] as const)('%s refuses an invalid `now` and writes nothing', async (operation) => {
    const { plan, loop, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const kpiId = at(kpis, 0).id;
    const { value: removed } = await removeKpi(db, plan.id, at(kpis, 1).id, T0);
    const stored = await loadPlanBundle(db, plan.id);
    const before = await dumpTables(db);
    const now = 'yesterday';
    const run = {
      saveValues: () => saveValues(db, plan.id, [{ kpiId, ...BASELINE, value: 1 }], now),
      setBaselinePeriod: () => setBaselinePeriod(db, plan.id, BASELINE, LOOP1, now),
      addKpis: () => addKpis(db, plan.id, drafts('reach'), now),
      saveTargets: () =>
        saveTargets(db, plan.id, loop.id, [{ kpiId, value: 1, basis: 'manual' }], now),
      removeKpi: () => removeKpi(db, plan.id, kpiId, now),
      restoreKpi: () => restoreKpi(db, removed, now),
      updateLoop: () => updateLoop(db, loop.id, { strategy: 'x' }, now),
      createLoop: () => createLoop(db, plan.id, { index: 2, expectationsNotes: '' }, [], now),
      updatePlan: () => updatePlan(db, plan.id, { organisation: 'B' }, now),
      importValues: () =>
        importValues(db, plan.id, [{ kpiId, ...BASELINE, value: 1, existing: null }], {
          conflicts: 'replace',
          source: 'ads',
          now,
        }),
    }[operation];

    const error = await rejection(run());

    expect(error).toBeInstanceOf(InvalidRecordError);
    // A new loop carries the time itself, so it is refused as a loop before the plan is read.
    expect((error as InvalidRecordError).table).toBe(
      operation === 'createLoop' ? 'loops' : 'plans',
    );
    expect(issuePaths(error)).toEqual(['updatedAt']);
    expect(await dumpTables(db)).toEqual(before);
    expect(await loadPlanBundle(db, plan.id)).toEqual(stored);
  });
});
