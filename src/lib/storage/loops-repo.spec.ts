import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Loop } from '$lib/schema';
import { putRows } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { createLoop, LoopNotFoundError, saveTargets, updateLoop } from './loops-repo';
import {
  at,
  byId,
  dumpTables,
  issuePaths,
  newPlan,
  rejection,
  T0,
  T1,
  T2,
  target,
  updatedAt,
  useTestDb,
} from './test-support';
import { StaleWriteError } from './stale';
import { WrongPlanError } from './write';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const dump = () => dumpTables(db);

/** The loop's targets as stored (what saveTargets used to return). */
const targetsOf = (loopId: string) => db.targets.where('loopId').equals(loopId).toArray();

describe('updateLoop', () => {
  it('refuses text typed over a copy that changed since, and writes nothing', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    // Tab B saved its strategy after tab A read the empty one.
    await updateLoop(db, loop.id, { strategy: 'From tab B' }, T1);
    const before = await dump();
    const error = await updateLoop(db, loop.id, { strategy: 'From tab A' }, T2, {
      strategy: '',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as StaleWriteError).conflicts).toEqual([
      { kind: 'text', field: 'strategy', stored: 'From tab B' },
    ]);
    expect(await dump()).toEqual(before);
    // An insight answer is compared on its own: the others may change meanwhile.
    await updateLoop(db, loop.id, { insights: { journey: 'Shorter form' } }, T2, {
      'insights.reaction': '',
    });
    expect((await db.loops.get(loop.id))?.insights.journey).toBe('Shorter form');
  });

  it('takes text already stored as what is written for no clash (a save repeated)', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    await updateLoop(db, loop.id, { strategy: 'Saved as the tab closed' }, T1);
    const { value } = await updateLoop(db, loop.id, { strategy: 'Saved as the tab closed' }, T2, {
      strategy: '',
    });
    expect(value.strategy).toBe('Saved as the tab closed');
  });

  it('writes text typed over the stored text', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    await updateLoop(db, loop.id, { strategy: 'First' }, T1);
    const { value } = await updateLoop(db, loop.id, { strategy: 'First, then more' }, T2, {
      strategy: 'First',
    });
    expect(value.strategy).toBe('First, then more');
  });

  it('merges one insight answer without overwriting the others saved meanwhile', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    await updateLoop(db, loop.id, { insights: { reaction: 'Nurses shared the posts' } }, T1);
    const { value: after } = await updateLoop(
      db,
      loop.id,
      { insights: { targetGroup: 'Night shift' } },
      T1,
    );
    expect(after.insights).toEqual({
      targetGroup: 'Night shift',
      reaction: 'Nurses shared the posts',
      journey: '',
    });
  });

  it('merges a patch, sets updatedAt on the loop and the plan', async () => {
    const { plan, loop } = await newPlan(db, 'A', 'impressions');
    const { change, value: updated } = await updateLoop(
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
    expect(change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { loops: [expected] },
      removed: {},
    });
    expect(await db.loops.get(loop.id)).toEqual(expected);
    expect(await updatedAt(db, plan.id)).toBe(T1);

    const again = await updateLoop(db, loop.id, { judgementDate: '2026-03-01' }, T2);
    expect(again.value).toEqual({ ...expected, judgementDate: '2026-03-01', updatedAt: T2 });
  });

  it('removes a field that the patch sets to undefined', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    const focusRules = { expectedRise: ['impressions'], expectedDrop: [] };
    await updateLoop(db, loop.id, { focus: 'reach', focusRules }, T1);
    expect((await db.loops.get(loop.id))?.focusRules).toEqual(focusRules);

    const { change, value: cleared } = await updateLoop(db, loop.id, { focusRules: undefined }, T2);
    expect('focusRules' in cleared).toBe(false);
    expect('focusRules' in at(putRows(change, 'loops'), 0)).toBe(false);
    const stored = await db.loops.get(loop.id);
    expect(stored && 'focusRules' in stored).toBe(false);
    expect(stored).toEqual({ ...loop, focus: 'reach', updatedAt: T2 });
  });

  it('refuses an invalid patch and leaves the loop and the plan as they were', async () => {
    const { loop } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(updateLoop(db, loop.id, { focus: 'nonsense' } as never, T1));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('loops');
    expect(issuePaths(error)).toEqual(['focus']);
    expect(await db.loops.get(loop.id)).toEqual(loop);
    expect(await dump()).toEqual(before);
  });

  it('throws LoopNotFoundError for a loop that does not exist', async () => {
    await newPlan(db, 'A');
    const before = await dump();
    const error = await rejection(updateLoop(db, 'missing', { strategy: 'x' }, T1));
    expect(error).toBeInstanceOf(LoopNotFoundError);
    expect(error).toMatchObject({ loopId: 'missing', message: 'Loop missing not found' });
    expect(await dump()).toEqual(before);
  });
});

describe('saveTargets', () => {
  it('upserts one target per loop and KPI and deletes on null', async () => {
    const { plan, loop, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const [k0, k1] = [at(kpis, 0), at(kpis, 1)];
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
    expect(first.value).toBeUndefined();
    const written = putRows(first.change, 'targets');
    const t0 = written.find((t) => t.kpiId === k0.id)!;
    const t1 = written.find((t) => t.kpiId === k1.id)!;
    const expectedFirst = [
      { id: t0.id, planId: plan.id, loopId: loop.id, kpiId: k0.id, value: 10, basis: 'manual' },
      { id: t1.id, planId: plan.id, loopId: loop.id, kpiId: k1.id, value: 20, basis: 'baseline' },
    ];
    expect(written).toEqual(expectedFirst);
    expect(byId(await targetsOf(loop.id))).toEqual(byId(expectedFirst));
    expect(first.change.plan.updatedAt).toBe(T1);
    expect(await updatedAt(db, plan.id)).toBe(T1);

    const second = await saveTargets(
      db,
      plan.id,
      loop.id,
      [{ kpiId: k0.id, value: 12, basis: 'previousLoop' }],
      T2,
    );
    const t0Again = { ...t0, value: 12, basis: 'previousLoop' as const };
    expect(second.change.put).toEqual({ targets: [t0Again] });
    expect(byId(await targetsOf(loop.id))).toEqual(byId([t0Again, t1]));
    expect(await updatedAt(db, plan.id)).toBe(T2);

    const third = await saveTargets(db, plan.id, loop.id, [
      { kpiId: k1.id, value: null, basis: 'manual' },
    ]);
    expect(third.change.put).toEqual({});
    expect(third.change.removed).toEqual({ targets: [t1.id] });
    expect(await targetsOf(loop.id)).toEqual([t0Again]);
    expect(byId(await db.targets.toArray())).toEqual(byId([t0Again, elsewhere]));

    const none = await saveTargets(db, plan.id, loop.id, [
      { kpiId: k1.id, value: null, basis: 'manual' },
    ]);
    expect(none.change.put).toEqual({});
    expect(none.change.removed).toEqual({});
    expect(await targetsOf(loop.id)).toEqual([t0Again]);
  });

  it('refuses an invalid value among valid ones and writes nothing', async () => {
    const { plan, loop, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const [k0, k1] = [at(kpis, 0), at(kpis, 1)];
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
    expect(issuePaths(error)).toEqual(['value']);
    expect(await dump()).toEqual(before);
  });

  it('refuses a loop or a KPI of another plan and writes nothing', async () => {
    const a = await newPlan(db, 'A', 'impressions');
    const b = await newPlan(db, 'B', 'impressions');
    const before = await dump();
    const kpiOfA = at(a.kpis, 0).id;

    const loopError = await rejection(
      saveTargets(
        db,
        b.plan.id,
        a.loop.id,
        [{ kpiId: at(b.kpis, 0).id, value: 5, basis: 'manual' }],
        T1,
      ),
    );
    expect(loopError).toBeInstanceOf(WrongPlanError);
    expect(loopError).toMatchObject({ table: 'loops', id: a.loop.id, planId: b.plan.id });

    const kpiError = await rejection(
      saveTargets(db, b.plan.id, b.loop.id, [{ kpiId: kpiOfA, value: 5, basis: 'manual' }], T1),
    );
    expect(kpiError).toBeInstanceOf(WrongPlanError);
    expect(kpiError).toMatchObject({ table: 'kpis', id: kpiOfA, planId: b.plan.id });
    expect(await dump()).toEqual(before);
  });

  it('writes nothing for a plan that does not exist', async () => {
    const { loop, kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(
      saveTargets(db, 'missing', loop.id, [{ kpiId: at(kpis, 0).id, value: 1, basis: 'manual' }]),
    );
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('createLoop', () => {
  it('writes the loop and its targets together', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions', 'reach');
    const [k0, k1] = [at(kpis, 0), at(kpis, 1)];

    const { change, value: created } = await createLoop(
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
      id: created.id,
      planId: plan.id,
      index: 2,
      focus: 'traffic',
      comparison: 'baseline',
      strategy: '',
      expectationsNotes: 'Carry over',
      insights: { targetGroup: '', reaction: '', journey: '' },
      updatedAt: T1,
    };
    expect(created).toEqual(loop);
    expect(await db.loops.get(loop.id)).toEqual(loop);
    expect(putRows(change, 'loops')).toEqual([loop]);
    const targets = putRows(change, 'targets');
    expect(targets).toEqual([
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
    expect(change.removed).toEqual({});
    expect(change.plan).toEqual({ ...plan, updatedAt: T1 });
    expect(byId(await db.targets.toArray())).toEqual(byId(targets));
    expect(await updatedAt(db, plan.id)).toBe(T1);
  });

  it('refuses a loop index the plan already has and leaves no targets behind', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const error = await rejection(
      createLoop(
        db,
        plan.id,
        { index: 1, expectationsNotes: '' },
        [{ kpiId: at(kpis, 0).id, value: 100, basis: 'manual' }],
        T1,
      ),
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ConstraintError');
    expect(await db.targets.count()).toBe(0);
    expect(await dump()).toEqual(before);
  });

  it('leaves no loop behind when writing its targets fails', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const kpiId = at(kpis, 0).id;
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
    expect((error as Error).name).toBe('BulkError');
    expect(await dump()).toEqual(before);
  });

  it('refuses an invalid loop or target and writes nothing', async () => {
    const { plan, kpis } = await newPlan(db, 'A', 'impressions');
    const before = await dump();
    const kpiId = at(kpis, 0).id;
    const badLoop = await rejection(
      createLoop(db, plan.id, { index: 0, expectationsNotes: '' }, [], T1),
    );
    expect(badLoop).toBeInstanceOf(InvalidRecordError);
    expect((badLoop as InvalidRecordError).table).toBe('loops');
    expect(issuePaths(badLoop)).toEqual(['index']);
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
