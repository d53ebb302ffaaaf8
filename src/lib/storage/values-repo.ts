import { dateRangeSchema } from '$lib/schema/common';
import { describeIssues } from '$lib/schema/issues';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import { planSchema } from '$lib/schema/plan';
import type { TalentloopDb } from './db';
import { InvalidRecordError, PlanNotFoundError } from './errors';
import { newId } from './ids';
import {
  deleteMeasurements,
  findMeasurements,
  measurementsOn,
  putMeasurements,
} from './measurement-store';
import { StaleWriteError, type StaleConflict } from './stale';
import { assertKpisOfPlan, valid, writePlan, type Written } from './write';

/** One value typed for a KPI over an exact period; `undefined` clears it, `null` = unknown. */
export type ValueEntry = {
  kpiId: string;
  start: string;
  end: string;
  value: number | null | undefined;
  /** Where the number came from; typed values are 'manual'. */
  source?: Measurement['source'];
  /** The channel of the cell (absent: the unnamed channel, where typed values go). */
  channel?: string;
  /**
   * The cell's value the edit started from (undefined: empty). When given and the stored value
   * is another one now, the entry is not written: the whole write is refused, or (with
   * `stale: 'skip'`, as an undo does) this entry alone is left as it is.
   */
  base?: { value: number | null | undefined };
};

/** What a save of values did: the entries left alone because their cell changed meanwhile. */
export type SavedValues = { skipped: ValueEntry[] };

/**
 * Saves typed values, each on exactly its period and channel: like a spreadsheet cell, the one
 * value of that KPI on exactly that range in that channel (whatever its source) is replaced or
 * removed, so the period never holds two values that would be counted twice. Values of other
 * channels on the same range stay (they add up). All entries are validated first; one
 * invalid entry means nothing is written.
 */
export async function saveValues(
  db: TalentloopDb,
  planId: string,
  entries: readonly ValueEntry[],
  now = new Date().toISOString(),
  options: { stale?: 'refuse' | 'skip' } = {},
): Promise<Written<SavedValues>> {
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
          ...(e.channel === undefined ? {} : { channel: e.channel }),
        }),
  );
  return writePlan(db, planId, now, ['measurements', 'kpis'], async (change) => {
    await assertKpisOfPlan(
      db,
      planId,
      entries.map((e) => e.kpiId),
    );
    const existing = await findMeasurements(db, planId, entries);
    const stale: StaleConflict[] = [];
    const skipped: ValueEntry[] = [];
    entries.forEach((entry, i) => {
      const stored = existing[i]?.value;
      // A cell that already holds the value written is no clash (the same save, repeated).
      if (!entry.base || entry.base.value === stored || entry.value === stored) return;
      if (options.stale === 'skip') skipped.push(entry);
      else
        stale.push({
          kind: 'value',
          kpiId: entry.kpiId,
          start: entry.start,
          end: entry.end,
          stored,
        });
    });
    if (stale.length) throw new StaleWriteError(stale);
    for (const [i, entry] of entries.entries()) {
      if (skipped.includes(entry)) continue;
      const draft = drafts[i];
      const old = existing[i];
      if (!draft) {
        if (old) {
          await deleteMeasurements(db, [old]);
          change.deleted('measurements', [old.id]);
        }
        continue;
      }
      const row = { ...draft, id: existing[i]?.id ?? newId() };
      await putMeasurements(db, [row]);
      change.wrote('measurements', [row]);
    }
    return { skipped };
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
): Promise<Written> {
  // The plan schema does not check the baseline's order; a moved value would, but only when
  // there is one on the old period.
  const period = dateRangeSchema.safeParse(to);
  if (!period.success) {
    const issues = describeIssues(period.error).map((i) => ({ ...i, path: `baseline.${i.path}` }));
    throw new InvalidRecordError('plans', issues);
  }
  return writePlan(db, planId, now, ['measurements'], async (change) => {
    const current = await db.plans.get(planId);
    if (!current) throw new PlanNotFoundError(planId);
    const plan = valid(planSchema, 'plans', { ...current, baseline: to, updatedAt: now });
    await db.plans.put(plan);
    change.plan = plan;
    // The cells of both periods: values exactly on either range, whatever their source.
    const cells = await measurementsOn(db, planId, [from, to]);
    // A KPI that already has a value on the new period (in that channel) keeps it; its old
    // value stays where it was rather than becoming a second value for the same period and
    // channel (nothing is deleted).
    const cell = (m: Measurement) => `${m.kpiId}|${m.channel ?? ''}`;
    const taken = new Set(cells.filter((m) => m.start === to.start && m.end === to.end).map(cell));
    const old = cells.filter(
      (m) => m.start === from.start && m.end === from.end && !taken.has(cell(m)),
    );
    const moved = old.map((m) => valid(measurementSchema, 'measurements', { ...m, ...to }));
    // A value may change where it is kept (a pack, or a record of its own): out, then in.
    await deleteMeasurements(db, old);
    await putMeasurements(db, moved);
    change.wrote('measurements', moved);
    return undefined;
  });
}
