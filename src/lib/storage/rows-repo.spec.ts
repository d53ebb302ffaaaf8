import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Budget, Campaign, LoopChange, Meeting } from '$lib/schema';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { removeItem, saveBudget, saveItem, type BudgetDraft, type ItemDraft } from './rows-repo';
import {
  dumpTables,
  issuePaths,
  newPlan as newTestPlan,
  rejection,
  T0,
  T1,
  T2,
  T3,
  updatedAt as storedUpdatedAt,
  useTestDb,
} from './test-support';
import { WrongPlanError, type Written } from './write';

type CampaignDraft = ItemDraft<'campaigns'>;
type LoopChangeDraft = ItemDraft<'loopChanges'>;
type MeetingDraft = ItemDraft<'meetings'>;

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

/** A plan created at T0 with loop 1 and the given catalog KPIs. */
const newPlan = (organisation: string, ...keys: string[]) => newTestPlan(db, organisation, ...keys);

const dump = () => dumpTables(db);

/** What a write returned for the UI (in set-ups, where its change does not matter). */
async function stored<T>(written: Promise<Written<T>>): Promise<T> {
  return (await written).value;
}

const updatedAt = (planId: string) => storedUpdatedAt(db, planId);

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

describe('saveItem of a campaign', () => {
  it('adds a campaign with a new id and the plan id, and marks the plan changed', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const other = await newPlan('B');

    const { change, value: row } = await saveItem(db, plan.id, 'campaigns', campaign(loop.id), T1);

    const expected: Campaign = { ...campaign(loop.id), id: row.id, planId: plan.id };
    expect(row).toEqual(expected);
    expect(change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { campaigns: [expected] },
      removed: {},
    });
    expect(row.id).toEqual(expect.any(String));
    expect(row.id.length).toBeGreaterThan(0);
    expect(await db.campaigns.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T1);
    expect(await updatedAt(other.plan.id)).toBe(T0);

    const second = await stored(
      saveItem(db, plan.id, 'campaigns', campaign(loop.id, { name: 'Autumn' }), T2),
    );
    expect(second.id).not.toBe(row.id);
    expect(await db.campaigns.count()).toBe(2);
  });

  it('updates the campaign with the same id in place (one row)', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const row = await stored(saveItem(db, plan.id, 'campaigns', campaign(loop.id), T1));

    const { budget: _budget, ...withoutBudget } = campaign(loop.id);
    const { change, value: updated } = await saveItem(
      db,
      plan.id,
      'campaigns',
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
    expect(change.put).toEqual({ campaigns: [expected] });
    expect(change.removed).toEqual({});
    expect(await db.campaigns.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T2);
  });

  it('accepts a campaign of a single day', async () => {
    const { plan, loop } = await newPlan('A');
    const row = await stored(
      saveItem(
        db,
        plan.id,
        'campaigns',
        campaign(loop.id, { start: '2026-01-15', end: '2026-01-15' }),
        T1,
      ),
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
    const existing = await stored(saveItem(db, plan.id, 'campaigns', campaign(loop.id), T1));
    const before = await dump();

    const added = await rejection(saveItem(db, plan.id, 'campaigns', campaign(loop.id, bad), T2));
    expect(added).toBeInstanceOf(InvalidRecordError);
    expect((added as InvalidRecordError).table).toBe('campaigns');
    expect(issuePaths(added)).toEqual(paths);

    const edited = await rejection(
      saveItem(db, plan.id, 'campaigns', campaign(loop.id, { ...bad, id: existing.id }), T2),
    );
    expect(edited).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });

  it('refuses a campaign for a loop of another plan, or a missing loop, and writes nothing', async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await stored(saveItem(db, b.plan.id, 'campaigns', campaign(b.loop.id), T1));
    const ofA = await stored(saveItem(db, a.plan.id, 'campaigns', campaign(a.loop.id), T1));
    const before = await dump();

    const error = await rejection(saveItem(db, a.plan.id, 'campaigns', campaign(b.loop.id), T2));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loops', id: b.loop.id, planId: a.plan.id });

    // Moving an existing campaign of A to a loop of B is refused as well.
    const moved = await rejection(
      saveItem(db, a.plan.id, 'campaigns', campaign(b.loop.id, { id: ofA.id }), T2),
    );
    expect(moved).toBeInstanceOf(WrongPlanError);

    const missing = await rejection(
      saveItem(db, a.plan.id, 'campaigns', campaign('no-such-loop'), T2),
    );
    expect(missing).toBeInstanceOf(WrongPlanError);

    expect(await dump()).toEqual(before);
    expect(await db.campaigns.get(ofB.id)).toEqual(ofB);
  });

  it("refuses to take over another plan's campaign by its id and writes nothing", async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await stored(saveItem(db, b.plan.id, 'campaigns', campaign(b.loop.id), T1));
    const before = await dump();

    const error = await rejection(
      saveItem(db, a.plan.id, 'campaigns', campaign(a.loop.id, { id: ofB.id, name: 'Stolen' }), T2),
    );

    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'campaigns', id: ofB.id, planId: a.plan.id });
    expect(await db.campaigns.get(ofB.id)).toEqual(ofB);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and writes nothing', async () => {
    const { loop } = await newPlan('A');
    const before = await dump();
    const error = await rejection(saveItem(db, 'missing', 'campaigns', campaign(loop.id), T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect((error as PlanNotFoundError).planId).toBe('missing');
    expect(await dump()).toEqual(before);
  });
});

describe('saveItem of a change-log entry', () => {
  it('adds an entry with a new id and the plan id, and marks the plan changed', async () => {
    const { plan, loop } = await newPlan('A', 'impressions');
    const other = await newPlan('B');

    const written = await saveItem(db, plan.id, 'loopChanges', change(loop.id), T1);
    const row = written.value;

    const expected: LoopChange = { ...change(loop.id), id: row.id, planId: plan.id };
    expect(row).toEqual(expected);
    expect(written.change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { loopChanges: [expected] },
      removed: {},
    });
    expect(row.id.length).toBeGreaterThan(0);
    expect(await db.loopChanges.toArray()).toEqual([expected]);
    expect(await updatedAt(plan.id)).toBe(T1);
    expect(await updatedAt(other.plan.id)).toBe(T0);

    const second = await stored(
      saveItem(db, plan.id, 'loopChanges', change(loop.id, { why: '' }), T2),
    );
    expect(second.id).not.toBe(row.id);
    expect(await db.loopChanges.count()).toBe(2);
  });

  it('updates the entry with the same id in place (one row)', async () => {
    const { plan, loop } = await newPlan('A');
    const row = await stored(saveItem(db, plan.id, 'loopChanges', change(loop.id), T1));

    const written = await saveItem(
      db,
      plan.id,
      'loopChanges',
      change(loop.id, { id: row.id, date: '2026-02-01', what: 'Resumed ads', why: '' }),
      T2,
    );
    const updated = written.value;

    const expected: LoopChange = {
      id: row.id,
      planId: plan.id,
      loopId: loop.id,
      date: '2026-02-01',
      what: 'Resumed ads',
      why: '',
    };
    expect(updated).toEqual(expected);
    expect(written.change.put).toEqual({ loopChanges: [expected] });
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
    const existing = await stored(saveItem(db, plan.id, 'loopChanges', change(loop.id), T1));
    const before = await dump();

    const added = await rejection(saveItem(db, plan.id, 'loopChanges', change(loop.id, bad), T2));
    expect(added).toBeInstanceOf(InvalidRecordError);
    expect((added as InvalidRecordError).table).toBe('loopChanges');
    expect(issuePaths(added)).toEqual(paths);

    const edited = await rejection(
      saveItem(db, plan.id, 'loopChanges', change(loop.id, { ...bad, id: existing.id }), T2),
    );
    expect(edited).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });

  it('refuses an entry for a loop of another plan, or a missing loop, and writes nothing', async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    await stored(saveItem(db, b.plan.id, 'loopChanges', change(b.loop.id), T1));
    const ofA = await stored(saveItem(db, a.plan.id, 'loopChanges', change(a.loop.id), T1));
    const before = await dump();

    const error = await rejection(saveItem(db, a.plan.id, 'loopChanges', change(b.loop.id), T2));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loops', id: b.loop.id, planId: a.plan.id });

    const moved = await rejection(
      saveItem(db, a.plan.id, 'loopChanges', change(b.loop.id, { id: ofA.id }), T2),
    );
    expect(moved).toBeInstanceOf(WrongPlanError);

    const missing = await rejection(
      saveItem(db, a.plan.id, 'loopChanges', change('no-such-loop'), T2),
    );
    expect(missing).toBeInstanceOf(WrongPlanError);

    expect(await dump()).toEqual(before);
  });

  it("refuses to take over another plan's entry by its id and writes nothing", async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await stored(saveItem(db, b.plan.id, 'loopChanges', change(b.loop.id), T1));
    const before = await dump();

    const error = await rejection(
      saveItem(db, a.plan.id, 'loopChanges', change(a.loop.id, { id: ofB.id, what: 'Stolen' }), T2),
    );

    expect(error).toBeInstanceOf(WrongPlanError);
    expect(error).toMatchObject({ table: 'loopChanges', id: ofB.id, planId: a.plan.id });
    expect(await db.loopChanges.get(ofB.id)).toEqual(ofB);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and writes nothing', async () => {
    const { loop } = await newPlan('A');
    const before = await dump();
    const error = await rejection(saveItem(db, 'missing', 'loopChanges', change(loop.id), T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('removeItem of a campaign or change-log entry', () => {
  /** Plan A with two campaigns and two changes; plan B with one of each. */
  async function plansWithItems() {
    const a = await newPlan('A', 'impressions');
    const b = await newPlan('B', 'impressions');
    const campaigns = [
      await stored(saveItem(db, a.plan.id, 'campaigns', campaign(a.loop.id), T0)),
      await stored(
        saveItem(
          db,
          a.plan.id,
          'campaigns',
          campaign(a.loop.id, { name: 'Brand video', side: 'brand', budget: undefined }),
          T0,
        ),
      ),
    ];
    const changes = [
      await stored(saveItem(db, a.plan.id, 'loopChanges', change(a.loop.id), T0)),
      await stored(
        saveItem(
          db,
          a.plan.id,
          'loopChanges',
          change(a.loop.id, { what: 'New photos', why: '' }),
          T0,
        ),
      ),
    ];
    const ofB = {
      campaign: await stored(saveItem(db, b.plan.id, 'campaigns', campaign(b.loop.id), T0)),
      change: await stored(saveItem(db, b.plan.id, 'loopChanges', change(b.loop.id), T0)),
    };
    return { a, b, campaigns, changes, ofB };
  }

  const without = (rows: readonly unknown[], id: string) =>
    rows.filter((row) => (row as { id: string }).id !== id);

  it('removes a campaign and returns it; saving it back restores it exactly', async () => {
    const { a, campaigns } = await plansWithItems();
    const target = campaigns[0]!;
    const before = await dump();

    const { change: removal, value: removed } = await removeItem(
      db,
      a.plan.id,
      'campaigns',
      target.id,
      T1,
    );

    expect(removed).toStrictEqual(target);
    expect(removal).toEqual({
      planId: a.plan.id,
      plan: { ...a.plan, updatedAt: T1 },
      put: {},
      removed: { campaigns: [target.id] },
    });
    expect(await db.campaigns.get(target.id)).toBeUndefined();
    const after = await dump();
    expect(after.campaigns).toEqual(without(before.campaigns!, target.id));
    expect(after.loopChanges).toEqual(before.loopChanges);
    expect(await updatedAt(a.plan.id)).toBe(T1);

    // As CampaignList's undo does it.
    const { id: _id, planId: _planId, ...draft } = removed;
    const restored = await stored(
      saveItem(db, a.plan.id, 'campaigns', { ...draft, id: removed.id }, T2),
    );

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

    const removed = await stored(removeItem(db, a.plan.id, 'campaigns', target.id, T1));
    const { id: _id, planId: _planId, ...draft } = removed;
    await stored(saveItem(db, a.plan.id, 'campaigns', { ...draft, id: removed.id }, T2));

    expect(await db.campaigns.get(target.id)).toStrictEqual(target);
  });

  it('removes a change-log entry and returns it; saving it back restores it exactly', async () => {
    const { a, changes } = await plansWithItems();
    const target = changes[1]!;
    const before = await dump();

    const { change: removal, value: removed } = await removeItem(
      db,
      a.plan.id,
      'loopChanges',
      target.id,
      T1,
    );

    expect(removed).toStrictEqual(target);
    expect(removal.put).toEqual({});
    expect(removal.removed).toEqual({ loopChanges: [target.id] });
    expect(await db.loopChanges.get(target.id)).toBeUndefined();
    const after = await dump();
    expect(after.loopChanges).toEqual(without(before.loopChanges!, target.id));
    expect(after.campaigns).toEqual(before.campaigns);
    expect(await updatedAt(a.plan.id)).toBe(T1);

    // As ChangeLog's undo does it (the draft keeps the id).
    const { planId: _planId, ...draft } = removed;
    const restored = await stored(saveItem(db, a.plan.id, 'loopChanges', draft, T2));

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

      const error = await rejection(removeItem(db, a.plan.id, table, id, T1));
      expect(error).toBeInstanceOf(WrongPlanError);
      expect(error).toMatchObject({ table, id, planId: a.plan.id });

      const missing = await rejection(removeItem(db, a.plan.id, table, 'missing', T1));
      expect(missing).toBeInstanceOf(WrongPlanError);

      expect(await dump()).toEqual(before);
    },
  );

  it('does not remove a row of one table by an id of the other', async () => {
    const { a, campaigns } = await plansWithItems();
    const before = await dump();
    const error = await rejection(removeItem(db, a.plan.id, 'loopChanges', campaigns[0]!.id, T1));
    expect(error).toBeInstanceOf(WrongPlanError);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and removes nothing', async () => {
    const { campaigns } = await plansWithItems();
    const before = await dump();
    const error = await rejection(removeItem(db, 'missing', 'campaigns', campaigns[0]!.id));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('saveItem and removeItem of a meeting', () => {
  function meeting(extra: Partial<MeetingDraft> = {}): MeetingDraft {
    return {
      date: '2026-02-03',
      vacancies: [{ title: 'Nurse', team: 'Ward 3', neededBy: '2026-04-01' }],
      marketingSupport: 'Video of the ward',
      successes: 'Open day',
      failures: '',
      lessons: 'Start earlier',
      ...extra,
    };
  }

  it('adds a meeting without a loop, changes it in place, and marks the plan changed', async () => {
    const { plan } = await newPlan('A');
    const other = await newPlan('B');

    const added = await saveItem(db, plan.id, 'meetings', meeting(), T1);

    const expected: Meeting = { ...meeting(), id: added.value.id, planId: plan.id };
    expect(added.value).toEqual(expected);
    expect(added.change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { meetings: [expected] },
      removed: {},
    });
    expect(await db.meetings.toArray()).toEqual([expected]);
    expect(await updatedAt(other.plan.id)).toBe(T0);

    const edited = await saveItem(
      db,
      plan.id,
      'meetings',
      meeting({ id: expected.id, vacancies: [], failures: 'No applicants for nights' }),
      T2,
    );
    const changed: Meeting = { ...expected, vacancies: [], failures: 'No applicants for nights' };
    expect(edited.value).toEqual(changed);
    expect(edited.change.put).toEqual({ meetings: [changed] });
    expect(await db.meetings.toArray()).toEqual([changed]);
    expect(await updatedAt(plan.id)).toBe(T2);
  });

  it('removes a meeting and returns it; saving it back restores it exactly', async () => {
    const { plan } = await newPlan('A');
    const first = await stored(saveItem(db, plan.id, 'meetings', meeting(), T0));
    const kept = await stored(
      saveItem(db, plan.id, 'meetings', meeting({ date: '2026-03-03' }), T0),
    );
    const before = await dump();

    const { change, value: removed } = await removeItem(db, plan.id, 'meetings', first.id, T1);

    expect(removed).toStrictEqual(first);
    expect(change.put).toEqual({});
    expect(change.removed).toEqual({ meetings: [first.id] });
    expect(await db.meetings.toArray()).toEqual([kept]);
    expect(await updatedAt(plan.id)).toBe(T1);

    // As MeetingLog's undo does it (the draft keeps the id).
    const { planId: _planId, ...draft } = removed;
    const restored = await stored(saveItem(db, plan.id, 'meetings', draft, T2));
    expect(restored).toStrictEqual(first);
    const plans = (before.plans as { id: string }[]).map((p) =>
      p.id === plan.id ? { ...p, updatedAt: T2 } : p,
    );
    const meetingsById = (rows: unknown[]) =>
      (rows as Meeting[]).toSorted((x, y) => x.id.localeCompare(y.id));
    const restoredDump = await dump();
    expect(meetingsById(restoredDump.meetings!)).toEqual(meetingsById(before.meetings!));
    expect({ ...restoredDump, meetings: [] }).toEqual({ ...before, plans, meetings: [] });
  });

  it.each([
    ['a date that does not exist', { date: '2026-02-30' }, ['date']],
    ['a vacancy without a title', { vacancies: [{ title: '', team: '' }] }, ['vacancies[0].title']],
    [
      'a vacancy needed by an impossible date',
      { vacancies: [{ title: 'Nurse', team: '', neededBy: '2026-13-01' }] },
      ['vacancies[0].neededBy'],
    ],
  ])('refuses a meeting with %s and writes nothing', async (_, bad, paths) => {
    const { plan } = await newPlan('A');
    const existing = await stored(saveItem(db, plan.id, 'meetings', meeting(), T1));
    const before = await dump();

    const added = await rejection(saveItem(db, plan.id, 'meetings', meeting(bad), T2));
    expect(added).toBeInstanceOf(InvalidRecordError);
    expect((added as InvalidRecordError).table).toBe('meetings');
    expect(issuePaths(added)).toEqual(paths);
    const edited = await rejection(
      saveItem(db, plan.id, 'meetings', meeting({ ...bad, id: existing.id }), T2),
    );
    expect(edited).toBeInstanceOf(InvalidRecordError);
    expect(await dump()).toEqual(before);
  });

  it("refuses to take over or remove another plan's meeting, and writes nothing", async () => {
    const a = await newPlan('A');
    const b = await newPlan('B');
    const ofB = await stored(saveItem(db, b.plan.id, 'meetings', meeting(), T1));
    const before = await dump();

    const taken = await rejection(
      saveItem(db, a.plan.id, 'meetings', meeting({ id: ofB.id, lessons: 'Stolen' }), T2),
    );
    expect(taken).toBeInstanceOf(WrongPlanError);
    expect(taken).toMatchObject({ table: 'meetings', id: ofB.id, planId: a.plan.id });
    const removed = await rejection(removeItem(db, a.plan.id, 'meetings', ofB.id, T2));
    expect(removed).toMatchObject({ name: 'WrongPlanError', table: 'meetings', id: ofB.id });
    const missing = await rejection(removeItem(db, a.plan.id, 'meetings', 'missing', T2));
    expect(missing).toBeInstanceOf(WrongPlanError);
    const noPlan = await rejection(saveItem(db, 'missing', 'meetings', meeting(), T2));
    expect(noPlan).toBeInstanceOf(PlanNotFoundError);

    expect(await db.meetings.get(ofB.id)).toEqual(ofB);
    expect(await dump()).toEqual(before);
  });
});

describe('saveBudget', () => {
  const BUDGET_2026: BudgetDraft = {
    year: 2026,
    hrBudget: 100_000,
    brand: 6000,
    recruitment: 9000,
  };

  it("adds a year's budget and replaces it in place when the year is saved again", async () => {
    const { plan } = await newPlan('A');
    const other = await newPlan('B');
    const ofB = await stored(saveBudget(db, other.plan.id, BUDGET_2026, T1));

    const first = await saveBudget(db, plan.id, BUDGET_2026, T1);

    const expected: Budget = { ...BUDGET_2026, id: first.value.id, planId: plan.id };
    expect(first.value).toEqual(expected);
    expect(first.value.id).not.toBe(ofB.id);
    expect(first.change).toEqual({
      planId: plan.id,
      plan: { ...plan, updatedAt: T1 },
      put: { budgets: [expected] },
      removed: {},
    });

    const second = await saveBudget(db, plan.id, { ...BUDGET_2026, brand: 7500 }, T2);
    const replaced: Budget = { ...expected, brand: 7500 };
    expect(second.value).toEqual(replaced);
    expect(second.change.put).toEqual({ budgets: [replaced] });
    expect(second.change.plan.updatedAt).toBe(T2);

    const next = await stored(saveBudget(db, plan.id, { ...BUDGET_2026, year: 2027 }, T2));
    expect(next.id).not.toBe(expected.id);
    expect(await db.budgets.where('planId').equals(plan.id).sortBy('year')).toEqual([
      replaced,
      next,
    ]);
    expect(await db.budgets.get(ofB.id)).toEqual(ofB);
    expect(await updatedAt(plan.id)).toBe(T2);
    expect(await updatedAt(other.plan.id)).toBe(T1);
  });

  it('stores parts that do not add up to the HR budget as entered', async () => {
    const { plan } = await newPlan('A');
    const draft = { year: 2026, hrBudget: 1000, brand: 800, recruitment: 900 };
    const { value } = await saveBudget(db, plan.id, draft, T1);
    expect(value).toMatchObject(draft);
    expect(await db.budgets.get(value.id)).toEqual(value);
  });

  it.each([
    ['a negative amount', { brand: -1 }, ['brand']],
    ['an amount that is not finite', { hrBudget: Number.POSITIVE_INFINITY }, ['hrBudget']],
    ['a year out of range', { year: 1969 }, ['year']],
    ['a year that is not whole', { year: 2026.5 }, ['year']],
  ])('refuses a budget with %s and writes nothing', async (_, bad, paths) => {
    const { plan } = await newPlan('A');
    await saveBudget(db, plan.id, BUDGET_2026, T1);
    const before = await dump();

    const error = await rejection(saveBudget(db, plan.id, { ...BUDGET_2026, ...bad }, T2));

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('budgets');
    expect(issuePaths(error)).toEqual(paths);
    expect(await dump()).toEqual(before);
  });

  it('throws PlanNotFoundError for a missing plan and writes nothing', async () => {
    await newPlan('A');
    const before = await dump();
    const error = await rejection(saveBudget(db, 'missing', BUDGET_2026, T1));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(await dump()).toEqual(before);
  });
});

describe('the timestamp that marks the plan changed', () => {
  it.each([
    'saveItem campaigns',
    'saveItem loopChanges',
    'saveItem meetings',
    'removeItem',
    'saveBudget',
  ] as const)('%s refuses an invalid `now` and writes nothing', async (operation) => {
    const { plan, loop } = await newPlan('A');
    const row = await stored(saveItem(db, plan.id, 'campaigns', campaign(loop.id), T3));
    const before = await dump();
    const now = 'yesterday';
    const run = {
      'saveItem campaigns': () => saveItem(db, plan.id, 'campaigns', campaign(loop.id), now),
      'saveItem loopChanges': () => saveItem(db, plan.id, 'loopChanges', change(loop.id), now),
      'saveItem meetings': () =>
        saveItem(
          db,
          plan.id,
          'meetings',
          {
            date: '2026-02-03',
            vacancies: [],
            marketingSupport: '',
            successes: '',
            failures: '',
            lessons: '',
          },
          now,
        ),
      removeItem: () => removeItem(db, plan.id, 'campaigns', row.id, now),
      saveBudget: () =>
        saveBudget(db, plan.id, { year: 2026, hrBudget: 1, brand: 0, recruitment: 0 }, now),
    }[operation];

    const error = await rejection(run());

    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).table).toBe('plans');
    expect(issuePaths(error)).toEqual(['updatedAt']);
    expect(await dump()).toEqual(before);
  });
});
