import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importValues } from './import-repo';
import type { TalentloopDb } from './db';
import { createPlan } from './plans-repo';
import { drafts, dumpTables, PLAN_INPUT, rejection, useTestDb } from './test-support';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

async function planWithKpi() {
  const { plan } = await createPlan(
    db,
    PLAN_INPUT,
    drafts('impressions'),
    '2026-01-01T00:00:00.000Z',
  );
  const [kpi] = await db.kpis.toArray();
  return { plan, kpiId: kpi!.id };
}
const day = (kpiId: string, start: string, value: number) => ({
  kpiId,
  start,
  end: start,
  value,
  existing: null,
});

describe('importValues', () => {
  it('adds values with their source and marks the plan changed, in one go', async () => {
    const { plan, kpiId } = await planWithKpi();
    const result = await importValues(
      db,
      plan.id,
      [day(kpiId, '2026-01-01', 5), day(kpiId, '2026-01-02', 6)],
      {
        conflicts: 'replace',
        source: 'ads',
        now: '2026-11-23T10:00:00.000Z',
      },
    );
    expect(result).toEqual({ added: 2, replaced: 0, skipped: 0 });
    const rows = await db.measurements.toArray();
    expect(rows.map((r) => [r.start, r.value, r.source])).toEqual(
      expect.arrayContaining([
        ['2026-01-01', 5, 'ads'],
        ['2026-01-02', 6, 'ads'],
      ]),
    );
    expect((await db.plans.get(plan.id))?.updatedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('replaces or keeps a value already stored on exactly that KPI and range', async () => {
    const { plan, kpiId } = await planWithKpi();
    await importValues(db, plan.id, [day(kpiId, '2026-01-01', 5)], {
      conflicts: 'replace',
      source: 'manual',
    });
    const skip = await importValues(
      db,
      plan.id,
      [day(kpiId, '2026-01-01', 7), day(kpiId, '2026-01-03', 1)],
      {
        conflicts: 'skip',
        source: 'ads',
      },
    );
    expect(skip).toEqual({ added: 1, replaced: 0, skipped: 1 });
    const replace = await importValues(db, plan.id, [day(kpiId, '2026-01-01', 9)], {
      conflicts: 'replace',
      source: 'ads',
    });
    expect(replace).toEqual({ added: 0, replaced: 1, skipped: 0 });
    const values = (await db.measurements.toArray()).map((m) => [m.start, m.value]).sort();
    expect(values).toEqual([
      ['2026-01-01', 9],
      ['2026-01-03', 1],
    ]);
  });

  it('writes nothing when one value is invalid or a KPI is not in the plan', async () => {
    const { plan, kpiId } = await planWithKpi();
    const before = await dumpTables(db);
    await rejection(
      importValues(
        db,
        plan.id,
        [day(kpiId, '2026-01-01', 5), day(kpiId, '2026-01-02', Number.NaN)],
        {
          conflicts: 'replace',
          source: 'ads',
        },
      ),
    );
    await rejection(
      importValues(db, plan.id, [day(kpiId, '2026-01-01', 5), day('other-kpi', '2026-01-02', 1)], {
        conflicts: 'replace',
        source: 'ads',
      }),
    );
    expect(await dumpTables(db)).toEqual(before);
  });
});
