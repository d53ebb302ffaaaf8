import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '$lib/backup/format';
import { createPlan, deletePlan } from '$lib/storage/plans-repo';
import { saveValues } from '$lib/storage/values-repo';
import type { BackupFileHandle, SavedBackupFile } from '$lib/storage/backup-file-store';
import {
  exportBackup,
  KEPT_FILE_NAME,
  lastSavedFile,
  listSnapshots,
  rememberSavedFile,
  restoreSnapshot,
  saveBackupFile,
  savePicker,
  saveRoute,
  snapshotFile,
  type SaveDeps,
} from './backup-files';
import { BackupImport } from './backup-import.svelte';
import { appDb, drafts, PLAN_INPUT, useAppDb } from './test-support';
import { storedMeasurements } from '$lib/storage/test-support';

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
    expect((await storedMeasurements(db)).length).toBe(1);
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

describe('saving a backup to a file', () => {
  /** A file handle as the File System Access API gives it, writing into `text`. */
  function fakeHandle(name: string, permission: PermissionState = 'granted') {
    const file = { text: 'old contents', writes: 0 };
    const handle: BackupFileHandle & { file: typeof file } = {
      name,
      file,
      createWritable: async () => {
        let pending = '';
        return {
          write: async (data: string) => {
            pending += data;
          },
          close: async () => {
            file.text = pending;
            file.writes++;
          },
          abort: async () => {},
        };
      },
      queryPermission: vi.fn(async () => permission),
      requestPermission: vi.fn(async () => permission),
    };
    return handle;
  }

  const BACKUP = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0,
    app: { name: 'Talentloop', version: '0.1.0' },
    data: { plans: [] },
  } as BackupFile;

  function deps(over: Partial<SaveDeps>): SaveDeps & { downloads: [string, string][] } {
    const downloads: [string, string][] = [];
    return {
      route: 'download',
      remembered: null,
      make: async () => BACKUP,
      download: (name, text) => downloads.push([name, text]),
      description: 'Talentloop backup',
      now: () => T0,
      today: () => '2026-11-23',
      downloads,
      ...over,
    };
  }

  describe('saveRoute', () => {
    const kept: SavedBackupFile = {
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
      handle: fakeHandle('kept.json'),
    };

    it('downloads where the browser cannot write to a chosen file', () => {
      expect(saveRoute(false, null, false)).toBe('download');
      expect(saveRoute(false, kept, false)).toBe('download');
    });

    it('asks for a file the first time, and for another one when the user says so', () => {
      expect(saveRoute(true, null, false)).toBe('chooseFile');
      expect(saveRoute(true, kept, true)).toBe('chooseFile');
      // A download remembered has no file to write to again.
      expect(saveRoute(true, { ...kept, how: 'download', handle: undefined }, false)).toBe(
        'chooseFile',
      );
    });

    it('writes to the remembered file in one click', () => {
      expect(saveRoute(true, kept, false)).toBe('sameFile');
    });
  });

  it('finds the save dialog only where the browser has one', async () => {
    expect(savePicker({})).toBeUndefined();
    expect(savePicker({ showSaveFilePicker: 'no' })).toBeUndefined();
    const picker = vi.fn(async () => fakeHandle('a.json'));
    await savePicker({ showSaveFilePicker: picker })?.({} as never);
    expect(picker).toHaveBeenCalledOnce();
  });

  it('writes the whole backup into the file the user chose', async () => {
    const chosen = fakeHandle('chosen.json');
    const picker = vi.fn(async () => chosen);
    const outcome = await saveBackupFile(deps({ route: 'chooseFile', picker }));
    expect(picker).toHaveBeenCalledWith(
      expect.objectContaining({
        suggestedName: KEPT_FILE_NAME,
        types: [{ description: 'Talentloop backup', accept: { 'application/json': ['.json'] } }],
      }),
    );
    expect(JSON.parse(chosen.file.text)).toEqual(BACKUP);
    expect(outcome).toEqual({
      saved: { name: 'chosen.json', savedAt: T0, how: 'file', handle: chosen },
      backup: BACKUP,
    });
  });

  it('writes to the remembered file again without a dialog', async () => {
    const kept = fakeHandle('kept.json');
    const picker = vi.fn();
    const remembered: SavedBackupFile = {
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
      handle: kept,
    };
    await saveBackupFile(deps({ route: 'sameFile', remembered, picker }));
    expect(picker).not.toHaveBeenCalled();
    expect(kept.file.writes).toBe(1);
    expect(JSON.parse(kept.file.text)).toEqual(BACKUP);
  });

  it('asks for permission again, and writes nothing when it is refused', async () => {
    const kept = fakeHandle('kept.json', 'denied');
    const make = vi.fn(async () => BACKUP);
    const remembered: SavedBackupFile = {
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
      handle: kept,
    };
    const outcome = await saveBackupFile(deps({ route: 'sameFile', remembered, make }));
    expect(outcome).toEqual({ denied: 'kept.json' });
    expect(kept.requestPermission).toHaveBeenCalledWith({ mode: 'readwrite' });
    expect(kept.file).toEqual({ text: 'old contents', writes: 0 });
    expect(make).not.toHaveBeenCalled();
  });

  it('does nothing when the user closes the dialog', async () => {
    const abort = Object.assign(new Error('closed'), { name: 'AbortError' });
    const d = deps({ route: 'chooseFile', picker: vi.fn(() => Promise.reject(abort)) });
    expect(await saveBackupFile(d)).toEqual({ cancelled: true });
    expect(d.downloads).toEqual([]);
  });

  it('downloads when there is no dialog, or the browser refuses to show it', async () => {
    const d = deps({ route: 'download' });
    const outcome = await saveBackupFile(d);
    expect(d.downloads).toEqual([['talentloop-backup-2026-11-23.json', JSON.stringify(BACKUP)]]);
    expect(outcome).toMatchObject({
      saved: { name: 'talentloop-backup-2026-11-23.json', how: 'download' },
    });
    const refused = Object.assign(new Error('framed'), { name: 'SecurityError' });
    const f = deps({ route: 'chooseFile', picker: vi.fn(() => Promise.reject(refused)) });
    await saveBackupFile(f);
    expect(f.downloads.map(([name]) => name)).toEqual(['talentloop-backup-2026-11-23.json']);
  });

  it('leaves the file as it was when the write fails', async () => {
    const kept = fakeHandle('kept.json');
    const abort = vi.fn(async () => {});
    kept.createWritable = async () => ({
      write: () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })),
      close: async () => {
        kept.file.text = 'half';
      },
      abort,
    });
    const remembered: SavedBackupFile = {
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
      handle: kept,
    };
    await expect(saveBackupFile(deps({ route: 'sameFile', remembered }))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(abort).toHaveBeenCalledOnce();
    expect(kept.file.text).toBe('old contents');
  });

  it('remembers the last file saved across page loads (a download too)', async () => {
    expect(await lastSavedFile()).toBeNull();
    const saved: SavedBackupFile = { name: 'talentloop-backup.json', savedAt: T0, how: 'download' };
    await rememberSavedFile(saved);
    expect(await lastSavedFile()).toEqual(saved);
  });
});
