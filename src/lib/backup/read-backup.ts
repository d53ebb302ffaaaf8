import { checkFile, type CheckProgress, type FileLike } from './check';
import {
  checkedBackup,
  CheckReceiver,
  type BackupRead,
  type CheckMessage,
  type CheckRequest,
  type NextRequest,
} from './check-messages';
import { MAX_BACKUP_BYTES } from './format';

/** The part of a Worker the check uses (a stand-in in unit tests). */
export type CheckWorker = {
  postMessage(request: CheckRequest | NextRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CheckMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
};

export type ReadOptions = {
  limit?: number;
  /** Stops the check (another file was chosen): the worker is ended, the promise rejects. */
  signal?: AbortSignal;
  /** Starts the worker; by default the module worker built from check.worker.ts. */
  startWorker?: () => CheckWorker;
};

const moduleWorker = (): CheckWorker =>
  new Worker(new URL('./check.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CheckWorker;

/**
 * Reads and checks a backup file in a Web Worker: reading, JSON parsing and every check run
 * there, and the page takes the checked rows as text, so it answers input and paints
 * progress throughout (check-messages.ts). Where no worker can run (unit tests in Node, or a
 * stand-in that is not a Blob) or its script cannot load (an old tab after an update removed
 * it), the same check runs on the page, pausing between chunks of rows.
 */
export function readBackupFile(
  file: FileLike,
  onProgress: CheckProgress = () => {},
  { limit = MAX_BACKUP_BYTES, signal, startWorker }: ReadOptions = {},
): Promise<BackupRead> {
  const onPage = async (): Promise<BackupRead> => {
    const checked = await checkFile(file, onProgress, limit);
    return checked.ok ? checkedBackup(checked.backup, checked.fromVersion) : checked;
  };
  const start =
    startWorker ??
    (typeof Worker === 'function' && typeof Blob === 'function' && file instanceof Blob
      ? moduleWorker
      : null);
  if (!start) return onPage();
  let worker: CheckWorker;
  try {
    worker = start();
  } catch {
    // A browser that refuses module workers here (a policy, an old engine).
    return onPage();
  }
  return new Promise<BackupRead>((resolve, reject) => {
    const receiver = new CheckReceiver(onProgress);
    let heard = false;
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      end();
      reject(signal?.reason ?? new DOMException('The check was stopped', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = (event) => {
      heard = true;
      try {
        const result = receiver.take(event.data);
        if (event.data.type === 'rows') worker.postMessage({ type: 'next' });
        if (!result) return;
        end();
        resolve(result);
      } catch (error) {
        end();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      // Not a word from it: its script did not load. The check runs here instead.
      if (!heard) onPage().then(resolve, reject);
      else reject(new Error(event.message || 'the backup check stopped'));
    };
    worker.onmessageerror = () => {
      end();
      reject(new Error('the backup check sent what the page could not read'));
    };
    worker.postMessage({ file, limit });
  });
}
