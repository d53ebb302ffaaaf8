import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { kpiSchema } from '$lib/schema/kpi';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import {
  at,
  BASELINE,
  drafts,
  dumpTables,
  issuePaths,
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
import {
  assertKpisOfPlan,
  assertLoopOfPlan,
  touchPlan,
  valid,
  writePlan,
  WrongPlanError,
} from './write';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const dump = () => dumpTables(db);

describe('writePlan', () => {
  it('runs the work in one transaction and returns its change with the new updatedAt', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const other = await newPlan(db, 'B');
    const row = measurement(at(kpis, 0), BASELINE, 42);

    const written = await writePlan(db, plan.id, T1, ['measurements', 'kpis'], async (change) => {
      await storeMeasurements(db, [row]);
      change.wrote('measurements', [row]);
      await db.kpis.delete(at(kpis, 1).id);
      change.deleted('kpis', [at(kpis, 1).id]);
      return 'done';
    });

    expect(written).toEqual({
      change: {
        planId: plan.id,
        plan: { ...plan, updatedAt: T1 },
        put: { measurements: [row] },
        removed: { kpis: [at(kpis, 1).id] },
      },
      value: 'done',
    });
    expect(await db.plans.get(plan.id)).toEqual(written.change.plan);
    expect(await storedMeasurements(db)).toEqual([row]);
    expect(await db.kpis.where('planId').equals(plan.id).toArray()).toEqual([at(kpis, 0)]);
    expect(await updatedAt(db, other.plan.id)).toBe(T0);
  });

  it('gives the work a plan whose timestamp is already set, and a fresh recorder', async () => {
    const { plan } = await newPlan(db, 'A');
    const seen: unknown[] = [];
    await writePlan(db, plan.id, T1, [], async (change) => {
      seen.push((await db.plans.get(plan.id))?.updatedAt, { ...change.put }, change.plan);
    });
    expect(seen).toEqual([T1, {}, undefined]);
  });

  it('takes the plan row the work recorded as the newer copy', async () => {
    const { plan } = await newPlan(db, 'A');
    const renamed = { ...plan, organisation: 'Acme Health', updatedAt: T1 };
    const { change } = await writePlan(db, plan.id, T1, [], async (recorder) => {
      await db.plans.put(renamed);
      recorder.plan = renamed;
    });
    expect(change.plan).toEqual(renamed);
    expect(await db.plans.get(plan.id)).toEqual(renamed);
  });

  it('rolls back every row and the timestamp when the work throws', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();

    const error = await rejection(
      writePlan(db, plan.id, T1, ['measurements', 'kpis'], async (change) => {
        const row = measurement(at(kpis, 0), BASELINE, 1);
        await storeMeasurements(db, [row]);
        change.wrote('measurements', [row]);
        await db.kpis.update(at(kpis, 0).id, { order: 9 });
        throw new Error('the work fails');
      }),
    );

    expect((error as Error).message).toBe('the work fails');
    expect(await dump()).toEqual(before);
    expect(await updatedAt(db, plan.id)).toBe(T0);
  });

  it('says a missing plan is missing before any row work runs', async () => {
    await newPlan(db, 'A');
    const before = await dump();
    const work = vi.fn(async () => {
      throw new WrongPlanError('kpis', 'k', 'missing');
    });

    const error = await rejection(writePlan(db, 'missing', T1, ['kpis'], work));

    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect((error as PlanNotFoundError).planId).toBe('missing');
    expect(work).not.toHaveBeenCalled();
    expect(await dump()).toEqual(before);
  });

  it.each(['yesterday', '2026-02-30T10:00:00.000Z', ''])(
    'refuses the time %j and runs no work',
    async (now) => {
      const { plan } = await newPlan(db, 'A');
      const before = await dump();
      const work = vi.fn(async () => undefined);

      const error = await rejection(writePlan(db, plan.id, now, [], work));

      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).table).toBe('plans');
      expect(issuePaths(error)).toEqual(['updatedAt']);
      expect(work).not.toHaveBeenCalled();
      expect(await dump()).toEqual(before);
    },
  );

  it('refuses a write to a table outside the transaction and writes nothing', async () => {
    const { plan, loop } = await newPlan(db, 'A');
    const before = await dump();
    const error = await rejection(
      writePlan(db, plan.id, T1, ['kpis'], async () => {
        await db.loops.update(loop.id, { strategy: 'not in scope' });
      }),
    );
    expect((error as Error).name).toBe('NotFoundError');
    expect(await dump()).toEqual(before);
  });
});

describe('touchPlan', () => {
  it('returns the plan row after the new timestamp and says when the plan is missing', async () => {
    const { plan } = await newPlan(db, 'A');
    const touched = await db.transaction('rw', db.plans, () => touchPlan(db, plan.id, T2));
    expect(touched).toEqual({ ...plan, updatedAt: T2 });
    expect(await db.plans.get(plan.id)).toEqual(touched);
    const error = await rejection(touchPlan(db, 'missing', T2));
    expect(error).toBeInstanceOf(PlanNotFoundError);
  });
});

describe('valid', () => {
  it('returns the row as parsed (defaults applied) or refuses it with its issues', () => {
    const draft = at(drafts('reach'), 0);
    const row = valid(kpiSchema, 'kpis', { ...draft, id: 'k', planId: 'p', order: 0 });
    expect(row).toEqual({ ...draft, id: 'k', planId: 'p', order: 0 });

    let error: unknown;
    try {
      valid(kpiSchema, 'kpis', { ...draft, id: 'k', planId: 'p', order: -1, unit: 'furlongs' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('kpis');
    expect(issuePaths(error).toSorted()).toEqual(['order', 'unit']);
  });
});

describe('assertKpisOfPlan and assertLoopOfPlan', () => {
  it("accept the plan's own KPIs (also named twice) and loops", async () => {
    const { plan, loop, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const ids = [at(kpis, 0).id, at(kpis, 1).id, at(kpis, 0).id];
    await expect(assertKpisOfPlan(db, plan.id, ids)).resolves.toBeUndefined();
    await expect(assertKpisOfPlan(db, plan.id, [])).resolves.toBeUndefined();
    await expect(assertLoopOfPlan(db, plan.id, loop.id)).resolves.toBeUndefined();
  });

  it('refuse a KPI or loop of another plan, or one that does not exist', async () => {
    const a = await newPlan(db, 'A', 'impressions');
    const b = await newPlan(db, 'B', 'impressions');

    const kpiOfB = at(b.kpis, 0).id;
    const kpiError = await rejection(assertKpisOfPlan(db, a.plan.id, [at(a.kpis, 0).id, kpiOfB]));
    expect(kpiError).toBeInstanceOf(WrongPlanError);
    expect(kpiError).toMatchObject({
      table: 'kpis',
      id: kpiOfB,
      planId: a.plan.id,
      message: `kpis ${kpiOfB} does not belong to plan ${a.plan.id}`,
    });
    const noKpi = await rejection(assertKpisOfPlan(db, a.plan.id, ['no-such-kpi']));
    expect(noKpi).toMatchObject({ name: 'WrongPlanError', table: 'kpis', id: 'no-such-kpi' });

    const loopError = await rejection(assertLoopOfPlan(db, a.plan.id, b.loop.id));
    expect(loopError).toBeInstanceOf(WrongPlanError);
    expect(loopError).toMatchObject({ table: 'loops', id: b.loop.id, planId: a.plan.id });
    const noLoop = await rejection(assertLoopOfPlan(db, a.plan.id, 'no-such-loop'));
    expect(noLoop).toMatchObject({ name: 'WrongPlanError', table: 'loops', id: 'no-such-loop' });
  });
});
