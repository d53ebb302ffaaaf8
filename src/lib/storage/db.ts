import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  Budget,
  Campaign,
  Kpi,
  Loop,
  LoopChange,
  Measurement,
  Meeting,
  Plan,
  SettingRow,
  SnapshotRow,
  TableName,
  Target,
} from '$lib/schema';

import { DB_NAME, installedVersion, isNewer, SCHEMA_VERSION } from './db-info';
import { measurementSchema } from '$lib/schema/measurement';
import { splitForPacks, packValues, type MeasurementPack, type PackKey } from './measurement-pack';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_VERSIONS,
  type SchemaVersionNumber,
} from './schema-versions';

export {
  DB_NAME,
  installedVersion,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
};

/** A data migration run by Dexie when a database is upgraded to its version. */
type Upgrade = (tx: Transaction) => Promise<unknown> | void;

/**
 * Version 3: values shorter than a month move from `measurements` into their month's pack.
 * Every valid value whose period is packed moves with its id and fields; a record that fails
 * the schema stays where it is (reads keep reporting it; nothing is changed or dropped). Runs
 * in Dexie's versionchange transaction, so a throw leaves version 2 and its data as they were.
 */
export async function packDailyValues(tx: Transaction): Promise<void> {
  const stored: unknown[] = await tx.table('measurements').toArray();
  const valid: Measurement[] = [];
  for (const row of stored) {
    const parsed = measurementSchema.safeParse(row);
    // A field the schema does not know would be lost in a pack: such a record stays too.
    if (parsed.success && Object.keys(parsed.data).length === Object.keys(row as object).length)
      valid.push(parsed.data);
  }
  const { packs } = splitForPacks(valid);
  const records: MeasurementPack[] = [];
  const moved: string[] = [];
  for (const { key, rows } of packs.values()) {
    records.push(packValues(key, rows));
    for (const row of rows) moved.push(row.id);
  }
  await tx.table('measurementPacks').bulkAdd(records);
  await tx.table('measurements').bulkDelete(moved);
}

/**
 * The data migrations, by the version they upgrade to (versions without one only change
 * indexes). Append-only like the versions in schema-versions.ts.
 */
export const UPGRADES: { [V in SchemaVersionNumber]?: Upgrade } = { 3: packDailyValues };

export class TalentloopDb extends Dexie {
  plans!: EntityTable<Plan, 'id'>;
  kpis!: EntityTable<Kpi, 'id'>;
  loops!: EntityTable<Loop, 'id'>;
  targets!: EntityTable<Target, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  loopChanges!: EntityTable<LoopChange, 'id'>;
  /** Values of a month or longer, one record each; shorter ones are in `measurementPacks`. */
  measurements!: EntityTable<Measurement, 'id'>;
  measurementPacks!: Table<MeasurementPack, PackKey>;
  meetings!: EntityTable<Meeting, 'id'>;
  budgets!: EntityTable<Budget, 'id'>;
  settings!: Table<SettingRow, SettingRow['key']>;
  snapshots!: EntityTable<SnapshotRow, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    SCHEMA_VERSIONS.forEach((stores, i) => {
      const n = (i + 1) as SchemaVersionNumber;
      const version = this.version(n).stores(stores);
      const upgrade = UPGRADES[n];
      if (upgrade) version.upgrade(upgrade);
    });
  }

  /**
   * Opens the database unless the copy on disk was written by a newer build. Dexie 4 would
   * open such a database anyway (and even add tables to it); this build does not know that
   * schema, so it must neither read nor write it. Returns whether it opened.
   */
  async openUnlessNewer(): Promise<'opened' | 'newer'> {
    const installed = await installedVersion(this.name);
    // Dexie stores version n as native version n × 10 (+1 per schema self-repair).
    if (installed !== null && isNewer(installed)) return 'newer';
    await this.open();
    return 'opened';
  }

  /** Every table, for whole-database work (backup, health checks). */
  get allTables(): Table[] {
    return (Object.keys(SCHEMA_V1) as TableName[]).map((name) => this.table(name));
  }
}

export type DbEvent = 'outdated' | 'blocked';
const listeners = new Set<(event: DbEvent) => void>();

/**
 * Listen for database life-cycle events: `outdated` when another tab opened a newer version
 * (or deleted the database) and this connection closed; `blocked` when our own upgrade waits
 * for another tab that still holds the old version open. Returns the unsubscribe function.
 */
export function onDbEvent(listener: (event: DbEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let instance: TalentloopDb | undefined;

/** True where IndexedDB exists: in a browser, or in tests with fake-indexeddb. */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

/**
 * The app's one database. Nothing is created at import time, so this module is safe during
 * prerendering and in Node; calling it without IndexedDB throws a clear error.
 */
export function getDb(): TalentloopDb {
  if (instance) return instance;
  if (!hasIndexedDb()) throw new Error('IndexedDB is not available in this environment');
  const db = new TalentloopDb();
  db.on('versionchange', () => {
    // Close at once so the other tab's upgrade is not blocked; this tab runs old code for
    // an old schema from now on, so it must reload before it touches the data again.
    db.close();
    for (const listener of listeners) listener('outdated');
    return false;
  });
  db.on('blocked', () => {
    for (const listener of listeners) listener('blocked');
  });
  instance = db;
  return db;
}

/** For tests: forget the cached instance (the caller closes or deletes it). */
export function resetDbForTests(): void {
  instance?.close();
  instance = undefined;
}
