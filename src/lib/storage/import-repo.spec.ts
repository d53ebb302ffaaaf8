import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putRows } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { importValues } from './import-repo';
import { createPlan } from './plans-repo';
import {
  drafts,
  dumpTables,
  PLAN_INPUT,
  rejection,
  storedMeasurements,
  useTestDb,
} from './test-support';

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
    const { change, value: result } = await importValues(
      db,
      plan.id,
      [day(kpiId, '2026-01-01', 5), day(kpiId, '2026-01-02', 6)],
      {
        conflicts: 'replace',
        source: 'ads',
        now: '2026-11-23T10:00:00.000Z',
      },
    );
    expect(result).toEqual({ added: 2, replaced: 0, skipped: 0, zeros: 0 });
    const rows = await storedMeasurements(db);
    expect(rows.map((r) => [r.start, r.value, r.source])).toEqual(
      expect.arrayContaining([
        ['2026-01-01', 5, 'ads'],
        ['2026-01-02', 6, 'ads'],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(putRows(change, 'measurements').toSorted((a, b) => a.id.localeCompare(b.id))).toEqual(
      rows.toSorted((a, b) => a.id.localeCompare(b.id)),
    );
    expect(change.removed).toEqual({});
    expect(change.plan).toEqual({ ...plan, updatedAt: '2026-11-23T10:00:00.000Z' });
    expect((await db.plans.get(plan.id))?.updatedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('replaces or keeps a value already stored on exactly that KPI and range', async () => {
    const { plan, kpiId } = await planWithKpi();
    const first = await importValues(db, plan.id, [day(kpiId, '2026-01-01', 5)], {
      conflicts: 'replace',
      source: 'manual',
    });
    const stored = putRows(first.change, 'measurements');
    expect(stored.map((m) => [m.start, m.value])).toEqual([['2026-01-01', 5]]);

    const skip = await importValues(
      db,
      plan.id,
      [day(kpiId, '2026-01-01', 7), day(kpiId, '2026-01-03', 1)],
      {
        conflicts: 'skip',
        source: 'ads',
      },
    );
    expect(skip.value).toEqual({ added: 1, replaced: 0, skipped: 1, zeros: 0 });
    // The kept value is not part of the change; only the new one is.
    expect(putRows(skip.change, 'measurements').map((m) => [m.start, m.value])).toEqual([
      ['2026-01-03', 1],
    ]);

    const replace = await importValues(db, plan.id, [day(kpiId, '2026-01-01', 9)], {
      conflicts: 'replace',
      source: 'ads',
    });
    expect(replace.value).toEqual({ added: 0, replaced: 1, skipped: 0, zeros: 0 });
    // Replaced in place: the stored value keeps its id.
    expect(putRows(replace.change, 'measurements')).toEqual([
      { ...stored[0], value: 9, source: 'ads' },
    ]);
    const values = (await storedMeasurements(db)).map((m) => [m.start, m.value]).sort();
    expect(values).toEqual([
      ['2026-01-01', 9],
      ['2026-01-03', 1],
    ]);
  });

  it('a zero filled in for a day without a row never replaces a stored value, even on replace', async () => {
    const { plan, kpiId } = await planWithKpi();
    await importValues(db, plan.id, [day(kpiId, '2026-01-01', 5)], {
      conflicts: 'replace',
      source: 'manual',
    });
    const filled = (start: string) => ({ ...day(kpiId, start, 0), filled: true as const });
    // The preview saw no value on 1 January; one was stored since (another tab).
    const { value, change } = await importValues(
      db,
      plan.id,
      [day(kpiId, '2026-01-02', 4), filled('2026-01-01'), filled('2026-01-03')],
      { conflicts: 'replace', source: 'ats' },
    );
    expect(value).toEqual({ added: 2, replaced: 0, skipped: 1, zeros: 1 });
    expect(putRows(change, 'measurements').map((m) => [m.start, m.value])).toEqual([
      ['2026-01-02', 4],
      ['2026-01-03', 0],
    ]);
    const values = (await storedMeasurements(db)).map((m) => [m.start, m.value]).sort();
    expect(values).toEqual([
      ['2026-01-01', 5],
      ['2026-01-02', 4],
      ['2026-01-03', 0],
    ]);
  });

  it('writes nothing when one value is invalid or a KPI is not in the plan', async () => {
    const { plan, kpiId } = await planWithKpi();
    const before = await dumpTables(db);
    const invalid = await rejection(
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
    expect(invalid).toBeInstanceOf(InvalidRecordError);
    expect((invalid as InvalidRecordError).table).toBe('measurements');
    const stray = await rejection(
      importValues(db, plan.id, [day(kpiId, '2026-01-01', 5), day('other-kpi', '2026-01-02', 1)], {
        conflicts: 'replace',
        source: 'ads',
      }),
    );
    expect((stray as Error).message).toBe(`KPI other-kpi is not in plan ${plan.id}`);
    const missing = await rejection(
      importValues(db, 'missing', [day(kpiId, '2026-01-01', 5)], {
        conflicts: 'replace',
        source: 'ads',
      }),
    );
    expect(missing).toBeInstanceOf(PlanNotFoundError);
    expect(await dumpTables(db)).toEqual(before);
  });
});
