import { describe, expect, it } from 'vitest';
import type { Budget, Campaign, Kpi, Loop, Measurement, Meeting, Plan } from '$lib/schema';
import { emptyRows, PLAN_TABLES } from '$lib/schema/tables';
import type { PlanBundle } from './bundle';
import { applyChange, ChangeRecorder, putRows, type PlanChange } from './change';
import { at, drafts, T0, T1 } from './test-support';

const PLAN: Plan = {
  id: 'plan-a',
  organisation: 'Acme Care',
  loopLength: { unit: 'months', count: 2 },
  firstLoopStart: '2026-01-01',
  defaultComparison: 'previousLoop',
  currency: 'EUR',
  notes: '',
  example: false,
  createdAt: T0,
  updatedAt: T0,
};
const TOUCHED: Plan = { ...PLAN, updatedAt: T1 };

const kpi = (id: string, order: number): Kpi => ({
  ...at(drafts('reach'), 0),
  id,
  planId: PLAN.id,
  order,
});
const loop = (id: string, index: number): Loop => ({
  id,
  planId: PLAN.id,
  index,
  strategy: '',
  expectationsNotes: '',
  insights: { targetGroup: '', reaction: '', journey: '' },
  updatedAt: T0,
});
const meeting = (id: string, date: string): Meeting => ({
  id,
  planId: PLAN.id,
  date,
  vacancies: [],
  marketingSupport: '',
  successes: '',
  failures: '',
  lessons: '',
});
const budget = (id: string, year: number): Budget => ({
  id,
  planId: PLAN.id,
  year,
  hrBudget: 1000,
  brand: 100,
  recruitment: 200,
});
const campaign = (id: string, name: string): Campaign => ({
  id,
  planId: PLAN.id,
  loopId: 'l1',
  name,
  channel: 'LinkedIn',
  start: '2026-01-10',
  end: '2026-01-20',
});
const value = (id: string, v: number): Measurement => ({
  id,
  planId: PLAN.id,
  kpiId: 'k1',
  start: '2026-01-01',
  end: '2026-01-31',
  value: v,
  source: 'manual',
});

/** A bundle as loadPlanBundle gives it: each table in the registry's order. */
function bundle(): PlanBundle {
  return {
    ...emptyRows(),
    plan: PLAN,
    kpis: [kpi('k1', 0), kpi('k2', 1), kpi('k3', 2)],
    loops: [loop('l1', 1), loop('l2', 2)],
    campaigns: [campaign('c1', 'First'), campaign('c2', 'Second')],
    measurements: [value('m1', 1), value('m2', 2)],
    meetings: [meeting('mt1', '2026-03-01'), meeting('mt2', '2026-01-01')],
    budgets: [budget('b1', 2025), budget('b2', 2027)],
    problems: [{ area: 'indexedDB', where: 'kpis', key: 'broken', issues: [] }],
  };
}

function change(put: PlanChange['put'], removed: PlanChange['removed'] = {}): PlanChange {
  return { planId: PLAN.id, plan: TOUCHED, put, removed };
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('applyChange', () => {
  it('takes the plan row of the change and keeps the problems found on reading', () => {
    const before = bundle();
    const after = applyChange(before, change({}));
    expect(after.plan).toBe(TOUCHED);
    expect(after.problems).toBe(before.problems);
    expect(before.plan).toBe(PLAN);
  });

  it('replaces a put row in place, lets new rows join and removed rows leave', () => {
    const before = bundle();
    const renamed = campaign('c1', 'Renamed');
    const after = applyChange(
      before,
      change(
        { campaigns: [campaign('c3', 'Third'), renamed], measurements: [value('m3', 3)] },
        { campaigns: ['c2'], measurements: ['m1'] },
      ),
    );
    expect(after.campaigns).toEqual([renamed, campaign('c3', 'Third')]);
    expect(after.measurements).toEqual([value('m2', 2), value('m3', 3)]);
    // The bundle it was applied to is left as it was.
    expect(before.campaigns).toEqual([campaign('c1', 'First'), campaign('c2', 'Second')]);
    expect(ids(before.measurements)).toEqual(['m1', 'm2']);
  });

  it('keeps KPIs by order, also when a put row moves', () => {
    const after = applyChange(bundle(), change({ kpis: [kpi('k0', 3), kpi('k1', 5)] }));
    expect(after.kpis.map((k) => [k.id, k.order])).toEqual([
      ['k2', 1],
      ['k3', 2],
      ['k0', 3],
      ['k1', 5],
    ]);
  });

  it('keeps loops by index, meetings newest first and budgets by year', () => {
    const after = applyChange(
      bundle(),
      change({
        loops: [loop('l0', 3), { ...loop('l1', 1), strategy: 'Nurses' }],
        meetings: [meeting('mt3', '2026-02-01'), meeting('mt4', '2026-04-01')],
        budgets: [budget('b3', 2026), budget('b4', 2024)],
      }),
    );
    expect(after.loops.map((l) => [l.id, l.index])).toEqual([
      ['l1', 1],
      ['l2', 2],
      ['l0', 3],
    ]);
    expect(at(after.loops, 0).strategy).toBe('Nurses');
    expect(after.meetings.map((m) => m.date)).toEqual([
      '2026-04-01',
      '2026-03-01',
      '2026-02-01',
      '2026-01-01',
    ]);
    expect(after.budgets.map((b) => b.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('keeps the arrays of tables the change did not touch', () => {
    const before = bundle();
    const after = applyChange(before, change({ kpis: [kpi('k4', 3)] }, { meetings: ['mt1'] }));
    expect(after).not.toBe(before);
    expect(after.kpis).not.toBe(before.kpis);
    expect(after.meetings).not.toBe(before.meetings);
    expect(ids(after.meetings)).toEqual(['mt2']);
    for (const table of PLAN_TABLES.filter((t) => t !== 'kpis' && t !== 'meetings')) {
      expect({ table, same: after[table] === before[table] }).toEqual({ table, same: true });
    }
  });

  it('treats empty lists in a change as no change to the table', () => {
    const before = bundle();
    const after = applyChange(before, change({ kpis: [] }, { loops: [] }));
    expect(after.kpis).toBe(before.kpis);
    expect(after.loops).toBe(before.loops);
  });

  it('ignores an id removed that the bundle does not hold', () => {
    const after = applyChange(bundle(), change({}, { campaigns: ['gone-already'] }));
    expect(ids(after.campaigns)).toEqual(['c1', 'c2']);
  });

  it('returns the bundle unchanged for a change of another plan', () => {
    const before = bundle();
    const other: PlanChange = {
      planId: 'plan-b',
      plan: { ...PLAN, id: 'plan-b', updatedAt: T1 },
      put: { kpis: [{ ...kpi('kx', 0), planId: 'plan-b' }] },
      removed: { campaigns: ['c1'] },
    };
    expect(applyChange(before, other)).toBe(before);
    expect(before).toEqual(bundle());
  });
});

describe('ChangeRecorder', () => {
  it('collects rows put and ids removed per table, in the order written', () => {
    const recorder = new ChangeRecorder();
    recorder.wrote('kpis', [kpi('k1', 0)]);
    recorder.wrote('measurements', [value('m1', 1)]);
    recorder.wrote('kpis', [kpi('k2', 1), kpi('k3', 2)]);
    recorder.deleted('targets', ['t1']);
    recorder.deleted('targets', ['t2', 't3']);

    const finished = recorder.finish(TOUCHED);

    expect(finished).toEqual({
      planId: PLAN.id,
      plan: TOUCHED,
      put: { kpis: [kpi('k1', 0), kpi('k2', 1), kpi('k3', 2)], measurements: [value('m1', 1)] },
      removed: { targets: ['t1', 't2', 't3'] },
    });
    expect(putRows(finished, 'kpis').map((k) => k.id)).toEqual(['k1', 'k2', 'k3']);
    expect(putRows(finished, 'loops')).toEqual([]);
  });

  it('leaves out tables written with nothing, and takes the plan id from the plan row', () => {
    const recorder = new ChangeRecorder();
    recorder.wrote('campaigns', []);
    recorder.deleted('campaigns', []);
    expect(recorder.plan).toBeUndefined();
    const finished = recorder.finish({ ...PLAN, id: 'plan-z' });
    expect(finished).toEqual({
      planId: 'plan-z',
      plan: { ...PLAN, id: 'plan-z' },
      put: {},
      removed: {},
    });
    expect(Object.keys(finished.put)).toEqual([]);
  });

  it('keeps its own copy of the rows written: a later push to the argument does not leak in', () => {
    const recorder = new ChangeRecorder();
    const rows = [kpi('k1', 0)];
    recorder.wrote('kpis', rows);
    rows.push(kpi('k2', 1));
    expect(putRows(recorder.finish(PLAN), 'kpis').map((k) => k.id)).toEqual(['k1']);
  });

  it('records only the last of a put and a removal of the same row in one write', () => {
    const recorder = new ChangeRecorder();
    recorder.wrote('measurements', [value('m1', 1), value('m2', 2)]);
    recorder.deleted('measurements', ['m1']);
    recorder.deleted('campaigns', ['c1']);
    recorder.wrote('campaigns', [campaign('c1', 'Spring')]);
    recorder.wrote('measurements', [value('m2', 3)]);

    const finished = recorder.finish(PLAN);

    expect(finished.put).toEqual({
      measurements: [value('m2', 3)],
      campaigns: [campaign('c1', 'Spring')],
    });
    expect(finished.removed).toEqual({ measurements: ['m1'], campaigns: [] });
  });
});
