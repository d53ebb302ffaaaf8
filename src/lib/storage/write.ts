import type { z } from 'zod/mini';
import { describeIssues } from '$lib/schema/issues';
import { timestampSchema } from '$lib/schema/common';
import type { Plan } from '$lib/schema/plan';
import type { PlanTable } from '$lib/schema/tables';
import { ChangeRecorder, type PlanChange } from './change';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { storesOf } from './measurement-store';
import { requestPersistenceOnce } from './persistence';

/** What a write to a plan returns: the change it made (for memory and other tabs) and its value. */
export type Written<T = undefined> = { change: PlanChange; value: T };

/** Parses a row for writing: invalid data is refused with its issues and never written. */
export function valid<S extends z.ZodMiniType>(schema: S, table: string, row: unknown): z.infer<S> {
  const result = schema.safeParse(row, { reportInput: true });
  if (!result.success) throw new InvalidRecordError(table, describeIssues(result.error));
  return result.data;
}

/** A write that names a row of another plan (or none): refused, so nothing crosses plans. */
export class WrongPlanError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
    readonly planId: string,
  ) {
    super(`${table} ${id} does not belong to plan ${planId}`);
    this.name = 'WrongPlanError';
  }
}

/**
 * Marks a plan as changed now (so the plan list sorts it first) and returns the plan row as it
 * is after that. Call inside an rw transaction that includes `plans`, so a change and its
 * timestamp are written together.
 */
export async function touchPlan(db: TalentloopDb, planId: string, now: string): Promise<Plan> {
  const checked = timestampSchema.safeParse(now);
  if (!checked.success) {
    const issues = describeIssues(checked.error).map((i) => ({ ...i, path: 'updatedAt' }));
    throw new InvalidRecordError('plans', issues);
  }
  const changed = await db.plans.update(planId, { updatedAt: checked.data });
  if (changed === 0) throw new PlanNotFoundError(planId);
  // The plan was valid when written and only its timestamp changed here.
  return (await db.plans.get(planId)) as Plan;
}

/**
 * Runs a write that belongs together in one transaction (over `plans` and `tables`) that also
 * marks the plan changed, and returns what it wrote: `work` records its rows on the recorder.
 * A missing plan is the reason given before anything about its rows.
 */
export async function writePlan<T>(
  db: TalentloopDb,
  planId: string,
  now: string,
  tables: readonly (PlanTable | 'plans')[],
  work: (recorder: ChangeRecorder) => Promise<T>,
): Promise<Written<T>> {
  const result = await db.transaction('rw', storesOf(['plans', ...tables]), async () => {
    const recorder = new ChangeRecorder();
    let plan = await touchPlan(db, planId, now);
    const value = await work(recorder);
    // A write of the plan row itself (settings, baseline) is the newer copy.
    plan = recorder.plan ?? plan;
    return { change: recorder.finish(plan), value };
  });
  void requestPersistenceOnce();
  return result;
}

/** Refuses KPI ids that are not the plan's (call inside the write's transaction). */
export async function assertKpisOfPlan(
  db: TalentloopDb,
  planId: string,
  kpiIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(kpiIds)];
  const kpis = await db.kpis.bulkGet(ids);
  kpis.forEach((kpi, i) => {
    if (kpi?.planId !== planId) throw new WrongPlanError('kpis', ids[i] ?? '?', planId);
  });
}

/** Refuses a loop id that is not the plan's (call inside the write's transaction). */
export async function assertLoopOfPlan(
  db: TalentloopDb,
  planId: string,
  loopId: string,
): Promise<void> {
  const loop = await db.loops.get(loopId);
  if (loop?.planId !== planId) throw new WrongPlanError('loops', loopId, planId);
}
