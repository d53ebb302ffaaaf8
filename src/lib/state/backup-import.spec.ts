import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileLike } from '$lib/backup/check';
import { BACKUP_FORMAT, MAX_BACKUP_BYTES, rowCount, type BackupFile } from '$lib/backup/format';
import { TestWorker } from '$lib/backup/test-worker';
import { createPlan } from '$lib/storage/plans-repo';
import { saveValues } from '$lib/storage/values-repo';
import { exportBackup } from './backup-files';
import { BackupImport } from './backup-import.svelte';
import {
  appDb,
  createExample,
  drafts,
  dumpTables,
  PLAN_INPUT,
  resetAppDb,
  useAppDb,
} from './test-support';

useAppDb();

/** A backup as the user's file picker hands it over. */
function fileOf(
  content: BackupFile | string,
  name = 'talentloop-backup-2026-11-23.json',
): FileLike {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { name, size: text.length, text: () => Promise.resolve(text) };
}

/** Two plans (the example when `rich`, else a small one, and a plain one), exported. */
async function exportTwoPlans(rich = false): Promise<BackupFile> {
  const db = await appDb();
  if (rich) await createExample(db);
  else {
    const { plan } = await createPlan(
      db,
      { ...PLAN_INPUT, organisation: 'Small' },
      drafts('reach'),
    );
    const [kpi] = await db.kpis.where('planId').equals(plan.id).toArray();
    await saveValues(db, plan.id, [
      { kpiId: kpi!.id, start: '2026-01-01', end: '2026-02-28', value: 10 },
    ]);
  }
  await createPlan(db, { ...PLAN_INPUT, organisation: 'Plain' }, drafts('reach', 'hires'));
  return exportBackup();
}

describe('BackupImport', () => {
  it('exports and imports (merge) into a fresh database: the same data comes back', async () => {
    const exported = await exportTwoPlans(true);
    expect(exported.data.plans).toHaveLength(2);
    await resetAppDb();

    const backupImport = new BackupImport();
    const choosing = backupImport.choose(fileOf(exported));
    expect(backupImport.phase).toBe('checking');
    expect(backupImport.busy).toBe(true);
    await choosing;
    expect(backupImport.phase).toBe('preview');
    expect(backupImport.fileName).toBe('talentloop-backup-2026-11-23.json');
    expect(backupImport.fromVersion).toBe(2);
    expect(backupImport.mode).toBe('merge');
    expect(backupImport.preview.map((row) => [row.organisation, row.action])).toEqual(
      exported.data.plans.map((p) => [p.organisation, 'add']),
    );
    expect(backupImport.rows).toBeGreaterThan(400);

    await backupImport.write();
    expect(backupImport.phase).toBe('done');
    expect(backupImport.percent).toBe(100);
    expect(backupImport.result).toMatchObject({ added: 2, replaced: 0, removed: 0 });

    const again = await exportBackup();
    expect(again.data).toEqual(exported.data);
  });

  it('keeps this device’s copies when the same file is merged again', async () => {
    const exported = await exportTwoPlans();
    const db = await appDb();
    const backupImport = new BackupImport();
    await backupImport.choose(fileOf(exported));
    expect(backupImport.preview.map((row) => row.action)).toEqual(['keep', 'keep']);
    const before = await dumpTables(db);
    await backupImport.write();
    expect(backupImport.result).toMatchObject({ added: 0, replaced: 0, removed: 0 });
    const { snapshots: _snapshots, ...after } = await dumpTables(db);
    const { snapshots: _before, ...unchanged } = before;
    expect(after).toEqual(unchanged);
  });

  it('replaces everything in replace mode, removing plans the file does not have', async () => {
    const exported = await exportTwoPlans();
    const db = await appDb();
    const extra = await createPlan(db, { ...PLAN_INPUT, organisation: 'Only here' }, []);
    const backupImport = new BackupImport();
    await backupImport.choose(fileOf(exported));
    backupImport.mode = 'replace';
    expect(backupImport.preview.map((row) => [row.organisation, row.action])).toEqual([
      ...exported.data.plans.map((p) => [p.organisation, 'replace']),
      ['Only here', 'remove'],
    ]);
    await backupImport.write();
    expect(backupImport.result).toMatchObject({ added: 0, replaced: 2, removed: 1 });
    expect(await db.plans.get(extra.plan.id)).toBeUndefined();
    expect(await db.plans.count()).toBe(2);
  });

  it('refuses a file that is not JSON, and writes nothing', async () => {
    const db = await appDb();
    const backupImport = new BackupImport();
    await backupImport.choose(fileOf('{"format": "talentloop-backup",', 'broken.json'));
    expect(backupImport.phase).toBe('refused');
    expect(backupImport.problemCount).toBe(1);
    expect(backupImport.problems[0]).toEqual({
      path: '',
      message: 'backup.error.jsonEndsEarly',
      params: { line: 1, column: 32 },
    });
    expect(backupImport.backup).toBeUndefined();
    await backupImport.write();
    expect(backupImport.phase).toBe('refused');
    expect(await db.snapshots.count()).toBe(0);
  });

  it('refuses a file of another format with its reasons', async () => {
    const backupImport = new BackupImport();
    await backupImport.choose(fileOf(JSON.stringify({ format: 'excalidraw', version: 2 })));
    expect(backupImport.phase).toBe('refused');
    expect(backupImport.problemCount).toBeGreaterThan(0);
    expect(backupImport.problems.length).toBe(Math.min(backupImport.problemCount, 50));
  });

  it('refuses a file over the limit before reading a byte of it', async () => {
    const text = vi.fn(() => Promise.resolve('{}'));
    const backupImport = new BackupImport();
    await backupImport.choose({ name: 'huge.json', size: MAX_BACKUP_BYTES + 1, text });
    expect(backupImport.phase).toBe('tooBig');
    expect(backupImport.limit).toBe(MAX_BACKUP_BYTES);
    expect(backupImport.fileSize).toBe(MAX_BACKUP_BYTES + 1);
    expect(text).not.toHaveBeenCalled();
  });

  it('answers for the file chosen last, even when an earlier one finishes after it', async () => {
    const exported = await exportTwoPlans();
    let release!: (text: string) => void;
    const slow: FileLike = {
      name: 'slow.json',
      size: 10,
      text: () => new Promise<string>((resolve) => (release = resolve)),
    };
    const backupImport = new BackupImport();
    const first = backupImport.choose(slow);
    await backupImport.choose(fileOf(exported, 'fast.json'));
    release('not json');
    await first;
    expect(backupImport.fileName).toBe('fast.json');
    expect(backupImport.phase).toBe('preview');
    expect(backupImport.problems).toEqual([]);
  });

  it('fails the write, leaving everything as it was, when an id clashes', async () => {
    const exported = await exportTwoPlans();
    const db = await appDb();
    // The plan row is gone but its rows are not: adding the plan again clashes on their ids.
    const plain = exported.data.plans.find((p) => p.organisation === 'Plain')!;
    await db.plans.delete(plain.id);
    const before = await dumpTables(db);
    const backupImport = new BackupImport();
    await backupImport.choose(fileOf(exported));
    expect(backupImport.preview.find((row) => row.id === plain.id)?.action).toBe('add');
    await backupImport.write();
    expect(backupImport.phase).toBe('failed');
    expect(backupImport.failure).toBeInstanceOf(Error);
    expect(backupImport.result).toBeUndefined();
    expect(await dumpTables(db)).toEqual(before);
  });

  it('does not write unless a checked file is being previewed, and reset forgets the file', async () => {
    const backupImport = new BackupImport();
    await backupImport.write();
    expect(backupImport.phase).toBe('idle');
    const exported = await exportTwoPlans();
    await backupImport.choose(fileOf(exported));
    expect(backupImport.backup?.format).toBe(BACKUP_FORMAT);
    backupImport.reset();
    expect(backupImport.phase).toBe('idle');
    expect(backupImport.backup).toBeUndefined();
    expect(backupImport.preview).toEqual([]);
    expect(backupImport.rows).toBe(0);
  });
});

describe('BackupImport with the check in a Web Worker', () => {
  afterEach(() => {
    TestWorker.started = [];
    vi.unstubAllGlobals();
  });

  /** A chosen file as the browser hands it over (a Blob, so it goes to the worker). */
  const chosen = (backup: BackupFile, name = 'talentloop-backup.json') =>
    new File([JSON.stringify(backup)], name, { type: 'application/json' });

  it('previews from what the worker sent, then makes the rows and writes them all', async () => {
    vi.stubGlobal('Worker', TestWorker);
    const exported = await exportTwoPlans(true);
    await resetAppDb();
    const backupImport = new BackupImport();
    const percents: number[] = [];
    const choosing = backupImport.choose(chosen(exported));
    const watch = setInterval(() => percents.push(backupImport.percent), 0);
    await choosing;
    clearInterval(watch);
    expect(TestWorker.started).toHaveLength(1);
    expect(backupImport.phase).toBe('preview');
    expect(backupImport.preview.map((row) => [row.organisation, row.action])).toEqual(
      exported.data.plans.map((p) => [p.organisation, 'add']),
    );
    expect(backupImport.rows).toBe(rowCount(exported.data.plans));
    expect(new Set(percents).size).toBeGreaterThan(1);
    await backupImport.write();
    expect(backupImport.phase).toBe('done');
    expect(backupImport.percent).toBe(100);
    expect((await exportBackup()).data).toEqual(exported.data);
  });

  it('ends the worker of a file when another is chosen', async () => {
    vi.stubGlobal('Worker', TestWorker);
    const exported = await exportTwoPlans();
    const backupImport = new BackupImport();
    const first = backupImport.choose(chosen(exported, 'first.json'));
    await backupImport.choose(chosen(exported, 'second.json'));
    await first;
    expect(TestWorker.started.map((w) => w.terminated)).toEqual([true, true]);
    expect(TestWorker.started[0]!.sent.some((m) => m.type === 'done')).toBe(false);
    expect(backupImport.fileName).toBe('second.json');
    expect(backupImport.phase).toBe('preview');
  });
});
