import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TalentloopDb } from './db';
import { drafts, PLAN_INPUT, useTestDb } from './test-support';
import { readPlanBundle, readPlanUpdatedAt } from './plan-read';
import { loadPlanBundle } from './bundle';
import { createPlan, PlanNotFoundError } from './plans-repo';
import { saveValues } from './values-repo';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

const input = PLAN_INPUT;

describe('readPlanBundle (reading without Dexie)', () => {
  it('reads exactly what the Dexie path reads, with the same problems', async () => {
    const { plan } = await createPlan(
      db,
      input,
      drafts('reach', 'hires'),
      '2026-01-02T00:00:00.000Z',
    );
    const other = await createPlan(db, { ...input, organisation: 'Other' }, drafts('reach'));
    const [kpi] = await db.kpis.where('planId').equals(plan.id).sortBy('order');
    const written = await saveValues(
      db,
      plan.id,
      [{ kpiId: kpi!.id, start: '2025-11-01', end: '2025-12-31', value: 12 }],
      '2026-01-03T00:00:00.000Z',
    );
    await db.kpis.put({ id: 'broken', planId: plan.id, pillar: 'nonsense' } as never);
    await db.measurements.put({ id: 'elsewhere', planId: other.plan.id } as never);

    const raw = await readPlanBundle(plan.id, db.name);
    expect(raw).toEqual(await loadPlanBundle(db, plan.id));
    if (raw === 'useDexie') throw new Error('expected a raw read');
    expect(raw.kpis.map((k) => k.catalogKey)).toEqual(['reach', 'hires']);
    expect(raw.measurements).toHaveLength(1);
    expect(raw.problems.map((p) => p.key)).toEqual(['broken']);
    expect(raw.plan).toEqual(written.change.plan);
    expect(await readPlanUpdatedAt(plan.id, db.name)).toBe('2026-01-03T00:00:00.000Z');
  });

  it('says when the plan does not exist', async () => {
    await expect(readPlanBundle('nope', db.name)).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(await readPlanUpdatedAt('nope', db.name)).toBeNull();
  });

  it('leaves a database of another version (or none) to Dexie', async () => {
    expect(await readPlanBundle('x', `absent-${crypto.randomUUID()}`)).toBe('useDexie');
    const name = `newer-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 990);
      open.onupgradeneeded = () => open.result.createObjectStore('plans', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    expect(await readPlanBundle('x', name)).toBe('useDexie');
    expect(await readPlanUpdatedAt('x', name)).toBeNull();
    indexedDB.deleteDatabase(name);
  });
});
