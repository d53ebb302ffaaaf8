import { cellKey, storedCells, type PlannedWrite } from '$lib/import/mapping';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import type { TalentloopDb } from './db';
import { InvalidRecordError } from './errors';
import { newId } from './ids';
import { deleteMeasurements, putMeasurements, readPlanMeasurements } from './measurement-store';
import { writePlan, type Written } from './write';
import { describeIssues } from '$lib/schema/issues';

/** What an import wrote; `zeros`: of the values added, the zeros filled in for days without a row. */
export type ImportValuesResult = {
  added: number;
  replaced: number;
  skipped: number;
  zeros: number;
};

/**
 * Writes imported values in one transaction: each on exactly its KPI, range and channel,
 * replacing or keeping (`conflicts`) a value already stored in that cell (values of other
 * channels on the same days stay: they add up), and marks the plan changed. A zero the
 * import filled in for a day without a row (`filled`) never replaces a stored value. Every
 * row is validated first; one invalid row means nothing is written.
 */
export async function importValues(
  db: TalentloopDb,
  planId: string,
  writes: readonly PlannedWrite[],
  options: { conflicts: 'replace' | 'skip'; source: Measurement['source']; now?: string },
): Promise<Written<ImportValuesResult>> {
  const now = options.now ?? new Date().toISOString();
  const rows = writes.map((w) => {
    const parsed = measurementSchema.safeParse(
      {
        id: 'pending',
        planId,
        kpiId: w.kpiId,
        start: w.start,
        end: w.end,
        value: w.value,
        source: options.source,
        ...(w.channel === undefined ? {} : { channel: w.channel }),
      },
      { reportInput: true },
    );
    if (!parsed.success) throw new InvalidRecordError('measurements', describeIssues(parsed.error));
    return parsed.data;
  });
  return writePlan(db, planId, now, ['kpis', 'measurements'], async (change) => {
    const kpis = new Set(await db.kpis.where('planId').equals(planId).primaryKeys());
    const stray = rows.find((row) => !kpis.has(row.kpiId));
    if (stray) throw new Error(`KPI ${stray.kpiId} is not in plan ${planId}`);
    // What is stored now, read inside the transaction (the preview may be minutes old).
    const meet = storedCells((await readPlanMeasurements(db, planId)) as Measurement[]);
    const put: Measurement[] = [];
    // Values imported before channels existed that the import replaces: they go, and the
    // new values get records of their own (a value is kept by its channel and period).
    const removed = new Map<string, Measurement>();
    let replaced = 0;
    let skipped = 0;
    let zeros = 0;
    for (const [i, row] of rows.entries()) {
      const filled = writes[i]?.filled === true;
      const old = meet(row, filled);
      if (old && (options.conflicts === 'skip' || filled)) {
        skipped++;
        continue;
      }
      let id: string | undefined;
      if (old) {
        replaced++;
        // The same cell (KPI, period and channel) keeps its record.
        if (cellKey(old) === cellKey(row)) id = old.id;
        else removed.set(old.id, old);
      } else if (filled) zeros++;
      put.push({ ...row, id: id ?? newId() });
    }
    if (removed.size) {
      await deleteMeasurements(db, [...removed.values()]);
      change.deleted('measurements', [...removed.keys()]);
    }
    await putMeasurements(db, put);
    change.wrote('measurements', put);
    return { added: put.length - replaced, replaced, skipped, zeros };
  });
}
