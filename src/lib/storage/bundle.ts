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
import { isSoundPack, looseValues, unpackValues } from './measurement-pack';
import { PLAN_STORES, readPlanStored } from './measurement-store';

/** Everything the plan pages work with, validated on read: the plan, its rows, what was skipped. */
export type PlanBundle = PlanData & { problems: StoredDataProblem[] };

/**
 * A plan's rows as read, checked like every read: the plan must be valid (else the whole plan
 * is refused with its reasons); any other invalid row is left out and reported, never changed.
 * `packs` are the plan's measurement packs: a sound pack's values are taken as they are (the
 * pack check applies the measurement schema's rules to its arrays at once), a damaged pack's
 * values are checked one by one. Each table is sorted as the registry says.
 */
export function assembleBundle(
  planId: string,
  plan: unknown,
  rows: Record<PlanTable, readonly unknown[]>,
  packs: readonly unknown[] = [],
): PlanBundle {
  if (!plan) throw new PlanNotFoundError(planId);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) throw new InvalidRecordError('plans', describeIssues(parsed.error));
  const problems: StoredDataProblem[] = [];
  const valid = emptyRows();
  for (const table of PLAN_TABLES) {
    const part = partitionRows(rows[table], schemaOf(table), table, rowKey);
    problems.push(...part.problems);
    if (table === 'measurements')
      for (const pack of packs) {
        if (isSoundPack(pack)) {
          for (const m of unpackValues(pack)) part.valid.push(m);
          continue;
        }
        const loose = partitionRows(looseValues(pack), schemaOf(table), table, rowKey);
        problems.push(...loose.problems);
        for (const m of loose.valid) part.valid.push(m);
      }
    (valid as Record<PlanTable, unknown>)[table] = sortRows(
      table,
      part.valid as PlanRow<typeof table>[] as never[],
    );
  }
  return { plan: parsed.data, ...valid, problems };
}

/** A plan with its rows through Dexie (when the database had to be opened or upgraded). */
export async function loadPlanBundle(db: TalentloopDb, planId: string): Promise<PlanBundle> {
  return db.transaction('r', PLAN_STORES, async () => {
    const plan: unknown = await db.plans.get(planId);
    const rows = emptyRows() as Record<PlanTable, unknown[]>;
    let packs: unknown[] = [];
    for (const table of PLAN_TABLES)
      if (table === 'measurements')
        ({ rows: rows[table], packs } = await readPlanStored(db, planId));
      else rows[table] = await db.table(table).where('planId').equals(planId).toArray();
    return assembleBundle(planId, plan, rows, packs);
  });
}
