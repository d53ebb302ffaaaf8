import type { KpiDraft } from '$lib/domain/catalog';
import { describeIssues } from '$lib/schema/issues';
import type { Kpi } from '$lib/schema/kpi';
import type { Loop } from '$lib/schema/loop';
import type { Plan } from '$lib/schema/plan';
import { planSchema } from '$lib/schema/plan';
import {
  emptyRows,
  PLAN_TABLES,
  schemaOf,
  type PlanRow,
  type PlanRows,
  type PlanTable,
} from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { newId } from './ids';
import { addPlanRows, deletePlanTable, PLAN_STORES, readPlanTable } from './measurement-store';
import { requestPersistenceOnce } from './persistence';
import type { Written } from './write';

export { PLAN_TABLES, type PlanTable } from '$lib/schema/tables';
export { InvalidRecordError, PlanNotFoundError } from './errors';

/** The scope of a transaction over whole plans. */
const ALL_PLAN_TABLES = PLAN_STORES;

/** A plan with every row that belongs to it: what Undo of a delete puts back. */
export type PlanSnapshot = { plan: Plan; rows: PlanRows };

/** What the user enters for a new plan; ids, timestamps and defaults are added here. */
export type NewPlanInput = Pick<
  Plan,
  'organisation' | 'loopLength' | 'firstLoopStart' | 'defaultComparison' | 'currency'
> &
  Partial<Pick<Plan, 'baseline' | 'notes' | 'example' | 'valuePerHire' | 'targetGroupSize'>>;

/** `row` parsed by the schema of `table` (defaults applied), or an InvalidRecordError. */
export function parseRow<T extends PlanTable>(table: T, row: unknown): PlanRow<T> {
  const result = schemaOf(table).safeParse(row, { reportInput: true });
  if (!result.success) throw new InvalidRecordError(table, describeIssues(result.error));
  // The schema of `table` parses to `PlanRow<T>`; TypeScript cannot narrow the lookup by `T`.
  return result.data as PlanRow<T>;
}

export function parsePlan(row: unknown): Plan {
  const result = planSchema.safeParse(row, { reportInput: true });
  if (!result.success) throw new InvalidRecordError('plans', describeIssues(result.error));
  return result.data;
}

/** The plan row and its rows as stored, unchecked; call inside a transaction over them all. */
export async function readStored(
  db: TalentloopDb,
  id: string,
): Promise<{ plan: unknown; rows: Record<PlanTable, unknown[]> }> {
  const plan: unknown = await db.plans.get(id);
  if (plan === undefined) throw new PlanNotFoundError(id);
  const rows: Record<PlanTable, unknown[]> = emptyRows();
  for (const table of PLAN_TABLES) {
    rows[table] = await readPlanTable(db, table, id);
  }
  return { plan, rows };
}

/** Validates every row of a stored or handed-in snapshot; the first invalid one throws. */
export function checkSnapshot(stored: {
  plan: unknown;
  rows: Record<PlanTable, readonly unknown[]>;
}): PlanSnapshot {
  const plan = parsePlan(stored.plan);
  const rows: Record<PlanTable, unknown[]> = emptyRows();
  for (const table of PLAN_TABLES) {
    rows[table] = stored.rows[table].map((row) => parseRow(table, row));
  }
  return { plan, rows: rows as PlanRows };
}

/**
 * Starts a plan: the plan, its first loop and its starter KPIs (in that order), written
 * together or not at all. Invalid input or an invalid KPI throws before any write.
 */
export async function createPlan(
  db: TalentloopDb,
  input: NewPlanInput,
  starterKpis: readonly KpiDraft[],
  now = new Date().toISOString(),
): Promise<{ plan: Plan; loop: Loop }> {
  const plan = parsePlan({ ...input, id: newId(), createdAt: now, updatedAt: now });
  const loop = parseRow('loops', {
    id: newId(),
    planId: plan.id,
    index: 1,
    wizardStep: 0,
    updatedAt: now,
  });
  const kpis: Kpi[] = starterKpis.map((draft, order) =>
    parseRow('kpis', { ...draft, id: newId(), planId: plan.id, order }),
  );
  await db.transaction('rw', db.plans, db.loops, db.kpis, async () => {
    await db.plans.add(plan);
    await db.loops.add(loop);
    await db.kpis.bulkAdd(kpis);
  });
  void requestPersistenceOnce();
  return { plan, loop };
}

/** One plan, validated; throws PlanNotFoundError or InvalidRecordError. */
export async function getPlan(db: TalentloopDb, id: string): Promise<Plan> {
  const row: unknown = await db.plans.get(id);
  if (row === undefined) throw new PlanNotFoundError(id);
  return parsePlan(row);
}

/**
 * Changes a plan's settings and marks it changed. A key set to `undefined` removes that
 * optional field (e.g. the baseline). An invalid result throws and nothing is written.
 */
export async function updatePlan(
  db: TalentloopDb,
  id: string,
  patch: Partial<NewPlanInput>,
  now = new Date().toISOString(),
): Promise<Written<Plan>> {
  const plan = await db.transaction('rw', db.plans, async () => {
    const stored: unknown = await db.plans.get(id);
    if (stored === undefined) throw new PlanNotFoundError(id);
    const merged = Object.fromEntries(
      Object.entries({ ...(stored as object), ...patch, id, updatedAt: now }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    const next = parsePlan(merged);
    await db.plans.put(next);
    return next;
  });
  void requestPersistenceOnce();
  return { change: { planId: id, plan, put: {}, removed: {} }, value: plan };
}

/** The plan and every row that belongs to it, all validated (InvalidRecordError if not). */
export async function snapshotPlan(db: TalentloopDb, id: string): Promise<PlanSnapshot> {
  return db.transaction('r', ALL_PLAN_TABLES, async () => checkSnapshot(await readStored(db, id)));
}

/**
 * Deletes a plan with every row that belongs to it, in one transaction, and returns what was
 * deleted so the UI can offer Undo. Rows are returned as stored: a plan with corrupt rows can
 * still be deleted, but restorePlan refuses a snapshot that does not validate.
 */
export async function deletePlan(db: TalentloopDb, id: string): Promise<PlanSnapshot> {
  void requestPersistenceOnce();
  return db.transaction('rw', ALL_PLAN_TABLES, async () => {
    const stored = await readStored(db, id);
    for (const table of PLAN_TABLES) await deletePlanTable(db, table, id);
    await db.plans.delete(id);
    // Unchecked on purpose (see above); restorePlan validates before it writes.
    return stored as PlanSnapshot;
  });
}

/**
 * Undo of deletePlan: puts the plan and all its rows back, all or nothing. Refuses when the
 * plan exists again, when a row belongs to another plan, or when any row is invalid.
 */
export async function restorePlan(db: TalentloopDb, snapshot: PlanSnapshot): Promise<void> {
  const checked = checkSnapshot(snapshot);
  const planId = checked.plan.id;
  for (const table of PLAN_TABLES) {
    const stray = checked.rows[table].find((row) => row.planId !== planId);
    if (stray) throw new Error(`${table} row ${stray.id} belongs to another plan than ${planId}`);
  }
  await db.transaction('rw', ALL_PLAN_TABLES, async () => {
    if ((await db.plans.get(planId)) !== undefined) {
      throw new Error(`Plan ${planId} already exists; it is not restored over`);
    }
    await db.plans.add(checked.plan);
    for (const table of PLAN_TABLES) await addPlanRows(db, table, checked.rows[table]);
  });
  void requestPersistenceOnce();
}
