import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlanBundle } from '$lib/storage/bundle';
import type { PlanChange } from '$lib/storage/change';
import type { TalentloopDb } from '$lib/storage/db';
import { DB_NAME } from '$lib/storage/db-info';
import { StorageUnavailableError } from '$lib/storage/gateway';
import { updateLoop } from '$lib/storage/loops-repo';
import * as planRead from '$lib/storage/plan-read';
import { createPlan, updatePlan } from '$lib/storage/plans-repo';
import { saveValues } from '$lib/storage/values-repo';
import { WrongPlanError } from '$lib/storage/write';
import { appStatus } from './app-status.svelte';
import { planSession } from './plan-session.svelte';
import type { TabMessage } from './tab-sync';
import { appDb, drafts, dumpTables, PLAN_INPUT, unordered, useAppDb } from './test-support';
import { storedMeasurements } from '$lib/storage/test-support';

// The real reader, wrapped so a test can count its calls or hold one back.
vi.mock('$lib/storage/plan-read', async (importOriginal) => {
  const real = await importOriginal<typeof import('$lib/storage/plan-read')>();
  return { ...real, readPlanBundle: vi.fn(real.readPlanBundle) };
});
const readPlanBundle = vi.mocked(planRead.readPlanBundle);
const { readPlanBundle: realReadPlanBundle } =
  await vi.importActual<typeof import('$lib/storage/plan-read')>('$lib/storage/plan-read');

useAppDb();
afterEach(() => {
  vi.restoreAllMocks();
  readPlanBundle.mockClear();
  readPlanBundle.mockImplementation(realReadPlanBundle);
});

const T0 = '2026-01-02T00:00:00.000Z';
const T1 = '2026-01-03T00:00:00.000Z';

/** A plan (two-month loops from 2026-01-01) with reach and hires, written the app's way. */
async function plan(organisation = PLAN_INPUT.organisation) {
  const db = await appDb();
  const created = await createPlan(
    db,
    { ...PLAN_INPUT, organisation },
    drafts('reach', 'hires'),
    T0,
  );
  const kpis = await db.kpis.where('planId').equals(created.plan.id).sortBy('order');
  return { db, ...created, kpis };
}

describe('planSession.saveLoopText', () => {
  it('saves text typed over the stored text, and returns the newer text when it changed since', async () => {
    const { db, plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    expect(await planSession.saveLoopText(loop.id, 'strategy', 'Mine', '')).toBe('saved');
    expect(planSession.loop?.strategy).toBe('Mine');
    // Another tab writes its own text; this tab's next save was typed over "Mine".
    await updateLoop(db, loop.id, { strategy: 'Theirs' }, T1);
    expect(await planSession.saveLoopText(loop.id, 'strategy', 'Mine, more', 'Mine')).toEqual({
      stored: 'Theirs',
    });
    expect(planSession.status).toBe('failed');
    expect((await db.loops.get(loop.id))?.strategy).toBe('Theirs');
  });
});

describe('planSession between tabs', () => {
  it('tells the other tabs each change it writes, and applies a change another tab sent', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    const other = new BroadcastChannel('talentloop');
    const heard = new Promise<TabMessage>((resolve) => {
      other.onmessage = (event: MessageEvent<TabMessage>) => resolve(event.data);
    });
    await planSession.saveLoopText(loop.id, 'strategy', 'Typed here', '');
    const message = await heard;
    expect(message.kind).toBe('change');
    expect(message.kind === 'change' && message.change.put.loops?.[0]?.strategy).toBe('Typed here');
    // The other tab writes; its change reaches this tab's open plan in place.
    const { change } = await updateLoop(await appDb(), loop.id, { strategy: 'Typed there' }, T1);
    other.postMessage({ kind: 'change', change } satisfies TabMessage);
    await vi.waitFor(() => expect(planSession.loop?.strategy).toBe('Typed there'));
    other.close();
  });
});

describe('planSession.open', () => {
  it('loads a plan and its loop, with the derived rows and ranges', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    expect(planSession.loadError).toBe('');
    expect(planSession.plan).toEqual(stored);
    expect(planSession.loop).toEqual(loop);
    expect(planSession.loopIndex).toBe(1);
    expect(planSession.rows.map((r) => r.definition.key)).toEqual(['reach', 'hires']);
    expect(planSession.definitions.map((d) => d.key)).toEqual(['reach', 'hires']);
    expect(planSession.loopRange).toEqual({ start: '2026-01-01', end: '2026-02-28' });
    expect(planSession.baselineRange).toEqual({ start: '2025-11-01', end: '2025-12-31' });
    expect(planSession.status).toBe('idle');
  });

  it('opens a loop that is not set up yet: no loop row, but its range', async () => {
    const { plan: stored } = await plan();
    await planSession.open(stored.id, 3);
    expect(planSession.loopIndex).toBe(3);
    expect(planSession.loop).toBeUndefined();
    expect(planSession.loopRange).toEqual({ start: '2026-05-01', end: '2026-06-30' });
  });

  it('keeps the same bundle object for a second open of an unchanged plan (no re-read)', async () => {
    const { plan: stored } = await plan();
    await planSession.open(stored.id, 1);
    const first = planSession.bundle;
    expect(readPlanBundle).toHaveBeenCalledTimes(1);
    await planSession.open(stored.id, 2);
    expect(planSession.bundle).toBe(first);
    expect(planSession.loopIndex).toBe(2);
    expect(readPlanBundle).toHaveBeenCalledTimes(1);
  });

  it('reads the plan again after a write from outside the session', async () => {
    const { db, plan: stored } = await plan();
    await planSession.open(stored.id, 1);
    const first = planSession.bundle;
    await updatePlan(db, stored.id, { organisation: 'Renamed elsewhere' }, T1);
    await planSession.open(stored.id, 1);
    expect(readPlanBundle).toHaveBeenCalledTimes(2);
    expect(planSession.bundle).not.toBe(first);
    expect(planSession.plan?.organisation).toBe('Renamed elsewhere');
    expect(planSession.plan?.updatedAt).toBe(T1);
    expect(planSession.bundle).toEqual(await loadPlanBundle(db, stored.id));
  });

  it("gives loadError 'notFound' (and no bundle) for a plan that does not exist", async () => {
    const { plan: stored } = await plan();
    await planSession.open(stored.id, 1);
    await planSession.open('no-such-plan', 1);
    expect(planSession.loadError).toBe('notFound');
    expect(planSession.bundle).toBeUndefined();
    expect(appStatus.dbState).toBe('ready');
  });

  /**
   * Holds the raw read of `planId` until `release` is called; `reached` resolves once it is
   * held. (The next request starts only then: vitest hands a second, concurrent dynamic
   * import of a mocked module the original module.)
   */
  function holdRead(planId: string) {
    let release!: () => void;
    let reachedRead!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (reachedRead = resolve));
    readPlanBundle.mockImplementation(async (id, name) => {
      if (id === planId) {
        reachedRead();
        await held;
      }
      return realReadPlanBundle(id, name);
    });
    return { release, reached };
  }

  it('lets the newer request win when an older one finishes after it', async () => {
    const a = await plan('Older');
    const b = await plan('Newer');
    const { release, reached } = holdRead(a.plan.id);
    const older = planSession.open(a.plan.id, 1);
    await reached;
    await planSession.open(b.plan.id, 2);
    expect(planSession.plan?.organisation).toBe('Newer');
    release();
    await older;
    expect(planSession.plan?.organisation).toBe('Newer');
    expect(planSession.loopIndex).toBe(2);
    expect(planSession.loadError).toBe('');
    expect(readPlanBundle.mock.calls.map(([id]) => id)).toEqual([a.plan.id, b.plan.id]);
  });

  it('reads again when a change was applied while it read, rather than undo the change on screen', async () => {
    const { db, plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    // Another tab writes, so the next open reads; that read is taken, then held back.
    await updateLoop(db, loop.id, { strategy: 'Outside' }, T1);
    let release!: () => void;
    let reachedRead!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (reachedRead = resolve));
    readPlanBundle.mockImplementationOnce(async (id, name) => {
      const early = await realReadPlanBundle(id, name);
      reachedRead();
      await held;
      return early;
    });
    const opening = planSession.open(stored.id, 1);
    await reached;
    // The user's click lands while the read is out: it is written and applied here.
    expect(await planSession.saveLoopText(loop.id, 'strategy', 'Mine', 'Outside')).toBe('saved');
    release();
    await opening;
    expect(planSession.loop?.strategy).toBe('Mine');
    expect(readPlanBundle).toHaveBeenCalledTimes(3);
  });

  it('does not let an older request that fails clear a newer one', async () => {
    const { plan: stored } = await plan();
    const { release, reached } = holdRead('gone');
    const older = planSession.open('gone', 1);
    await reached;
    await planSession.open(stored.id, 1);
    release();
    await older;
    expect(planSession.loadError).toBe('');
    expect(planSession.plan?.id).toBe(stored.id);
    expect(readPlanBundle.mock.calls.map(([id]) => id)).toEqual(['gone', stored.id]);
  });

  it("reports a database of a newer build as 'unavailable' and leaves it unread", async () => {
    // A database this build does not know (version 99 as Dexie stores it: 990).
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 990);
      open.onupgradeneeded = () => open.result.createObjectStore('plans', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    await planSession.open('any', 1);
    expect(planSession.loadError).toBe('unavailable');
    expect(planSession.bundle).toBeUndefined();
    expect(appStatus.dbState).toBe('newer');
    expect(appStatus.dbError).toBe('');
  });
});

describe('planSession.mutate', () => {
  it("applies the write's change so the bundle equals a fresh read, and says 'saved'", async () => {
    const { db, plan: stored, kpis } = await plan();
    await planSession.open(stored.id, 1);
    const pending = planSession.mutate((d) =>
      saveValues(d, stored.id, [
        { kpiId: kpis[0]!.id, start: '2025-11-01', end: '2025-12-31', value: 1200 },
        { kpiId: kpis[1]!.id, start: '2025-11-01', end: '2025-12-31', value: null },
      ]),
    );
    expect(planSession.status).toBe('saving');
    expect(await pending).toEqual({ value: { skipped: [] } });
    expect(planSession.status).toBe('saved');
    expect(planSession.failure).toBeUndefined();
    // The same plan and loop opened again (a link to the page on view) still says it saved;
    // another loop starts quiet.
    await planSession.open(stored.id, 1);
    expect(planSession.status).toBe('saved');
    await planSession.open(stored.id, 2);
    expect(planSession.status).toBe('idle');
    const fresh = await loadPlanBundle(db, stored.id);
    expect(unordered(planSession.bundle)).toEqual(unordered(fresh));
    // Measurements on one period are ordered by id (random), as a read gives them.
    const valueOf = (kpiId: string) =>
      planSession.bundle?.measurements.find((m) => m.kpiId === kpiId)?.value;
    expect([valueOf(kpis[0]!.id), valueOf(kpis[1]!.id)]).toEqual([1200, null]);
    expect(planSession.bundle?.measurements).toHaveLength(2);
    expect(planSession.plan?.updatedAt).not.toBe(T0);
    // The session holds what is stored, so opening again keeps it.
    const held = planSession.bundle;
    await planSession.open(stored.id, 1);
    expect(planSession.bundle).toBe(held);
  });

  it('keeps the rows of a table the registry does not order as a fresh read gives them', async () => {
    // Two values on the same period, the first written getting the larger id.
    const { db, plan: stored, kpis } = await plan();
    await planSession.open(stored.id, 1);
    vi.spyOn(crypto, 'randomUUID')
      .mockReturnValueOnce('ffffffff-ffff-4fff-bfff-ffffffffffff')
      .mockReturnValueOnce('00000000-0000-4000-8000-000000000000');
    await planSession.mutate((d) =>
      saveValues(d, stored.id, [
        { kpiId: kpis[0]!.id, start: '2026-01-01', end: '2026-02-28', value: 1 },
        { kpiId: kpis[1]!.id, start: '2026-01-01', end: '2026-02-28', value: 2 },
      ]),
    );
    const fresh = await loadPlanBundle(db, stored.id);
    expect(unordered(planSession.bundle)).toEqual(unordered(fresh));
    // The same rows, in the same order as after a reload of the page.
    expect(planSession.bundle?.measurements.map((m) => m.value)).toEqual(
      fresh.measurements.map((m) => m.value),
    );
  });

  it('returns the value of the write', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    const done = await planSession.mutate((d) => updateLoop(d, loop.id, { strategy: 'Video' }));
    expect(done?.value).toMatchObject({ id: loop.id, strategy: 'Video' });
    expect(planSession.loop?.strategy).toBe('Video');
  });

  it("sets 'failed' with the error in failure and leaves the bundle when a write fails", async () => {
    const { db, plan: stored } = await plan();
    await planSession.open(stored.id, 1);
    const before = planSession.bundle;
    const stored0 = await dumpTables(db);
    const done = await planSession.mutate((d) =>
      saveValues(d, stored.id, [
        { kpiId: 'not-a-kpi-of-this-plan', start: '2026-01-01', end: '2026-01-31', value: 1 },
      ]),
    );
    expect(done).toBeUndefined();
    expect(planSession.status).toBe('failed');
    expect(planSession.failure).toBeInstanceOf(WrongPlanError);
    expect(planSession.bundle).toBe(before);
    expect(await dumpTables(db)).toEqual(stored0);
  });

  it('clears an earlier failure on the next saved write', async () => {
    const { plan: stored, kpis } = await plan();
    await planSession.open(stored.id, 1);
    const error = new Error('disk full');
    await planSession.mutate(() => Promise.reject(error));
    expect(planSession.failure).toBe(error);
    await planSession.mutate((d) =>
      saveValues(d, stored.id, [
        { kpiId: kpis[0]!.id, start: '2026-01-01', end: '2026-01-31', value: 5 },
      ]),
    );
    expect(planSession.status).toBe('saved');
    expect(planSession.failure).toBeUndefined();
  });

  it('fails without writing when no plan is open', async () => {
    const { plan: stored, kpis } = await plan();
    const work = vi.fn((d: TalentloopDb) =>
      saveValues(d, stored.id, [
        { kpiId: kpis[0]!.id, start: '2026-01-01', end: '2026-01-31', value: 5 },
      ]),
    );
    expect(await planSession.mutate(work)).toBeUndefined();
    expect(work).not.toHaveBeenCalled();
    expect(planSession.status).toBe('failed');
    expect(planSession.failure).toEqual(new Error('unavailable'));
  });

  it('writes quietly: no saving/saved status', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    const pending = planSession.mutate((d) => updateLoop(d, loop.id, { wizardStep: 2 }), {
      quiet: true,
    });
    expect(planSession.status).toBe('idle');
    await pending;
    expect(planSession.status).toBe('idle');
    expect(planSession.loop?.wizardStep).toBe(2);
  });

  it('ignores the change of another plan (a write that finished after switching plans)', async () => {
    const a = await plan('Open one');
    const b = await plan('Other one');
    await planSession.open(a.plan.id, 1);
    const before = planSession.bundle;
    await planSession.mutate((d) =>
      saveValues(d, b.plan.id, [
        { kpiId: b.kpis[0]!.id, start: '2026-01-01', end: '2026-01-31', value: 7 },
      ]),
    );
    expect(planSession.bundle).toBe(before);
    expect(planSession.plan?.organisation).toBe('Open one');
    expect((await storedMeasurements(a.db)).length).toBe(1);
  });
});

describe('planSession.apply', () => {
  it('applies a change of the open plan (as from another tab) and ignores one of another plan', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    const before = planSession.bundle;
    const other: PlanChange = {
      planId: 'another-plan',
      plan: { ...stored, id: 'another-plan', organisation: 'Else' },
      put: { loops: [{ ...loop, strategy: 'Leaked' }] },
      removed: {},
    };
    planSession.apply(other);
    expect(planSession.bundle).toBe(before);
    const changed = { ...loop, strategy: 'From another tab', updatedAt: T1 };
    planSession.apply({
      planId: stored.id,
      plan: { ...stored, updatedAt: T1 },
      put: { loops: [changed] },
      removed: {},
    });
    expect(planSession.loop).toEqual(changed);
    expect(planSession.plan?.updatedAt).toBe(T1);
    // Tables the change did not touch keep their arrays.
    expect(planSession.bundle?.kpis).toBe(before?.kpis);
  });
});

describe('planSession.updateLoop', () => {
  it('merges insights field by field, in memory and on disk', async () => {
    const { db, plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    expect(await planSession.updateLoop({ insights: { targetGroup: 'Night nurses' } })).toBe(true);
    expect(await planSession.updateLoop({ insights: { reaction: 'Liked the video' } })).toBe(true);
    const insights = { targetGroup: 'Night nurses', reaction: 'Liked the video', journey: '' };
    expect(planSession.loop?.insights).toEqual(insights);
    expect((await db.loops.get(loop.id))?.insights).toEqual(insights);
    expect(planSession.status).toBe('saved');
  });

  it('keeps a field saved meanwhile in another tab', async () => {
    const { db, plan: stored, loop } = await plan();
    await planSession.open(stored.id, 1);
    await updateLoop(db, loop.id, { insights: { journey: 'Typed elsewhere' } }, T1);
    await planSession.updateLoop({ insights: { targetGroup: 'Here' } });
    expect(planSession.loop?.insights).toEqual({
      targetGroup: 'Here',
      reaction: '',
      journey: 'Typed elsewhere',
    });
  });

  it('reaches the loop named by loopId, and returns false without a loop', async () => {
    const { plan: stored, loop } = await plan();
    await planSession.open(stored.id, 4);
    expect(await planSession.updateLoop({ strategy: 'x' })).toBe(false);
    expect(await planSession.updateLoop({ strategy: 'Late save' }, { loopId: loop.id })).toBe(true);
    expect(planSession.bundle?.loops[0]?.strategy).toBe('Late save');
  });

  it('returns false and fails for a loop that no longer exists', async () => {
    const { plan: stored } = await plan();
    await planSession.open(stored.id, 1);
    expect(await planSession.updateLoop({ strategy: 'x' }, { loopId: 'gone' })).toBe(false);
    expect(planSession.status).toBe('failed');
    expect(planSession.failure).toMatchObject({ name: 'LoopNotFoundError' });
  });
});

describe('planSession with storage closed by another tab', () => {
  it("fails a write with the gateway's reason once the database was upgraded elsewhere", async () => {
    const { plan: stored, kpis } = await plan();
    await planSession.open(stored.id, 1);
    // Another tab opens a newer version: this tab's connection closes.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 990);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    other.close();
    expect(appStatus.dbState).toBe('outdated');
    await planSession.mutate((d) =>
      saveValues(d, stored.id, [
        { kpiId: kpis[0]!.id, start: '2026-01-01', end: '2026-01-31', value: 5 },
      ]),
    );
    expect(planSession.status).toBe('failed');
    expect(planSession.failure).toBeInstanceOf(StorageUnavailableError);
    expect(planSession.failure).toMatchObject({ state: 'outdated' });
    expect(appStatus.dbState).toBe('outdated');
  });
});
