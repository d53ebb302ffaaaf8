import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { catalogDraft, catalogKpi } from '$lib/domain/catalog';
import { loadPlanBundle } from '$lib/storage/bundle';
import { createPlan } from '$lib/storage/plans-repo';
import { saveValues, type ValueEntry } from '$lib/storage/values-repo';
import { planSession } from './plan-session.svelte';
import {
  appDb,
  byId,
  drafts,
  dumpTables,
  must,
  PLAN_INPUT,
  unordered,
  useAppDb,
} from './test-support';
import { wizard } from './wizard.svelte';

useAppDb();

const BASELINE = { start: '2025-11-01', end: '2025-12-31' };
const LOOP_1 = { start: '2026-01-01', end: '2026-02-28' };

/**
 * A plan (two-month loops from 2026-01-01, baseline Nov–Dec 2025) with reach, time on site
 * and hires, open at loop 1. Under a reach focus time on site is expected to drop.
 */
async function openPlan() {
  const db = await appDb();
  const { plan, loop } = await createPlan(
    db,
    PLAN_INPUT,
    drafts('reach', 'timeOnSite', 'hires'),
    '2026-01-02T00:00:00.000Z',
  );
  await planSession.open(plan.id, 1);
  const [reach, timeOnSite, hires] = planSession.rows.map((r) => r.kpi.id) as [
    string,
    string,
    string,
  ];
  return { db, plan, loop, reach, timeOnSite, hires };
}

/** Values written through the session, as the baseline step and the grid write them. */
async function values(range: { start: string; end: string }, entries: [string, number | null][]) {
  const planId = planSession.plan!.id;
  const rows: ValueEntry[] = entries.map(([kpiId, value]) => ({ kpiId, ...range, value }));
  expect(await planSession.mutate((db) => saveValues(db, planId, rows))).toBeDefined();
}

describe('wizard: baseline', () => {
  it('knows the baseline once every KPI has a value or is marked unknown', async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    expect(wizard.completion).toEqual({
      baseline: false,
      kpis: true,
      focus: false,
      success: false,
      expectations: false,
    });
    await values(BASELINE, [
      [reach, 1000],
      [timeOnSite, 90],
    ]);
    expect(wizard.completion.baseline).toBe(false);
    await values(BASELINE, [[hires, null]]);
    expect(wizard.completion.baseline).toBe(true);
    expect(wizard.baselineEntries).toEqual(
      new Map([
        [reach, 1000],
        [timeOnSite, 90],
        [hires, null],
      ]),
    );
    expect(wizard.baselineValues).toEqual({ reach: 1000, timeOnSite: 90, hires: null });
  });

  it("counts an imported channel's value on the baseline as known, but edits only the typed one", async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    const planId = planSession.plan!.id;
    const imported: ValueEntry[] = [reach, timeOnSite, hires].map((kpiId) => ({
      kpiId,
      ...BASELINE,
      value: 5,
      source: 'ads',
      channel: 'Meta',
    }));
    expect(await planSession.mutate((db) => saveValues(db, planId, imported))).toBeDefined();
    expect(wizard.completion.baseline).toBe(true);
    expect(wizard.baselineEntries.size).toBe(0);
    await values(BASELINE, [[reach, 1000]]);
    expect(wizard.baselineEntries).toEqual(new Map([[reach, 1000]]));
    // The typed 1000 adds to Meta's 5.
    expect(wizard.baselineValues.reach).toBe(1005);
  });

  it('does not count a value on another period as the baseline', async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    await values({ start: '2025-11-01', end: '2025-11-30' }, [
      [reach, 1000],
      [timeOnSite, 90],
      [hires, 3],
    ]);
    expect(wizard.baselineEntries.size).toBe(0);
    expect(wizard.completion.baseline).toBe(false);
  });

  it('moves the baseline period with the values typed for it', async () => {
    const { db, plan, reach } = await openPlan();
    await values(BASELINE, [[reach, 1000]]);
    const to = { start: '2025-10-01', end: '2025-11-30' };
    expect(await wizard.setBaselinePeriod(to)).toBe(true);
    expect(planSession.plan?.baseline).toEqual(to);
    expect(planSession.baselineRange).toEqual(to);
    expect(wizard.baselineEntries).toEqual(new Map([[reach, 1000]]));
    expect(planSession.bundle).toEqual(await loadPlanBundle(db, plan.id));
  });
});

describe('wizard: targets', () => {
  it('gives the open loop’s targets by KPI key, and clears one set to null', async () => {
    const { reach, hires } = await openPlan();
    expect(
      await wizard.saveTargets([
        { kpiId: reach, value: 1500, basis: 'manual' },
        { kpiId: hires, value: 12, basis: 'baseline' },
      ]),
    ).toBe(true);
    expect(wizard.targets).toEqual({ reach: 1500, hires: 12 });
    expect(wizard.loopTargets).toHaveLength(2);
    await wizard.saveTargets([{ kpiId: reach, value: null, basis: 'manual' }]);
    expect(wizard.targets).toEqual({ hires: 12 });
    expect(planSession.bundle?.targets.map((t) => t.value)).toEqual([12]);
  });

  it('compares loop 1 with the baseline and later loops with the loop before', async () => {
    const { reach } = await openPlan();
    await values(BASELINE, [[reach, 1000]]);
    await values(LOOP_1, [[reach, 1800]]);
    expect(wizard.targetReference).toEqual({ basis: 'baseline', range: BASELINE });
    expect(wizard.referenceValues.reach).toBe(1000);
    await planSession.open(planSession.plan!.id, 2);
    expect(wizard.targetReference).toEqual({ basis: 'previousLoop', range: LOOP_1 });
    expect(wizard.referenceValues.reach).toBe(1800);
  });

  it("suggests +10 % for KPIs without a target ('none'), none for a KPI the focus expects to drop", async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    await values(BASELINE, [
      [reach, 1000],
      [timeOnSite, 90],
      [hires, 10],
    ]);
    await planSession.updateLoop({ focus: 'reach' });
    expect(wizard.rules?.expectedDrop.map((d) => d.kpi)).toContain('timeOnSite');
    expect(wizard.suggestions('none')).toEqual([
      { kpiId: reach, value: 1100, basis: 'baseline' },
      { kpiId: hires, value: 11, basis: 'baseline' },
    ]);
    await wizard.saveTargets([{ kpiId: reach, value: 1500, basis: 'manual' }]);
    expect(wizard.suggestions('none')).toEqual([{ kpiId: hires, value: 11, basis: 'baseline' }]);
  });

  it("replaces suggested targets on 'suggested' but never a typed one", async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    await values(BASELINE, [
      [reach, 1000],
      [timeOnSite, 90],
      [hires, 10],
    ]);
    await planSession.updateLoop({ focus: 'reach' });
    await wizard.saveTargets([
      { kpiId: reach, value: 1500, basis: 'manual' },
      { kpiId: hires, value: 11, basis: 'baseline' },
    ]);
    expect(wizard.suggestions('none')).toEqual([]);
    expect(wizard.suggestions('suggested', 10)).toEqual([
      { kpiId: hires, value: 11, basis: 'baseline' },
    ]);
    expect(wizard.suggestions('suggested', 30)).toEqual([
      { kpiId: hires, value: 13, basis: 'baseline' },
    ]);
  });

  it('marks success and expectations complete with the targets, focus and judgement date', async () => {
    const { reach, timeOnSite, hires } = await openPlan();
    await values(BASELINE, [
      [reach, 1000],
      [timeOnSite, 90],
      [hires, 10],
    ]);
    await planSession.updateLoop({ focus: 'reach' });
    await wizard.saveTargets(wizard.suggestions('none'));
    // Time on site is expected to drop under a reach focus: it needs no target.
    expect(wizard.targets).toEqual({ reach: 1100, hires: 11 });
    expect(wizard.completion).toEqual({
      baseline: true,
      kpis: true,
      focus: true,
      success: true,
      expectations: false,
    });
    expect(wizard.summary).toBeDefined();
    await planSession.updateLoop({ judgementDate: '2026-03-01' });
    expect(wizard.completion.expectations).toBe(true);
  });
});

describe('wizard: startNextLoop', () => {
  async function finishedLoop1() {
    const ids = await openPlan();
    await planSession.updateLoop({
      focus: 'reach',
      expectationsNotes: 'More reach, shorter visits',
    });
    await values(LOOP_1, [
      [ids.reach, 2000],
      [ids.timeOnSite, 80],
      [ids.hires, 20],
    ]);
    await wizard.saveTargets([{ kpiId: ids.timeOnSite, value: 85, basis: 'manual' }]);
    return ids;
  }

  it('creates loop n+1 with the focus carried over and targets suggested from loop n', async () => {
    const { db, plan, reach, timeOnSite, hires } = await finishedLoop1();
    expect(await wizard.startNextLoop()).toBe(2);
    const loop2 = planSession.bundle?.loops.find((l) => l.index === 2);
    expect(loop2).toMatchObject({
      index: 2,
      focus: 'reach',
      expectationsNotes: 'More reach, shorter visits',
      wizardStep: 2,
      judgementDate: '2026-05-01',
    });
    const targets = planSession.bundle?.targets.filter((t) => t.loopId === loop2?.id) ?? [];
    const byKpi = (a: { kpiId: string }, b: { kpiId: string }) => (a.kpiId < b.kpiId ? -1 : 1);
    expect(targets.map(({ kpiId, value, basis }) => ({ kpiId, value, basis })).sort(byKpi)).toEqual(
      [
        { kpiId: reach, value: 2200, basis: 'previousLoop' },
        // Expected to drop under the focus: no suggestion, the last target is kept.
        { kpiId: timeOnSite, value: 85, basis: 'manual' },
        { kpiId: hires, value: 22, basis: 'previousLoop' },
      ].sort(byKpi),
    );
    expect(unordered(planSession.bundle)).toEqual(unordered(await loadPlanBundle(db, plan.id)));
    // Starting a loop does not move the session to it.
    expect(planSession.loopIndex).toBe(1);
  });

  it('creates only one loop when called twice at once', async () => {
    const { db, plan } = await finishedLoop1();
    const results = await Promise.all([wizard.startNextLoop(), wizard.startNextLoop()]);
    expect(results).toEqual([2, undefined]);
    expect(await db.loops.where('planId').equals(plan.id).count()).toBe(2);
    expect(planSession.bundle?.loops.map((l) => l.index)).toEqual([1, 2]);
    // Once the first has finished, the next click starts the loop after it.
    expect(await wizard.startNextLoop()).toBe(3);
  });
});

describe('planSession.updatePlan (settings, with the wizard’s baseline rule)', () => {
  it('refuses a first loop inside the kept baseline with the domain’s error, writing nothing', async () => {
    const { db, reach } = await openPlan();
    await values(BASELINE, [[reach, 1000]]);
    planSession.status = 'idle';
    const before = await dumpTables(db);
    const bundle = planSession.bundle;
    expect(await planSession.updatePlan({ firstLoopStart: '2025-12-01' })).toEqual({
      code: 'baselineNotBeforeLoop',
      field: 'firstLoopStart',
      value: '2025-12-31',
    });
    expect(await dumpTables(db)).toEqual(before);
    expect(planSession.bundle).toBe(bundle);
    expect(planSession.status).toBe('idle');
  });

  it('keeps the period the baseline values were typed for when the first loop moves', async () => {
    const { db, plan, reach } = await openPlan();
    await values(BASELINE, [[reach, 1000]]);
    expect(await planSession.updatePlan({ firstLoopStart: '2026-03-01' })).toBe(true);
    expect(planSession.plan).toMatchObject({ firstLoopStart: '2026-03-01', baseline: BASELINE });
    expect(wizard.baselineEntries).toEqual(new Map([[reach, 1000]]));
    expect((await db.plans.get(plan.id))?.baseline).toEqual(BASELINE);
    expect(planSession.status).toBe('saved');
  });

  it('lets a default baseline without values follow the first loop', async () => {
    await openPlan();
    expect(await planSession.updatePlan({ firstLoopStart: '2025-12-01' })).toBe(true);
    expect(planSession.plan?.baseline).toBeUndefined();
    expect(planSession.baselineRange).toEqual({ start: '2025-10-01', end: '2025-11-30' });
  });

  it('returns false without an open plan', async () => {
    expect(await planSession.updatePlan({ organisation: 'x' })).toBe(false);
  });
});

describe('wizard: KPIs', () => {
  it('adds KPIs at the end of the list', async () => {
    await openPlan();
    const applications = catalogDraft(must(catalogKpi('applicationsCompleted')));
    expect(await wizard.addKpis([applications])).toBe(true);
    expect(planSession.rows.map((r) => [r.definition.key, r.kpi.order])).toEqual([
      ['reach', 0],
      ['timeOnSite', 1],
      ['hires', 2],
      ['applicationsCompleted', 3],
    ]);
    expect(await wizard.addKpis([])).toBe(false);
  });

  it('removes a KPI with its data and restores it exactly (removeKpi + restoreKpi)', async () => {
    const { db, plan, reach, hires } = await openPlan();
    await values(BASELINE, [
      [reach, 1000],
      [hires, 10],
    ]);
    await values(LOOP_1, [[reach, 1800]]);
    await wizard.saveTargets([{ kpiId: reach, value: 1100, basis: 'baseline' }]);
    const before = planSession.bundle!;
    expect(wizard.kpiDataCount(reach)).toBe(3);

    const snapshot = await wizard.removeKpi(reach);
    expect(snapshot?.kpi.id).toBe(reach);
    expect(snapshot?.targets).toHaveLength(1);
    expect(snapshot?.measurements).toHaveLength(2);
    expect(planSession.rows.map((r) => r.definition.key)).toEqual(['timeOnSite', 'hires']);
    expect(planSession.bundle?.measurements.map((m) => m.kpiId)).toEqual([hires]);
    expect(planSession.bundle?.targets).toEqual([]);
    expect(wizard.kpiDataCount(reach)).toBe(0);

    expect(await wizard.restoreKpi(snapshot!)).toBe(true);
    const after = planSession.bundle!;
    expect(after.kpis).toEqual(before.kpis);
    expect(byId(after.targets)).toEqual(byId(before.targets));
    expect(byId(after.measurements)).toEqual(byId(before.measurements));
    expect(byId((await loadPlanBundle(db, plan.id)).measurements)).toEqual(
      byId(before.measurements),
    );
    expect(wizard.kpiDataCount(reach)).toBe(3);
  });
});

describe('wizard: rememberStep', () => {
  it('remembers the step quietly (no saved message)', async () => {
    const { db, loop } = await openPlan();
    await wizard.rememberStep('success');
    expect(planSession.loop?.wizardStep).toBe(3);
    expect((await db.loops.get(loop.id))?.wizardStep).toBe(3);
    expect(planSession.status).toBe('idle');
  });
});
