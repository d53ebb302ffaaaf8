import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Kpi, Loop, LoopChange } from '$lib/schema';
import { assembleBundle, loadPlanBundle } from './bundle';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { emptyRows } from '$lib/schema/tables';
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
  storeMeasurements,
  target,
  useTestDb,
} from './test-support';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const dump = () => dumpTables(db);

describe('loadPlanBundle', () => {
  it('returns the plan with only its own rows, KPIs by order and loops by index', async () => {
    const a = await newPlan(db, 'A');
    const b = await newPlan(db, 'B', 'impressions');
    // Primary keys sort before the random UUIDs and against `order`/`index`, so the result is
    // only in order when the repository sorts it.
    const kpi = (id: string, order: number): Kpi => ({
      ...at(drafts('reach'), 0),
      id,
      planId: a.plan.id,
      order,
    });
    const kpis = [kpi('!k-a', 2), kpi('!k-b', 1), kpi('!k-c', 0)];
    const loop3: Loop = { ...a.loop, id: '!l-a', index: 3 };
    const loop2: Loop = { ...a.loop, id: '!l-b', index: 2 };
    const targets = [target(a.loop, at(kpis, 0), 10), target(loop2, at(kpis, 1), 20)];
    const measurements = [
      measurement(at(kpis, 0), BASELINE, 5),
      measurement(at(kpis, 2), LOOP1, null),
    ];
    const change: LoopChange = {
      id: crypto.randomUUID(),
      planId: a.plan.id,
      loopId: a.loop.id,
      date: '2026-01-20',
      what: 'Paused LinkedIn ads',
      why: '',
    };
    const bKpi = at(b.kpis, 0);
    await db.transaction('rw', db.tables, async () => {
      await db.kpis.bulkAdd(kpis);
      await db.loops.bulkAdd([loop3, loop2]);
      await db.targets.bulkAdd([...targets, target(b.loop, bKpi, 99)]);
      await storeMeasurements(db, [...measurements, measurement(bKpi, BASELINE, 7)]);
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
    expect(bundle.campaigns).toEqual([]);
    expect(bundle.meetings).toEqual([]);
    expect(bundle.budgets).toEqual([]);
    expect(bundle.problems).toEqual([]);

    const other = await loadPlanBundle(db, b.plan.id);
    expect(other.kpis).toEqual(b.kpis);
    expect(other.targets.map((t) => t.value)).toEqual([99]);
    expect(other.measurements.map((m) => m.value)).toEqual([7]);
    expect(other.loopChanges.map((c) => c.id)).toEqual(['other']);
  });

  it('sorts meetings newest first and budgets by year', async () => {
    const { plan } = await newPlan(db, 'A');
    const meeting = (id: string, date: string) => ({
      id,
      planId: plan.id,
      date,
      vacancies: [],
      marketingSupport: '',
      successes: '',
      failures: '',
      lessons: '',
    });
    const budget = (id: string, year: number) => ({
      id,
      planId: plan.id,
      year,
      hrBudget: 1000,
      brand: 10,
      recruitment: 20,
    });
    await db.meetings.bulkAdd([
      meeting('!m-a', '2026-01-05'),
      meeting('!m-b', '2026-03-02'),
      meeting('!m-c', '2026-02-01'),
    ]);
    await db.budgets.bulkAdd([budget('!b-a', 2027), budget('!b-b', 2025), budget('!b-c', 2026)]);

    const bundle = await loadPlanBundle(db, plan.id);

    expect(bundle.meetings.map((m) => m.date)).toEqual(['2026-03-02', '2026-02-01', '2026-01-05']);
    expect(bundle.budgets.map((b) => b.year)).toEqual([2025, 2026, 2027]);
  });

  it('reports an invalid KPI row, leaves it out and leaves it stored as it was', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const broken = { ...at(kpis, 0), id: 'broken', order: 2, unit: 'furlongs' };
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
    const { plan } = await newPlan(db, 'A');
    expect(await rejection(loadPlanBundle(db, 'missing'))).toBeInstanceOf(PlanNotFoundError);
    await db.plans.put({ ...plan, id: 'broken', currency: 'euro' });
    const error = await rejection(loadPlanBundle(db, 'broken'));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
    expect(issuePaths(error)).toEqual(['currency']);
  });
});

describe('assembleBundle', () => {
  it('validates and sorts rows handed in, whatever read them', async () => {
    const { plan, loop, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const rows = { ...emptyRows(), kpis: [at(kpis, 1), at(kpis, 0), { id: 'bad' }], loops: [loop] };

    const bundle = assembleBundle(plan.id, plan, rows);

    expect(bundle.plan).toEqual(plan);
    expect(bundle.kpis).toEqual(kpis);
    expect(bundle.loops).toEqual([loop]);
    expect(bundle.problems.map((p) => [p.where, p.key])).toEqual([['kpis', 'bad']]);
    expect(() => assembleBundle('gone', undefined, emptyRows())).toThrow(PlanNotFoundError);
  });
});
