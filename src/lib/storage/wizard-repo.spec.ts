import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Kpi, Loop, LoopChange, Measurement, Target } from '$lib/schema';
import type { TalentloopDb } from './db';
import { drafts, dumpTables, PLAN_INPUT, rejection, useTestDb } from './test-support';
import { createPlan, InvalidRecordError, PlanNotFoundError, type NewPlanInput } from './plans-repo';
import {
  addKpis,
  createLoop,
  kpiDataCount,
  loadPlanBundle,
  removeKpi,
  restoreKpi,
  saveTargets,
  saveValues,
  setBaselinePeriod,
  updateLoop,
  WrongPlanError,
} from './wizard-repo';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-02-10T12:30:00.000Z';
const T2 = '2026-03-15T08:15:00.000Z';

const BASELINE = { start: '2025-11-01', end: '2025-12-31' };
const LOOP1 = { start: '2026-01-01', end: '2026-02-28' };

const input: NewPlanInput = { ...PLAN_INPUT, baseline: BASELINE };

/** A plan created at T0 with loop 1 and the given catalog KPIs (in that order). */
async function newPlan(organisation: string, ...keys: string[]) {
  const { plan, loop } = await createPlan(db, { ...input, organisation }, drafts(...keys), T0);
  const kpis = await db.kpis.where('planId').equals(plan.id).sortBy('order');
  return { plan, loop, kpis };
}

function kpiOf(kpis: readonly Kpi[], index: number): Kpi {
  const kpi = kpis[index];
  if (!kpi) throw new Error(`no KPI ${index}`);
  return kpi;
}

function measurement(
  kpi: Kpi,
  range: { start: string; end: string },
  value: number | null,
  source: Measurement['source'] = 'manual',
): Measurement {
  return { id: crypto.randomUUID(), planId: kpi.planId, kpiId: kpi.id, ...range, value, source };
}

function target(loop: Loop, kpi: Kpi, value: number): Target {
  return {
    id: crypto.randomUUID(),
    planId: loop.planId,
    loopId: loop.id,
    kpiId: kpi.id,
    value,
    basis: 'manual',
  };
}

const byId = <R extends { id: string }>(rows: readonly R[]): R[] =>
  rows.toSorted((a, b) => a.id.localeCompare(b.id));

const dump = () => dumpTables(db);

async function updatedAt(planId: string): Promise<string | undefined> {
  return (await db.plans.get(planId))?.updatedAt;
}

describe('loadPlanBundle', () => {
  it('returns the plan with only its own rows, KPIs by order and loops by index', async () => {
    const a = await newPlan('A');
    const b = await newPlan('B', 'impressions');
    // Primary keys sort before the random UUIDs and against `order`/`index`, so the result is
    // only in order when the repository sorts it.
    const kpi = (id: string, order: number): Kpi => ({
      ...drafts('reach')[0]!,
      id,
      planId: a.plan.id,
      order,
    });
    const kpis = [kpi('!k-a', 2), kpi('!k-b', 1), kpi('!k-c', 0)];
    const loop3: Loop = { ...a.loop, id: '!l-a', index: 3 };
    const loop2: Loop = { ...a.loop, id: '!l-b', index: 2 };
    const targets = [target(a.loop, kpiOf(kpis, 0), 10), target(loop2, kpiOf(kpis, 1), 20)];
    const measurements = [
      measurement(kpiOf(kpis, 0), BASELINE, 5),
      measurement(kpiOf(kpis, 2), LOOP1, null),
    ];
    const change: LoopChange = {
      id: crypto.randomUUID(),
      planId: a.plan.id,
      loopId: a.loop.id,
      date: '2026-01-20',
      what: 'Paused LinkedIn ads',
      why: '',
    };
    const bKpi = kpiOf(b.kpis, 0);
    await db.transaction('rw', db.tables, async () => {
      await db.kpis.bulkAdd(kpis);
      await db.loops.bulkAdd([loop3, loop2]);
      await db.targets.bulkAdd([...targets, target(b.loop, bKpi, 99)]);
      await db.measurements.bulkAdd([...measurements, measurement(bKpi, BASELINE, 7)]);
      await db.loopChanges.bulkAdd([change, { ...change, id: 'other', planId: b.plan.id }]);
    });

    const bundle = await loadPlanBundle(db, a.plan.id);

    expect(bundle.plan).toEqual(a.plan);
    expect(bundle.kpis.map((k) => k.id)).toEqual(['!k-c', '!k-b', '!k-a']);
    expect(bundle.kpis).toEqual([kpis[2], kpis[1], kpis[0]]);
    expect(bundle.loops).toEqual([a.loop, loop2, loop3]);
    expect(byId(bundle.targets)).toEqual(byId(targets));
    expect(byId(bundle.measurements)).toEqual(byId(measurements));
    expect(bundle.loopChanges).toEqual([change]);
    expect(bundle.problems).toEqual([]);

    const other = await loadPlanBundle(db, b.plan.id);
    expect(other.kpis).toEqual(b.kpis);
    expect(other.targets.map((t) => t.value)).toEqual([99]);
    expect(other.measurements.map((m) => m.value)).toEqual([7]);
    expect(other.loopChanges.map((c) => c.id)).toEqual(['other']);
  });

  it('reports an invalid KPI row, leaves it out and leaves it stored as it was', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    const broken = { ...kpiOf(kpis, 0), id: 'broken', order: 2, unit: 'furlongs' };
    await db.kpis.add(broken as never);
    const before = await dump();

    const bundle = await loadPlanBundle(db, plan.id);

    expect(bundle.kpis).toEqual(kpis);
    expect(bundle.problems).toHaveLength(1);
    expect(bundle.problems[0]).toMatchObject({ area: 'indexedDB', where: 'kpis', key: 'broken' });
    expect(bundle.problems[0]?.issues.map((i) => i.path)).toEqual(['unit']);
    expect(await db.kpis.get('broken')).toEqual(broken);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and InvalidRecordError for a broken one', async () => {
    const { plan } = await newPlan('A');
    expect(await rejection(loadPlanBundle(db, 'missing'))).toBeInstanceOf(PlanNotFoundError);
    await db.plans.put({ ...plan, id: 'broken', currency: 'euro' });
    const error = await rejection(loadPlanBundle(db, 'broken'));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
  });
});

describe('writes never cross plans', () => {
  it('refuses a value for a KPI of another plan, and a target for a loop of another plan', async () => {
    const a = await newPlan('A', 'impressions');
    const b = await newPlan('B', 'impressions');
    const before = await dump();
    const kpiOfA = kpiOf(a.kpis, 0).id;
    const valueError = await rejection(
      saveValues(db, b.plan.id, [{ kpiId: kpiOfA, ...BASELINE, value: 5 }], T1),
    );
    expect(valueError).toBeInstanceOf(WrongPlanError);
    const targetError = await rejection(
      saveTargets(
        db,
        b.plan.id,
        a.loop.id,
        [{ kpiId: kpiOf(b.kpis, 0).id, value: 5, basis: 'manual' }],
        T1,
      ),
    );
    expect(targetError).toBeInstanceOf(WrongPlanError);
    const kpiError = await rejection(
      saveTargets(db, b.plan.id, b.loop.id, [{ kpiId: kpiOfA, value: 5, basis: 'manual' }], T1),
    );
    expect(kpiError).toBeInstanceOf(WrongPlanError);
    expect(await dump()).toEqual(before);
  });
});

describe('saveValues', () => {
  it('inserts a manual value, replaces it on the same KPI and range, and bumps updatedAt', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const kpi = kpiOf(kpis, 0);

    const first = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: 120 }], T1);
    const row = first.saved[0]!;
    expect(first).toEqual({
      saved: [
        {
          id: expect.any(String),
          planId: plan.id,
          kpiId: kpi.id,
          ...BASELINE,
          value: 120,
          source: 'manual',
        },
      ],
      removed: [],
    });
    expect(await db.measurements.toArray()).toEqual([row]);
    expect(await updatedAt(plan.id)).toBe(T1);

    const second = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: 150 }], T2);
    expect(second).toEqual({ saved: [{ ...row, value: 150 }], removed: [] });
    expect(await db.measurements.toArray()).toEqual([{ ...row, value: 150 }]);
    expect(await updatedAt(plan.id)).toBe(T2);
  });

  it('keeps values of the same KPI on other ranges apart', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const kpiId = kpiOf(kpis, 0).id;
    const sameStart = { start: BASELINE.start, end: '2025-11-30' };
    const { saved } = await saveValues(
      db,
      plan.id,
      [
        { kpiId, ...BASELINE, value: 1 },
        { kpiId, ...sameStart, value: 2 },
        { kpiId, ...LOOP1, value: 3 },
      ],
      T1,
    );
    expect(new Set(saved.map((m) => m.id)).size).toBe(3);
    await saveValues(db, plan.id, [{ kpiId, ...sameStart, value: 20 }], T2);
    expect(byId(await db.measurements.toArray())).toEqual(
      byId([saved[0]!, { ...saved[1]!, value: 20 }, saved[2]!]),
    );
  });

  it('stores null as an unknown value and removes the value for undefined', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    const [kpi, other] = [kpiOf(kpis, 0), kpiOf(kpis, 1)];
    const kept = await saveValues(db, plan.id, [{ kpiId: other.id, ...BASELINE, value: 4 }], T0);

    const unknown = await saveValues(
      db,
      plan.id,
      [{ kpiId: kpi.id, ...BASELINE, value: null }],
      T1,
    );
    const id = unknown.saved[0]!.id;
    expect(await db.measurements.get(id)).toMatchObject({ value: null, source: 'manual' });

    const cleared = await saveValues(
      db,
      plan.id,
      [{ kpiId: kpi.id, ...BASELINE, value: undefined }],
      T2,
    );
    expect(cleared).toEqual({ saved: [], removed: [id] });
    expect(await db.measurements.toArray()).toEqual(kept.saved);
    expect(await updatedAt(plan.id)).toBe(T2);

    const again = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: undefined }]);
    expect(again).toEqual({ saved: [], removed: [] });
  });

  it('keeps one value per KPI and exact range: a typed value replaces an imported one', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const kpi = kpiOf(kpis, 0);
    const analytics = measurement(kpi, BASELINE, 1000, 'analytics');
    const daily = measurement(kpi, { start: BASELINE.start, end: BASELINE.start }, 30, 'analytics');
    await db.measurements.bulkAdd([analytics, daily]);

    const { saved } = await saveValues(db, plan.id, [
      { kpiId: kpi.id, ...BASELINE, value: 5, source: 'ads' },
    ]);
    expect(saved[0]).toMatchObject({ id: analytics.id, value: 5, source: 'ads' });
    // A finer value on another range is a different cell and stays.
    expect(byId(await db.measurements.toArray())).toEqual(byId([saved[0]!, daily]));

    const removed = await saveValues(db, plan.id, [
      { kpiId: kpi.id, ...BASELINE, value: undefined },
    ]);
    expect(removed.removed).toEqual([analytics.id]);
    expect(await db.measurements.toArray()).toEqual([daily]);
  });

  it.each([
    ['an end before the start', { start: '2025-12-31', end: '2025-11-01', value: 3 }, 'end'],
    ['NaN', { ...BASELINE, value: Number.NaN }, 'value'],
    ['Infinity', { ...BASELINE, value: Number.POSITIVE_INFINITY }, 'value'],
    ['a date that does not exist', { start: '2025-02-30', end: '2025-03-31', value: 3 }, 'start'],
  ])('refuses an entry with %s among valid ones and writes nothing', async (_, bad, path) => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    await saveValues(db, plan.id, [{ kpiId: kpiOf(kpis, 0).id, ...BASELINE, value: 1 }], T0);
    const before = await dump();

    const error = await rejection(
      saveValues(
        db,
        plan.id,
        [
          { kpiId: kpiOf(kpis, 0).id, ...BASELINE, value: undefined },
          { kpiId: kpiOf(kpis, 1).id, ...BASELINE, value: 2 },
          { kpiId: kpiOf(kpis, 1).id, ...bad },
        ],
        T1,
      ),
    );

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('measurements');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual([path]);
    expect(await dump()).toEqual(before);
  });

  it('writes nothing for a plan that does not exist', async () => {
    const { kpis } = await newPlan('A', 'impressions');
    const before = await dump();
    const error = await rejection(
      saveValues(db, 'missing', [{ kpiId: kpiOf(kpis, 0).id, ...BASELINE, value: 1 }], T1),
    );
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('setBaselinePeriod', () => {
  const NEXT = { start: '2025-10-01', end: '2025-12-31' };

  it('sets the baseline and moves only the values exactly on the old period', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    const other = await newPlan('B', 'impressions');
    const [k0, k1] = [kpiOf(kpis, 0), kpiOf(kpis, 1)];
    const onOld = [measurement(k0, BASELINE, 10, 'analytics'), measurement(k1, BASELINE, null)];
    const untouched = [
      measurement(k0, { start: BASELINE.start, end: '2025-11-30' }, 12),
      measurement(k1, { start: '2025-11-02', end: BASELINE.end }, 13),
      measurement(k1, LOOP1, 14),
      measurement(kpiOf(other.kpis, 0), BASELINE, 15),
    ];
    await db.measurements.bulkAdd([...onOld, ...untouched]);

    const result = await setBaselinePeriod(db, plan.id, BASELINE, NEXT, T1);

    const expectedPlan = { ...plan, baseline: NEXT, updatedAt: T1 };
    expect(result.plan).toEqual(expectedPlan);
    expect(await db.plans.get(plan.id)).toEqual(expectedPlan);
    expect(byId(result.moved)).toEqual(byId(onOld.map((m) => ({ ...m, ...NEXT }))));
    expect(byId(await db.measurements.toArray())).toEqual(byId([...result.moved, ...untouched]));
    expect(await db.plans.get(other.plan.id)).toEqual(other.plan);
  });

  it.each([
    ['with a value on the old period', true],
    ['without values on the old period', false],
  ])('refuses an inverted period %s and writes nothing', async (_, withValue) => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    if (withValue) await db.measurements.add(measurement(kpiOf(kpis, 0), BASELINE, 10));
    const before = await dump();

    const inverted = { start: '2025-12-31', end: '2025-10-01' };
    const error = await rejection(setBaselinePeriod(db, plan.id, BASELINE, inverted, T1));

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['baseline.end']);
    expect(await dump()).toEqual(before);
  });

  it('keeps a value already on the new period and leaves the old one where it was', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const k0 = kpiOf(kpis, 0);
    const old = measurement(k0, BASELINE, 10);
    const already = measurement(k0, NEXT, 20);
    await db.measurements.bulkAdd([old, already]);

    const result = await setBaselinePeriod(db, plan.id, BASELINE, NEXT, T1);

    expect(result.moved).toEqual([]);
    expect(byId(await db.measurements.toArray())).toEqual(byId([old, already]));
  });

  it('writes nothing for a date that does not exist', async () => {
    const { plan } = await newPlan('A', 'impressions');
    const before = await dump();
    const error = await rejection(
      setBaselinePeriod(db, plan.id, BASELINE, { start: '2025-02-30', end: '2025-03-31' }, T1),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });
});

describe('addKpis', () => {
  it("appends after the plan's highest order and bumps updatedAt", async () => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    // A gap in the orders (a KPI was removed) and another plan with higher orders.
    await db.kpis.update(kpiOf(kpis, 1).id, { order: 5 });
    const other = await newPlan('B', 'impressions');
    await db.kpis.update(kpiOf(other.kpis, 0).id, { order: 40 });

    const custom = {
      name: 'Open day visitors',
      pillar: 'conversion',
      side: 'recruitment',
      unit: 'count',
      direction: 'higher',
      aggregation: { kind: 'sum' },
      source: 'manual',
    } as const;
    const rows = await addKpis(db, plan.id, [...drafts('careerSiteVisits'), custom], T1);

    expect(rows).toEqual([
      { ...drafts('careerSiteVisits')[0], id: expect.any(String), planId: plan.id, order: 6 },
      { ...custom, id: expect.any(String), planId: plan.id, order: 7 },
    ]);
    expect(rows[0]!.id).not.toBe(rows[1]!.id);
    const stored = await db.kpis.where('planId').equals(plan.id).sortBy('order');
    expect(stored.map((k) => k.order)).toEqual([0, 5, 6, 7]);
    expect(stored.slice(2)).toEqual(rows);
    expect(await updatedAt(plan.id)).toBe(T1);
  });

  it('starts at order 0 in a plan without KPIs', async () => {
    const { plan } = await newPlan('A');
    const rows = await addKpis(db, plan.id, drafts('reach', 'impressions'), T1);
    expect(rows.map((k) => [k.catalogKey, k.order])).toEqual([
      ['reach', 0],
      ['impressions', 1],
    ]);
  });

  it('refuses an invalid draft among valid ones and writes nothing', async () => {
    const { plan } = await newPlan('A', 'impressions');
    const before = await dump();
    const bad = { ...drafts('reach')[0]!, unit: 'furlongs' } as never;
    const error = await rejection(addKpis(db, plan.id, [...drafts('careerSiteVisits'), bad], T1));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('kpis');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['unit']);
    expect(await dump()).toEqual(before);
  });
});

describe('kpiDataCount, removeKpi and restoreKpi', () => {
  /** Plan A with two KPIs, two loops, targets and values on both; plan B beside it. */
  async function planWithData() {
    const a = await newPlan('A', 'impressions', 'reach');
    const b = await newPlan('B', 'impressions');
    const loop2: Loop = { ...a.loop, id: crypto.randomUUID(), index: 2 };
    const [k0, k1] = [kpiOf(a.kpis, 0), kpiOf(a.kpis, 1)];
    await db.transaction('rw', db.tables, async () => {
      await db.loops.add(loop2);
      await db.targets.bulkAdd([
        target(a.loop, k0, 10),
        target(loop2, k0, 12),
        target(a.loop, k1, 3),
        target(b.loop, kpiOf(b.kpis, 0), 8),
      ]);
      await db.measurements.bulkAdd([
        measurement(k0, BASELINE, 9),
        measurement(k0, LOOP1, null),
        measurement(k0, LOOP1, 11, 'analytics'),
        measurement(k1, BASELINE, 2),
        measurement(kpiOf(b.kpis, 0), BASELINE, 7),
      ]);
    });
    return { a, b, k0, k1 };
  }

  it('counts the targets and measurements of a KPI', async () => {
    const { k0, k1 } = await planWithData();
    expect(await kpiDataCount(db, k0.id)).toBe(5);
    expect(await kpiDataCount(db, k1.id)).toBe(2);
    expect(await kpiDataCount(db, 'missing')).toBe(0);
  });

  it('removes a KPI with its data in one go, and restoreKpi puts back the same rows', async () => {
    const { a, k0 } = await planWithData();
    const before = await dump();
    const targets = await db.targets.where('kpiId').equals(k0.id).toArray();
    const measurements = await db.measurements.where('kpiId').equals(k0.id).toArray();

    const snapshot = await removeKpi(db, a.plan.id, k0.id, T1);

    expect(snapshot.kpi).toEqual(k0);
    expect(byId(snapshot.targets)).toEqual(byId(targets));
    expect(byId(snapshot.measurements)).toEqual(byId(measurements));
    expect(snapshot.targets).toHaveLength(2);
    expect(snapshot.measurements).toHaveLength(3);
    expect(await db.kpis.get(k0.id)).toBeUndefined();
    expect(await kpiDataCount(db, k0.id)).toBe(0);
    const gone = new Set([k0.id, ...targets.map((t) => t.id), ...measurements.map((m) => m.id)]);
    const after = await dump();
    for (const table of ['kpis', 'targets', 'measurements'] as const) {
      const rest = (before[table] as { id: string }[]).filter((row) => !gone.has(row.id));
      expect({ table, rows: after[table] }).toEqual({ table, rows: rest });
    }
    expect(await updatedAt(a.plan.id)).toBe(T1);

    await restoreKpi(db, snapshot, T2);

    const plans = (before.plans as { id: string }[]).map((p) =>
      p.id === a.plan.id ? { ...p, updatedAt: T2 } : p,
    );
    expect(await dump()).toEqual({ ...before, plans });
  });

  it('refuses to remove a KPI of another plan, or a missing one, and changes nothing', async () => {
    const { a, b } = await planWithData();
    const before = await dump();
    await expect(removeKpi(db, a.plan.id, kpiOf(b.kpis, 0).id, T1)).rejects.toThrow(
      'is not in plan',
    );
    await expect(removeKpi(db, a.plan.id, 'missing', T1)).rejects.toThrow('is not in plan');
    expect(await dump()).toEqual(before);
  });

  it('refuses to restore over a KPI that exists and changes nothing', async () => {
    const { a, k0 } = await planWithData();
    const snapshot = await removeKpi(db, a.plan.id, k0.id, T1);
    await restoreKpi(db, snapshot, T1);
    const before = await dump();
    await expect(restoreKpi(db, snapshot, T2)).rejects.toThrow();
    expect(await dump()).toEqual(before);
  });
});

describe('updateLoop', () => {
  it('merges one insight answer without overwriting the others saved meanwhile', async () => {
    const { loop } = await newPlan('A', 'impressions');
    await updateLoop(db, loop.id, { insights: { reaction: 'Nurses shared the posts' } }, T1);
    const after = await updateLoop(db, loop.id, { insights: { targetGroup: 'Night shift' } }, T1);
    expect(after.insights).toEqual({
      targetGroup: 'Night shift',
      reaction: 'Nurses shared the posts',
      journey: '',
    });
  });

  it('merges a patch, sets updatedAt on the loop and the plan', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const updated = await updateLoop(
      db,
      loop.id,
      { focus: 'reach', strategy: 'Focus on nurses', wizardStep: 2 },
      T1,
    );
    const expected: Loop = {
      ...loop,
      focus: 'reach',
      strategy: 'Focus on nurses',
      wizardStep: 2,
      updatedAt: T1,
    };
    expect(updated).toEqual(expected);
    expect(await db.loops.get(loop.id)).toEqual(expected);
    expect(await updatedAt(plan.id)).toBe(T1);

    const again = await updateLoop(db, loop.id, { judgementDate: '2026-03-01' }, T2);
    expect(again).toEqual({ ...expected, judgementDate: '2026-03-01', updatedAt: T2 });
  });

  it('removes a field that the patch sets to undefined', async () => {
    const { loop } = await newPlan('A', 'impressions');
    const focusRules = { expectedRise: ['impressions'], expectedDrop: [] };
    await updateLoop(db, loop.id, { focus: 'reach', focusRules }, T1);
    expect((await db.loops.get(loop.id))?.focusRules).toEqual(focusRules);

    const cleared = await updateLoop(db, loop.id, { focusRules: undefined }, T2);
    expect('focusRules' in cleared).toBe(false);
    const stored = await db.loops.get(loop.id);
    expect(stored && 'focusRules' in stored).toBe(false);
    expect(stored).toEqual({ ...loop, focus: 'reach', updatedAt: T2 });
  });

  it('refuses an invalid patch and leaves the loop and the plan as they were', async () => {
    const { loop } = await newPlan('A', 'impressions');
    const before = await dump();
    const error = await rejection(updateLoop(db, loop.id, { focus: 'nonsense' } as never, T1));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('loops');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['focus']);
    expect(await db.loops.get(loop.id)).toEqual(loop);
    expect(await dump()).toEqual(before);
  });

  it('throws for a loop that does not exist', async () => {
    await newPlan('A');
    await expect(updateLoop(db, 'missing', { strategy: 'x' }, T1)).rejects.toThrow('not found');
  });
});

describe('saveTargets', () => {
  it("upserts one target per loop and KPI, deletes on null and returns the loop's targets", async () => {
    const { plan, loop, kpis } = await newPlan('A', 'impressions', 'reach');
    const [k0, k1] = [kpiOf(kpis, 0), kpiOf(kpis, 1)];
    const loop2: Loop = { ...loop, id: crypto.randomUUID(), index: 2 };
    const elsewhere = target(loop2, k0, 500);
    await db.loops.add(loop2);
    await db.targets.add(elsewhere);

    const first = await saveTargets(
      db,
      plan.id,
      loop.id,
      [
        { kpiId: k0.id, value: 10, basis: 'manual' },
        { kpiId: k1.id, value: 20, basis: 'baseline' },
      ],
      T1,
    );
    const t0 = first.find((t) => t.kpiId === k0.id)!;
    const t1 = first.find((t) => t.kpiId === k1.id)!;
    expect(byId(first)).toEqual(
      byId([
        { id: t0.id, planId: plan.id, loopId: loop.id, kpiId: k0.id, value: 10, basis: 'manual' },
        { id: t1.id, planId: plan.id, loopId: loop.id, kpiId: k1.id, value: 20, basis: 'baseline' },
      ]),
    );
    expect(await updatedAt(plan.id)).toBe(T1);

    const second = await saveTargets(
      db,
      plan.id,
      loop.id,
      [{ kpiId: k0.id, value: 12, basis: 'previousLoop' }],
      T2,
    );
    expect(byId(second)).toEqual(byId([{ ...t0, value: 12, basis: 'previousLoop' }, t1]));
    expect(await db.targets.where('loopId').equals(loop.id).count()).toBe(2);
    expect(await updatedAt(plan.id)).toBe(T2);

    const third = await saveTargets(db, plan.id, loop.id, [
      { kpiId: k1.id, value: null, basis: 'manual' },
    ]);
    expect(third).toEqual([{ ...t0, value: 12, basis: 'previousLoop' }]);
    expect(byId(await db.targets.toArray())).toEqual(byId([third[0]!, elsewhere]));

    const none = await saveTargets(db, plan.id, loop.id, [
      { kpiId: k1.id, value: null, basis: 'manual' },
    ]);
    expect(none).toEqual(third);
  });

  it('refuses an invalid value among valid ones and writes nothing', async () => {
    const { plan, loop, kpis } = await newPlan('A', 'impressions', 'reach');
    const [k0, k1] = [kpiOf(kpis, 0), kpiOf(kpis, 1)];
    await saveTargets(db, plan.id, loop.id, [{ kpiId: k0.id, value: 10, basis: 'manual' }], T0);
    const before = await dump();

    const error = await rejection(
      saveTargets(
        db,
        plan.id,
        loop.id,
        [
          { kpiId: k0.id, value: null, basis: 'manual' },
          { kpiId: k1.id, value: Number.NaN, basis: 'manual' },
        ],
        T1,
      ),
    );

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('targets');
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['value']);
    expect(await dump()).toEqual(before);
  });
});

describe('createLoop', () => {
  it('writes the loop and its targets together', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions', 'reach');
    const [k0, k1] = [kpiOf(kpis, 0), kpiOf(kpis, 1)];

    const result = await createLoop(
      db,
      plan.id,
      { index: 2, focus: 'traffic', comparison: 'baseline', expectationsNotes: 'Carry over' },
      [
        { kpiId: k0.id, value: 100, basis: 'previousLoop' },
        { kpiId: k1.id, value: 50, basis: 'manual' },
      ],
      T1,
    );

    const loop: Loop = {
      id: result.loop.id,
      planId: plan.id,
      index: 2,
      focus: 'traffic',
      comparison: 'baseline',
      strategy: '',
      expectationsNotes: 'Carry over',
      insights: { targetGroup: '', reaction: '', journey: '' },
      updatedAt: T1,
    };
    expect(result.loop).toEqual(loop);
    expect(await db.loops.get(loop.id)).toEqual(loop);
    expect(result.targets).toEqual([
      {
        id: expect.any(String),
        planId: plan.id,
        loopId: loop.id,
        kpiId: k0.id,
        value: 100,
        basis: 'previousLoop',
      },
      {
        id: expect.any(String),
        planId: plan.id,
        loopId: loop.id,
        kpiId: k1.id,
        value: 50,
        basis: 'manual',
      },
    ]);
    expect(byId(await db.targets.toArray())).toEqual(byId(result.targets));
    expect(await updatedAt(plan.id)).toBe(T1);
  });

  it('refuses a loop index the plan already has and leaves no targets behind', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const before = await dump();
    const error = await rejection(
      createLoop(
        db,
        plan.id,
        { index: 1, expectationsNotes: '' },
        [{ kpiId: kpiOf(kpis, 0).id, value: 100, basis: 'manual' }],
        T1,
      ),
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ConstraintError');
    expect(await db.targets.count()).toBe(0);
    expect(await dump()).toEqual(before);
  });

  it('leaves no loop behind when writing its targets fails', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const before = await dump();
    const kpiId = kpiOf(kpis, 0).id;
    // Two targets for one KPI break the unique [loopId+kpiId] index after the loop was added.
    const error = await rejection(
      createLoop(
        db,
        plan.id,
        { index: 2, expectationsNotes: '' },
        [
          { kpiId, value: 100, basis: 'manual' },
          { kpiId, value: 200, basis: 'manual' },
        ],
        T1,
      ),
    );
    expect(error).toBeInstanceOf(Error);
    expect(await dump()).toEqual(before);
  });

  it('refuses an invalid loop or target and writes nothing', async () => {
    const { plan, kpis } = await newPlan('A', 'impressions');
    const before = await dump();
    const kpiId = kpiOf(kpis, 0).id;
    const badLoop = await rejection(
      createLoop(db, plan.id, { index: 0, expectationsNotes: '' }, [], T1),
    );
    expect(badLoop).toBeInstanceOf(InvalidRecordError);
    expect((badLoop as InvalidRecordError).table).toBe('loops');
    const badTarget = await rejection(
      createLoop(
        db,
        plan.id,
        { index: 2, expectationsNotes: '' },
        [{ kpiId, value: Number.NaN, basis: 'manual' }],
        T1,
      ),
    );
    expect(badTarget).toBeInstanceOf(InvalidRecordError);
    expect((badTarget as InvalidRecordError).table).toBe('targets');
    expect(await dump()).toEqual(before);
  });
});

describe('the timestamp that marks the plan changed', () => {
  it.each(['saveValues', 'addKpis', 'saveTargets', 'removeKpi', 'restoreKpi'] as const)(
    '%s refuses an invalid `now` and writes nothing',
    async (operation) => {
      const { plan, loop, kpis } = await newPlan('A', 'impressions', 'reach');
      const kpiId = kpiOf(kpis, 0).id;
      const removed = await removeKpi(db, plan.id, kpiOf(kpis, 1).id, T0);
      const stored = await loadPlanBundle(db, plan.id);
      const before = await dump();
      const now = 'yesterday';
      const run = {
        saveValues: () => saveValues(db, plan.id, [{ kpiId, ...BASELINE, value: 1 }], now),
        addKpis: () => addKpis(db, plan.id, drafts('reach'), now),
        saveTargets: () =>
          saveTargets(db, plan.id, loop.id, [{ kpiId, value: 1, basis: 'manual' }], now),
        removeKpi: () => removeKpi(db, plan.id, kpiId, now),
        restoreKpi: () => restoreKpi(db, removed, now),
      }[operation];

      const error = await rejection(run());

      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).table).toBe('plans');
      expect((error as InvalidRecordError).issues.map((i) => i.path)).toEqual(['updatedAt']);
      expect(await dump()).toEqual(before);
      expect(await loadPlanBundle(db, plan.id)).toEqual(stored);
    },
  );
});
