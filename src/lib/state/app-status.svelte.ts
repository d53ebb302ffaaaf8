import type { StoredDataProblem } from '$lib/schema/issues';
import type { TalentloopDb } from '$lib/storage/db';
import type { StorageStatus } from '$lib/storage/persistence';
import {
  onStorageStall,
  onStorageState,
  openStorage,
  STORAGE_TIMEOUT_MS,
  type StorageState,
  StorageUnavailableError,
} from '$lib/storage/gateway';

export type DbState = StorageState;

/**
 * The health of the app's storage, for the notices: whether the database is usable, whether
 * the browser's storage has not answered for long, and which stored records were skipped
 * because they failed validation. Start-up never throws; it reports here. The database
 * itself is opened by the storage gateway.
 */
class AppStatus {
  dbState = $state<DbState>('opening');
  dbError = $state('');
  /** A request to the browser's storage has waited longer than STORAGE_TIMEOUT_MS (and still waits). */
  stalled = $state(false);
  problems = $state<StoredDataProblem[]>([]);
  problemsDismissed = $state(false);

  constructor() {
    onStorageState((state, error) => {
      if (state === 'failed') this.fail(error);
      else this.dbState = state;
    });
    onStorageStall((stalled) => (this.stalled = stalled));
  }

  report(problems: StoredDataProblem[]): void {
    if (problems.length === 0) return;
    this.problems = [...this.problems, ...problems];
    this.problemsDismissed = false;
  }

  /**
   * Records a storage failure for the notice. When this tab was closed because another tab
   * upgraded or deleted the database, that explanation stays: the failure is its consequence.
   */
  fail(error: unknown): void {
    if (error instanceof StorageUnavailableError && error.state !== 'failed') return;
    if (this.dbState === 'outdated' || this.dbState === 'deleted' || this.dbState === 'newer')
      return;
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

/**
 * What `work` (something that waits for storage) gives, or `fallback()` once it has taken
 * longer than storage may (STORAGE_TIMEOUT_MS): for a page that must show, with the notice
 * that storage does not answer, rather than wait without end. `work` itself goes on.
 */
export async function notLongerThanStorage<T>(work: Promise<T>, fallback: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), STORAGE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
