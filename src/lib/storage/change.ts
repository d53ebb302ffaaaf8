import type { Plan } from '$lib/schema/plan';
import { PLAN_TABLES, sortRows, type PlanRow, type PlanTable } from '$lib/schema/tables';
import type { PlanBundle } from './bundle';

/**
 * What one write did to one plan, as the repository that wrote it reports it: the rows it put
 * (added or replaced, as stored), the ids it removed, and the plan row's new state (every
 * write marks the plan changed). It is plain data, so the tab that wrote it and — later — any
 * other tab can apply it to the plan they hold in memory the same way.
 */
export type PlanChange = {
  planId: string;
  /** The plan row after the write (its `updatedAt` is the write's time). */
  plan: Plan;
  put: { [T in PlanTable]?: PlanRow<T>[] };
  removed: { [T in PlanTable]?: string[] };
};

/** Collects what a write puts and removes, inside its transaction. */
export class ChangeRecorder {
  readonly put: PlanChange['put'] = {};
  readonly removed: PlanChange['removed'] = {};
  /** The plan row, when the write changed more of it than its timestamp. */
  plan: Plan | undefined;

  /**
   * Records rows as written (call after the write succeeded inside the transaction). A row
   * written again replaces its earlier record, and is no longer removed.
   */
  wrote<T extends PlanTable>(table: T, rows: readonly PlanRow<T>[]): void {
    if (!rows.length) return;
    const ids = new Set(rows.map((row) => row.id));
    const removed = this.removed[table]?.filter((id) => !ids.has(id));
    if (removed) this.removed[table] = removed;
    const put = ((this.put[table] ?? []) as PlanRow<T>[]).filter((row) => !ids.has(row.id));
    (this.put as Record<T, PlanRow<T>[]>)[table] = [...put, ...rows];
  }

  /** Records ids as removed (a row written earlier in the same write is no longer put). */
  deleted(table: PlanTable, ids: readonly string[]): void {
    if (!ids.length) return;
    const gone = new Set(ids);
    const put = this.put[table]?.filter((row) => !gone.has(row.id));
    if (put) (this.put as Record<PlanTable, unknown>)[table] = put;
    this.removed[table] = [...(this.removed[table] ?? []).filter((id) => !gone.has(id)), ...ids];
  }

  /** The finished change, with the plan row as it is after the write. */
  finish(plan: Plan): PlanChange {
    return { planId: plan.id, plan, put: this.put, removed: this.removed };
  }
}

/** The rows a change put into one table (empty when it put none). */
export function putRows<T extends PlanTable>(change: PlanChange, table: T): PlanRow<T>[] {
  return (change.put[table] ?? []) as PlanRow<T>[];
}

/**
 * A bundle with a change applied: removed ids leave, put rows replace the row with the same id
 * or join, each table keeps the registry's order. Tables the change did not touch keep their
 * arrays, so views of them do not recompute. A change of another plan returns the bundle as it
 * is (a write that finished after the user opened another plan must not leak into it).
 */
export function applyChange(bundle: PlanBundle, change: PlanChange): PlanBundle {
  if (bundle.plan.id !== change.planId) return bundle;
  const next: PlanBundle = { ...bundle, plan: change.plan };
  for (const table of PLAN_TABLES) {
    const put = change.put[table] ?? [];
    const removed = change.removed[table] ?? [];
    if (!put.length && !removed.length) continue;
    const replaced = new Map(put.map((row) => [row.id, row]));
    const gone = new Set(removed);
    // Replaced rows keep their place; new rows join at the end; then the table's own order.
    const rows = (bundle[table] as { id: string }[])
      .filter((row) => !gone.has(row.id))
      .map((row) => {
        const replacement = replaced.get(row.id);
        replaced.delete(row.id);
        return replacement ?? row;
      });
    rows.push(...replaced.values());
    (next as Record<PlanTable, unknown>)[table] = sortRows(table, rows as never[]);
  }
  return next;
}
