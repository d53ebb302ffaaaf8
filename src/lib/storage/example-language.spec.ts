import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleData } from '$lib/domain/example';
import { loadPlanBundle } from './bundle';
import { applyChange } from './change';
import type { TalentloopDb } from './db';
import { translateExamplePlan } from './example-language';
import { createExamplePlan } from './example-repo';
import { newPlan, useTestDb } from './test-support';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const T0 = '2026-11-23T09:00:00.000Z';
const T1 = '2026-11-24T09:00:00.000Z';
const T2 = '2026-11-25T09:00:00.000Z';
const dutch = exampleData('2026-11-23', 'nl');
const english = exampleData('2026-11-23', 'en');

/** The texts of a plan's bundle, in a shape that compares plan by plan. */
async function texts(planId: string) {
  const bundle = await loadPlanBundle(db, planId);
  return {
    organisation: bundle.plan.organisation,
    notes: bundle.plan.notes,
    strategies: bundle.loops.map((l) => l.strategy),
    journeys: bundle.loops.map((l) => l.insights.journey),
    campaigns: bundle.campaigns.map((c) => `${c.name} / ${c.channel}`).sort(),
    changes: bundle.loopChanges.map((c) => `${c.what} / ${c.why}`),
  };
}

const expected = (data: typeof dutch) => ({
  organisation: data.plan.organisation,
  notes: data.plan.notes,
  strategies: data.loops.map((l) => l.strategy),
  journeys: data.loops.map((l) => l.insights.journey),
  campaigns: data.campaigns.map((c) => `${c.name} / ${c.channel}`).sort(),
  changes: data.loopChanges.map((c) => `${c.what} / ${c.why}`),
});

describe('translateExamplePlan', () => {
  it('writes the Dutch example in English in one write, and the change brings memory along', async () => {
    const plan = await createExamplePlan(db, dutch, T0);
    const before = await loadPlanBundle(db, plan.id);
    const written = await translateExamplePlan(db, plan.id, 'en', T1);
    expect(written?.value).toBe(true);
    expect(await texts(plan.id)).toEqual(expected(english));
    const after = await loadPlanBundle(db, plan.id);
    expect(after.plan.updatedAt).toBe(T1);
    // The change it returns turns the bundle in memory into the one on disk.
    const applied = applyChange(before, written!.change);
    expect(applied.plan).toEqual(after.plan);
    expect(applied.loops).toEqual(after.loops);
    expect(applied.campaigns).toEqual(after.campaigns);
    expect(applied.loopChanges).toEqual(after.loopChanges);
    // And back.
    await translateExamplePlan(db, plan.id, 'nl', T2);
    expect(await texts(plan.id)).toEqual(expected(dutch));
  });

  it('writes nothing when the example is already in that language', async () => {
    const plan = await createExamplePlan(db, english, T0);
    expect(await translateExamplePlan(db, plan.id, 'en', T1)).toBeNull();
    expect((await db.plans.get(plan.id))?.updatedAt).toBe(T0);
  });

  it('keeps what the user wrote in the example', async () => {
    const plan = await createExamplePlan(db, dutch, T0);
    await db.plans.update(plan.id, { organisation: 'Mijn proefplan' });
    const loop = (await db.loops.where('planId').equals(plan.id).sortBy('index'))[0]!;
    await db.loops.update(loop.id, { strategy: 'Eigen woorden' });
    await translateExamplePlan(db, plan.id, 'en', T1);
    const now = await texts(plan.id);
    expect(now.organisation).toBe('Mijn proefplan');
    expect(now.notes).toBe(english.plan.notes);
    expect(now.strategies).toEqual([
      'Eigen woorden',
      ...english.loops.slice(1).map((l) => l.strategy),
    ]);
  });

  it('leaves a plan that is not the example alone', async () => {
    const { plan } = await newPlan(db, 'Voorbeeld: Zorggroep De Linde', 'hires');
    expect(await translateExamplePlan(db, plan.id, 'en', T1)).toBeNull();
    expect((await db.plans.get(plan.id))?.organisation).toBe('Voorbeeld: Zorggroep De Linde');
  });
});
