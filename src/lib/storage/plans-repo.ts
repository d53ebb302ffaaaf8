import type { z } from 'zod/mini';
import type { KpiDraft } from '$lib/domain/catalog';
import type { Row } from '$lib/schema';
import { budgetSchema } from '$lib/schema/budget';
import { timestampSchema } from '$lib/schema/common';
import { kpiSchema, type Kpi } from '$lib/schema/kpi';
import {
  campaignSchema,
  loopChangeSchema,
  loopSchema,
  targetSchema,
  type Loop,
} from '$lib/schema/loop';
import { measurementSchema } from '$lib/schema/measurement';
import { meetingSchema } from '$lib/schema/meeting';
import { planSchema, type Plan } from '$lib/schema/plan';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { requestPersistenceOnce } from './persistence';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { describeIssues } from '$lib/schema/issues';

/** Every table whose rows belong to one plan (they carry `planId`, indexed). */
export const PLAN_TABLES = [
  'kpis',
  'loops',
  'targets',
  'campaigns',
  'loopChanges',
  'measurements',
  'meetings',
  'budgets',
] as const;

/** A table whose rows belong to one plan. */
export type PlanTable = (typeof PLAN_TABLES)[number];

/** The scope of a transaction over whole plans. */
const ALL_PLAN_TABLES = ['plans', ...PLAN_TABLES];

/** A plan with every row that belongs to it: what Undo of a delete puts back. */
export type PlanSnapshot = { plan: Plan; rows: { [T in PlanTable]: Row<T>[] } };

// Imported per module, not from the schema index, so this repository pulls in no more schema
// code than it uses (the first page's size budget).
const schemas = {
  plans: planSchema,
  kpis: kpiSchema,
  loops: loopSchema,
  targets: targetSchema,
  campaigns: campaignSchema,
  loopChanges: loopChangeSchema,
  measurements: measurementSchema,
  meetings: meetingSchema,
  budgets: budgetSchema,
} as const satisfies Record<PlanTable | 'plans', z.ZodMiniType>;

export { InvalidRecordError, PlanNotFoundError } from './errors';

/** What the user enters for a new plan; ids, timestamps and defaults are added here. */
export type NewPlanInput = Pick<
  Plan,
  'organisation' | 'loopLength' | 'firstLoopStart' | 'defaultComparison' | 'currency'
> &
  Partial<Pick<Plan, 'baseline' | 'notes' | 'example' | 'valuePerHire'>>;

/** `row` parsed by the schema of `table` (defaults applied), or an InvalidRecordError. */
function parseRow<T extends PlanTable | 'plans'>(table: T, row: unknown): Row<T> {
  const result = (schemas[table] as z.ZodMiniType).safeParse(row, { reportInput: true });
  if (!result.success) throw new InvalidRecordError(table, describeIssues(result.error));
  // `schemas[table]` is the schema of `Row<T>`; TypeScript cannot narrow the lookup by `T`.
  return result.data as Row<T>;
}

function emptyRows(): { [T in PlanTable]: unknown[] } {
  return Object.fromEntries(PLAN_TABLES.map((table) => [table, []])) as unknown as {
    [T in PlanTable]: unknown[];
  };
}

/** The plan row and its rows as stored, unchecked; call inside a transaction over them all. */
async function readStored(
  db: TalentloopDb,
  id: string,
): Promise<{ plan: unknown; rows: { [T in PlanTable]: unknown[] } }> {
  const plan: unknown = await db.plans.get(id);
  if (plan === undefined) throw new PlanNotFoundError(id);
  const rows = emptyRows();
  for (const table of PLAN_TABLES) {
    rows[table] = await db.table(table).where('planId').equals(id).toArray();
  }
  return { plan, rows };
}

/** Validates every row of a stored or handed-in snapshot; the first invalid one throws. */
function checkSnapshot(stored: {
  plan: unknown;
  rows: { [T in PlanTable]: readonly unknown[] };
}): PlanSnapshot {
  const plan = parseRow('plans', stored.plan);
  const rows = emptyRows();
  for (const table of PLAN_TABLES) {
    rows[table] = stored.rows[table].map((row) => parseRow(table, row));
  }
  return { plan, rows: rows as PlanSnapshot['rows'] };
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
  const plan = parseRow('plans', { ...input, id: newId(), createdAt: now, updatedAt: now });
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
  return parseRow('plans', row);
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
): Promise<Plan> {
  const plan = await db.transaction('rw', db.plans, async () => {
    const stored: unknown = await db.plans.get(id);
    if (stored === undefined) throw new PlanNotFoundError(id);
    const merged = Object.fromEntries(
      Object.entries({ ...(stored as object), ...patch, id, updatedAt: now }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    const next = parseRow('plans', merged);
    await db.plans.put(next);
    return next;
  });
  void requestPersistenceOnce();
  return plan;
}

/**
 * Marks a plan as changed now, so the plan list sorts it first. Meant for other repositories:
 * call it inside their own rw transaction, which must include `db.plans`, so the change and
 * the new timestamp are written together.
 */
export async function touchPlan(db: TalentloopDb, planId: string, now: string): Promise<void> {
  const checked = timestampSchema.safeParse(now);
  if (!checked.success) {
    const issues = describeIssues(checked.error).map((i) => ({ ...i, path: 'updatedAt' }));
    throw new InvalidRecordError('plans', issues);
  }
  const changed = await db.plans.update(planId, { updatedAt: checked.data });
  if (changed === 0) throw new PlanNotFoundError(planId);
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
  return db.transaction('rw', ALL_PLAN_TABLES, async () => {
    const stored = await readStored(db, id);
    for (const table of PLAN_TABLES) {
      await db.table(table).where('planId').equals(id).delete();
    }
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
    for (const table of PLAN_TABLES) {
      await db.table(table).bulkAdd(checked.rows[table]);
    }
  });
  void requestPersistenceOnce();
}

/** Copies of `rows` with fresh ids, the id changes recorded in `ids`. */
function renew<R extends { id: string; planId: string }>(
  rows: readonly R[],
  planId: string,
  ids: Map<string, string>,
): R[] {
  return rows.map((row) => {
    const id = newId();
    ids.set(row.id, id);
    return { ...row, id, planId };
  });
}

/**
 * Copies a plan under a new name with every row it owns. Every row gets a new id and every
 * reference (plan, loop, KPI, custom KPI keys in ratios and focus rules) points into the
 * copy; catalog keys stay. One transaction; returns the new plan.
 */
export async function duplicatePlan(
  db: TalentloopDb,
  id: string,
  organisation: string,
  now = new Date().toISOString(),
): Promise<Plan> {
  const copy = await db.transaction('rw', ALL_PLAN_TABLES, async () => {
    const source = checkSnapshot(await readStored(db, id));
    const plan = parseRow('plans', {
      ...source.plan,
      id: newId(),
      organisation,
      createdAt: now,
      updatedAt: now,
    });
    const kpiIds = new Map<string, string>();
    const loopIds = new Map<string, string>();
    const unused = new Map<string, string>();
    const kpis = renew(source.rows.kpis, plan.id, kpiIds);
    const loops = renew(source.rows.loops, plan.id, loopIds);
    // A KPI reference is a catalog key or a KPI id of this plan; only the ids change.
    const kpiRef = (ref: string) => kpiIds.get(ref) ?? ref;
    const loopId = (ref: string) => {
      const mapped = loopIds.get(ref);
      if (mapped === undefined) throw new Error(`A row refers to loop ${ref}, not in plan ${id}`);
      return mapped;
    };
    const kpiId = (ref: string) => {
      const mapped = kpiIds.get(ref);
      if (mapped === undefined) throw new Error(`A row refers to KPI ${ref}, not in plan ${id}`);
      return mapped;
    };
    const rows: PlanSnapshot['rows'] = {
      kpis: kpis.map((kpi) =>
        kpi.aggregation.kind === 'ratio'
          ? {
              ...kpi,
              aggregation: {
                ...kpi.aggregation,
                numerator: kpiRef(kpi.aggregation.numerator),
                denominator: kpiRef(kpi.aggregation.denominator),
              },
            }
          : kpi,
      ),
      loops: loops.map((loop) =>
        loop.focusRules
          ? {
              ...loop,
              focusRules: {
                expectedRise: loop.focusRules.expectedRise.map(kpiRef),
                expectedDrop: loop.focusRules.expectedDrop.map((d) => ({
                  ...d,
                  kpi: kpiRef(d.kpi),
                })),
              },
            }
          : loop,
      ),
      targets: renew(source.rows.targets, plan.id, unused).map((t) => ({
        ...t,
        loopId: loopId(t.loopId),
        kpiId: kpiId(t.kpiId),
      })),
      campaigns: renew(source.rows.campaigns, plan.id, unused).map((c) => ({
        ...c,
        loopId: loopId(c.loopId),
      })),
      loopChanges: renew(source.rows.loopChanges, plan.id, unused).map((c) => ({
        ...c,
        loopId: loopId(c.loopId),
      })),
      measurements: renew(source.rows.measurements, plan.id, unused).map((m) => ({
        ...m,
        kpiId: kpiId(m.kpiId),
      })),
      meetings: renew(source.rows.meetings, plan.id, unused),
      budgets: renew(source.rows.budgets, plan.id, unused),
    };
    await db.plans.add(plan);
    for (const table of PLAN_TABLES) {
      await db.table(table).bulkAdd(rows[table].map((row) => parseRow(table, row)));
    }
    return plan;
  });
  void requestPersistenceOnce();
  return copy;
}
