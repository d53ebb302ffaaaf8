import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusRules } from '$lib/domain/focus';
import { loopMoney } from '$lib/domain/loop-money';
import { pointsByKey } from '$lib/domain/plan-rules';
import { planVerdicts } from '$lib/domain/plan-verdicts';
import { loadPlanBundle } from '$lib/storage/bundle';
import { createPlan } from '$lib/storage/plans-repo';
import { loopView, TREND_LOOPS } from './loop-view.svelte';
import { planSession } from './plan-session.svelte';
import {
  appDb,
  createExample,
  drafts,
  EXAMPLE_TODAY,
  must,
  PLAN_INPUT,
  resetAppDb,
  resetAppState,
  unordered,
  useAppDb,
} from './test-support';

// Today is 23 November 2026 on this device (local time, as `today()` reads it).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 23, 12, 0, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * The example plan (six finished loops from 2025-11-01), written once for the specs that only
 * read it (`shareExample`), or afresh for one that writes; open at `index`.
 */
let shared: string | undefined;
function shareExample(): void {
  beforeAll(async () => {
    await resetAppDb();
    resetAppState();
    shared = (await createExample(await appDb())).id;
  });
  afterAll(async () => {
    shared = undefined;
    await resetAppDb();
  });
}
async function openExample(index = 3) {
  const db = await appDb();
  const plan = shared ? (await db.plans.get(shared))! : await createExample(db);
  await planSession.open(plan.id, index);
  return { db, plan };
}

/** A plain plan with two-month loops from `firstLoopStart`, open at loop 1. */
async function openPlain(firstLoopStart: string) {
  const db = await appDb();
  const { plan, loop } = await createPlan(
    db,
    { ...PLAN_INPUT, firstLoopStart },
    drafts('reach', 'hires'),
  );
  await planSession.open(plan.id, 1);
  return { db, plan, loop };
}

/** Loop `index` of a stored plan as the domain judges it, from a fresh read. */
async function domainVerdicts(planId: string, index: number) {
  const bundle = await loadPlanBundle(await appDb(), planId);
  const rows = planSession.rows;
  const loop = bundle.loops.find((l) => l.index === index)!;
  const keyOf = new Map(rows.map((r) => [r.kpi.id, r.definition.key]));
  const targets: Record<string, number> = {};
  for (const t of bundle.targets) if (t.loopId === loop.id) targets[keyOf.get(t.kpiId)!] = t.value;
  const prepared = must(
    planVerdicts({
      firstLoopStart: bundle.plan.firstLoopStart,
      loopLength: bundle.plan.loopLength,
      kpis: rows.map((r) => r.definition),
      measurements: pointsByKey(rows, bundle.measurements),
    }),
  );
  return {
    targets,
    verdicts: must(
      prepared({
        index,
        basis: 'previousLoop',
        rules: focusRules(loop.focus!, loop.focusRules),
        targets,
        midLoopChanges: bundle.loopChanges.filter((c) => c.loopId === loop.id).length,
      }),
    ),
  };
}

describe('loopView.timeline of the example', () => {
  shareExample();

  it('runs from loop 1 to the current loop: six past loops and the current one', async () => {
    expect(EXAMPLE_TODAY).toBe('2026-11-23');
    await openExample();
    const timeline = loopView.timeline;
    expect(timeline.map((e) => [e.index, e.state, e.loop?.index])).toEqual([
      [1, 'past', 1],
      [2, 'past', 2],
      [3, 'past', 3],
      [4, 'past', 4],
      [5, 'past', 5],
      [6, 'past', 6],
      [7, 'current', undefined],
    ]);
    expect(timeline[0]?.range).toEqual({ start: '2025-11-01', end: '2025-12-31' });
    expect(timeline[6]).toMatchObject({
      range: { start: '2026-11-01', end: '2026-12-31' },
      // 23–30 November and all of December.
      daysLeft: 39,
    });
    expect(timeline.slice(0, 6).every((e) => e.daysLeft === 0)).toBe(true);
  });
});

describe('loopView.timeline', () => {
  useAppDb();

  it('shows loops set up beyond the current one as future', async () => {
    const { db, plan } = await openPlain('2026-09-01');
    const { createLoop } = await import('$lib/storage/loops-repo');
    await planSession.mutate((d) =>
      createLoop(d, plan.id, { index: 2, expectationsNotes: '' }, []),
    );
    await planSession.mutate((d) =>
      createLoop(d, plan.id, { index: 3, expectationsNotes: '' }, []),
    );
    expect(loopView.timeline.map((e) => [e.index, e.state, e.daysLeft])).toEqual([
      [1, 'past', 0],
      [2, 'current', 39],
      [3, 'future', 0],
    ]);
    expect(await db.loops.count()).toBe(3);
  });

  it('shows only loop 1, as future, for a plan that has not started', async () => {
    await openPlain('2027-03-01');
    expect(loopView.timeline).toEqual([
      {
        index: 1,
        range: { start: '2027-03-01', end: '2027-04-30' },
        loop: planSession.loop,
        state: 'future',
        daysLeft: 0,
      },
    ]);
  });

  it('is empty without an open plan', () => {
    expect(loopView.timeline).toEqual([]);
  });
});

describe('loopView.verdicts', () => {
  shareExample();

  it("gives the example's loop 3 the domain's verdicts: two more hires could be chance", async () => {
    const { plan } = await openExample(3);
    const verdicts = loopView.verdicts(3, 'previousLoop');
    const expected = await domainVerdicts(plan.id, 3);
    expect(verdicts).toEqual(expected.verdicts);
    expect(verdicts).toHaveLength(planSession.rows.length);
    expect(verdicts?.find((v) => v.key === 'hires')).toMatchObject({
      value: 14,
      reference: 12,
      target: 14,
      basis: 'previousLoop',
      noise: { label: 'couldBeChance' },
    });
    // Under a traffic focus reach is expected to drop: loop 3 has no target for it.
    expect(Object.keys(expected.targets)).not.toContain('reach');
    expect(verdicts?.find((v) => v.key === 'reach')?.target).toBeNull();
  });

  it('judges against the chosen basis and its reference period', async () => {
    await openExample(3);
    expect(loopView.referenceRange(3, 'previousLoop')).toEqual({
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(loopView.referenceRange(3, 'baseline')).toEqual({
      start: '2025-09-01',
      end: '2025-10-31',
    });
    const baseline = loopView.verdicts(3, 'baseline');
    expect(baseline?.find((v) => v.key === 'hires')).toMatchObject({
      value: 14,
      reference: 9,
      basis: 'baseline',
    });
  });

  it('gives each KPI’s value over any period', async () => {
    await openExample(3);
    const values = loopView.periodValues({ start: '2026-03-01', end: '2026-04-30' });
    expect(values.hires?.value).toBe(14);
    expect(values.applicationsCompleted?.value).toBe(150);
  });

  it('judges brand-side KPIs on the trend of at most TREND_LOOPS loops', async () => {
    await openExample(6);
    const trends = loopView.trends(6);
    const brand = planSession.rows.filter((r) => r.definition.side === 'brand');
    expect([...trends.keys()]).toEqual(brand.map((r) => r.definition.key));
    expect(TREND_LOOPS).toBe(6);
    expect(trends.get('reach')).toMatchObject({ loops: 6 });
    expect(loopView.trends(2).get('reach')).toEqual({ kind: 'tooFew', loops: 2 });
  });
});

describe('loopView.money', () => {
  shareExample();

  it("gives loop 3's spend, cost per application and hire, and return", async () => {
    const { plan } = await openExample(3);
    const loop = planSession.bundle!.loops.find((l) => l.index === 3)!;
    const money = loopView.money(3);
    // The example measures marketing spend (€7,420 in loop 3): that is the spend counted.
    const cost = 7_420;
    expect(money).toMatchObject({
      loop,
      applications: 150,
      hires: 14,
      spend: { amount: cost, source: 'spend' },
      recruiterCost: null,
      perApplication: cost / 150,
      perHire: cost / 14,
      back: { value: 14 * 8_500, net: 14 * 8_500 - cost, ratio: (14 * 8_500) / cost, cost },
    });
    expect(money?.campaigns).toEqual({
      brand: loop.budget!.brand,
      recruitment: loop.budget!.recruitment,
      unassigned: 0,
    });
    expect(plan.valuePerHire).toBe(8_500);
    expect(money).toEqual(
      loopMoney({
        loop,
        campaigns: planSession.bundle!.campaigns,
        values: new Map(loopView.verdicts(3, 'previousLoop')!.map((v) => [v.key, v.value])),
        valuePerHire: 8_500,
      }),
    );
  });

  it('is undefined for a loop that is not set up', async () => {
    await openExample(3);
    expect(loopView.money(7)).toBeUndefined();
  });
});

describe('loopView writes', () => {
  useAppDb();

  it('judges the plan as it is after a write (no verdicts of the plan before it)', async () => {
    const { plan } = await openExample(3);
    const first = loopView.verdicts(3, 'previousLoop');
    expect(first?.find((v) => v.key === 'hires')?.value).toBe(14);
    const hires = planSession.rows.find((r) => r.definition.key === 'hires')!.kpi.id;
    const range = planSession.loopRange!;
    expect(await loopView.saveValues([{ kpiId: hires, ...range, value: 20 }])).toBe(true);
    const again = loopView.verdicts(3, 'previousLoop');
    expect(again?.find((v) => v.key === 'hires')?.value).toBe(20);
    expect(again).toEqual((await domainVerdicts(plan.id, 3)).verdicts);
  });

  it('saveValues puts the values into the session as stored', async () => {
    const { db, plan } = await openPlain('2026-01-01');
    const [reach] = planSession.rows.map((r) => r.kpi.id);
    const ok = await loopView.saveValues([
      { kpiId: reach!, start: '2026-01-01', end: '2026-01-31', value: 400 },
      { kpiId: reach!, start: '2026-02-01', end: '2026-02-28', value: 600 },
    ]);
    expect(ok).toBe(true);
    expect(loopView.periodValues(planSession.loopRange!).reach?.value).toBe(1000);
    expect(unordered(planSession.bundle)).toEqual(unordered(await loadPlanBundle(db, plan.id)));
    // Clearing a cell removes its value.
    await loopView.saveValues([
      { kpiId: reach!, start: '2026-01-01', end: '2026-01-31', value: undefined },
    ]);
    expect(planSession.bundle?.measurements.map((m) => m.value)).toEqual([600]);
  });

  it('saveItem adds and changes a campaign; removeItem removes it and returns it', async () => {
    const { db, plan, loop } = await openPlain('2026-01-01');
    const draft = {
      loopId: loop.id,
      name: 'Night shift video',
      channel: 'Meta',
      start: '2026-01-10',
      end: '2026-02-10',
      budget: 1200,
      side: 'recruitment' as const,
    };
    expect(await loopView.saveItem('campaigns', draft)).toBe(true);
    const [saved] = planSession.bundle!.campaigns;
    expect(saved).toMatchObject({ ...draft, planId: plan.id });
    expect(await loopView.saveItem('campaigns', { ...draft, id: saved!.id, budget: 1500 })).toBe(
      true,
    );
    expect(planSession.bundle?.campaigns).toEqual([{ ...saved, budget: 1500 }]);
    expect(loopView.money(1)?.spend).toEqual({ amount: 1500, source: 'campaigns' });
    expect(planSession.bundle).toEqual(await loadPlanBundle(db, plan.id));

    const removed = await loopView.removeItem('campaigns', saved!.id);
    expect(removed).toEqual({ ...saved, budget: 1500 });
    expect(planSession.bundle?.campaigns).toEqual([]);
    expect(await db.campaigns.count()).toBe(0);
  });

  it('saveItem refuses a campaign of another plan’s loop and leaves the session', async () => {
    const { db } = await openPlain('2026-01-01');
    const other = await createPlan(db, PLAN_INPUT, []);
    const bundle = planSession.bundle;
    const ok = await loopView.saveItem('campaigns', {
      loopId: other.loop.id,
      name: 'Elsewhere',
      channel: '',
      start: '2026-01-10',
      end: '2026-01-20',
    });
    expect(ok).toBe(false);
    expect(planSession.status).toBe('failed');
    expect(planSession.failure).toMatchObject({ name: 'WrongPlanError' });
    expect(planSession.bundle).toBe(bundle);
  });

  it('saveItem stores meetings and logged changes too, sorted as the bundle keeps them', async () => {
    const { db, plan, loop } = await openPlain('2026-01-01');
    const meeting = {
      date: '2026-01-15',
      vacancies: [{ title: 'Night nurse', team: 'Ward 3' }],
      marketingSupport: '',
      successes: '',
      failures: '',
      lessons: '',
    };
    await loopView.saveItem('meetings', meeting);
    await loopView.saveItem('meetings', { ...meeting, date: '2026-02-15' });
    await loopView.saveItem('loopChanges', {
      loopId: loop.id,
      date: '2026-01-20',
      what: 'Moved budget',
      why: 'Few night-shift applicants',
    });
    // Meetings newest first.
    expect(planSession.bundle?.meetings.map((m) => m.date)).toEqual(['2026-02-15', '2026-01-15']);
    expect(planSession.bundle?.loopChanges).toHaveLength(1);
    expect(planSession.bundle).toEqual(await loadPlanBundle(db, plan.id));
  });

  it('saveBudget saves one row per year and replaces it in place', async () => {
    const { db, plan } = await openPlain('2026-01-01');
    expect(
      await loopView.saveBudget({
        year: 2026,
        hrBudget: 100_000,
        brand: 20_000,
        recruitment: 30_000,
      }),
    ).toBe(true);
    const [first] = planSession.bundle!.budgets;
    await loopView.saveBudget({
      year: 2026,
      hrBudget: 120_000,
      brand: 25_000,
      recruitment: 30_000,
    });
    await loopView.saveBudget({ year: 2025, hrBudget: 90_000, brand: 10_000, recruitment: 20_000 });
    expect(planSession.bundle?.budgets.map((b) => [b.year, b.hrBudget])).toEqual([
      [2025, 90_000],
      [2026, 120_000],
    ]);
    expect(planSession.bundle?.budgets[1]?.id).toBe(first?.id);
    expect(planSession.bundle).toEqual(await loadPlanBundle(db, plan.id));
    expect(planSession.status).toBe('saved');
  });

  it('writes nothing without an open plan', async () => {
    expect(await loopView.saveValues([])).toBe(false);
    expect(await loopView.removeItem('campaigns', 'x')).toBeUndefined();
    expect(await loopView.saveBudget({ year: 2026, hrBudget: 1, brand: 0, recruitment: 0 })).toBe(
      false,
    );
  });
});
