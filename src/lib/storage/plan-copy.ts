import type { Plan } from '$lib/schema/plan';
import { PLAN_TABLES, type PlanRows } from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { addPlanRows, PLAN_STORES } from './measurement-store';
import { requestPersistenceOnce } from './persistence';
import { checkSnapshot, parsePlan, parseRow, readStored } from './plans-repo';

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
  const copy = await db.transaction('rw', PLAN_STORES, async () => {
    const source = checkSnapshot(await readStored(db, id));
    const plan = parsePlan({
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
    const rows: PlanRows = {
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
          : kpi.aggregation.kind === 'share'
            ? { ...kpi, aggregation: { ...kpi.aggregation, of: kpiRef(kpi.aggregation.of) } }
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
      await addPlanRows(
        db,
        table,
        rows[table].map((row) => parseRow(table, row)),
      );
    }
    return plan;
  });
  void requestPersistenceOnce();
  return copy;
}
