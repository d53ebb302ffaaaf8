import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putRows } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import {
  at,
  BASELINE,
  byId,
  dumpTables,
  issuePaths,
  LOOP1,
  measurement,
  newPlan,
  rejection,
  storedMeasurements,
  storeMeasurements,
  T0,
  T1,
  T2,
  updatedAt,
  useTestDb,
} from './test-support';
import { saveValues, setBaselinePeriod } from './values-repo';
import { StaleWriteError } from './stale';
import { WrongPlanError } from './write';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const dump = () => dumpTables(db);

describe('saveValues', () => {
  it('refuses a value typed over a cell that changed since, and writes nothing of the save', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'hires');
    const [impressions, hires] = [at(kpis, 0), at(kpis, 1)];
    await saveValues(db, plan.id, [{ kpiId: impressions.id, ...BASELINE, value: 222 }], T1);
    const before = await dump();
    const error = await saveValues(
      db,
      plan.id,
      [
        { kpiId: hires.id, ...BASELINE, value: 3, base: { value: undefined } },
        // Typed over the empty cell another tab has filled meanwhile.
        { kpiId: impressions.id, ...BASELINE, value: 111, base: { value: undefined } },
      ],
      T2,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as StaleWriteError).conflicts).toEqual([
      { kind: 'value', kpiId: impressions.id, ...BASELINE, stored: 222 },
    ]);
    expect(await dump()).toEqual(before);
  });

  it('skips, when asked (an undo), only the cells that changed since, and says which', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'hires');
    const [impressions, hires] = [at(kpis, 0), at(kpis, 1)];
    // A paste wrote 10 and 20; another tab then changed hires to 25.
    await saveValues(
      db,
      plan.id,
      [
        { kpiId: impressions.id, ...BASELINE, value: 10 },
        { kpiId: hires.id, ...BASELINE, value: 20 },
      ],
      T1,
    );
    await saveValues(db, plan.id, [{ kpiId: hires.id, ...BASELINE, value: 25 }], T1);
    const undo = [
      { kpiId: impressions.id, ...BASELINE, value: undefined, base: { value: 10 } },
      { kpiId: hires.id, ...BASELINE, value: undefined, base: { value: 20 } },
    ];
    const { value } = await saveValues(db, plan.id, undo, T2, { stale: 'skip' });
    expect(value.skipped).toEqual([undo[1]]);
    const left = await storedMeasurements(db);
    expect(left.map((m) => [m.kpiId, m.value])).toEqual([[hires.id, 25]]);
  });

  it('inserts a manual value, replaces it on the same KPI and range, and bumps updatedAt', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const kpi = at(kpis, 0);

    const first = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: 120 }], T1);
    const row = at(putRows(first.change, 'measurements'), 0);
    expect(first).toEqual({
      change: {
        planId: plan.id,
        plan: { ...plan, updatedAt: T1 },
        put: {
          measurements: [
            {
              id: expect.any(String),
              planId: plan.id,
              kpiId: kpi.id,
              ...BASELINE,
              value: 120,
              source: 'manual',
            },
          ],
        },
        removed: {},
      },
      value: { skipped: [] },
    });
    expect(await storedMeasurements(db)).toEqual([row]);
    expect(await updatedAt(db, plan.id)).toBe(T1);

    const second = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: 150 }], T2);
    expect(putRows(second.change, 'measurements')).toEqual([{ ...row, value: 150 }]);
    expect(second.change.removed.measurements ?? []).toEqual([]);
    expect(await storedMeasurements(db)).toEqual([{ ...row, value: 150 }]);
    expect(await updatedAt(db, plan.id)).toBe(T2);
    expect(second.change.plan.updatedAt).toBe(T2);
  });

  it('keeps values of the same KPI on other ranges apart', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const kpiId = at(kpis, 0).id;
    const sameStart = { start: BASELINE.start, end: '2025-11-30' };
    const { change } = await saveValues(
      db,
      plan.id,
      [
        { kpiId, ...BASELINE, value: 1 },
        { kpiId, ...sameStart, value: 2 },
        { kpiId, ...LOOP1, value: 3 },
      ],
      T1,
    );
    const saved = putRows(change, 'measurements');
    expect(saved.map((m) => m.value)).toEqual([1, 2, 3]);
    expect(new Set(saved.map((m) => m.id)).size).toBe(3);
    await saveValues(db, plan.id, [{ kpiId, ...sameStart, value: 20 }], T2);
    expect(byId(await storedMeasurements(db))).toEqual(
      byId([at(saved, 0), { ...at(saved, 1), value: 20 }, at(saved, 2)]),
    );
  });

  it('stores null as an unknown value and removes the value for undefined', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const [kpi, other] = [at(kpis, 0), at(kpis, 1)];
    const kept = await saveValues(db, plan.id, [{ kpiId: other.id, ...BASELINE, value: 4 }], T0);

    const unknown = await saveValues(
      db,
      plan.id,
      [{ kpiId: kpi.id, ...BASELINE, value: null }],
      T1,
    );
    const id = at(putRows(unknown.change, 'measurements'), 0).id;
    expect((await storedMeasurements(db)).find((m) => m.id === id)).toMatchObject({
      value: null,
      source: 'manual',
    });

    const cleared = await saveValues(
      db,
      plan.id,
      [{ kpiId: kpi.id, ...BASELINE, value: undefined }],
      T2,
    );
    expect(putRows(cleared.change, 'measurements')).toEqual([]);
    expect(cleared.change.removed).toEqual({ measurements: [id] });
    expect(await storedMeasurements(db)).toEqual(putRows(kept.change, 'measurements'));
    expect(await updatedAt(db, plan.id)).toBe(T2);

    // Clearing an empty cell removes nothing, but is still a write of the plan.
    const again = await saveValues(db, plan.id, [{ kpiId: kpi.id, ...BASELINE, value: undefined }]);
    expect(again.change.put).toEqual({});
    expect(again.change.removed).toEqual({});
    expect(again.change.plan).toEqual(await db.plans.get(plan.id));
  });

  it('keeps one value per KPI and exact range: a typed value replaces an imported one', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const kpi = at(kpis, 0);
    const analytics = measurement(kpi, BASELINE, 1000, 'analytics');
    const daily = measurement(kpi, { start: BASELINE.start, end: BASELINE.start }, 30, 'analytics');
    await storeMeasurements(db, [analytics, daily]);

    const typed = await saveValues(db, plan.id, [
      { kpiId: kpi.id, ...BASELINE, value: 5, source: 'ads' },
    ]);
    const saved = at(putRows(typed.change, 'measurements'), 0);
    expect(saved).toMatchObject({ id: analytics.id, value: 5, source: 'ads' });
    // A finer value on another range is a different cell and stays.
    expect(byId(await storedMeasurements(db))).toEqual(byId([saved, daily]));

    const removed = await saveValues(db, plan.id, [
      { kpiId: kpi.id, ...BASELINE, value: undefined },
    ]);
    expect(removed.change.removed.measurements ?? []).toEqual([analytics.id]);
    expect(await storedMeasurements(db)).toEqual([daily]);
  });

  it.each([
    ['an end before the start', { start: '2025-12-31', end: '2025-11-01', value: 3 }, 'end'],
    ['NaN', { ...BASELINE, value: Number.NaN }, 'value'],
    ['Infinity', { ...BASELINE, value: Number.POSITIVE_INFINITY }, 'value'],
    ['a date that does not exist', { start: '2025-02-30', end: '2025-03-31', value: 3 }, 'start'],
  ])('refuses an entry with %s among valid ones and writes nothing', async (_, bad, path) => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    await saveValues(db, plan.id, [{ kpiId: at(kpis, 0).id, ...BASELINE, value: 1 }], T0);
    const before = await dump();

    const error = await rejection(
      saveValues(
        db,
        plan.id,
        [
          { kpiId: at(kpis, 0).id, ...BASELINE, value: undefined },
          { kpiId: at(kpis, 1).id, ...BASELINE, value: 2 },
          { kpiId: at(kpis, 1).id, ...bad },
        ],
        T1,
      ),
    );

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('measurements');
    expect(issuePaths(error)).toEqual([path]);
    expect(await dump()).toEqual(before);
  });

  it('writes nothing for a plan that does not exist', async () => {
    const { kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(
      saveValues(db, 'missing', [{ kpiId: at(kpis, 0).id, ...BASELINE, value: 1 }], T1),
    );
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });

  it('refuses a value for a KPI of another plan, or a missing KPI, and writes nothing', async () => {
    const a = await newPlan(db, 'A', 'impressions');
    const b = await newPlan(db, 'B', 'impressions');
    const before = await dump();
    const kpiOfA = at(a.kpis, 0).id;

    const error = await rejection(
      saveValues(db, b.plan.id, [{ kpiId: kpiOfA, ...BASELINE, value: 5 }], T1),
    );
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'kpis', id: kpiOfA, planId: b.plan.id });

    const missing = await rejection(
      saveValues(
        db,
        b.plan.id,
        [
          { kpiId: at(b.kpis, 0).id, ...BASELINE, value: 5 },
          { kpiId: 'no-such-kpi', ...BASELINE, value: 5 },
        ],
        T1,
      ),
    );
    expect(missing).toMatchObject({ name: 'WrongPlanError', table: 'kpis', id: 'no-such-kpi' });
    expect(await dump()).toEqual(before);
  });
});

describe('setBaselinePeriod', () => {
  const NEXT = { start: '2025-10-01', end: '2025-12-31' };

  it('sets the baseline and moves only the values exactly on the old period', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const other = await newPlan(db, 'B', 'impressions');
    const [k0, k1] = [at(kpis, 0), at(kpis, 1)];
    const onOld = [measurement(k0, BASELINE, 10, 'analytics'), measurement(k1, BASELINE, null)];
    const untouched = [
      measurement(k0, { start: BASELINE.start, end: '2025-11-30' }, 12),
      measurement(k1, { start: '2025-11-02', end: BASELINE.end }, 13),
      measurement(k1, LOOP1, 14),
      measurement(at(other.kpis, 0), BASELINE, 15),
    ];
    await storeMeasurements(db, [...onOld, ...untouched]);

    const { change, value } = await setBaselinePeriod(db, plan.id, BASELINE, NEXT, T1);

    const expectedPlan = { ...plan, baseline: NEXT, updatedAt: T1 };
    expect(value).toBeUndefined();
    expect(change.plan).toEqual(expectedPlan);
    expect(await db.plans.get(plan.id)).toEqual(expectedPlan);
    const moved = putRows(change, 'measurements');
    expect(byId(moved)).toEqual(byId(onOld.map((m) => ({ ...m, ...NEXT }))));
    expect(change.removed).toEqual({});
    expect(byId(await storedMeasurements(db))).toEqual(byId([...moved, ...untouched]));
    expect(await db.plans.get(other.plan.id)).toEqual(other.plan);
  });

  it.each([
    ['with a value on the old period', true],
    ['without values on the old period', false],
  ])('refuses an inverted period %s and writes nothing', async (_, withValue) => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    if (withValue) await storeMeasurements(db, [measurement(at(kpis, 0), BASELINE, 10)]);
    const before = await dump();

    const inverted = { start: '2025-12-31', end: '2025-10-01' };
    const error = await rejection(setBaselinePeriod(db, plan.id, BASELINE, inverted, T1));

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
    expect(issuePaths(error)).toEqual(['baseline.end']);
    expect(await dump()).toEqual(before);
  });

  it('moves a baseline of days inside one month out of its pack and back in', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const SHORT = { start: '2025-11-03', end: '2025-11-16' };
    const day = measurement(at(kpis, 0), { start: '2025-11-03', end: '2025-11-03' }, 1);
    const value = measurement(at(kpis, 0), SHORT, 10);
    await storeMeasurements(db, [day, value]);
    expect(await db.measurementPacks.count()).toBe(1);

    await setBaselinePeriod(db, plan.id, SHORT, NEXT, T1);
    expect(byId(await storedMeasurements(db))).toEqual(byId([day, { ...value, ...NEXT }]));
    expect((await db.measurementPacks.toArray()).map((p) => p.ids)).toEqual([[day.id]]);

    await setBaselinePeriod(db, plan.id, NEXT, SHORT, T2);
    expect(byId(await storedMeasurements(db))).toEqual(byId([day, value]));
    expect(await db.measurements.count()).toBe(0);
  });

  it('keeps a value already on the new period and leaves the old one where it was', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const k0 = at(kpis, 0);
    const old = measurement(k0, BASELINE, 10);
    const already = measurement(k0, NEXT, 20);
    await storeMeasurements(db, [old, already]);

    const { change } = await setBaselinePeriod(db, plan.id, BASELINE, NEXT, T1);

    expect(putRows(change, 'measurements')).toEqual([]);
    expect(change.plan.baseline).toEqual(NEXT);
    expect(byId(await storedMeasurements(db))).toEqual(byId([old, already]));
  });

  it('writes nothing for a date that does not exist, or a plan that does not exist', async () => {
    const { plan } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(
      setBaselinePeriod(db, plan.id, BASELINE, { start: '2025-02-30', end: '2025-03-31' }, T1),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(issuePaths(error)).toEqual(['baseline.start']);
    const missing = await rejection(setBaselinePeriod(db, 'missing', BASELINE, NEXT, T1));
    expect(missing).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});
