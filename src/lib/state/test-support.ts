// Shared set-up of the state specs (imported by *.spec.ts only; never by the app).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { exampleData } from '$lib/domain/example';
import type { Plan } from '$lib/schema/plan';
import type { PlanBundle } from '$lib/storage/bundle';
import { resetDbForTests, type TalentloopDb } from '$lib/storage/db';
import { DB_NAME } from '$lib/storage/db-info';
import { createExamplePlan } from '$lib/storage/example-repo';
import { openStorage, resetStorageForTests } from '$lib/storage/gateway';
import { resetPersistenceRequestForTests } from '$lib/storage/persistence';
import { appStatus } from './app-status.svelte';
import { planSession } from './plan-session.svelte';

export { drafts, dumpTables, PLAN_INPUT, rejection } from '$lib/storage/test-support';

/** Deletes a database, waiting until it is gone. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

/**
 * Forgets the app's database (the cached Dexie instance and the gateway's state, closing the
 * connection first so nothing blocks the deletion) and deletes it from fake-indexeddb.
 */
export async function resetAppDb(): Promise<void> {
  resetDbForTests();
  resetStorageForTests();
  resetPersistenceRequestForTests();
  await deleteDatabase(DB_NAME);
}

/** Puts the module-level state the specs share (the plan session, the app's status) back. */
export function resetAppState(): void {
  planSession.bundle = undefined;
  planSession.loopIndex = 1;
  planSession.status = 'idle';
  planSession.failure = undefined;
  planSession.loadError = '';
  appStatus.dbState = 'opening';
  appStatus.dbError = '';
  appStatus.problems = [];
  appStatus.problemsDismissed = false;
}

/**
 * Every test starts without the app's database and with the shared state reset; the database
 * is deleted after each test. `openStorage()` opens (and creates) it the app's way.
 */
export function useAppDb(): void {
  beforeEach(async () => {
    await resetAppDb();
    resetAppState();
  });
  afterEach(async () => {
    await resetAppDb();
  });
}

/** The app's database, opened through the gateway as the app opens it. */
export const appDb = (): Promise<TalentloopDb> => openStorage();

/** The day the example specs pretend it is, and the example plan written for it. */
export const EXAMPLE_TODAY = '2026-11-23';

export function createExample(db: TalentloopDb, now = '2026-11-23T09:00:00.000Z'): Promise<Plan> {
  return createExamplePlan(db, exampleData(EXAMPLE_TODAY, 'en'), now);
}

/** The value of a Result-like domain answer, or a thrown error naming its code. */
export function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string } },
): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

/** Rows sorted by id. */
export function byId<R extends { id: string }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A bundle with the rows of the tables the registry gives no order (schema/tables.ts) sorted
 * by id, to compare what two bundles hold whatever order those rows came in: a fresh read
 * gives them in id order, a change applied in memory in the order they were written.
 */
export function unordered(bundle: PlanBundle | undefined) {
  if (!bundle) return bundle;
  return {
    ...bundle,
    targets: byId(bundle.targets),
    campaigns: byId(bundle.campaigns),
    loopChanges: byId(bundle.loopChanges),
    measurements: byId(bundle.measurements),
  };
}
