import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Campaign, LoopChange } from '$lib/schema';
import type { TalentloopDb } from './db';
import { drafts, dumpTables, PLAN_INPUT, rejection, useTestDb } from './test-support';
import { createPlan, InvalidRecordError, PlanNotFoundError, type NewPlanInput } from './plans-repo';
import {
  removeLoopItem,
  saveCampaign,
  saveLoopChange,
  WrongPlanError,
  type CampaignDraft,
  type LoopChangeDraft,
} from './wizard-repo';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-02-10T12:30:00.000Z';
const T2 = '2026-03-15T08:15:00.000Z';
const T3 = '2026-04-20T16:45:00.000Z';

const input: NewPlanInput = { ...PLAN_INPUT, baseline: { start: '2025-11-01', end: '2025-12-31' } };

/** A plan created at T0 with loop 1 and the given catalog KPIs. */
async function newPlan(organisation: string, ...keys: string[]) {
  return createPlan(db, { ...input, organisation }, drafts(...keys), T0);
}

const dump = () => dumpTables(db);

async function updatedAt(planId: string): Promise<string | undefined> {
  return (await db.plans.get(planId))?.updatedAt;
}

function campaign(loopId: string, extra: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    loopId,
    name: 'Spring nurses',
    channel: 'LinkedIn',
    start: '2026-01-10',
    end: '2026-02-20',
    budget: 1500,
    side: 'recruitment',
    ...extra,
  };
}

function change(loopId: string, extra: Partial<LoopChangeDraft> = {}): LoopChangeDraft {
  return { loopId, date: '2026-01-20', what: 'Paused LinkedIn ads', why: 'Too costly', ...extra };
}

function issuePaths(error: unknown): string[] {
  return (error as InvalidRecordError).issues.map((i) => i.path);
}

describe('saveCampaign', () => {
  it('adds a campaign with a new id and the plan id, and marks the plan changed', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const other = await newPlan('B');

    const row = await saveCampaign(db, plan.id, campaign(loop.id), T1);

    const expected: Campaign = { ...campaign(loop.id), id: row.id, planId: plan.id };
    expect(row).toEqual(expected);
    expect(row.id).toEqual(expect.any(String));
    expect(row.id.length).toBeGreaterThan(0);
    expect(await db.campaigns.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T1);
    expect(await updatedAt(other.plan.id)).toBe(T0);

    const second = await saveCampaign(db, plan.id, campaign(loop.id, { name: 'Autumn' }), T2);
    expect(second.id).not.toBe(row.id);
    expect(await db.campaigns.count()).toBe(2);
  });

  it('updates the campaign with the same id in place (one row)', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const row = await saveCampaign(db, plan.id, campaign(loop.id), T1);

    const { budget: _budget, ...withoutBudget } = campaign(loop.id);
    const updated = await saveCampaign(
      db,
      plan.id,
      { ...withoutBudget, id: row.id, name: 'Renamed', side: 'brand' },
      T2,
    );

    const expected: Campaign = {
      ...withoutBudget,
      id: row.id,
      planId: plan.id,
      name: 'Renamed',
      side: 'brand',
    };
    expect(updated).toEqual(expected);
    expect(await db.campaigns.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T2);
  });

  it('accepts a campaign of a single day', async () => {
    const { plan, loop } = await newPlan('A');
    const row = await saveCampaign(
      db,
      plan.id,
      campaign(loop.id, { start: '2026-01-15', end: '2026-01-15' }),
      T1,
    );
    expect(await db.campaigns.get(row.id)).toEqual(row);
  });

  it.each([
    ['an end before the start', { start: '2026-02-20', end: '2026-01-10' }, ['end']],
    ['an empty name', { name: '' }, ['name']],
    ['a negative budget', { budget: -1 }, ['budget']],
    ['a budget that is not finite', { budget: Number.NaN }, ['budget']],
    ['a date that does not exist', { start: '2026-01-32' }, ['start']],
    ['an unknown side', { side: 'both' as never }, ['side']],
  ])('refuses a campaign with %s and writes nothing', async (_, bad, paths) => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const existing = await saveCampaign(db, plan.id, campaign(loop.id), T1);
    const before = await dump();

    const added = await rejection(saveCampaign(db, plan.id, campaign(loop.id, bad), T2));
    expect(added).toBeInstanceOf(InvalidRecordError);
    expect((added as InvalidRecordError).table).toBe('campaigns');
    expect(issuePaths(added)).toEqual(paths);

    const edited = await rejection(
      saveCampaign(db, plan.id, campaign(loop.id, { ...bad, id: existing.id }), T2),
    );
    expect(edited).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });

  it('refuses a campaign for a loop of another plan, or a missing loop, and writes nothing', async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await saveCampaign(db, b.plan.id, campaign(b.loop.id), T1);
    const ofA = await saveCampaign(db, a.plan.id, campaign(a.loop.id), T1);
    const before = await dump();

    const error = await rejection(saveCampaign(db, a.plan.id, campaign(b.loop.id), T2));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loops', id: b.loop.id, planId: a.plan.id });

    // Moving an existing campaign of A to a loop of B is refused as well.
    const moved = await rejection(
      saveCampaign(db, a.plan.id, campaign(b.loop.id, { id: ofA.id }), T2),
    );
    expect(moved).toBeInstanceOf(WrongPlanError);

    const missing = await rejection(saveCampaign(db, a.plan.id, campaign('no-such-loop'), T2));
    expect(missing).toBeInstanceOf(WrongPlanError);

    expect(await dump()).toEqual(before);
    expect(await db.campaigns.get(ofB.id)).toEqual(ofB);
  });

  it("refuses to take over another plan's campaign by its id and writes nothing", async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await saveCampaign(db, b.plan.id, campaign(b.loop.id), T1);
    const before = await dump();

    const error = await rejection(
      saveCampaign(db, a.plan.id, campaign(a.loop.id, { id: ofB.id, name: 'Stolen' }), T2),
    );

    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'campaigns', id: ofB.id, planId: a.plan.id });
    expect(await db.campaigns.get(ofB.id)).toEqual(ofB);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and writes nothing', async () => {
    const { loop } = await newPlan('A');
    const before = await dump();
    const error = await rejection(saveCampaign(db, 'missing', campaign(loop.id), T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect((error as PlanNotFoundError).planId).toBe('missing');
    expect(await dump()).toEqual(before);
  });
});

describe('saveLoopChange', () => {
  it('adds an entry with a new id and the plan id, and marks the plan changed', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const other = await newPlan('B');

    const row = await saveLoopChange(db, plan.id, change(loop.id), T1);

    const expected: LoopChange = { ...change(loop.id), id: row.id, planId: plan.id };
    expect(row).toEqual(expected);
    expect(row.id.length).toBeGreaterThan(0);
    expect(await db.loopChanges.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T1);
    expect(await updatedAt(other.plan.id)).toBe(T0);

    const second = await saveLoopChange(db, plan.id, change(loop.id, { why: '' }), T2);
    expect(second.id).not.toBe(row.id);
    expect(await db.loopChanges.count()).toBe(2);
  });

  it('updates the entry with the same id in place (one row)', async () => {
    const { plan, loop } = await newPlan('A');
    const row = await saveLoopChange(db, plan.id, change(loop.id), T1);

    const updated = await saveLoopChange(
      db,
      plan.id,
      change(loop.id, { id: row.id, date: '2026-02-01', what: 'Resumed ads', why: '' }),
      T2,
    );

    const expected: LoopChange = {
      id: row.id,
      planId: plan.id,
      loopId: loop.id,
      date: '2026-02-01',
      what: 'Resumed ads',
      why: '',
    };
    expect(updated).toEqual(expected);
    expect(await db.loopChanges.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T2);
  });

  it.each([
    ['an empty what', { what: '' }, ['what']],
    ['a missing what', { what: undefined as never }, ['what']],
    ['a date that does not exist', { date: '2026-02-30' }, ['date']],
    ['a date with a time', { date: '2026-01-20T10:00:00Z' }, ['date']],
    ['an empty date', { date: '' }, ['date']],
  ])('refuses an entry with %s and writes nothing', async (_, bad, paths) => {
    const { plan, loop } = await newPlan('A');
    const existing = await saveLoopChange(db, plan.id, change(loop.id), T1);
    const before = await dump();

    const added = await rejection(saveLoopChange(db, plan.id, change(loop.id, bad), T2));
    expect(added).toBeInstanceOf(InvalidRecordError);
    expect((added as InvalidRecordError).table).toBe('loopChanges');
    expect(issuePaths(added)).toEqual(paths);

    const edited = await rejection(
      saveLoopChange(db, plan.id, change(loop.id, { ...bad, id: existing.id }), T2),
    );
    expect(edited).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });

  it('refuses an entry for a loop of another plan, or a missing loop, and writes nothing', async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    await saveLoopChange(db, b.plan.id, change(b.loop.id), T1);
    const ofA = await saveLoopChange(db, a.plan.id, change(a.loop.id), T1);
    const before = await dump();

    const error = await rejection(saveLoopChange(db, a.plan.id, change(b.loop.id), T2));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loops', id: b.loop.id, planId: a.plan.id });

    const moved = await rejection(
      saveLoopChange(db, a.plan.id, change(b.loop.id, { id: ofA.id }), T2),
    );
    expect(moved).toBeInstanceOf(WrongPlanError);

    const missing = await rejection(saveLoopChange(db, a.plan.id, change('no-such-loop'), T2));
    expect(missing).toBeInstanceOf(WrongPlanError);

    expect(await dump()).toEqual(before);
  });

  it("refuses to take over another plan's entry by its id and writes nothing", async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await saveLoopChange(db, b.plan.id, change(b.loop.id), T1);
    const before = await dump();

    const error = await rejection(
      saveLoopChange(db, a.plan.id, change(a.loop.id, { id: ofB.id, what: 'Stolen' }), T2),
    );

    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loopChanges', id: ofB.id, planId: a.plan.id });
    expect(await db.loopChanges.get(ofB.id)).toEqual(ofB);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and writes nothing', async () => {
    const { loop } = await newPlan('A');
    const before = await dump();
    const error = await rejection(saveLoopChange(db, 'missing', change(loop.id), T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('removeLoopItem', () => {
  /** Plan A with two campaigns and two changes; plan B with one of each. */
  async function plansWithItems() {
    const a = await newPlan('A', 'impressions');
    const b = await newPlan('B', 'impressions');
    const campaigns = [
      await saveCampaign(db, a.plan.id, campaign(a.loop.id), T0),
      await saveCampaign(
        db,
        a.plan.id,
        campaign(a.loop.id, { name: 'Brand video', side: 'brand', budget: undefined }),
        T0,
      ),
    ];
    const changes = [
      await saveLoopChange(db, a.plan.id, change(a.loop.id), T0),
      await saveLoopChange(db, a.plan.id, change(a.loop.id, { what: 'New photos', why: '' }), T0),
    ];
    const ofB = {
      campaign: await saveCampaign(db, b.plan.id, campaign(b.loop.id), T0),
      change: await saveLoopChange(db, b.plan.id, change(b.loop.id), T0),
    };
    return { a, b, campaigns, changes, ofB };
  }

  const without = (rows: readonly unknown[], id: string) =>
    rows.filter((row) => (row as { id: string }).id !== id);

  it('removes a campaign and returns it; saving it back restores it exactly', async () => {
    const { a, campaigns } = await plansWithItems();
    const target = campaigns[0]!;
    const before = await dump();

    const removed = await removeLoopItem(db, a.plan.id, 'campaigns', target.id, T1);

    expect(removed).toStrictEqual(target);
    expect(await db.campaigns.get(target.id)).toBeUndefined();
    const after = await dump();
    expect(after.campaigns).toEqual(without(before.campaigns!, target.id));
    expect(after.loopChanges).toEqual(before.loopChanges);
    expect(await updatedAt(a.plan.id)).toBe(T1);

    // As CampaignList's undo does it.
    const { id: _id, planId: _planId, ...draft } = removed;
    const restored = await saveCampaign(db, a.plan.id, { ...draft, id: removed.id }, T2);

    expect(restored).toStrictEqual(target);
    expect(await db.campaigns.get(target.id)).toStrictEqual(target);
    const plans = (before.plans as { id: string }[]).map((p) =>
      p.id === a.plan.id ? { ...p, updatedAt: T2 } : p,
    );
    const campaignsById = (rows: unknown[]) =>
      (rows as Campaign[]).toSorted((x, y) => x.id.localeCompare(y.id));
    const restoredDump = await dump();
    expect(campaignsById(restoredDump.campaigns!)).toEqual(campaignsById(before.campaigns!));
    expect({ ...restoredDump, campaigns: [] }).toEqual({ ...before, plans, campaigns: [] });
  });

  it('restores a campaign without a budget without adding one', async () => {
    const { a, campaigns } = await plansWithItems();
    const target = campaigns[1]!;
    expect('budget' in target && target.budget !== undefined).toBe(false);

    const removed = await removeLoopItem(db, a.plan.id, 'campaigns', target.id, T1);
    const { id: _id, planId: _planId, ...draft } = removed;
    await saveCampaign(db, a.plan.id, { ...draft, id: removed.id }, T2);

    expect(await db.campaigns.get(target.id)).toStrictEqual(target);
  });

  it('removes a change-log entry and returns it; saving it back restores it exactly', async () => {
    const { a, changes } = await plansWithItems();
    const target = changes[1]!;
    const before = await dump();

    const removed = await removeLoopItem(db, a.plan.id, 'loopChanges', target.id, T1);

    expect(removed).toStrictEqual(target);
    expect(await db.loopChanges.get(target.id)).toBeUndefined();
    const after = await dump();
    expect(after.loopChanges).toEqual(without(before.loopChanges!, target.id));
    expect(after.campaigns).toEqual(before.campaigns);
    expect(await updatedAt(a.plan.id)).toBe(T1);

    // As ChangeLog's undo does it (the draft keeps the id).
    const { planId: _planId, ...draft } = removed;
    const restored = await saveLoopChange(db, a.plan.id, draft, T2);

    expect(restored).toStrictEqual(target);
    expect(await db.loopChanges.get(target.id)).toStrictEqual(target);
    expect(await db.loopChanges.count()).toBe((before.loopChanges ?? []).length);
    const plans = (before.plans as { id: string }[]).map((p) =>
      p.id === a.plan.id ? { ...p, updatedAt: T2 } : p,
    );
    const changesById = (rows: unknown[]) =>
      (rows as LoopChange[]).toSorted((x, y) => x.id.localeCompare(y.id));
    const restoredDump = await dump();
    expect(changesById(restoredDump.loopChanges!)).toEqual(changesById(before.loopChanges!));
    expect({ ...restoredDump, loopChanges: [] }).toEqual({ ...before, plans, loopChanges: [] });
  });

  it.each(['campaigns', 'loopChanges'] as const)(
    'refuses to remove a %s row of another plan, or a missing one, and removes nothing',
    async (table) => {
      const { a, ofB } = await plansWithItems();
      const before = await dump();
      const id = table === 'campaigns' ? ofB.campaign.id : ofB.change.id;

      const error = await rejection(removeLoopItem(db, a.plan.id, table, id, T1));
      expect(error).toBeInstanceOf(WrongPlanError);
      expect(error).toMatchObject({ table, id, planId: a.plan.id });

      const missing = await rejection(removeLoopItem(db, a.plan.id, table, 'missing', T1));
      expect(missing).toBeInstanceOf(WrongPlanError);

      expect(await dump()).toEqual(before);
    },
  );

  it('does not remove a row of one table by an id of the other', async () => {
    const { a, campaigns } = await plansWithItems();
    const before = await dump();
    const error = await rejection(
      removeLoopItem(db, a.plan.id, 'loopChanges', campaigns[0]!.id, T1),
    );
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and removes nothing', async () => {
    const { campaigns } = await plansWithItems();
    const before = await dump();
    const error = await rejection(removeLoopItem(db, 'missing', 'campaigns', campaigns[0]!.id));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('the timestamp that marks the plan changed', () => {
  it.each(['saveCampaign', 'saveLoopChange', 'removeLoopItem'] as const)(
    '%s refuses an invalid `now` and writes nothing',
    async (operation) => {
      const { plan, loop } = await newPlan('A');
      const row = await saveCampaign(db, plan.id, campaign(loop.id), T3);
      const before = await dump();
      const now = 'yesterday';
      const run = {
        saveCampaign: () => saveCampaign(db, plan.id, campaign(loop.id), now),
        saveLoopChange: () => saveLoopChange(db, plan.id, change(loop.id), now),
        removeLoopItem: () => removeLoopItem(db, plan.id, 'campaigns', row.id, now),
      }[operation];

      const error = await rejection(run());

      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).table).toBe('plans');
      expect(issuePaths(error)).toEqual(['updatedAt']);
      expect(await dump()).toEqual(before);
    },
  );
});
