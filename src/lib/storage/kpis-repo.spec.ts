import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Loop } from '$lib/schema';
import { putRows } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { addKpis, kpiDataCount, removeKpi, restoreKpi } from './kpis-repo';
import {
  at,
  BASELINE,
  byId,
  drafts,
  dumpTables,
  issuePaths,
  LOOP1,
  measurement,
  newPlan,
  rejection,
  storedMeasurements,
  storeMeasurements,
  T1,
  T2,
  target,
  updatedAt,
  useTestDb,
} from './test-support';
import { WrongPlanError } from './write';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const dump = () => dumpTables(db);

describe('addKpis', () => {
  it("appends after the plan's highest order and bumps updatedAt", async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    // A gap in the orders (a KPI was removed) and another plan with higher orders.
    await db.kpis.update(at(kpis, 1).id, { order: 5 });
    const other = await newPlan(db, 'B', 'impressions');
    await db.kpis.update(at(other.kpis, 0).id, { order: 40 });

    const custom = {
      name: 'Open day visitors',
      pillar: 'conversion',
      side: 'recruitment',
      unit: 'count',
      direction: 'higher',
      aggregation: { kind: 'sum' },
      source: 'manual',
    } as const;
    const { change, value: rows } = await addKpis(
      db,
      plan.id,
      [...drafts('careerSiteVisits'), custom],
      T1,
    );

    expect(rows).toEqual([
      { ...drafts('careerSiteVisits')[0], id: expect.any(String), planId: plan.id, order: 6 },
      { ...custom, id: expect.any(String), planId: plan.id, order: 7 },
    ]);
    expect(at(rows, 0).id).not.toBe(at(rows, 1).id);
    expect(change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { kpis: rows },
      removed: {},
    });
    const stored = await db.kpis.where('planId').equals(plan.id).sortBy('order');
    expect(stored.map((k) => k.order)).toEqual([0, 5, 6, 7]);
    expect(stored.slice(2)).toEqual(rows);
    expect(await updatedAt(db, plan.id)).toBe(T1);
  });

  it('starts at order 0 in a plan without KPIs', async () => {
    const { plan } = await newPlan(db, 'A');
    const { value: rows } = await addKpis(db, plan.id, drafts('reach', 'impressions'), T1);
    expect(rows.map((k) => [k.catalogKey, k.order])).toEqual([
      ['reach', 0],
      ['impressions', 1],
    ]);
  });

  it('refuses an invalid draft among valid ones and writes nothing', async () => {
    const { plan } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const bad = { ...at(drafts('reach'), 0), unit: 'furlongs' } as never;
    const error = await rejection(addKpis(db, plan.id, [...drafts('careerSiteVisits'), bad], T1));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('kpis');
    expect(issuePaths(error)).toEqual(['unit']);
    expect(await dump()).toEqual(before);
  });

  it('writes nothing for a plan that does not exist', async () => {
    await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(addKpis(db, 'missing', drafts('reach'), T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('kpiDataCount, removeKpi and restoreKpi', () => {
  /** Plan A with two KPIs, two loops, targets and values on both; plan B beside it. */
  async function planWithData() {
    const a = await newPlan(db, 'A', 'impressions', 'reach');
    const b = await newPlan(db, 'B', 'impressions');
    const loop2: Loop = { ...a.loop, id: crypto.randomUUID(), index: 2 };
    const [k0, k1] = [at(a.kpis, 0), at(a.kpis, 1)];
    await db.transaction('rw', db.tables, async () => {
      await db.loops.add(loop2);
      await db.targets.bulkAdd([
        target(a.loop, k0, 10),
        target(loop2, k0, 12),
        target(a.loop, k1, 3),
        target(b.loop, at(b.kpis, 0), 8),
      ]);
      await storeMeasurements(db, [
        measurement(k0, BASELINE, 9),
        measurement(k0, LOOP1, null),
        measurement(k0, LOOP1, 11, 'analytics'),
        measurement(k1, BASELINE, 2),
        measurement(at(b.kpis, 0), BASELINE, 7),
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
    const measurements = (await storedMeasurements(db)).filter((m) => m.kpiId === k0.id);

    const { change, value: snapshot } = await removeKpi(db, a.plan.id, k0.id, T1);

    expect(snapshot.kpi).toEqual(k0);
    expect(byId(snapshot.targets)).toEqual(byId(targets));
    expect(byId(snapshot.measurements)).toEqual(byId(measurements));
    expect(snapshot.targets).toHaveLength(2);
    expect(snapshot.measurements).toHaveLength(3);
    expect(change.put).toEqual({});
    expect(change.removed.kpis).toEqual([k0.id]);
    expect(change.removed.targets?.toSorted()).toEqual(targets.map((t) => t.id).toSorted());
    expect(change.removed.measurements?.toSorted()).toEqual(
      measurements.map((m) => m.id).toSorted(),
    );
    expect(change.plan).toEqual({ ...a.plan, updatedAt: T1 });
    expect(await db.kpis.get(k0.id)).toBeUndefined();
    expect(await kpiDataCount(db, k0.id)).toBe(0);
    const gone = new Set([k0.id, ...targets.map((t) => t.id), ...measurements.map((m) => m.id)]);
    const after = await dump();
    for (const table of ['kpis', 'targets', 'measurements'] as const) {
      const rest = (before[table] as { id: string }[]).filter((row) => !gone.has(row.id));
      expect({ table, rows: after[table] }).toEqual({ table, rows: rest });
    }
    expect(await updatedAt(db, a.plan.id)).toBe(T1);

    const restored = await restoreKpi(db, snapshot, T2);

    expect(restored.value).toBeUndefined();
    expect(putRows(restored.change, 'kpis')).toEqual([k0]);
    expect(byId(putRows(restored.change, 'targets'))).toEqual(byId(targets));
    expect(byId(putRows(restored.change, 'measurements'))).toEqual(byId(measurements));
    expect(restored.change.removed).toEqual({});
    const plans = (before.plans as { id: string }[]).map((p) =>
      p.id === a.plan.id ? { ...p, updatedAt: T2 } : p,
    );
    expect(await dump()).toEqual({ ...before, plans });
  });

  it('refuses to remove a KPI of another plan, or a missing one, and changes nothing', async () => {
    const { a, b } = await planWithData();
    const before = await dump();
    const ofB = at(b.kpis, 0).id;

    const error = await rejection(removeKpi(db, a.plan.id, ofB, T1));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'kpis', id: ofB, planId: a.plan.id });
    const missing = await rejection(removeKpi(db, a.plan.id, 'missing', T1));
    expect(missing).toBeInstanceOf(WrongPlanError);
    expect(missing).toMatchObject({ table: 'kpis', id: 'missing', planId: a.plan.id });
    expect(await dump()).toEqual(before);
  });

  it('refuses to restore over a KPI that exists and changes nothing', async () => {
    const { a, k0 } = await planWithData();
    const { value: snapshot } = await removeKpi(db, a.plan.id, k0.id, T1);
    await restoreKpi(db, snapshot, T1);
    const before = await dump();
    const error = await rejection(restoreKpi(db, snapshot, T2));
    expect((error as Error).name).toBe('ConstraintError');
    expect(await dump()).toEqual(before);
  });

  it('refuses to restore into a plan that is gone and writes nothing', async () => {
    const { a, k0 } = await planWithData();
    const { value: snapshot } = await removeKpi(db, a.plan.id, k0.id, T1);
    await db.plans.delete(a.plan.id);
    const before = await dump();
    const error = await rejection(restoreKpi(db, snapshot, T2));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});
