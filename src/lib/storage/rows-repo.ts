import { budgetSchema, type Budget } from '$lib/schema/budget';
import { planTables, type PlanRow } from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { assertLoopOfPlan, valid, WrongPlanError, writePlan, type Written } from './write';

/** The tables whose rows the loop pages add, change and remove one at a time. */
export type ItemTable = 'campaigns' | 'loopChanges' | 'meetings';

/** A row to store in one of them; without an id it is new. */
export type ItemDraft<T extends ItemTable> = Omit<PlanRow<T>, 'id' | 'planId'> & { id?: string };

/**
 * Adds or changes one row of the plan (a campaign, a logged change, a meeting), validated
 * first. A row that names a loop must name one of this plan's; an id of another plan's row is
 * refused, since `put` would move that row here.
 */
export async function saveItem<T extends ItemTable>(
  db: TalentloopDb,
  planId: string,
  table: T,
  draft: ItemDraft<T>,
  now = new Date().toISOString(),
): Promise<Written<PlanRow<T>>> {
  const row = valid(planTables[table].schema, table, {
    ...draft,
    id: draft.id ?? newId(),
    planId,
  }) as PlanRow<T>;
  const tables = 'loopId' in row ? [table, 'loops' as const] : [table];
  return writePlan(db, planId, now, tables, async (change) => {
    if ('loopId' in row) await assertLoopOfPlan(db, planId, row.loopId);
    const existing = (await db.table(table).get(row.id)) as { planId: string } | undefined;
    if (existing && existing.planId !== planId) throw new WrongPlanError(table, row.id, planId);
    await db.table(table).put(row);
    change.wrote(table, [row]);
    return row;
  });
}

/** Removes one row of the plan and returns it, so the UI can offer Undo (saveItem puts it back). */
export async function removeItem<T extends ItemTable>(
  db: TalentloopDb,
  planId: string,
  table: T,
  id: string,
  now = new Date().toISOString(),
): Promise<Written<PlanRow<T>>> {
  return writePlan(db, planId, now, [table], async (change) => {
    const row = (await db.table(table).get(id)) as PlanRow<T> | undefined;
    if (row?.planId !== planId) throw new WrongPlanError(table, id, planId);
    await db.table(table).delete(id);
    change.deleted(table, [id]);
    return row;
  });
}

export type BudgetDraft = Omit<Budget, 'id' | 'planId'>;

/**
 * Saves one year's HR budget and its split (one row per plan and year, replaced in place).
 * Amounts are checked by the schema (non-negative, finite); parts that do not add up are
 * stored as entered: the domain explains them, nothing is scaled to fit.
 */
export async function saveBudget(
  db: TalentloopDb,
  planId: string,
  draft: BudgetDraft,
  now = new Date().toISOString(),
): Promise<Written<Budget>> {
  const checked = valid(budgetSchema, 'budgets', { ...draft, id: 'pending', planId });
  return writePlan(db, planId, now, ['budgets'], async (change) => {
    const existing = await db.budgets.where('[planId+year]').equals([planId, checked.year]).first();
    const row = { ...checked, id: existing?.id ?? newId() };
    await db.budgets.put(row);
    change.wrote('budgets', [row]);
    return row;
  });
}
