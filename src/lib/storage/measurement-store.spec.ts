import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Measurement } from '$lib/schema/measurement';
import { loadPlanBundle } from './bundle';
import type { TalentloopDb } from './db';
import { InvalidRecordError } from './errors';
import {
  addNewPlanMeasurements,
  countPlanMeasurements,
  deleteKpiMeasurements,
  deleteMeasurements,
  deletePlanMeasurements,
  findMeasurements,
  MEASUREMENT_STORES,
  measurementsOn,
  putMeasurements,
} from './measurement-store';
import { readPlanBundle } from './plan-read';
import {
  at,
  byId,
  dumpTables,
  newPlan,
  rejection,
  storedMeasurements,
  useTestDb,
} from './test-support';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

/** Runs `work` in one transaction over the measurement stores, as a writer does. */
function inTx<T>(work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', MEASUREMENT_STORES, work);
}

function value(
  kpiId: string,
  start: string,
  end: string,
  v: number | null,
  more: Partial<Measurement> = {},
): Measurement {
  return {
    id: crypto.randomUUID(),
    planId: 'p',
    kpiId,
    start,
    end,
    value: v,
    source: 'manual',
    ...more,
  };
}

describe('putMeasurements', () => {
  it('keeps days and weeks in month packs and longer periods as records', async () => {
    const rows = [
      value('k', '2026-01-05', '2026-01-05', 1),
      value('k', '2026-01-06', '2026-01-06', 2, { note: 'storm' }),
      value('k', '2026-01-05', '2026-01-05', 3, { channel: 'Indeed' }),
      value('k', '2026-01-12', '2026-01-18', 4),
      value('k', '2026-01-01', '2026-01-31', 5),
      value('k', '2026-01-26', '2026-02-01', 6),
    ];
    await inTx(() => putMeasurements(db, rows));
    expect(await db.measurements.count()).toBe(2);
    expect(await db.measurementPacks.count()).toBe(2);
    expect(await storedMeasurements(db)).toEqual(byId(rows));
    expect(await inTx(() => countPlanMeasurements(db, 'p'))).toBe(6);
  });

  it('replaces a value by its id and keeps the pack in date order', async () => {
    const a = value('k', '2026-03-09', '2026-03-09', 1);
    const b = value('k', '2026-03-02', '2026-03-02', 2);
    await inTx(() => putMeasurements(db, [a, b]));
    await inTx(() => putMeasurements(db, [{ ...a, value: 10, source: 'ats' }]));
    expect(await storedMeasurements(db)).toEqual(byId([b, { ...a, value: 10, source: 'ats' }]));
    const [pack] = await db.measurementPacks.toArray();
    expect(pack?.ids).toEqual([b.id, a.id]);
  });

  it('with add, refuses an id that is already stored and writes nothing of that call', async () => {
    const a = value('k', '2026-03-09', '2026-03-09', 1);
    await inTx(() => putMeasurements(db, [a]));
    const before = await dumpTables(db);
    const error = await rejection(
      inTx(() =>
        putMeasurements(db, [value('k', '2026-03-01', '2026-03-01', 5), { ...a, value: 2 }], 'add'),
      ),
    );
    expect(String(error)).toMatch(/already stored/);
    expect(await dumpTables(db)).toEqual(before);
  });
});

describe('addNewPlanMeasurements', () => {
  it('adds the values of a new plan in packs, telling how many are written as it goes', async () => {
    const rows = Array.from({ length: 400 }, (_, d) => {
      const date = new Date(Date.UTC(2026, 0, 1 + (d % 200))).toISOString().slice(0, 10);
      return value(d < 200 ? 'k1' : 'k2', date, date, d);
    });
    rows.push(value('k1', '2026-01-01', '2026-03-31', 1));
    const heard: number[] = [];
    await inTx(() => addNewPlanMeasurements(db, rows, (n) => heard.push(n)));
    expect(await storedMeasurements(db)).toEqual(byId(rows));
    expect(heard.at(-1)).toBe(rows.length);
    expect(heard).toEqual(heard.toSorted((a, b) => a - b));
  });

  it('refuses a pack that is already stored, and writes nothing', async () => {
    const stray = value('k', '2026-01-05', '2026-01-05', 1);
    await inTx(() => putMeasurements(db, [stray]));
    const before = await dumpTables(db);
    const error = await rejection(
      inTx(() =>
        addNewPlanMeasurements(db, [
          value('k', '2026-01-01', '2026-03-31', 1),
          value('k', '2026-01-06', '2026-01-06', 2),
        ]),
      ),
    );
    expect((error as Error).name).toBe('BulkError');
    expect(await dumpTables(db)).toEqual(before);
  });
});

describe('findMeasurements', () => {
  it('finds the value on exactly a KPI, period and channel (none is the unnamed one)', async () => {
    const day = value('k', '2026-01-05', '2026-01-05', 1);
    const indeed = value('k', '2026-01-05', '2026-01-05', 2, { channel: 'Indeed' });
    const month = value('k', '2026-01-01', '2026-01-31', 3);
    const otherPlan = { ...value('k', '2026-01-05', '2026-01-05', 4), planId: 'q' };
    await inTx(() => putMeasurements(db, [day, indeed, month, otherPlan]));
    const found = await inTx(() =>
      findMeasurements(db, 'p', [
        { kpiId: 'k', start: '2026-01-05', end: '2026-01-05' },
        { kpiId: 'k', start: '2026-01-05', end: '2026-01-05', channel: 'Indeed' },
        { kpiId: 'k', start: '2026-01-01', end: '2026-01-31' },
        { kpiId: 'k', start: '2026-01-05', end: '2026-01-06' },
        { kpiId: 'other', start: '2026-01-05', end: '2026-01-05' },
      ]),
    );
    expect(found).toEqual([day, indeed, month, undefined, undefined]);
  });
});

describe('deleting', () => {
  it('removes values; a pack left without values is removed with them', async () => {
    const a = value('k', '2026-01-05', '2026-01-05', 1);
    const b = value('k', '2026-02-05', '2026-02-05', 2);
    const c = value('k', '2026-02-06', '2026-02-06', 3);
    const month = value('k', '2026-01-01', '2026-01-31', 4);
    await inTx(() => putMeasurements(db, [a, b, c, month]));
    await inTx(() => deleteMeasurements(db, [a, b, month]));
    expect(await storedMeasurements(db)).toEqual([c]);
    expect((await db.measurementPacks.toArray()).map((p) => p.month)).toEqual(['2026-02']);
  });

  it("removes a KPI's values and returns them; other KPIs and plans keep theirs", async () => {
    const mine = [
      value('k', '2026-01-05', '2026-01-05', 1),
      value('k', '2025-11-01', '2025-12-31', 2),
    ];
    const others = [
      value('k2', '2026-01-05', '2026-01-05', 3),
      value('k-longer', '2026-01-05', '2026-01-05', 3),
      { ...value('k', '2026-01-05', '2026-01-05', 4), planId: 'q' },
    ];
    await inTx(() => putMeasurements(db, [...mine, ...others]));
    expect(byId(await inTx(() => deleteKpiMeasurements(db, 'p', 'k')))).toEqual(byId(mine));
    expect(await storedMeasurements(db)).toEqual(byId(others));
  });

  it("removes a plan's values, not those of a plan whose id starts the same", async () => {
    const kept = [
      { ...value('k', '2026-01-05', '2026-01-05', 1), planId: 'pq' },
      { ...value('k', '2026-01-01', '2026-01-31', 1), planId: 'pq' },
    ];
    await inTx(() =>
      putMeasurements(db, [
        value('k', '2026-01-05', '2026-01-05', 1),
        value('k', '2026-01-01', '2026-01-31', 2),
        ...kept,
      ]),
    );
    await inTx(() => deletePlanMeasurements(db, 'p'));
    expect(await storedMeasurements(db)).toEqual(byId(kept));
  });
});

describe('measurementsOn', () => {
  it('finds the values lying exactly on the ranges, packed or not, of every KPI and channel', async () => {
    const week = value('k', '2026-01-05', '2026-01-11', 1);
    const weekIndeed = value('k2', '2026-01-05', '2026-01-11', 2, { channel: 'Indeed' });
    const loop = value('k', '2026-01-01', '2026-02-28', 3);
    const notOn = [
      value('k', '2026-01-05', '2026-01-05', 4),
      value('k', '2026-01-01', '2026-01-31', 5),
    ];
    await inTx(() => putMeasurements(db, [week, weekIndeed, loop, ...notOn]));
    const on = await inTx(() =>
      measurementsOn(db, 'p', [
        { start: '2026-01-05', end: '2026-01-11' },
        { start: '2026-01-01', end: '2026-02-28' },
      ]),
    );
    expect(byId(on)).toEqual(byId([week, weekIndeed, loop]));
  });
});

describe('a damaged pack', () => {
  it('is read value by value and its bad values reported; a write into it is refused', async () => {
    const { plan, kpis } = await newPlan(db, 'Acme', 'reach');
    const kpi = at(kpis, 0);
    const good = { ...value(kpi.id, '2026-01-05', '2026-01-05', 1), planId: plan.id };
    const bad = { ...value(kpi.id, '2026-01-06', '2026-01-06', 2), planId: plan.id };
    await inTx(() => putMeasurements(db, [good, bad]));
    const key = [plan.id, kpi.id, '', '2026-01'] as const;
    await db.measurementPacks.update(key as never, { values: [1, 'two'] } as never);

    const bundle = await loadPlanBundle(db, plan.id);
    expect(bundle.measurements).toEqual([good]);
    expect(bundle.problems).toEqual([
      expect.objectContaining({ where: 'measurements', key: bad.id }),
    ]);
    expect(await readPlanBundle(plan.id, db.name)).toEqual(bundle);

    const before = await dumpTables(db);
    const error = await rejection(
      inTx(() =>
        putMeasurements(db, [{ ...good, id: 'new', start: '2026-01-07', end: '2026-01-07' }]),
      ),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(await dumpTables(db)).toEqual(before);
  });
});
