import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Point } from '$lib/domain/aggregate';
import { definitionOf } from '$lib/domain/catalog';
import { addDays } from '$lib/domain/dates';
import { exampleData, type ExampleData } from '$lib/domain/example';
import { focusRules } from '$lib/domain/focus';
import { planVerdicts } from '$lib/domain/plan-verdicts';
import type { TalentloopDb } from './db';
import {
  expectEmpty as expectEmptyTables,
  rejection,
  storedMeasurements,
  useTestDb,
} from './test-support';
import { createExamplePlan } from './example-repo';
import { loadPlanBundle } from './bundle';
import { InvalidRecordError } from './plans-repo';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-11-23T09:00:00.000Z';
const data = exampleData('2026-11-23', 'nl');

const expectEmpty = () => expectEmptyTables(db);

describe('createExamplePlan', () => {
  it('writes the example plan with every row of the data', async () => {
    const plan = await createExamplePlan(db, data, T0);
    expect(plan).toMatchObject({
      organisation: data.plan.organisation,
      firstLoopStart: '2025-11-01',
      example: true,
      valuePerHire: data.plan.valuePerHire,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.plans.toArray()).toEqual([plan]);
    expect(await db.kpis.count()).toBe(data.kpis.length);
    expect(await db.loops.count()).toBe(6);
    expect(await db.targets.count()).toBe(data.targets.length);
    expect((await storedMeasurements(db)).length).toBe(data.measurements.length);
    expect(await db.campaigns.count()).toBe(data.campaigns.length);
    expect(await db.loopChanges.count()).toBe(data.loopChanges.length);
    const kpis = await db.kpis.orderBy('[planId+order]').toArray();
    expect(kpis.map((k) => k.catalogKey)).toEqual(data.kpis.map((k) => k.catalogKey));
    expect(kpis.map((k) => k.order)).toEqual(kpis.map((_, i) => i));
  });

  it('points every reference at a row of the plan, with the data’s KPI and loop', async () => {
    const plan = await createExamplePlan(db, data, T0);
    const kpis = new Map((await db.kpis.toArray()).map((k) => [k.id, k]));
    const loops = new Map((await db.loops.toArray()).map((l) => [l.id, l]));
    for (const table of ['kpis', 'loops', 'targets', 'measurements', 'campaigns', 'loopChanges']) {
      const rows = (await db.table(table).toArray()) as { planId: string }[];
      expect(
        rows.every((r) => r.planId === plan.id),
        table,
      ).toBe(true);
    }
    const targets = await db.targets.toArray();
    expect(
      targets.map((t) => ({
        loop: loops.get(t.loopId)?.index,
        kpi: kpis.get(t.kpiId)?.catalogKey,
        value: t.value,
        basis: t.basis,
      })),
    ).toEqual(expect.arrayContaining(data.targets));
    for (const m of await storedMeasurements(db)) expect(kpis.has(m.kpiId)).toBe(true);
    const campaigns = await db.campaigns.toArray();
    expect(campaigns.map((c) => loops.get(c.loopId)?.index).sort()).toEqual(
      data.campaigns.map((c) => c.loop).sort(),
    );
    const [change] = await db.loopChanges.toArray();
    expect(loops.get(change?.loopId ?? '')?.index).toBe(4);
    expect(new Set(campaigns.map((c) => c.id)).size).toBe(campaigns.length);
  });

  it('can be loaded as a plan bundle without problems, and judged from storage', async () => {
    const plan = await createExamplePlan(db, data, T0);
    const bundle = await loadPlanBundle(db, plan.id);
    expect(bundle.problems).toEqual([]);
    expect(bundle.plan).toEqual(plan);
    expect(bundle.kpis).toHaveLength(data.kpis.length);
    expect(bundle.loops.map((l) => [l.index, l.focus, l.wizardStep])).toEqual(
      data.loops.map((l) => [l.index, l.focus, 4]),
    );
    expect(bundle.targets).toHaveLength(data.targets.length);
    expect(bundle.measurements).toHaveLength(data.measurements.length);
    expect(bundle.loopChanges).toHaveLength(1);

    // Loop 3 as the loop view computes it from stored rows: two more hires could be chance.
    const keyOf = new Map(bundle.kpis.map((k) => [k.id, k.catalogKey ?? k.id]));
    const measurements: Record<string, Point[]> = {};
    for (const m of bundle.measurements) (measurements[keyOf.get(m.kpiId) ?? ''] ??= []).push(m);
    const prepared = planVerdicts({
      firstLoopStart: bundle.plan.firstLoopStart,
      loopLength: bundle.plan.loopLength,
      kpis: bundle.kpis.map((k) => {
        const def = definitionOf(k);
        if (!def.ok) throw new Error(k.id);
        return def.value;
      }),
      measurements,
    });
    if (!prepared.ok) throw new Error(prepared.error.code);
    const loop3 = prepared.value({
      index: 3,
      basis: 'previousLoop',
      rules: focusRules('traffic'),
      targets: {},
      midLoopChanges: 0,
    });
    if (!loop3.ok) throw new Error(loop3.error.code);
    expect(loop3.value.find((v) => v.key === 'hires')).toMatchObject({
      value: 14,
      reference: 12,
      noise: { label: 'couldBeChance' },
    });
  });

  it('marks the plan as an example even if the data forgot to', async () => {
    const plain = { ...data, plan: { ...data.plan, example: false } } as unknown as ExampleData;
    const plan = await createExamplePlan(db, plain, T0);
    expect(plan.example).toBe(true);
  });

  it.each([
    [
      'a campaign that ends before it starts',
      'campaigns',
      (d: ExampleData): ExampleData => ({
        ...d,
        campaigns: d.campaigns.map((c, i) => (i === 3 ? { ...c, end: addDays(c.start, -1) } : c)),
      }),
      'campaigns[3].end',
    ],
    [
      'a measurement of a KPI the plan does not have',
      'measurements',
      (d: ExampleData): ExampleData => ({
        ...d,
        measurements: [...d.measurements, { ...first(d.measurements), kpi: 'frequency' }],
      }),
      `measurements[${data.measurements.length}].kpi`,
    ],
    [
      'a target for a loop that does not exist',
      'targets',
      (d: ExampleData): ExampleData => ({
        ...d,
        targets: [{ ...first(d.targets), loop: 7 }, ...d.targets.slice(1)],
      }),
      'targets[0].loop',
    ],
    [
      'an impossible measurement date',
      'measurements',
      (d: ExampleData): ExampleData => ({
        ...d,
        measurements: [{ ...first(d.measurements), start: '2026-02-30' }, ...d.measurements],
      }),
      'measurements[0].start',
    ],
    [
      'a non-finite value',
      'measurements',
      (d: ExampleData): ExampleData => ({
        ...d,
        measurements: [...d.measurements.slice(0, -1), { ...first(d.measurements), value: NaN }],
      }),
      `measurements[${data.measurements.length - 1}].value`,
    ],
    [
      'an empty organisation',
      'plans',
      (d: ExampleData): ExampleData => ({ ...d, plan: { ...d.plan, organisation: '' } }),
      'plan.organisation',
    ],
  ])('writes nothing at all for %s', async (_name, table, spoil, path) => {
    const error = await rejection(createExamplePlan(db, spoil(data), T0));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error).toMatchObject({ table });
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toContain(path);
    await expectEmpty();
  });

  it('writes nothing when the write itself fails half-way (a duplicate target)', async () => {
    const spoilt = { ...data, targets: [...data.targets, first(data.targets)] };
    await expect(createExamplePlan(db, spoilt, T0)).rejects.toThrow();
    await expectEmpty();
  });

  it('refuses an invalid timestamp before writing', async () => {
    const error = await rejection(createExamplePlan(db, data, 'yesterday'));
    expect(error).toBeInstanceOf(InvalidRecordError);
    await expectEmpty();
  });

  it('writes two example plans side by side without clashes', async () => {
    const a = await createExamplePlan(db, data, T0);
    const b = await createExamplePlan(db, exampleData('2026-11-23', 'en'), T0);
    expect(a.id).not.toBe(b.id);
    expect((await storedMeasurements(db, b.id)).length).toBe(data.measurements.length);
  });
});

function first<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('empty');
  return row;
}
