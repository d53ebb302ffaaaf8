import { checkFile, type FileLike } from '$lib/backup/check';
import { rowCount, type BackupFile } from '$lib/backup/format';
import { previewImport, summarise, type ImportMode, type PlanSummary } from '$lib/backup/preview';
import type { Issue } from '$lib/schema/issues';
import type { ImportResult } from '$lib/storage/backup-repo';
import { withStorage } from '$lib/storage/gateway';
import { FileFlow } from './file-flow.svelte';
import { nowStamp } from './today';

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
  backup = $state.raw<BackupFile | undefined>(undefined);
  fromVersion = $state(0);
  mode = $state<ImportMode>('merge');
  #here = $state.raw<PlanSummary[]>([]);

  /** What the import would do, plan by plan, for the chosen mode. */
  preview = $derived(
    this.backup ? previewImport(this.#here, this.backup.data.plans.map(summarise), this.mode) : [],
  );

  /** Plans and rows in the file, for the summary line. */
  rows = $derived(this.backup ? rowCount(this.backup.data.plans) : 0);

  /** Whether a file is being checked or written (no other file is taken meanwhile). */
  get busy(): boolean {
    return this.phase === 'checking' || this.phase === 'writing';
  }

  /** Reads and checks a chosen or dropped file; nothing is written. */
  async choose(file: FileLike): Promise<void> {
    if (this.phase === 'writing') return;
    const run = this.begin(file);
    this.phase = 'checking';
    try {
      const checked = await checkFile(file, (done, total) => {
        if (this.current(run)) this.percent = total ? Math.floor((done / total) * 100) : 100;
      });
      if (!this.current(run)) return;
      if (checked.ok) {
        const here = await withStorage(repo, (r, db) => r.currentSummaries(db));
        if (!this.current(run)) return;
        this.#here = here;
        this.backup = checked.backup;
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

  /** Writes the checked backup in the chosen mode, after a snapshot of what is there now. */
  async write(): Promise<void> {
    const backup = this.backup;
    if (!backup || this.phase !== 'preview') return;
    this.phase = 'writing';
    this.percent = 0;
    try {
      this.result = await withStorage(repo, (r, db) =>
        r.importBackup(db, backup, this.mode, {
          now: nowStamp(),
          onProgress: (done, total) => {
            this.percent = total ? Math.floor((done / total) * 100) : 100;
          },
        }),
      );
      this.phase = 'done';
    } catch (error) {
      this.fail(error);
    }
  }

  protected clear(): void {
    this.problems = [];
    this.problemCount = 0;
    this.backup = undefined;
  }
}
