// Shared set-up of the storage specs (imported by *.spec.ts only; never by the app).
import { afterEach, beforeEach, expect } from 'vitest';
import { catalogDraft, catalogKpi, type KpiDraft } from '$lib/domain/catalog';
import { TalentloopDb } from './db';
import type { NewPlanInput } from './plans-repo';

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
