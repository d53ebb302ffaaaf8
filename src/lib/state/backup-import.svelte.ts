import type { FileLike } from '$lib/backup/check';
import type { CheckedBackup } from '$lib/backup/check-messages';
import type { BackupHead } from '$lib/backup/format';
import { previewImport, type ImportMode, type PlanSummary } from '$lib/backup/preview';
import { readBackupFile } from '$lib/backup/read-backup';
import type { Issue } from '$lib/schema/issues';
import type { ImportResult } from '$lib/storage/backup-repo';
import { withStorage } from '$lib/storage/gateway';
import { FileFlow } from './file-flow.svelte';
import { announce } from './tab-sync';
import { nowStamp } from './today';
import { holdWork } from './unsaved';

export type ImportPhase =
  'idle' | 'checking' | 'refused' | 'tooBig' | 'preview' | 'writing' | 'done' | 'failed';

const repo = () => import('$lib/storage/backup-repo');

/**
 * The import of one backup file, step by step: check (nothing is written), preview with the
 * user's choice of replace or merge, write in one transaction, and offer to undo it.
 */
export class BackupImport extends FileFlow<Exclude<ImportPhase, 'idle' | 'failed'>, ImportResult> {
  limit = $state(0);
  problems = $state.raw<Issue[]>([]);
  problemCount = $state(0);
  /** The checked file's envelope and plans (their rows are made when they are written). */
  backup = $state.raw<BackupHead | undefined>(undefined);
  fromVersion = $state(0);
  mode = $state<ImportMode>('merge');
  /** Plans and rows in the file, for the summary line. */
  rows = $state(0);
  #here = $state.raw<PlanSummary[]>([]);
  #checked = $state.raw<CheckedBackup | undefined>(undefined);
  /** Stops the check of a file when another is chosen (its worker is ended). */
  #stop: AbortController | undefined;

  /** What the import would do, plan by plan, for the chosen mode. */
  preview = $derived(
    this.#checked ? previewImport(this.#here, this.#checked.summaries, this.mode) : [],
  );

  /** Whether a file is being checked or written (no other file is taken meanwhile). */
  get busy(): boolean {
    return this.phase === 'checking' || this.phase === 'writing';
  }

  /**
   * Reads and checks a chosen, dropped or opened file, in a Web Worker (read-backup.ts), so
   * the page stays responsive however big the file; nothing is written.
   */
  async choose(file: FileLike): Promise<void> {
    if (this.phase === 'writing') return;
    const run = this.begin(file);
    const stop = (this.#stop = new AbortController());
    this.phase = 'checking';
    try {
      const checked = await readBackupFile(
        file,
        (done, total) => {
          if (this.current(run)) this.percent = total ? Math.floor((done / total) * 100) : 100;
        },
        { signal: stop.signal },
      );
      if (!this.current(run)) return;
      if (checked.ok) {
        const here = await withStorage(repo, (r, db) => r.currentSummaries(db));
        if (!this.current(run)) return;
        this.#here = here;
        this.#checked = checked;
        this.backup = checked.head;
        this.rows = checked.rows;
        this.fromVersion = checked.fromVersion;
        this.phase = 'preview';
      } else if ('tooBig' in checked) {
        this.limit = checked.tooBig.limit;
        this.phase = 'tooBig';
      } else {
        this.problems = checked.problems;
        this.problemCount = checked.total;
        this.phase = 'refused';
      }
    } catch (error) {
      this.fail(error, run);
    }
  }

  /**
   * Writes the checked backup in the chosen mode, after a snapshot of what is there now. Its
   * rows are made first, a chunk at a time (the first fifth of the progress bar).
   */
  async write(): Promise<void> {
    const checked = this.#checked;
    if (!checked || this.phase !== 'preview') return;
    this.phase = 'writing';
    this.percent = 0;
    const share = (from: number, to: number) => (done: number, total: number) => {
      this.percent = Math.floor(from + (total ? done / total : 1) * (to - from));
    };
    // Leaving while the restore writes asks first (the write is all-or-nothing either way).
    const release = holdWork(this.fileName);
    try {
      const backup = await checked.file(share(0, 20));
      this.result = await withStorage(repo, (r, db) =>
        r.importBackup(db, backup, this.mode, { now: nowStamp(), onProgress: share(20, 100) }),
      );
      this.phase = 'done';
      // Other tabs read their plans again: a restore changes them as a whole.
      announce({ kind: 'plans' });
    } catch (error) {
      this.fail(error);
    } finally {
      release();
    }
  }

  protected clear(): void {
    this.#stop?.abort();
    this.#stop = undefined;
    this.problems = [];
    this.problemCount = 0;
    this.backup = undefined;
    this.#checked = undefined;
    this.rows = 0;
  }
}
