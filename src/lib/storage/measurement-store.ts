import { describeIssues, partitionRows, rowKey, type StoredDataProblem } from '$lib/schema/issues';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import { PLAN_TABLES, type PlanTable } from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { InvalidRecordError } from './errors';
import {
  isSoundPack,
  looseValues,
  packKeyOf,
  packKeyText,
  packMonth,
  packValues,
  splitForPacks,
  unpackValues,
  type MeasurementPack,
  type PackKey,
} from './measurement-pack';

/**
 * The one module that knows how measurements are stored (schema v3): values shorter than a
 * month in packs per plan, KPI, channel and month (`measurementPacks`), longer ones one record
 * each (`measurements`). Everything else talks in Measurement rows, as before: writers call
 * these functions inside their own transaction, which must include both tables (`storesOf`).
 */

/** The stores that hold measurements: a transaction over `measurements` needs both. */
export const MEASUREMENT_STORES = ['measurements', 'measurementPacks'] as const;

/** The stores a transaction over `tables` must open: `measurements` brings its packs. */
export function storesOf(tables: readonly string[]): string[] {
  return tables.includes('measurements') ? [...tables, 'measurementPacks'] : [...tables];
}

/** Every store that holds a plan's data: the plan, its tables and the measurement packs. */
export const PLAN_STORES = storesOf(['plans', ...PLAN_TABLES]);

/** The key range of everything of one plan, in an index or key that starts with planId. */
function planRange(planId: string): [[string], [string, never[]]] {
  return [[planId], [planId, []]];
}

function planPacks(db: TalentloopDb, planId: string) {
  return db.measurementPacks.where(':id').between(...planRange(planId), true, true);
}

function planSingles(db: TalentloopDb, planId: string) {
  return db.measurements.where('[planId+start]').between(...planRange(planId), true, true);
}

/**
 * A plan's measurements as stored, for the bundle to check: the records of longer values and
 * the packs (each checked whole; see `isSoundPack`).
 */
export async function readPlanStored(
  db: TalentloopDb,
  planId: string,
): Promise<{ rows: unknown[]; packs: unknown[] }> {
  const [rows, packs] = await Promise.all([
    planSingles(db, planId).toArray(),
    planPacks(db, planId).toArray(),
  ]);
  return { rows, packs };
}

/** A plan's measurements as plain rows, unchecked (a damaged value comes back as stored). */
export async function readPlanMeasurements(db: TalentloopDb, planId: string): Promise<unknown[]> {
  const { rows, packs } = await readPlanStored(db, planId);
  return [...rows, ...packs.flatMap(looseValues)];
}

/** Every measurement stored, of every plan, as plain rows, unchecked (for a backup). */
export async function readAllMeasurements(db: TalentloopDb): Promise<unknown[]> {
  const [rows, packs] = await Promise.all([
    db.measurements.toArray(),
    db.measurementPacks.toArray(),
  ]);
  return [...rows, ...packs.flatMap(looseValues)];
}

/**
 * Every measurement stored as plain rows (as `readAllMeasurements`), and the values that fail
 * the schema: a sound pack is checked whole (`isSoundPack`), the rest value by value.
 */
export async function readAllMeasurementsChecked(
  db: TalentloopDb,
): Promise<{ rows: unknown[]; problems: StoredDataProblem[] }> {
  const [singles, packs] = await Promise.all([
    db.measurements.toArray(),
    db.measurementPacks.toArray(),
  ]);
  const problems = partitionRows(singles, measurementSchema, 'measurements', rowKey).problems;
  const rows: unknown[] = [...singles];
  for (const pack of packs) {
    if (isSoundPack(pack)) {
      for (const m of unpackValues(pack)) rows.push(m);
      continue;
    }
    const loose = looseValues(pack);
    problems.push(...partitionRows(loose, measurementSchema, 'measurements', rowKey).problems);
    for (const m of loose) rows.push(m);
  }
  return { rows, problems };
}

/** How many values a plan has. */
export async function countPlanMeasurements(db: TalentloopDb, planId: string): Promise<number> {
  const [rows, packs] = await Promise.all([
    planSingles(db, planId).count(),
    planPacks(db, planId).toArray(),
  ]);
  return packs.reduce((n, pack) => n + (Array.isArray(pack.ids) ? pack.ids.length : 1), rows);
}

/** A KPI's values as stored. */
export async function kpiMeasurements(
  db: TalentloopDb,
  planId: string,
  kpiId: string,
): Promise<Measurement[]> {
  const [rows, packs] = await Promise.all([
    planSingles(db, planId)
      .filter((m) => m.kpiId === kpiId)
      .toArray(),
    db.measurementPacks
      .where(':id')
      .between([planId, kpiId], [planId, kpiId, []], true, true)
      .toArray(),
  ]);
  return [...rows, ...(packs.flatMap(looseValues) as Measurement[])];
}

/** The identity of a value: its KPI, exact period and channel (none = the unnamed one). */
export type Cell = Pick<Measurement, 'kpiId' | 'start' | 'end'> & { channel?: string | undefined };

function sameCell(m: Cell, cell: Cell): boolean {
  return (
    m.kpiId === cell.kpiId &&
    m.start === cell.start &&
    m.end === cell.end &&
    (m.channel ?? '') === (cell.channel ?? '')
  );
}

/** The stored value on each cell of a plan (undefined where there is none), in order. */
export async function findMeasurements(
  db: TalentloopDb,
  planId: string,
  cells: readonly Cell[],
): Promise<(Measurement | undefined)[]> {
  const keys = cells.map((cell) => packKeyOf({ ...cell, planId }));
  const wanted = new Map<string, PackKey>();
  for (const key of keys) if (key) wanted.set(packKeyText(key), key);
  const starts = [...new Set(cells.filter((_, i) => !keys[i]).map((cell) => cell.start))];
  const [packs, singles] = await Promise.all([
    db.measurementPacks.bulkGet([...wanted.values()]),
    starts.length
      ? db.measurements
          .where('[planId+start]')
          .anyOf(starts.map((start) => [planId, start]))
          .toArray()
      : [],
  ]);
  const packed = new Map<string, Measurement[]>();
  [...wanted.keys()].forEach((text, i) => packed.set(text, packValuesOf(packs[i])));
  return cells.map((cell, i) => {
    const key = keys[i];
    const pool = key ? (packed.get(packKeyText(key)) ?? []) : singles;
    return pool.find((m) => sameCell(m, cell));
  });
}

/** The values of a stored pack for a write; a damaged one is refused, never rewritten. */
function packValuesOf(pack: MeasurementPack | undefined): Measurement[] {
  if (pack === undefined) return [];
  if (isSoundPack(pack)) return unpackValues(pack);
  for (const row of looseValues(pack)) {
    const parsed = measurementSchema.safeParse(row, { reportInput: true });
    if (!parsed.success) throw new InvalidRecordError('measurements', describeIssues(parsed.error));
  }
  throw new InvalidRecordError('measurements', [{ path: 'id', message: 'error.invalidValue' }]);
}

/** Rewrites the packs of `groups`: each gets its new values, or is deleted when none are left. */
async function rewritePacks(
  db: TalentloopDb,
  groups: Iterable<{ key: PackKey; rows: Measurement[] }>,
  change: (stored: Map<string, Measurement>, rows: Measurement[]) => void,
): Promise<void> {
  const list = [...groups];
  if (!list.length) return;
  const stored = await db.measurementPacks.bulkGet(list.map((g) => g.key));
  const put: MeasurementPack[] = [];
  const gone: PackKey[] = [];
  list.forEach(({ key, rows }, i) => {
    const values = new Map(packValuesOf(stored[i]).map((m) => [m.id, m]));
    change(values, rows);
    if (values.size) put.push(packValues(key, [...values.values()]));
    else if (stored[i]) gone.push(key);
  });
  await db.measurementPacks.bulkPut(put);
  await db.measurementPacks.bulkDelete(gone);
}

/**
 * Stores values (valid; checked by the caller), each replacing the value with its id in the
 * place its period is kept. With `add`, a value whose id is already there is refused (like
 * IndexedDB's add). A value that moves to another period must be deleted from its old one
 * first (deleteMeasurements), as its id is looked for only where its new period is kept.
 */
export async function putMeasurements(
  db: TalentloopDb,
  rows: readonly Measurement[],
  how: 'put' | 'add' = 'put',
): Promise<void> {
  const { packs, single } = splitForPacks(rows);
  if (how === 'add') await db.measurements.bulkAdd(single);
  else await db.measurements.bulkPut(single);
  await rewritePacks(db, packs.values(), (stored, incoming) => {
    for (const row of incoming) {
      if (how === 'add' && stored.has(row.id))
        throw new Error(`measurements ${row.id} is already stored`);
      stored.set(row.id, row);
    }
  });
}

/**
 * Stores the values (valid, ids unique) of plans that have none stored yet: a plan being
 * created, copied, restored or imported. Packs are built once and added, never merged, so a
 * pack that exists after all (a stray record of that plan) is refused and nothing is written.
 * `onWritten` hears how many values are written so far, after each chunk.
 */
export async function addNewPlanMeasurements(
  db: TalentloopDb,
  rows: readonly Measurement[],
  onWritten: (values: number) => void = () => {},
): Promise<void> {
  const { packs, single } = splitForPacks(rows);
  let written = 0;
  for (let i = 0; i < single.length; i += ADD_CHUNK) {
    const chunk = single.slice(i, i + ADD_CHUNK);
    await db.measurements.bulkAdd(chunk);
    onWritten((written += chunk.length));
  }
  const groups = [...packs.values()];
  const perChunk = Math.max(1, Math.round(ADD_CHUNK / 30));
  for (let i = 0; i < groups.length; i += perChunk) {
    const chunk = groups.slice(i, i + perChunk);
    await db.measurementPacks.bulkAdd(chunk.map((g) => packValues(g.key, g.rows)));
    onWritten((written += chunk.reduce((n, g) => n + g.rows.length, 0)));
  }
}

/** Values written per bulk call when adding many (progress is reported between calls). */
const ADD_CHUNK = 5000;

/** Removes stored values (as read: their period and channel say where they are kept). */
export async function deleteMeasurements(
  db: TalentloopDb,
  rows: readonly Measurement[],
): Promise<void> {
  const { packs, single } = splitForPacks(rows);
  await db.measurements.bulkDelete(single.map((m) => m.id));
  await rewritePacks(db, packs.values(), (stored, gone) => {
    for (const row of gone) stored.delete(row.id);
  });
}

/** Removes every value of a KPI and returns them as they were stored. */
export async function deleteKpiMeasurements(
  db: TalentloopDb,
  planId: string,
  kpiId: string,
): Promise<Measurement[]> {
  const rows = await kpiMeasurements(db, planId, kpiId);
  await db.measurements.bulkDelete(rows.filter((m) => !packKeyOf(m)).map((m) => m.id));
  await db.measurementPacks
    .where(':id')
    .between([planId, kpiId], [planId, kpiId, []], true, true)
    .delete();
  return rows;
}

/** Removes every value of a plan. */
export async function deletePlanMeasurements(db: TalentloopDb, planId: string): Promise<void> {
  await planSingles(db, planId).delete();
  await planPacks(db, planId).delete();
}

/**
 * The values of a plan lying exactly on any of `ranges`, of every KPI and channel (a period
 * that is packed is looked for in the plan's packs of its month).
 */
export async function measurementsOn(
  db: TalentloopDb,
  planId: string,
  ranges: readonly { start: string; end: string }[],
): Promise<Measurement[]> {
  const on = (m: Measurement) => ranges.some((r) => r.start === m.start && r.end === m.end);
  const months = new Set(ranges.map((r) => packMonth(r.start, r.end)));
  const singles = await db.measurements
    .where('[planId+start]')
    .anyOf(ranges.map((r) => [planId, r.start]))
    .toArray();
  const packs =
    months.size > (months.has(null) ? 1 : 0)
      ? await planPacks(db, planId)
          .filter((pack) => months.has(pack.month))
          .toArray()
      : [];
  return [...singles, ...packs.flatMap(packValuesOf)].filter(on);
}

/** The rows of a plan table as stored (measurements unpacked), unchecked. */
export function readPlanTable(
  db: TalentloopDb,
  table: PlanTable,
  planId: string,
): Promise<unknown[]> {
  if (table === 'measurements') return readPlanMeasurements(db, planId);
  return db.table(table).where('planId').equals(planId).toArray();
}

/** Deletes the rows of a plan table. */
export async function deletePlanTable(
  db: TalentloopDb,
  table: PlanTable,
  planId: string,
): Promise<void> {
  if (table === 'measurements') await deletePlanMeasurements(db, planId);
  else await db.table(table).where('planId').equals(planId).delete();
}

/**
 * Adds the rows (valid) of plans that have no rows in this table yet (created, copied,
 * restored, imported); an id or pack already stored is refused.
 */
export async function addPlanRows(
  db: TalentloopDb,
  table: PlanTable,
  rows: readonly unknown[],
  onWritten?: (rows: number) => void,
): Promise<void> {
  if (table === 'measurements') await addNewPlanMeasurements(db, rows as Measurement[], onWritten);
  else {
    await db.table(table).bulkAdd(rows as object[]);
    onWritten?.(rows.length);
  }
}
