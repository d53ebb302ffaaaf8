import type { StoredDataProblem } from '$lib/schema/issues';
import type { TalentloopDb } from '$lib/storage/db';
import type { StorageStatus } from '$lib/storage/persistence';
import {
  onStorageState,
  openStorage,
  type StorageState,
  StorageUnavailableError,
} from '$lib/storage/gateway';

export type DbState = StorageState;

/**
 * The health of the app's storage, for the notices: whether the database is usable, and which
 * stored records were skipped because they failed validation. Start-up never throws; it
 * reports here. The database itself is opened by the storage gateway.
 */
class AppStatus {
  dbState = $state<DbState>('opening');
  dbError = $state('');
  problems = $state<StoredDataProblem[]>([]);
  problemsDismissed = $state(false);

  constructor() {
    onStorageState((state, error) => {
      if (state === 'failed') this.fail(error);
      else this.dbState = state;
    });
  }

  report(problems: StoredDataProblem[]): void {
    if (problems.length === 0) return;
    this.problems = [...this.problems, ...problems];
    this.problemsDismissed = false;
  }

  /**
   * Records a storage failure for the notice. When this tab was closed because another tab
   * upgraded the database, that explanation stays: the failure is its consequence.
   */
  fail(error: unknown): void {
    if (error instanceof StorageUnavailableError && error.state !== 'failed') return;
    if (this.dbState === 'outdated' || this.dbState === 'newer') return;
    this.dbState = 'failed';
    this.dbError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }

  /** Whether the browser keeps the data (persistent storage) and how much space it uses. */
  async storageInfo(): Promise<StorageStatus> {
    await this.openDb();
    return (await import('$lib/storage/persistence')).storageStatus();
  }

  /** The database, or undefined when it cannot be used (the notice says why). */
  async openDb(): Promise<TalentloopDb | undefined> {
    try {
      return await openStorage();
    } catch {
      return undefined;
    }
  }
}

export const appStatus = new AppStatus();
