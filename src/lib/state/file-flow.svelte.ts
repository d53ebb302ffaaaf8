/**
 * What the backup import and the CSV import share: one chosen file at a time, its progress,
 * its result or failure. A newer file wins: the answer for an earlier one is dropped.
 */
export abstract class FileFlow<Phase extends string, Result> {
  phase = $state<Phase | 'idle' | 'failed'>('idle');
  fileName = $state('');
  fileSize = $state(0);
  /** How far reading, checking or writing got, 0–100. */
  percent = $state(0);
  result = $state.raw<Result | undefined>(undefined);
  failure = $state.raw<unknown>(undefined);
  #run = 0;

  /** Starts on a newly chosen file (forgetting the last one); returns its turn. */
  protected begin(file: { name: string; size: number }): number {
    const run = ++this.#run;
    this.reset();
    this.fileName = file.name;
    this.fileSize = file.size;
    return run;
  }

  /** Whether `run` is still the latest file chosen. */
  protected current(run: number): boolean {
    return run === this.#run;
  }

  /** Records a failure of the latest file (or of its write). */
  protected fail(error: unknown, run = this.#run): void {
    if (!this.current(run)) return;
    this.failure = error;
    this.phase = 'failed';
  }

  /** Forgets the file and everything read from it. */
  reset(): void {
    this.phase = 'idle';
    this.percent = 0;
    this.result = undefined;
    this.failure = undefined;
    this.clear();
  }

  /** Forgets what the subclass read from the file. */
  protected abstract clear(): void;
}
