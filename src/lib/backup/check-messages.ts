import type { Plan } from '$lib/schema';
import { PLAN_TABLES, type PlanTable } from '$lib/schema/tables';
import {
  checkBackup,
  noPause,
  type CheckProgress,
  type FileCheck,
  type FileLike,
  type Pause,
} from './check';
import { nextTask } from '$lib/schedule';
import { rowCount, type BackupFile, type BackupHead, type PlanEntry } from './format';
import { summarise, type PlanSummary } from './preview';

/**
 * The conversation between the page and the backup check's Web Worker (check.worker.ts). The
 * worker reads, parses and checks the file, then sends the checked rows as JSON text in
 * chunks, a new chunk each time the page has taken one. The page keeps the text as it is
 * (taking a string costs next to nothing) and makes rows of it only when it writes them, a
 * chunk per task: made all at once while checking, the 2 million objects of a 50 MB file
 * held the page up in garbage collections of 100–400 ms.
 */

/** What the page asks: check this file, refusing it unread above `limit` bytes. */
export type CheckRequest = { file: FileLike; limit: number };

/** What the page says while the rows come: one more chunk, please. */
export type NextRequest = { type: 'next' };

/** What the worker answers: progress, then a refusal, or the checked file in pieces. */
export type CheckMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'refused'; check: Refused }
  /** The checked file without rows, its plans' summaries, and how many rows will follow. */
  | { type: 'head'; head: BackupHead; fromVersion: number; summaries: PlanSummary[]; rows: number }
  | { type: 'rows'; plan: number; table: PlanTable; count: number; json: string }
  | { type: 'done' }
  | { type: 'failed'; message: string };

type Refused = Extract<FileCheck, { ok: false }>;

/**
 * A checked backup: what the preview shows at once, and the whole file when it is written
 * (`file` makes its rows, pausing between chunks; `onProgress` hears how far it got).
 */
export type CheckedBackup = {
  ok: true;
  head: BackupHead;
  fromVersion: number;
  summaries: PlanSummary[];
  /** Plans and rows in the file (as `rowCount` counts them). */
  rows: number;
  file(onProgress?: CheckProgress): Promise<BackupFile>;
};

export type BackupRead = CheckedBackup | Refused;

/** Rows per message: the page makes rows of one in a few milliseconds. */
export const ROWS_PER_MESSAGE = 2000;

/** Chunks sent before the page asks for more: the worker prepares one while the page takes one. */
export const CHUNKS_AHEAD = 2;

/**
 * Where each stage ends on the progress bar, from measurements of a 50 MB file: reading is
 * quick, parsing takes about a tenth of the time, checking most of it, and writing the
 * checked rows as text for the page the rest.
 */
export const STAGES = { read: 0.02, parsed: 0.12, checked: 0.85 } as const;

/** The plan of an entry, without its rows. */
function planOf(entry: PlanEntry): Plan {
  const plan = { ...entry } as Record<string, unknown>;
  for (const table of PLAN_TABLES) delete plan[table];
  return plan as Plan;
}

/** A checked file as the page uses it, when the whole file is already here. */
export function checkedBackup(backup: BackupFile, fromVersion: number): CheckedBackup {
  return {
    ok: true,
    head: { ...backup, data: { plans: backup.data.plans.map(planOf) } },
    fromVersion,
    summaries: backup.data.plans.map(summarise),
    rows: rowCount(backup.data.plans),
    file: (onProgress) => {
      onProgress?.(1, 1);
      return Promise.resolve(backup);
    },
  };
}

/**
 * The worker's side: reads and checks `file`, telling `post` how far it got, then sends the
 * result; `next` resolves when the page asks for another chunk of rows. Never throws: an
 * unexpected error is sent as `failed`.
 */
export async function sendCheck(
  { file, limit }: CheckRequest,
  post: (message: CheckMessage) => void,
  next: () => Promise<void>,
): Promise<void> {
  let shown = -1;
  const progress = (fraction: number) => {
    // At most one message per percent.
    const percent = Math.floor(fraction * 100);
    if (percent > shown) {
      shown = percent;
      post({ type: 'progress', fraction });
    }
  };
  try {
    if (file.size > limit) {
      const tooBig = { size: file.size, limit };
      post({ type: 'refused', check: { ok: false, tooBig, problems: [], total: 0 } });
      return;
    }
    progress(0);
    const text = await file.text();
    progress(STAGES.read);
    const checked = await checkBackup(
      text,
      (done, total) =>
        progress(STAGES.parsed + (total ? done / total : 1) * (STAGES.checked - STAGES.parsed)),
      noPause,
    );
    if (!checked.ok) {
      post({ type: 'refused', check: checked });
      return;
    }
    const { backup, fromVersion } = checked;
    const { head, summaries, rows: all } = checkedBackup(backup, fromVersion);
    post({ type: 'head', head, fromVersion, summaries, rows: all - head.data.plans.length });
    let sent = 0;
    for (const [plan, entry] of backup.data.plans.entries())
      for (const table of PLAN_TABLES) {
        const tableRows: unknown[] = entry[table];
        for (let i = 0; i < tableRows.length; i += ROWS_PER_MESSAGE) {
          if (++sent > CHUNKS_AHEAD) await next();
          const rows = tableRows.slice(i, i + ROWS_PER_MESSAGE);
          post({ type: 'rows', plan, table, count: rows.length, json: JSON.stringify(rows) });
        }
      }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', message: String(error) });
  }
}

type Chunk = Extract<CheckMessage, { type: 'rows' }>;

/** Makes the whole file of a head and its chunks of rows, pausing after each chunk. */
async function assemble(
  head: BackupHead,
  chunks: readonly Chunk[],
  onProgress: CheckProgress,
  pause: Pause,
): Promise<BackupFile> {
  const empty = () => Object.fromEntries(PLAN_TABLES.map((table) => [table, []]));
  const plans = head.data.plans.map((plan) => ({ ...plan, ...empty() }) as PlanEntry);
  for (const [i, chunk] of chunks.entries()) {
    const rows: unknown[] = plans[chunk.plan]![chunk.table];
    for (const row of JSON.parse(chunk.json) as unknown[]) rows.push(row);
    onProgress(i + 1, chunks.length);
    await pause();
  }
  if (!chunks.length) onProgress(1, 1);
  return { ...head, data: { plans } };
}

/** The page hears progress in thousandths. */
const SCALE = 1000;

/**
 * The page's side: takes the worker's messages in order. `take` answers the check once it is
 * complete (null until then) and throws what failed.
 */
export class CheckReceiver {
  #onProgress: CheckProgress;
  #pause: Pause;
  #head: Extract<CheckMessage, { type: 'head' }> | undefined;
  #chunks: Chunk[] = [];
  #received = 0;

  constructor(onProgress: CheckProgress = () => {}, pause: Pause = nextTask) {
    this.#onProgress = onProgress;
    this.#pause = pause;
  }

  #report(fraction: number): void {
    this.#onProgress(Math.round(fraction * SCALE), SCALE);
  }

  take(message: CheckMessage): BackupRead | null {
    switch (message.type) {
      case 'progress':
        this.#report(message.fraction);
        return null;
      case 'refused':
        return message.check;
      case 'head':
        this.#head = message;
        return null;
      case 'rows': {
        if (!this.#head?.head.data.plans[message.plan])
          throw new Error('backup check: rows before their plan');
        this.#chunks.push(message);
        this.#received += message.count;
        const share = this.#received / Math.max(1, this.#head.rows);
        this.#report(STAGES.checked + (1 - STAGES.checked) * share);
        return null;
      }
      case 'done': {
        const got = this.#head;
        if (!got || this.#received !== got.rows)
          throw new Error('backup check: the rows ended early');
        this.#report(1);
        const chunks = this.#chunks;
        const pause = this.#pause;
        let made: Promise<BackupFile> | undefined;
        return {
          ok: true,
          head: got.head,
          fromVersion: got.fromVersion,
          summaries: got.summaries,
          rows: got.rows + got.head.data.plans.length,
          file: (onProgress = () => {}) =>
            (made ??= assemble(got.head, chunks, onProgress, pause).then((backup) => {
              // The text is not needed again: let it go.
              chunks.length = 0;
              return backup;
            })),
        };
      }
      case 'failed':
        throw new Error(message.message);
    }
  }
}
