import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBackup, checkFile, type FileLike } from '$lib/backup/check';
import type { BackupFile, PlanEntry } from '$lib/backup/format';
import {
  exportBackup,
  exportBackupChecked,
  importBackup,
  listSnapshots,
  restoreSnapshot,
  snapshotFile,
  SNAPSHOTS_KEPT,
} from './backup-repo';
import { TalentloopDb } from './db';
import { createPlan } from './plans-repo';
import {
  drafts,
  dumpTables,
  PLAN_INPUT,
  rejection,
  storedMeasurements,
  storeMeasurements,
  useTestDb,
} from './test-support';

const FIXTURE = readFileSync('tests/fixtures/backups/v1-example.json', 'utf8');
const NOW = '2026-11-23T12:00:00.000Z';

let db: TalentloopDb;
useTestDb((fresh) => (db = fresh));

/** A checksum of every table, to prove that a refused or failed import changed nothing. */
async function checksum(target = db): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await dumpTables(target)))
    .digest('hex');
}

async function checked(text: string): Promise<BackupFile> {
  const result = await checkBackup(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.backup;
}

/** The export minus its moment, to compare the data of two exports. */
/**
 * A file without its time of export, each plan's values in id order: since schema v3 an
 * export lists values as they are kept (long periods, then days by KPI and month), so the
 * order of values is no part of what a backup says.
 */
const dataOf = (file: BackupFile) => ({
  ...file,
  exportedAt: undefined,
  data: {
    plans: file.data.plans.map((p) => ({
      ...p,
      measurements: p.measurements.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    })),
  },
});

describe('export', () => {
  it('writes the envelope and every plan with its rows nested, without planId', async () => {
    const { plan } = await createPlan(db, PLAN_INPUT, drafts('reach', 'impressions'));
    const file = await exportBackup(db, NOW);
    expect(file).toMatchObject({
      format: 'talentloop-backup',
      version: 2,
      exportedAt: NOW,
      app: { name: 'Talentloop' },
    });
    expect(file.data.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(file.data.plans[0]!.kpis).toHaveLength(2);
    expect(file.data.plans[0]!.loops).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain('planId');
  });

  it('exports one plan when asked', async () => {
    const { plan: a } = await createPlan(db, PLAN_INPUT, drafts('reach'));
    await createPlan(db, { ...PLAN_INPUT, organisation: 'Other' }, drafts('reach'));
    const file = await exportBackup(db, NOW, [a.id]);
    expect(file.data.plans.map((p) => p.organisation)).toEqual(['Acme Care']);
  });
});

describe('exportBackupChecked', () => {
  it('gives the same file as exportBackup, and no problems for data as the app writes it', async () => {
    await importBackup(db, await checked(FIXTURE), 'replace', { now: NOW });
    const { file, problems } = await exportBackupChecked(db, NOW);
    expect(file).toEqual(await exportBackup(db, NOW));
    expect(problems).toEqual([]);
  });

  it('reports records damaged since they were written (a record, a pack), of the plans exported', async () => {
    const { plan: a } = await createPlan(db, PLAN_INPUT, drafts('reach'));
    const { plan: b } = await createPlan(db, { ...PLAN_INPUT, organisation: 'B' }, drafts('reach'));
    const kpiOf = async (planId: string) => (await db.kpis.where('planId').equals(planId).first())!;
    const [ka, kb] = [await kpiOf(a.id), await kpiOf(b.id)];
    const day = (id: string, planId: string, kpiId: string, date: string) => ({
      ...{ id, planId, kpiId, start: date, end: date, value: 1, source: 'manual' as const },
    });
    await storeMeasurements(db, [
      day('ok', a.id, ka.id, '2026-01-05'),
      day('bad-day', a.id, ka.id, '2026-01-06'),
      day('other', b.id, kb.id, '2026-01-06'),
    ]);
    await db.measurementPacks.update(
      [a.id, ka.id, '', '2026-01'] as never,
      {
        values: [1, Infinity],
      } as never,
    );
    await db.measurementPacks.update(
      [b.id, kb.id, '', '2026-01'] as never,
      {
        values: ['x'],
      } as never,
    );
    const month = { ...day('bad-month', a.id, ka.id, '2026-02-01'), end: '2026-02-28' };
    await db.measurements.add({ ...month, value: 'lots' } as never);

    const { file, problems } = await exportBackupChecked(db, NOW, [a.id]);
    expect(file.data.plans[0]!.measurements).toHaveLength(3);
    expect(problems.map((p) => [p.where, p.key, p.issues.map((i) => i.path)])).toEqual([
      ['measurements', 'bad-month', ['value']],
      ['measurements', 'bad-day', ['value']],
    ]);
    expect((await exportBackupChecked(db, NOW)).problems).toHaveLength(3);
  });
});

describe('import', () => {
  it('imports the version 1 fixture into an empty database, and exports it again unchanged', async () => {
    const backup = await checked(FIXTURE);
    const result = await importBackup(db, backup, 'replace', { now: NOW });
    expect(result).toMatchObject({ added: 1, replaced: 0, removed: 0 });
    expect((await storedMeasurements(db)).length).toBe(504);
    // The same data, written as the current version.
    expect(dataOf(await exportBackup(db, NOW))).toEqual({
      ...dataOf(JSON.parse(FIXTURE)),
      version: 2,
    });
  });

  it('replace: the backup is all that is left; a snapshot of before is kept and undoes it', async () => {
    const { plan: mine } = await createPlan(db, PLAN_INPUT, drafts('reach'));
    const before = await exportBackup(db, NOW);
    const result = await importBackup(db, await checked(FIXTURE), 'replace', { now: NOW });
    expect(result).toMatchObject({ added: 1, removed: 1 });
    expect((await db.plans.toArray()).map((p) => p.organisation)).toEqual([
      'Example: De Linde Care Group',
    ]);
    expect(await db.kpis.where('planId').equals(mine.id).count()).toBe(0);
    const [snapshot] = await listSnapshots(db);
    expect(snapshot).toMatchObject({ id: result.snapshotId, plans: 1, createdAt: NOW });
    expect(dataOf((await snapshotFile(db, result.snapshotId))!)).toEqual(dataOf(before));

    await restoreSnapshot(db, result.snapshotId, { now: '2026-11-23T12:05:00.000Z' });
    expect(dataOf(await exportBackup(db, NOW))).toEqual(dataOf(before));
    // The restored snapshot is used up; the state it replaced has a snapshot of its own.
    const after = await listSnapshots(db);
    expect(after.map((s) => s.id)).not.toContain(result.snapshotId);
    expect(after).toHaveLength(1);
  });

  it('merge: new plans are added, the newer copy of a shared plan wins, a tie keeps this device', async () => {
    const backup = await checked(FIXTURE);
    const shared = backup.data.plans[0]!;
    await importBackup(db, backup, 'replace', { now: NOW });
    const { plan: mine } = await createPlan(db, PLAN_INPUT, drafts('reach'));

    // Same file again: a tie, so the data stays exactly as it was (only a snapshot is added).
    const data = (await exportBackup(db, NOW)).data;
    const tie = await importBackup(db, backup, 'merge', { now: NOW });
    expect(tie).toMatchObject({ added: 0, replaced: 0, removed: 0 });
    expect((await exportBackup(db, NOW)).data).toEqual(data);
    expect(await db.plans.count()).toBe(2);

    // A newer copy in the backup replaces the shared plan; this device's own plan stays.
    const newer: PlanEntry = {
      ...structuredClone(shared),
      organisation: 'De Linde (newer)',
      updatedAt: '2026-12-01T00:00:00.000Z',
      measurements: shared.measurements.slice(0, 10),
    };
    const result = await importBackup(db, { ...backup, data: { plans: [newer] } }, 'merge', {
      now: NOW,
    });
    expect(result).toMatchObject({ added: 0, replaced: 1, removed: 0 });
    expect((await db.plans.get(shared.id))?.organisation).toBe('De Linde (newer)');
    expect((await storedMeasurements(db, shared.id)).length).toBe(10);
    expect(await db.plans.get(mine.id)).toBeDefined();

    // An older copy does not overwrite the newer one on this device.
    await importBackup(db, backup, 'merge', { now: NOW });
    expect((await db.plans.get(shared.id))?.organisation).toBe('De Linde (newer)');
  });

  it('undoes an import even when a record stored before it was damaged', async () => {
    const { plan } = await createPlan(db, PLAN_INPUT, drafts('reach'));
    const [kpi] = await db.kpis.toArray();
    const damaged = {
      ...{ id: 'm-bad', planId: plan.id, kpiId: kpi!.id, start: '2026-01-01', end: '2026-01-31' },
      ...{ value: 'lots', source: 'manual' },
    };
    await db.measurements.add(damaged as never);
    const before = await dumpTables(db);
    const result = await importBackup(db, await checked(FIXTURE), 'replace', { now: NOW });
    await restoreSnapshot(db, result.snapshotId, { now: NOW });
    const { snapshots: _taken, ...after } = await dumpTables(db);
    const { snapshots: _none, ...expected } = before;
    expect(after).toEqual(expected);
    expect(await db.measurements.get('m-bad')).toEqual(damaged);
  });

  it('keeps only the newest snapshots', async () => {
    const backup = await checked(FIXTURE);
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++)
      await importBackup(db, backup, 'merge', { now: `2026-11-2${i}T10:00:00.000Z` });
    const kept = await listSnapshots(db);
    expect(kept.map((s) => s.createdAt)).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-22T10:00:00.000Z',
    ]);
  });

  it('rolls everything back when it fails half-way, the snapshot included', async () => {
    await createPlan(db, PLAN_INPUT, drafts('reach'));
    const before = await checksum();
    const backup = await checked(FIXTURE);
    let calls = 0;
    const error = await rejection(
      importBackup(db, backup, 'replace', {
        now: NOW,
        onProgress: (done, total) => {
          calls++;
          if (done > total / 2) throw new Error('disk full (injected)');
        },
      }),
    );
    expect(String(error)).toContain('disk full (injected)');
    expect(calls).toBeGreaterThan(1);
    expect(await checksum()).toBe(before);
  });

  it('refuses, and rolls back, a merge whose ids clash with another plan on this device', async () => {
    const backup = await checked(FIXTURE);
    await importBackup(db, backup, 'replace', { now: NOW });
    const before = await checksum();
    const copy: PlanEntry = { ...structuredClone(backup.data.plans[0]!), id: 'another-plan' };
    const error = await rejection(
      importBackup(db, { ...backup, data: { plans: [copy] } }, 'merge', { now: NOW }),
    );
    expect((error as Error).name).toMatch(/ConstraintError|BulkError/);
    expect(await checksum()).toBe(before);
  });
});

describe('a corpus of bad backups', () => {
  const file = (name: string, body: string): FileLike => ({
    name,
    size: body.length,
    text: async () => body,
  });
  const good = JSON.parse(FIXTURE) as BackupFile;
  const mutate = (
    change: (plan: Record<string, unknown>, file: Record<string, unknown>) => void,
  ) => {
    const copy = structuredClone(good) as unknown as Record<string, unknown>;
    change((copy.data as { plans: Record<string, unknown>[] }).plans[0]!, copy);
    return JSON.stringify(copy);
  };
  const rows = (plan: Record<string, unknown>, table: string) =>
    plan[table] as Record<string, unknown>[];
  const corpus: [string, FileLike, string][] = [
    ['truncated JSON', file('cut.json', FIXTURE.slice(0, 5000)), 'backup.error.jsonEndsEarly'],
    ['an empty file', file('empty.json', ''), 'backup.error.empty'],
    ['a non-JSON file', file('numbers.csv', 'KPI;Value\nReach;1200'), 'backup.error.notJson'],
    ['another JSON file', file('x.json', '{"hello":"world"}'), 'backup.error.notABackup'],
    [
      'a newer version',
      file(
        'new.json',
        mutate((_, f) => (f.version = 3)),
      ),
      'backup.error.newerVersion',
    ],
    [
      'an unknown version',
      file(
        'v.json',
        mutate((_, f) => (f.version = 0)),
      ),
      'backup.error.unknownVersion',
    ],
    [
      'a version written as text',
      file(
        'vt.json',
        mutate((_, f) => (f.version = 'one')),
      ),
      'backup.error.versionNotNumber',
    ],
    [
      'a wrong type',
      file(
        't.json',
        mutate((p) => (rows(p, 'loops')[3]!.index = '4')),
      ),
      'error.expectedNumber',
    ],
    [
      'a missing field',
      file(
        'm.json',
        mutate((p) => delete p.organisation),
      ),
      'error.missing',
    ],
    [
      'a date that is not one',
      file(
        'd.json',
        mutate((p) => (rows(p, 'loops')[3]!.judgementDate = '31-12-2026')),
      ),
      'error.notADate',
    ],
    [
      'a huge number',
      file(
        'h.json',
        mutate((p) => (rows(p, 'measurements')[0]!.value = 1e300)),
      ),
      'error.tooLarge',
    ],
    [
      'NaN',
      file('n.json', FIXTURE.replace('"hrBudget": 120000', '"hrBudget": NaN')),
      'backup.error.notJson',
    ],
    [
      'duplicate ids',
      file(
        'dup.json',
        mutate((p) => (rows(p, 'kpis')[1]!.id = rows(p, 'kpis')[0]!.id)),
      ),
      'backup.error.duplicateId',
    ],
    [
      'a dangling reference',
      file(
        'dangle.json',
        mutate((p) => (rows(p, 'measurements')[0]!.kpiId = 'gone')),
      ),
      'backup.error.dangling',
    ],
    [
      'a prototype key',
      file(
        'proto.json',
        FIXTURE.replace('"organisation":', '"__proto__": {"polluted": 1}, "organisation":'),
      ),
      'backup.error.forbiddenKey',
    ],
    [
      'a constructor key',
      file('ctor.json', FIXTURE.replace('"strategy":', '"constructor": {}, "strategy":')),
      'backup.error.forbiddenKey',
    ],
  ];

  it.each(corpus)(
    'refuses %s with its message and leaves the database as it was',
    async (_, bad, message) => {
      await createPlan(db, PLAN_INPUT, drafts('reach'));
      const before = await checksum();
      const result = await checkFile(bad);
      expect(result.ok).toBe(false);
      if (result.ok) await importBackup(db, result.backup, 'replace', { now: NOW });
      else expect(result.problems.map((p) => p.message)).toContain(message);
      expect(await checksum()).toBe(before);
    },
  );

  it('refuses a 200 MB file before reading it, and leaves the database as it was', async () => {
    await createPlan(db, PLAN_INPUT, drafts('reach'));
    const before = await checksum();
    const result = await checkFile({
      name: 'huge.json',
      size: 200 * 1024 * 1024,
      text: () => Promise.reject(new Error('read')),
    });
    expect(result).toMatchObject({ ok: false, tooBig: { size: 200 * 1024 * 1024 } });
    expect(await checksum()).toBe(before);
  });
});

describe('export → import → export', () => {
  const id = fc.uuid();
  const day = fc
    .integer({ min: 0, max: 365 * 40 })
    .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const moment = fc
    .integer({ min: 0, max: 365 * 40 * 86_400 })
    .map((s) => new Date(Date.UTC(2000, 0, 1) + s * 1000).toISOString());
  const words = fc.string({ maxLength: 30 });
  // Values a decimal KPI may hold (the grid's rules: nothing negative, no more than 1e15).
  const amount = fc.double({ min: 0, max: 1e12, noNaN: true });
  const range = fc
    .tuple(day, day)
    .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

  const planArb = fc
    .record({
      id,
      organisation: fc.string({ minLength: 1, maxLength: 50 }),
      notes: words,
      createdAt: moment,
      updatedAt: moment,
      firstLoopStart: day,
      kpiIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      loopIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
      values: fc.array(
        fc.tuple(fc.nat(), range, fc.option(amount), fc.option(words, { nil: undefined }), id),
        { maxLength: 12 },
      ),
      campaigns: fc.array(
        fc.tuple(
          fc.nat(),
          id,
          fc.string({ minLength: 1, maxLength: 20 }),
          range,
          fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        ),
        { maxLength: 3 },
      ),
      strategy: words,
    })
    .map((p) => ({
      id: p.id,
      organisation: p.organisation,
      loopLength: { unit: 'months' as const, count: 2 },
      firstLoopStart: p.firstLoopStart,
      defaultComparison: 'previousLoop' as const,
      currency: 'EUR',
      notes: p.notes,
      example: false,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      kpis: p.kpiIds.map((kpiId, order) => ({
        id: kpiId,
        planId: p.id,
        name: `KPI ${order}`,
        pillar: 'reach' as const,
        side: 'brand' as const,
        unit: 'number' as const,
        direction: 'higher' as const,
        aggregation: { kind: 'sum' as const },
        source: 'manual' as const,
        order,
      })),
      loops: p.loopIds.map((loopId, i) => ({
        id: loopId,
        planId: p.id,
        index: i + 1,
        strategy: p.strategy,
        expectationsNotes: '',
        insights: { targetGroup: p.strategy, reaction: '', journey: '' },
        updatedAt: p.updatedAt,
      })),
      measurements: p.values.map(([k, r, value, note, mid]) => ({
        id: mid,
        planId: p.id,
        kpiId: p.kpiIds[k % p.kpiIds.length]!,
        ...r,
        value,
        source: 'manual' as const,
        ...(note === undefined ? {} : { note }),
      })),
      campaigns: p.campaigns.map(([l, cid, name, r, budget]) => ({
        id: cid,
        planId: p.id,
        loopId: p.loopIds[l % p.loopIds.length]!,
        name,
        channel: '',
        ...r,
        ...(budget === undefined ? {} : { budget }),
      })),
    }));

  it('gives the same data (apart from exportedAt) for any valid data set', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(planArb, { maxLength: 3, selector: (p) => p.id }),
        async (plans) => {
          // Row ids must be unique across the data set, as random UUIDs are.
          const all = plans.flatMap((p) => [
            ...p.kpis,
            ...p.loops,
            ...p.measurements,
            ...p.campaigns,
          ]);
          fc.pre(new Set(all.map((r) => r.id)).size === all.length);
          const source = new TalentloopDb(`prop-${crypto.randomUUID()}`);
          const target = new TalentloopDb(`prop-${crypto.randomUUID()}`);
          try {
            await source.transaction('rw', source.tables, async () => {
              for (const { kpis, loops, measurements, campaigns, ...plan } of plans) {
                await source.plans.add(plan);
                await source.kpis.bulkAdd(kpis);
                await source.loops.bulkAdd(loops);
                await storeMeasurements(source, measurements);
                await source.campaigns.bulkAdd(campaigns);
              }
            });
            const first = await exportBackup(source, NOW);
            const text = JSON.stringify(first);
            await importBackup(target, await checked(text), 'replace', { now: NOW });
            const second = await exportBackup(target, '2030-01-01T00:00:00.000Z');
            expect(JSON.stringify(dataOf(second))).toBe(JSON.stringify(dataOf(first)));
          } finally {
            await source.delete();
            await target.delete();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
