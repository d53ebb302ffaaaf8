/** What Settings shows about this device's storage for Talentloop. */
export type StorageStatus = {
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
};

/** The browser's answer to the request: kept, refused, or null when it cannot say. */
export type PersistenceAnswer = boolean | null;

let asked = false;
let answer: PersistenceAnswer | undefined;
const listeners = new Set<(answer: PersistenceAnswer) => void>();

/**
 * Follows the answer to the request for persistent storage (the shell's notice shows a
 * refusal where the user works). Called at once when the answer is already known.
 */
export function onPersistenceAnswer(listener: (answer: PersistenceAnswer) => void): () => void {
  listeners.add(listener);
  if (answer !== undefined) listener(answer);
  return () => listeners.delete(listener);
}

async function ask(): Promise<PersistenceAnswer> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/**
 * Ask the browser once per page life to keep our data even under storage pressure.
 * Called by every kind of write (a plan, a value, a setting, a restore), when the user has
 * shown they keep data here. Browsers may grant or refuse silently; the answer goes to the
 * listeners (the shell's notice) and is visible in Settings.
 */
export async function requestPersistenceOnce(): Promise<PersistenceAnswer> {
  if (asked) return null;
  asked = true;
  answer = await ask();
  for (const listener of listeners) listener(answer);
  return answer;
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const status: StorageStatus = { persisted: null, usageBytes: null, quotaBytes: null };
  if (!storage) return status;
  try {
    if (storage.persisted) status.persisted = await storage.persisted();
    if (storage.estimate) {
      const estimate = await storage.estimate();
      status.usageBytes = estimate.usage ?? null;
      status.quotaBytes = estimate.quota ?? null;
    }
  } catch {
    // A browser that refuses to answer leaves the fields unknown; Settings says so.
  }
  return status;
}

/** For tests: allow the once-only request to run again. */
export function resetPersistenceRequestForTests(): void {
  asked = false;
  answer = undefined;
}
