import { BACKUP_VERSION } from './format';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupFile } from './format';
import { ROWS_PER_MESSAGE, CHUNKS_AHEAD } from './check-messages';
import { readBackupFile } from './read-backup';
import { MissingWorker, TestWorker } from './test-worker';

const FIXTURE = readFileSync('tests/fixtures/backups/v1-example.json', 'utf8');
const fixture = (): BackupFile => JSON.parse(FIXTURE) as BackupFile;
const fileOf = (text: string, name = 'backup.json') =>
  new File([text], name, { type: 'application/json' });

/** The fixture with enough measurements to come in several chunks. */
function bigger(copies: number): BackupFile {
  const file = fixture();
  const plan = file.data.plans[0]!;
  plan.measurements = Array.from({ length: copies }, (_, n) =>
    plan.measurements.map((m) => ({ ...m, id: `${m.id.slice(0, 30)}-${n}` })),
  ).flat();
  return file;
}

afterEach(() => {
  TestWorker.started = [];
  vi.unstubAllGlobals();
});

describe('readBackupFile in a worker', () => {
  it('gives the same checked file as the check on the page, its rows sent as text in chunks', async () => {
    const original = bigger(10);
    const seen: number[] = [];
    const read = await readBackupFile(
      fileOf(JSON.stringify(original)),
      (done, total) => seen.push(done / total),
      { startWorker: () => new TestWorker() },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [worker] = TestWorker.started;
    expect(worker!.terminated).toBe(true);
    // The preview needs no rows: the head has none, the summaries count them.
    expect(read.head.data.plans[0]).not.toHaveProperty('measurements');
    expect(read.summaries[0]).toMatchObject({ loops: 6, measurements: 5040 });
    expect(read.rows).toBe(1 + 565 - 504 + 5040);
    const chunks = worker!.sent.filter((m) => m.type === 'rows');
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((m) => typeof m.json === 'string' && m.count <= ROWS_PER_MESSAGE)).toBe(
      true,
    );
    // The worker sends a chunk when the page has taken one: never a pile of them.
    expect(worker!.asked).toBe(chunks.length);
    expect(worker!.mostAhead).toBe(CHUNKS_AHEAD);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(1);

    const made: number[] = [];
    const file = await read.file((done, total) => made.push(done / total));
    // The checked file is the current version (version 1 data needs no change).
    expect(file).toEqual({ ...original, version: BACKUP_VERSION });
    expect(made.at(-1)).toBe(1);
    // Made once: asking again gives the same file.
    expect(await read.file()).toBe(file);
  });

  it('refuses a bad file with the same problems, and a file over the limit unread', async () => {
    const bad = fixture();
    bad.data.plans[0]!.loops[3]!.updatedAt = 'yesterday';
    const read = await readBackupFile(fileOf(JSON.stringify(bad)), undefined, {
      startWorker: () => new TestWorker(),
    });
    expect(read).toEqual({
      ok: false,
      problems: [{ path: 'plans[0].loops[3].updatedAt', message: 'error.notATimestamp' }],
      total: 1,
    });
    const big = {
      name: 'huge.json',
      size: 5000,
      text: () => Promise.reject(new Error('must not be read')),
    };
    const tooBig = await readBackupFile(big, undefined, {
      limit: 1000,
      startWorker: () => new TestWorker(),
    });
    expect(tooBig).toEqual({
      ok: false,
      tooBig: { size: 5000, limit: 1000 },
      problems: [],
      total: 0,
    });
    const broken = await readBackupFile(fileOf('{"a": 1,}'), undefined, {
      startWorker: () => new TestWorker(),
    });
    expect(broken).toMatchObject({
      ok: false,
      problems: [{ message: 'backup.error.notJson', params: { line: 1, column: 9, char: '}' } }],
    });
  });

  it('stops the worker when the check is called off', async () => {
    const stop = new AbortController();
    const reading = readBackupFile(fileOf(JSON.stringify(bigger(10))), undefined, {
      signal: stop.signal,
      startWorker: () => new TestWorker(),
    });
    stop.abort();
    await expect(reading).rejects.toThrow();
    expect(TestWorker.started[0]!.terminated).toBe(true);
  });

  it('checks on the page when the worker’s script does not load', async () => {
    const read = await readBackupFile(fileOf(FIXTURE), undefined, {
      startWorker: () => new MissingWorker(),
    });
    expect(read.ok).toBe(true);
  });

  it('uses the module worker where the browser has one, and the page where it has none', async () => {
    vi.stubGlobal('Worker', TestWorker);
    expect((await readBackupFile(fileOf(FIXTURE))).ok).toBe(true);
    expect(TestWorker.started).toHaveLength(1);
    // A stand-in that is not a Blob (the state's unit tests) is checked on the page.
    const read = await readBackupFile({
      name: 'b.json',
      size: FIXTURE.length,
      text: () => Promise.resolve(FIXTURE),
    });
    expect(read.ok).toBe(true);
    expect(TestWorker.started).toHaveLength(1);
  });
});
