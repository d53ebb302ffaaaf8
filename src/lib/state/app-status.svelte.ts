import type { TalentloopDb } from '$lib/storage/db';
import type { StoredDataProblem } from '$lib/schema/issues';

export type DbState = 'opening' | 'ready' | 'outdated' | 'blocked' | 'newer' | 'failed';

/**
 * The health of the app's storage: whether the database is usable, and which stored records
 * were skipped because they failed validation. Start-up never throws; it reports here.
 */
class AppStatus {
  dbState = $state<DbState>('opening');
  dbError = $state('');
  problems = $state<StoredDataProblem[]>([]);
  problemsDismissed = $state(false);
  #opening: Promise<TalentloopDb | undefined> | undefined;

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
    if (this.dbState === 'outdated' || this.dbState === 'newer') return;
    this.dbState = 'failed';
    this.dbError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }

  /** Opens the database once; every caller gets it, or undefined when it cannot be used. */
  openDb(): Promise<TalentloopDb | undefined> {
    this.#opening ??= this.#open();
    return this.#opening.then((db) => (this.dbState === 'ready' ? db : undefined));
  }

  async #open(): Promise<TalentloopDb | undefined> {
    try {
      // Dexie is loaded after the first paint: the shell renders without waiting for it.
      const { getDb, onDbEvent } = await import('$lib/storage/db');
      onDbEvent((event) => {
        this.dbState = event;
      });
      const db = getDb();
      if ((await db.openUnlessNewer()) === 'newer') {
        this.dbState = 'newer';
        return undefined;
      }
      this.dbState = 'ready';
      return db;
    } catch (error) {
      if (error instanceof Error && error.name === 'VersionError') this.dbState = 'newer';
      else this.fail(error);
      return undefined;
    }
  }
}

export const appStatus = new AppStatus();
