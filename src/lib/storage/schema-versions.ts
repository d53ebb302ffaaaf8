import type { TableName } from '$lib/schema';

/**
 * The database's indexes, one entry per schema version, oldest first. Plain objects only (no
 * Dexie, no zod): `db-info.ts` derives SCHEMA_VERSION from this list for the first page, which
 * loads without Dexie; `db.ts` declares `version(n)` for each entry in order.
 *
 * Append-only: never edit or remove a published entry. A new version is one more entry at the
 * end of SCHEMA_VERSIONS (its data migration, if any, goes in `UPGRADES` in db.ts under its
 * number); the version number follows from the list's length, so it cannot be forgotten.
 */

export const SCHEMA_V1 = {
  plans: 'id, updatedAt, organisation',
  kpis: 'id, planId, [planId+order], catalogKey',
  loops: 'id, planId, &[planId+index]',
  targets: 'id, planId, loopId, kpiId, &[loopId+kpiId]',
  campaigns: 'id, planId, loopId, start',
  loopChanges: 'id, planId, loopId, [loopId+date]',
  measurements: 'id, planId, kpiId, [kpiId+start], [planId+start]',
  meetings: 'id, planId, [planId+date]',
  budgets: 'id, planId, &[planId+year]',
  settings: 'key',
} as const satisfies Record<TableName, string>;

/**
 * Version 2 adds the snapshots taken before each import (for *Undo import*), and drops the
 * measurements' single `planId` and `kpiId` indexes: the compound indexes that start with
 * those fields answer the same queries (Dexie's virtual indexes), and every index costs time
 * on each write (an import of 100,000 values is about a fifth faster without them).
 */
export const SCHEMA_V2 = {
  snapshots: 'id, createdAt',
  measurements: 'id, [kpiId+start], [planId+start]',
} as const;

/**
 * Version 3 packs values shorter than a month: one record per plan, KPI, channel and month in
 * `measurementPacks` (see measurement-pack.ts), keyed by those four, so a plan's packs are one
 * key range and need no index. `measurements` keeps the values of a month or longer (baseline,
 * loop and month totals): few per plan, so `[planId+start]` answers every query on them and
 * `[kpiId+start]` goes (its only users, a KPI's values and a cell's exact period, now read the
 * plan's range; an index costs time on every write).
 */
export const SCHEMA_V3 = {
  measurements: 'id, [planId+start]',
  measurementPacks: '[planId+kpiId+channel+month]',
} as const;

/** The stores of one version, as Dexie's `version(n).stores()` takes them (null drops a table). */
export type SchemaStores = Readonly<Record<string, string | null>>;

/** Every schema version in order: entry i is `version(i + 1)`. Append only. */
export const SCHEMA_VERSIONS = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
] as const satisfies readonly SchemaStores[];

type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/** A version number this build knows: 1 … SCHEMA_VERSIONS.length (so `1 | 2 | 3` today). */
export type SchemaVersionNumber = ToNumber<
  Exclude<keyof [never, ...typeof SCHEMA_VERSIONS], keyof unknown[] | '0'>
>;
