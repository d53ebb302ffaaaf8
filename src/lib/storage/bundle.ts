import { planSchema } from '$lib/schema/plan';
import { partitionRows, rowKey, describeIssues, type StoredDataProblem } from '$lib/schema/issues';
import {
  emptyRows,
  PLAN_TABLES,
  schemaOf,
  sortRows,
  type PlanData,
  type PlanRow,
  type PlanTable,
} from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';

/** Everything the plan pages work with, validated on read: the plan, its rows, what was skipped. */
export type PlanBundle = PlanData & { problems: StoredDataProblem[] };

/**
 * A plan's rows as read, checked like every read: the plan must be valid (else the whole plan
 * is refused with its reasons); any other invalid row is left out and reported, never changed.
 * Each table is sorted as the registry says.
 */
export function assembleBundle(
  planId: string,
  plan: unknown,
  rows: Record<PlanTable, readonly unknown[]>,
): PlanBundle {
  if (!plan) throw new PlanNotFoundError(planId);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) throw new InvalidRecordError('plans', describeIssues(parsed.error));
  const problems: StoredDataProblem[] = [];
  const valid = emptyRows();
  for (const table of PLAN_TABLES) {
    const part = partitionRows(rows[table], schemaOf(table), table, rowKey);
    problems.push(...part.problems);
    (valid as Record<PlanTable, unknown>)[table] = sortRows(
      table,
      part.valid as PlanRow<typeof table>[] as never[],
    );
  }
  return { plan: parsed.data, ...valid, problems };
}

/** A plan with its rows through Dexie (when the database had to be opened or upgraded). */
export async function loadPlanBundle(db: TalentloopDb, planId: string): Promise<PlanBundle> {
  return db.transaction('r', ['plans', ...PLAN_TABLES], async () => {
    const plan: unknown = await db.plans.get(planId);
    const rows = emptyRows() as Record<PlanTable, unknown[]>;
    for (const table of PLAN_TABLES)
      rows[table] = await db.table(table).where('planId').equals(planId).toArray();
    return assembleBundle(planId, plan, rows);
  });
}
