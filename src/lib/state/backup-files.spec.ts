import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '$lib/backup/format';
import { createPlan, deletePlan } from '$lib/storage/plans-repo';
import { saveValues } from '$lib/storage/values-repo';
import { exportBackup, listSnapshots, restoreSnapshot, snapshotFile } from './backup-files';
import { BackupImport } from './backup-import.svelte';
import { appDb, drafts, PLAN_INPUT, useAppDb } from './test-support';

useAppDb();

const T0 = '2026-11-23T10:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(T0));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on by a minute, so the next snapshot is newer than the one before. */
const later = () => vi.setSystemTime(new Date(Date.now() + 60_000));

/** A plan with two KPIs and a value of reach in loop 1. */
async function plan(organisation: string) {
  const db = await appDb();
  const created = await createPlan(db, { ...PLAN_INPUT, organisation }, drafts('reach', 'hires'));
  const [reach] = await db.kpis.where('planId').equals(created.plan.id).sortBy('order');
  await saveValues(db, created.plan.id, [
    { kpiId: reach!.id, start: '2026-01-01', end: '2026-02-28', value: 1200 },
  ]);
  return created.plan;
}

/** Imports a backup file the way the import page does (merge unless told otherwise). */
async function importFile(file: BackupFile, mode: 'merge' | 'replace' = 'merge') {
  const text = JSON.stringify(file);
  const backupImport = new BackupImport();
  await backupImport.choose({ name: 'backup.json', size: text.length, text: async () => text });
  backupImport.mode = mode;
  await backupImport.write();
  expect(backupImport.phase).toBe('done');
  return backupImport.result!;
}

describe('exportBackup', () => {
  it('writes every plan with its rows into the envelope, stamped now', async () => {
    const a = await plan('Alpha');
    const b = await plan('Beta');
    const file = await exportBackup();
    expect(file).toMatchObject({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: T0,
      app: { name: 'Talentloop' },
    });
    expect(file.data.plans.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    const alpha = file.data.plans.find((p) => p.id === a.id)!;
    expect(alpha.kpis).toHaveLength(2);
    expect(alpha.loops).toHaveLength(1);
    expect(alpha.measurements.map((m) => m.value)).toEqual([1200]);
    // Rows sit under their plan, without a planId of their own.
    expect('planId' in alpha.measurements[0]!).toBe(false);
  });

  it('writes only the plans asked for', async () => {
    await plan('Alpha');
    const b = await plan('Beta');
    const file = await exportBackup([b.id]);
    expect(file.data.plans.map((p) => p.organisation)).toEqual(['Beta']);
  });
});

describe('snapshots', () => {
  /** The device holds 'Before'; a file with 'Incoming' is merged in. */
  async function importIncoming() {
    const db = await appDb();
    const before = await plan('Before');
    const incoming = await plan('Incoming');
    const file = await exportBackup([incoming.id]);
    await deletePlan(db, incoming.id);
    later();
    const result = await importFile(file);
    return { db, before, incoming, result };
  }

  it('lists the snapshot taken before an import, without its data', async () => {
    const { before, result } = await importIncoming();
    const { snapshots, kept } = await listSnapshots();
    expect(kept).toBe(3);
    expect(snapshots).toEqual([
      // The plan, its loop, two KPIs and one value.
      { id: result.snapshotId, createdAt: '2026-11-23T10:01:00.000Z', plans: 1, rows: 5 },
    ]);
    const file = await snapshotFile(result.snapshotId);
    expect(file?.data.plans.map((p) => p.id)).toEqual([before.id]);
    expect(await snapshotFile('no-such-snapshot')).toBeUndefined();
  });

  it('restores a snapshot (undo import), snapshotting what it replaces', async () => {
    const { db, before, incoming, result } = await importIncoming();
    expect((await db.plans.toArray()).map((p) => p.organisation).sort()).toEqual([
      'Before',
      'Incoming',
    ]);
    later();
    await restoreSnapshot(result.snapshotId);
    expect((await db.plans.toArray()).map((p) => p.id)).toEqual([before.id]);
    expect(await db.kpis.where('planId').equals(incoming.id).count()).toBe(0);
    expect(await db.measurements.count()).toBe(1);
    const { snapshots } = await listSnapshots();
    // The restored snapshot is used up; the state it replaced has one of its own.
    expect(snapshots.map((s) => [s.createdAt, s.plans])).toEqual([['2026-11-23T10:02:00.000Z', 2]]);
    expect(snapshots[0]?.id).not.toBe(result.snapshotId);
  });

  it('refuses to restore a snapshot that does not exist', async () => {
    await plan('Alpha');
    await expect(restoreSnapshot('no-such-snapshot')).rejects.toThrow(/not found/);
  });

  it('keeps the newest three snapshots', async () => {
    const alpha = await plan('Alpha');
    const file = await exportBackup([alpha.id]);
    const taken: string[] = [];
    for (let i = 0; i < 4; i++) {
      later();
      taken.push((await importFile(file, 'replace')).snapshotId);
    }
    const { snapshots } = await listSnapshots();
    expect(snapshots.map((s) => s.id)).toEqual(taken.slice(1).reverse());
  });
});
