import { kpiSchema, type Kpi } from '$lib/schema/kpi';
import type { Target } from '$lib/schema/loop';
import type { Measurement } from '$lib/schema/measurement';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { deleteKpiMeasurements, kpiMeasurements, putMeasurements } from './measurement-store';
import { valid, WrongPlanError, writePlan, type Written } from './write';

/** Adds KPIs to the end of the plan's list. */
export async function addKpis(
  db: TalentloopDb,
  planId: string,
  drafts: readonly Omit<Kpi, 'id' | 'planId' | 'order'>[],
  now = new Date().toISOString(),
): Promise<Written<Kpi[]>> {
  return writePlan(db, planId, now, ['kpis'], async (change) => {
    const existing = await db.kpis.where('planId').equals(planId).toArray();
    let order = existing.reduce((max, k) => Math.max(max, k.order + 1), 0);
    const rows = drafts.map((d) =>
      valid(kpiSchema, 'kpis', { ...d, id: newId(), planId, order: order++ }),
    );
    await db.kpis.bulkAdd(rows);
    change.wrote('kpis', rows);
    return rows;
  });
}

/** A removed KPI with everything recorded for it, kept by the UI so the removal can be undone. */
export type KpiSnapshot = { kpi: Kpi; targets: Target[]; measurements: Measurement[] };

/** How much data hangs on a KPI, so removing it can be confirmed when it is not nothing. */
export async function kpiDataCount(db: TalentloopDb, kpiId: string): Promise<number> {
  return db.transaction('r', ['kpis', 'targets', 'measurements', 'measurementPacks'], async () => {
    const kpi = await db.kpis.get(kpiId);
    const [targets, measurements] = await Promise.all([
      db.targets.where('kpiId').equals(kpiId).count(),
      kpi ? kpiMeasurements(db, kpi.planId, kpiId) : [],
    ]);
    return targets + measurements.length;
  });
}

/** Removes a KPI with its targets and measurements in one transaction; returns them for undo. */
export async function removeKpi(
  db: TalentloopDb,
  planId: string,
  kpiId: string,
  now = new Date().toISOString(),
): Promise<Written<KpiSnapshot>> {
  return writePlan(db, planId, now, ['kpis', 'targets', 'measurements'], async (change) => {
    const kpi = await db.kpis.get(kpiId);
    if (!kpi || kpi.planId !== planId) throw new WrongPlanError('kpis', kpiId, planId);
    const targets = await db.targets.where('kpiId').equals(kpiId).toArray();
    const measurements = await deleteKpiMeasurements(db, planId, kpiId);
    await db.targets.bulkDelete(targets.map((t) => t.id));
    await db.kpis.delete(kpiId);
    change.deleted(
      'targets',
      targets.map((t) => t.id),
    );
    change.deleted(
      'measurements',
      measurements.map((m) => m.id),
    );
    change.deleted('kpis', [kpiId]);
    return { kpi, targets, measurements };
  });
}

/** Undo of `removeKpi`: puts the KPI and its data back exactly as they were. */
export async function restoreKpi(
  db: TalentloopDb,
  snapshot: KpiSnapshot,
  now = new Date().toISOString(),
): Promise<Written> {
  const planId = snapshot.kpi.planId;
  return writePlan(db, planId, now, ['kpis', 'targets', 'measurements'], async (change) => {
    await db.kpis.add(snapshot.kpi);
    await db.targets.bulkAdd(snapshot.targets);
    await putMeasurements(db, snapshot.measurements, 'add');
    change.wrote('kpis', [snapshot.kpi]);
    change.wrote('targets', snapshot.targets);
    change.wrote('measurements', snapshot.measurements);
    return undefined;
  });
}
