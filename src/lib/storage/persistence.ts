/** What Settings shows about this device's storage for Talentloop. */
export type StorageStatus = {
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
};

let asked = false;

/**
 * Ask the browser once per page life to keep our data even under storage pressure.
 * Called after the first write, when the user has shown they keep data here. Browsers may
 * grant or refuse silently; either way the outcome is visible in Settings.
 */
export async function requestPersistenceOnce(): Promise<boolean | null> {
  if (asked) return null;
  asked = true;
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
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
}
