// Shared set-up of the storage specs (imported by *.spec.ts only; never by the app).
import { afterEach, beforeEach, expect } from 'vitest';
import { catalogDraft, catalogKpi, type KpiDraft } from '$lib/domain/catalog';
import type { Kpi, Loop, Measurement, Plan, Target } from '$lib/schema';
import { TalentloopDb } from './db';
import { InvalidRecordError } from './errors';
import { createPlan, type NewPlanInput } from './plans-repo';
import { MEASUREMENT_STORES, putMeasurements, readAllMeasurements } from './measurement-store';

/** A fresh database for every test, deleted afterwards; `use` receives each new one. */
export function useTestDb(use: (db: TalentloopDb) => void): void {
  let current: TalentloopDb | undefined;
  beforeEach(async () => {
    current = new TalentloopDb(`test-${crypto.randomUUID()}`);
    await current.open();
    use(current);
  });
  afterEach(async () => {
    await current?.delete();
  });
}

/** Every table's rows, to prove that a refused operation changed nothing. */
export async function dumpTables(db: TalentloopDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

/** Every table is empty: nothing was written. */
export async function expectEmpty(db: TalentloopDb): Promise<void> {
  for (const [table, rows] of Object.entries(await dumpTables(db))) {
    expect({ table, rows }).toEqual({ table, rows: [] });
  }
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** Catalog KPIs as the wizard stores them. */
export function drafts(...keys: string[]): KpiDraft[] {
  return keys.map((key) => {
    const found = catalogKpi(key);
    if (!found.ok) throw new Error(key);
    return catalogDraft(found.value);
  });
}

/** A valid new plan: two-month loops from 2026-01-01. */
export const PLAN_INPUT: NewPlanInput = {
  organisation: 'Acme Care',
  loopLength: { unit: 'months', count: 2 },
  firstLoopStart: '2026-01-01',
  defaultComparison: 'previousLoop',
  currency: 'EUR',
};

/** Write times used by the specs, in order. */
export const T0 = '2026-01-05T09:00:00.000Z';
export const T1 = '2026-02-10T12:30:00.000Z';
export const T2 = '2026-03-15T08:15:00.000Z';
export const T3 = '2026-04-20T16:45:00.000Z';

/** The baseline of PLAN_INPUT plans made by `newPlan`, and the range of their loop 1. */
export const BASELINE = { start: '2025-11-01', end: '2025-12-31' };
export const LOOP1 = { start: '2026-01-01', end: '2026-02-28' };

/** A plan created at T0 (with BASELINE) with loop 1 and the given catalog KPIs in that order. */
export async function newPlan(
  db: TalentloopDb,
  organisation: string,
  ...keys: string[]
): Promise<{ plan: Plan; loop: Loop; kpis: Kpi[] }> {
  const input = { ...PLAN_INPUT, baseline: BASELINE, organisation };
  const { plan, loop } = await createPlan(db, input, drafts(...keys), T0);
  const kpis = await db.kpis.where('planId').equals(plan.id).sortBy('order');
  return { plan, loop, kpis };
}

/** Item `index` of a list, or a failed test (for `noUncheckedIndexedAccess`). */
export function at<T>(rows: readonly T[], index: number): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`no item ${index} in a list of ${rows.length}`);
  return row;
}

/** A stored value of a KPI (id random). */
export function measurement(
  kpi: Kpi,
  range: { start: string; end: string },
  value: number | null,
  source: Measurement['source'] = 'manual',
): Measurement {
  return { id: crypto.randomUUID(), planId: kpi.planId, kpiId: kpi.id, ...range, value, source };
}

/** A stored target of a loop for a KPI (id random). */
export function target(loop: Loop, kpi: Kpi, value: number): Target {
  return {
    id: crypto.randomUUID(),
    planId: loop.planId,
    loopId: loop.id,
    kpiId: kpi.id,
    value,
    basis: 'manual',
  };
}

/** Rows sorted by id (a new array), to compare tables whose order is not defined. */
export function byId<R extends { id: string }>(rows: readonly R[]): R[] {
  return rows.toSorted((a, b) => a.id.localeCompare(b.id));
}

/** The plan's `updatedAt` as stored. */
export async function updatedAt(db: TalentloopDb, planId: string): Promise<string | undefined> {
  return (await db.plans.get(planId))?.updatedAt;
}

/** The paths of an InvalidRecordError's issues. */
export function issuePaths(error: unknown): string[] {
  if (!(error instanceof InvalidRecordError))
    throw new Error(`not an InvalidRecordError: ${error}`);
  return error.issues.map((i) => i.path);
}

/** Stores values where the app keeps them (packs or records), as a write would. */
export async function storeMeasurements(
  db: TalentloopDb,
  rows: readonly Measurement[],
): Promise<void> {
  await db.transaction('rw', MEASUREMENT_STORES, () => putMeasurements(db, rows, 'add'));
}

/** Every value stored, of every plan (or of `planId`), unpacked, in id order like a table. */
export async function storedMeasurements(
  db: TalentloopDb,
  planId?: string,
): Promise<Measurement[]> {
  const rows = (await db.transaction('r', MEASUREMENT_STORES, () =>
    readAllMeasurements(db),
  )) as Measurement[];
  return byId(planId === undefined ? rows : rows.filter((m) => m.planId === planId));
}
