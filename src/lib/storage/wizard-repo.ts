import type { z } from 'zod/mini';
import { dateRangeSchema } from '$lib/schema/common';
import { budgetSchema, type Budget } from '$lib/schema/budget';
import { kpiSchema, type Kpi } from '$lib/schema/kpi';
import {
  campaignSchema,
  loopChangeSchema,
  loopSchema,
  targetSchema,
  type Campaign,
  type Loop,
  type LoopChange,
  type Target,
} from '$lib/schema/loop';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import { meetingSchema, type Meeting } from '$lib/schema/meeting';
import { planSchema, type Plan } from '$lib/schema/plan';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { requestPersistenceOnce } from './persistence';
import { assembleBundle, BUNDLE_TABLES, type PlanBundle } from './plan-read';
import { describeIssues } from '$lib/schema/issues';
import { InvalidRecordError, PlanNotFoundError, touchPlan } from './plans-repo';

export type { PlanBundle } from './plan-read';

/** Parses a row for writing: invalid data is refused with its issues and never written. */
function valid<S extends z.ZodMiniType>(schema: S, table: string, row: unknown): z.infer<S> {
  const result = schema.safeParse(row, { reportInput: true });
  if (!result.success) throw new InvalidRecordError(table, describeIssues(result.error));
  return result.data;
}

/** Runs a write that belongs together in one transaction that also marks the plan changed. */
async function write<T>(
  db: TalentloopDb,
  planId: string,
  now: string,
  tables: (keyof TalentloopDb & string)[],
  work: () => Promise<T>,
): Promise<T> {
  const result = await db.transaction('rw', ['plans', ...tables], async () => {
    // First: a missing plan is the reason to give, before anything about its rows.
    // touchPlan validates `now`: an invalid timestamp would make the plan row unreadable.
    await touchPlan(db, planId, now);
    return work();
  });
  void requestPersistenceOnce();
  return result;
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

async function assertKpisOfPlan(
  db: TalentloopDb,
  planId: string,
  kpiIds: readonly string[],
): Promise<void> {
  const kpis = await db.kpis.bulkGet([...new Set(kpiIds)]);
  const ids = [...new Set(kpiIds)];
  kpis.forEach((kpi, i) => {
    if (kpi?.planId !== planId) throw new WrongPlanError('kpis', ids[i] ?? '?', planId);
  });
}

/** A plan with its KPIs (in order), loops (by index), targets, measurements and changes. */
export async function loadPlanBundle(db: TalentloopDb, planId: string): Promise<PlanBundle> {
  return db.transaction('r', ['plans', ...BUNDLE_TABLES], async () => {
    const plan: unknown = await db.plans.get(planId);
    const rows = {} as Record<(typeof BUNDLE_TABLES)[number], unknown[]>;
    for (const table of BUNDLE_TABLES)
      rows[table] = await db.table(table).where('planId').equals(planId).toArray();
    return assembleBundle(planId, plan, rows);
  });
}

/** One value typed for a KPI over an exact period; `undefined` clears it, `null` = unknown. */
export type ValueEntry = {
  kpiId: string;
  start: string;
  end: string;
  value: number | null | undefined;
  /** Where the number came from; typed values are 'manual'. */
  source?: Measurement['source'];
};

/**
 * Saves typed values, each on exactly its period: like a spreadsheet cell, the one value of
 * that KPI on exactly that range (whatever its source) is replaced or removed, so the period
 * never holds two values that would be counted twice. All entries are validated first; one
 * invalid entry means nothing is written.
 * Returns the rows now stored for those entries and the ids removed.
 */
export async function saveValues(
  db: TalentloopDb,
  planId: string,
  entries: readonly ValueEntry[],
  now = new Date().toISOString(),
): Promise<{ saved: Measurement[]; removed: string[] }> {
  const drafts = entries.map((e) =>
    e.value === undefined
      ? null
      : valid(measurementSchema, 'measurements', {
          id: 'pending',
          planId,
          kpiId: e.kpiId,
          start: e.start,
          end: e.end,
          value: e.value,
          source: e.source ?? 'manual',
        }),
  );
  return write(db, planId, now, ['measurements', 'kpis'], async () => {
    await assertKpisOfPlan(
      db,
      planId,
      entries.map((e) => e.kpiId),
    );
    const saved: Measurement[] = [];
    const removed: string[] = [];
    for (const [i, entry] of entries.entries()) {
      const existing = await db.measurements
        .where('[kpiId+start]')
        .equals([entry.kpiId, entry.start])
        .filter((m) => m.end === entry.end && m.planId === planId)
        .first();
      const draft = drafts[i];
      if (!draft) {
        if (existing) {
          await db.measurements.delete(existing.id);
          removed.push(existing.id);
        }
        continue;
      }
      const row = { ...draft, id: existing?.id ?? newId() };
      await db.measurements.put(row);
      saved.push(row);
    }
    return { saved, removed };
  });
}

/**
 * Sets the plan's baseline period and moves the values typed for the old period with it,
 * so changing the period never orphans what the user entered. One transaction.
 */
export async function setBaselinePeriod(
  db: TalentloopDb,
  planId: string,
  from: { start: string; end: string },
  to: { start: string; end: string },
  now = new Date().toISOString(),
): Promise<{ plan: Plan; moved: Measurement[] }> {
  // The plan schema does not check the baseline's order; a moved value would, but only when
  // there is one on the old period.
  const period = dateRangeSchema.safeParse(to);
  if (!period.success) {
    const issues = describeIssues(period.error).map((i) => ({ ...i, path: `baseline.${i.path}` }));
    throw new InvalidRecordError('plans', issues);
  }
  return write(db, planId, now, ['measurements'], async () => {
    const current = await db.plans.get(planId);
    if (!current) throw new PlanNotFoundError(planId);
    const plan = valid(planSchema, 'plans', { ...current, baseline: to, updatedAt: now });
    await db.plans.put(plan);
    // The cells of both periods: values exactly on either range, whatever their source.
    const cells = await db.measurements
      .where('[planId+start]')
      .anyOf([
        [planId, from.start],
        [planId, to.start],
      ])
      .toArray();
    // A KPI that already has a value on the new period keeps it; its old value stays where it
    // was rather than becoming a second value for the same period (nothing is deleted).
    const taken = new Set(
      cells.filter((m) => m.start === to.start && m.end === to.end).map((m) => m.kpiId),
    );
    const moved = cells
      .filter((m) => m.start === from.start && m.end === from.end && !taken.has(m.kpiId))
      .map((m) => valid(measurementSchema, 'measurements', { ...m, ...to }));
    await db.measurements.bulkPut(moved);
    return { plan, moved };
  });
}

/** Adds KPIs to the end of the plan's list. Returns the stored rows. */
export async function addKpis(
  db: TalentloopDb,
  planId: string,
  drafts: readonly Omit<Kpi, 'id' | 'planId' | 'order'>[],
  now = new Date().toISOString(),
): Promise<Kpi[]> {
  return write(db, planId, now, ['kpis'], async () => {
    const existing = await db.kpis.where('planId').equals(planId).toArray();
    let order = existing.reduce((max, k) => Math.max(max, k.order + 1), 0);
    const rows = drafts.map((d) =>
      valid(kpiSchema, 'kpis', { ...d, id: newId(), planId, order: order++ }),
    );
    await db.kpis.bulkAdd(rows);
    return rows;
  });
}

/** A removed KPI with everything recorded for it, kept by the UI so the removal can be undone. */
export type KpiSnapshot = { kpi: Kpi; targets: Target[]; measurements: Measurement[] };

/** How much data hangs on a KPI, so removing it can be confirmed when it is not nothing. */
export async function kpiDataCount(db: TalentloopDb, kpiId: string): Promise<number> {
  const [targets, measurements] = await Promise.all([
    db.targets.where('kpiId').equals(kpiId).count(),
    db.measurements.where('kpiId').equals(kpiId).count(),
  ]);
  return targets + measurements;
}

/** Removes a KPI with its targets and measurements in one transaction; returns them for undo. */
export async function removeKpi(
  db: TalentloopDb,
  planId: string,
  kpiId: string,
  now = new Date().toISOString(),
): Promise<KpiSnapshot> {
  return write(db, planId, now, ['kpis', 'targets', 'measurements'], async () => {
    const kpi = await db.kpis.get(kpiId);
    if (!kpi || kpi.planId !== planId) throw new Error(`KPI ${kpiId} is not in plan ${planId}`);
    const targets = await db.targets.where('kpiId').equals(kpiId).toArray();
    const measurements = await db.measurements.where('kpiId').equals(kpiId).toArray();
    await db.targets.bulkDelete(targets.map((t) => t.id));
    await db.measurements.bulkDelete(measurements.map((m) => m.id));
    await db.kpis.delete(kpiId);
    return { kpi, targets, measurements };
  });
}

/** Undo of `removeKpi`: puts the KPI and its data back exactly as they were. */
export async function restoreKpi(
  db: TalentloopDb,
  snapshot: KpiSnapshot,
  now = new Date().toISOString(),
): Promise<void> {
  await write(db, snapshot.kpi.planId, now, ['kpis', 'targets', 'measurements'], async () => {
    await db.kpis.add(snapshot.kpi);
    await db.targets.bulkAdd(snapshot.targets);
    await db.measurements.bulkAdd(snapshot.measurements);
  });
}

/** Fields of a loop to change; `insights` may name only the answers that changed. */
export type LoopPatch = Partial<Omit<Loop, 'id' | 'planId' | 'index' | 'insights'>> & {
  insights?: Partial<Loop['insights']>;
};

/** Changes fields of a loop; the result is validated before anything is written. */
export async function updateLoop(
  db: TalentloopDb,
  loopId: string,
  patch: LoopPatch,
  now = new Date().toISOString(),
): Promise<Loop> {
  const planId = (await db.loops.get(loopId))?.planId;
  if (!planId) throw new Error(`Loop ${loopId} not found`);
  return write(db, planId, now, ['loops'], async () => {
    const current = await db.loops.get(loopId);
    if (!current) throw new Error(`Loop ${loopId} not found`);
    // Insights are merged field by field here, inside the transaction, so saving one answer
    // never overwrites another answer saved meanwhile (in another tab).
    const merged: Record<string, unknown> = {
      ...current,
      ...patch,
      ...(patch.insights ? { insights: { ...current.insights, ...patch.insights } } : {}),
      updatedAt: now,
    };
    // Optional fields set to undefined are removed, not stored as undefined.
    for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
    const loop = valid(loopSchema, 'loops', merged);
    await db.loops.put(loop);
    return loop;
  });
}

/** One target to set (`value: null` removes the loop's target for that KPI). */
export type TargetEntry = { kpiId: string; value: number | null; basis: Target['basis'] };

/** Sets or clears targets of one loop in one transaction; returns the loop's targets after. */
export async function saveTargets(
  db: TalentloopDb,
  planId: string,
  loopId: string,
  entries: readonly TargetEntry[],
  now = new Date().toISOString(),
): Promise<Target[]> {
  const drafts = entries.map((e) =>
    e.value === null
      ? null
      : valid(targetSchema, 'targets', { id: 'pending', planId, loopId, ...e }),
  );
  return write(db, planId, now, ['targets', 'kpis', 'loops'], async () => {
    const loop = await db.loops.get(loopId);
    if (loop?.planId !== planId) throw new WrongPlanError('loops', loopId, planId);
    await assertKpisOfPlan(
      db,
      planId,
      entries.map((e) => e.kpiId),
    );
    for (const [i, entry] of entries.entries()) {
      const existing = await db.targets
        .where('[loopId+kpiId]')
        .equals([loopId, entry.kpiId])
        .first();
      const draft = drafts[i];
      if (!draft) {
        if (existing) await db.targets.delete(existing.id);
      } else await db.targets.put({ ...draft, id: existing?.id ?? newId() });
    }
    return db.targets.where('loopId').equals(loopId).toArray();
  });
}

/**
 * Starts loop `index` of a plan with what carries over from the previous loop (focus, rules,
 * comparison, notes) and the given targets, in one transaction.
 */
export async function createLoop(
  db: TalentloopDb,
  planId: string,
  draft: Omit<Loop, 'id' | 'planId' | 'updatedAt' | 'strategy' | 'insights'> &
    Partial<Pick<Loop, 'strategy'>>,
  targets: readonly (TargetEntry & { value: number })[],
  now = new Date().toISOString(),
): Promise<{ loop: Loop; targets: Target[] }> {
  const loop = valid(loopSchema, 'loops', { ...draft, id: newId(), planId, updatedAt: now });
  const rows = targets.map((t) =>
    valid(targetSchema, 'targets', { ...t, id: newId(), planId, loopId: loop.id }),
  );
  return write(db, planId, now, ['loops', 'targets'], async () => {
    await db.loops.add(loop);
    await db.targets.bulkAdd(rows);
    return { loop, targets: rows };
  });
}

/** A campaign to store; without an id it is new. */
export type CampaignDraft = Omit<Campaign, 'id' | 'planId'> & { id?: string };

/** Adds or changes a campaign of one of the plan's loops; returns the stored row. */
export async function saveCampaign(
  db: TalentloopDb,
  planId: string,
  draft: CampaignDraft,
  now = new Date().toISOString(),
): Promise<Campaign> {
  const row = valid(campaignSchema, 'campaigns', { ...draft, id: draft.id ?? newId(), planId });
  return write(db, planId, now, ['campaigns', 'loops'], async () => {
    const loop = await db.loops.get(row.loopId);
    if (loop?.planId !== planId) throw new WrongPlanError('loops', row.loopId, planId);
    // An id of another plan's row would move that row here: `put` overwrites by id.
    const existing = await db.campaigns.get(row.id);
    if (existing && existing.planId !== planId)
      throw new WrongPlanError('campaigns', row.id, planId);
    await db.campaigns.put(row);
    return row;
  });
}

/** A logged mid-loop change to store; without an id it is new. */
export type LoopChangeDraft = Omit<LoopChange, 'id' | 'planId'> & { id?: string };

/** Adds or changes an entry of a loop's change log; returns the stored row. */
export async function saveLoopChange(
  db: TalentloopDb,
  planId: string,
  draft: LoopChangeDraft,
  now = new Date().toISOString(),
): Promise<LoopChange> {
  const row = valid(loopChangeSchema, 'loopChanges', {
    ...draft,
    id: draft.id ?? newId(),
    planId,
  });
  return write(db, planId, now, ['loopChanges', 'loops'], async () => {
    const loop = await db.loops.get(row.loopId);
    if (loop?.planId !== planId) throw new WrongPlanError('loops', row.loopId, planId);
    // An id of another plan's row would move that row here: `put` overwrites by id.
    const existing = await db.loopChanges.get(row.id);
    if (existing && existing.planId !== planId)
      throw new WrongPlanError('loopChanges', row.id, planId);
    await db.loopChanges.put(row);
    return row;
  });
}

/** Removes a campaign or change-log entry of the plan; returns it, for undo. */
export async function removeLoopItem<T extends 'campaigns' | 'loopChanges'>(
  db: TalentloopDb,
  planId: string,
  table: T,
  id: string,
  now = new Date().toISOString(),
): Promise<T extends 'campaigns' ? Campaign : LoopChange> {
  return write(db, planId, now, [table], async () => {
    const row = (await db.table(table).get(id)) as Campaign | LoopChange | undefined;
    if (row?.planId !== planId) throw new WrongPlanError(table, id, planId);
    await db.table(table).delete(id);
    return row as T extends 'campaigns' ? Campaign : LoopChange;
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
): Promise<Budget> {
  const checked = valid(budgetSchema, 'budgets', { ...draft, id: 'pending', planId });
  return write(db, planId, now, ['budgets'], async () => {
    const existing = await db.budgets.where('[planId+year]').equals([planId, checked.year]).first();
    const row = { ...checked, id: existing?.id ?? newId() };
    await db.budgets.put(row);
    return row;
  });
}

export type MeetingDraft = Omit<Meeting, 'id' | 'planId'> & { id?: string };

/** Saves a monthly alignment meeting (new, or changed in place), validated first. */
export async function saveMeeting(
  db: TalentloopDb,
  planId: string,
  draft: MeetingDraft,
  now = new Date().toISOString(),
): Promise<Meeting> {
  const row = valid(meetingSchema, 'meetings', { ...draft, id: draft.id ?? newId(), planId });
  return write(db, planId, now, ['meetings'], async () => {
    const existing = await db.meetings.get(row.id);
    if (existing && existing.planId !== planId)
      throw new WrongPlanError('meetings', row.id, planId);
    await db.meetings.put(row);
    return row;
  });
}

/** Removes a meeting and returns it, so the UI can offer Undo (saveMeeting puts it back). */
export async function removeMeeting(
  db: TalentloopDb,
  planId: string,
  id: string,
  now = new Date().toISOString(),
): Promise<Meeting> {
  return write(db, planId, now, ['meetings'], async () => {
    const row = await db.meetings.get(id);
    if (row?.planId !== planId) throw new WrongPlanError('meetings', id, planId);
    await db.meetings.delete(id);
    return row;
  });
}
