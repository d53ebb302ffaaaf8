import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Measurement } from '$lib/schema/measurement';
import {
  installedVersion,
  packDailyValues,
  SCHEMA_V1,
  SCHEMA_V2,
  TalentloopDb,
  UPGRADES,
} from './db';
import { MEASUREMENT_STORES, readAllMeasurements } from './measurement-store';

// The upgrade to version 3 on real version 2 databases: made by a Dexie that declares only
// versions 1 and 2 (what the previous build ran), filled, closed, then opened by this build.

const names: string[] = [];

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A version 2 database filled with `rows` in `measurements` (and one setting). */
async function v2Database(rows: readonly unknown[]): Promise<string> {
  const name = `v2-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  await old.table('measurements').bulkAdd(rows as object[]);
  await old.table('settings').put({ key: 'backupReminderDays', value: 9 });
  old.close();
  expect(await installedVersion(name)).toBe(20);
  return name;
}

/** Every measurement of a version 2 database, read by a Dexie of versions 1 and 2. */
async function v2Rows(name: string): Promise<unknown[]> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  const rows = await old.table('measurements').toArray();
  old.close();
  return rows;
}

/** Rows as text with their keys in order, sorted by id: one string to compare or hash. */
function canonical(rows: readonly unknown[]): string {
  const sorted = rows
    .map((row) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(row as object).sort(([a], [b]) => (a < b ? -1 : 1))),
      ),
    )
    .sort();
  return sorted.join('\n');
}

/** FNV-1a over the canonical text: the checksum of all values, ids and fields. */
function checksum(rows: readonly unknown[]): number {
  let hash = 0x811c9dc5;
  const text = canonical(rows);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const base = { planId: 'plan-a', kpiId: 'kpi-1', source: 'analytics' as const };

/** Daily values of two KPIs over Jan–Mar 2026, with some nulls, notes, channels and sources. */
function dailyRows(): Measurement[] {
  const rows: Measurement[] = [];
  for (const kpiId of ['kpi-1', 'kpi-2'])
    for (let day = 0; day < 90; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const row: Measurement = {
        ...base,
        id: `${kpiId}-d${day}`,
        kpiId,
        start: date,
        end: date,
        value: day % 11 === 0 ? null : day * 1.5,
      };
      if (day % 7 === 0) row.source = 'manual';
      if (day % 13 === 0) row.note = `note ${day}`;
      if (day % 17 === 0) row.note = '';
      rows.push(row);
      if (day % 5 === 0) rows.push({ ...row, id: `${row.id}-li`, channel: 'LinkedIn', value: day });
    }
  return rows;
}

/** Values that are not daily: weeks inside and across months, months, a baseline, a loop. */
const periodRows: Measurement[] = [
  { ...base, id: 'week-in', start: '2026-02-02', end: '2026-02-08', value: 70 },
  { ...base, id: 'week-across', start: '2026-01-26', end: '2026-02-01', value: 71 },
  { ...base, id: 'month', start: '2026-02-01', end: '2026-02-28', value: 280 },
  { ...base, id: 'baseline', start: '2025-11-01', end: '2025-12-31', value: null },
  { ...base, id: 'loop', start: '2026-01-01', end: '2026-02-28', value: 5, channel: 'Indeed' },
  { ...base, id: 'other-plan', planId: 'plan-b', start: '2026-01-03', end: '2026-01-03', value: 1 },
];

describe('the upgrade to schema version 3', () => {
  it('moves daily and weekly values into month packs: every value, id and field is kept', async () => {
    const damaged = { ...base, id: 'damaged', start: '2026-01-04', end: '2026-01-04', value: 'x' };
    const extra = { ...base, id: 'extra', start: '2026-01-05', end: '2026-01-05', value: 3, x: 1 };
    const rows = [...dailyRows(), ...periodRows, damaged, extra];
    const name = await v2Database(rows);

    const db = new TalentloopDb(name);
    expect(await db.openUnlessNewer()).toBe('opened');
    expect(await installedVersion(name)).toBe(30);
    const after = await db.transaction('r', MEASUREMENT_STORES, () => readAllMeasurements(db));
    expect(after).toHaveLength(rows.length);
    expect(checksum(after)).toBe(checksum(rows));
    expect(canonical(after)).toBe(canonical(rows));
    // Daily values and the week inside February are packed, per plan, KPI, channel and month.
    const packs = await db.measurementPacks.toArray();
    expect(packs.map((p) => [p.planId, p.kpiId, p.channel, p.month]).sort()).toEqual(
      [
        ...['kpi-1', 'kpi-2'].flatMap((k) =>
          ['', 'LinkedIn'].flatMap((c) =>
            ['2026-01', '2026-02', '2026-03'].map((m) => ['plan-a', k, c, m]),
          ),
        ),
        ['plan-b', 'kpi-1', '', '2026-01'],
      ].sort(),
    );
    const feb = packs.find((p) => p.kpiId === 'kpi-1' && p.channel === '' && p.month === '2026-02');
    expect(feb?.ids).toContain('week-in');
    // What is not inside one month and shorter than it stays a record, and so does what a
    // pack cannot hold as it is (a damaged value, a field the schema does not know).
    expect((await db.measurements.toCollection().primaryKeys()).sort()).toEqual(
      ['baseline', 'damaged', 'extra', 'loop', 'month', 'week-across'].sort(),
    );
    expect(await db.settings.toArray()).toEqual([{ key: 'backupReminderDays', value: 9 }]);
    db.close();
  });

  it('is all or nothing: a failing upgrade leaves version 2 and its data untouched', async () => {
    const rows = [...dailyRows(), ...periodRows];
    const name = await v2Database(rows);
    const upgrade = UPGRADES[3];
    // The real upgrade runs and writes its packs, then the write fails (a full disk, say).
    UPGRADES[3] = async (tx) => {
      await packDailyValues(tx);
      expect(await tx.table('measurementPacks').count()).toBeGreaterThan(0);
      throw new Error('disk full');
    };
    try {
      const db = new TalentloopDb(name);
      await expect(db.open()).rejects.toThrow(/disk full/);
      db.close();
    } finally {
      UPGRADES[3] = upgrade;
    }
    expect(await installedVersion(name)).toBe(20);
    const kept = await v2Rows(name);
    expect(kept).toHaveLength(rows.length);
    expect(canonical(kept)).toBe(canonical(rows));

    // The next start upgrades it after all.
    const db = new TalentloopDb(name);
    await db.open();
    const after = await db.transaction('r', MEASUREMENT_STORES, () => readAllMeasurements(db));
    expect(checksum(after)).toBe(checksum(rows));
    db.close();
  });

  it('upgrades an empty version 2 database', async () => {
    const name = await v2Database([]);
    const db = new TalentloopDb(name);
    await db.open();
    expect(await db.measurementPacks.count()).toBe(0);
    expect(await db.measurements.count()).toBe(0);
    db.close();
  });
});
