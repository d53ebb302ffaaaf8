import type { Issue } from '$lib/schema/issues';
import type { MessageKey } from './keys';
import type { Params } from './format';

type Translator = {
  t: (key: MessageKey, params?: Params) => string;
  issue: (issue: Issue) => string;
};

/** Errors that mean the plan is gone: its row, or a loop (loops are only deleted with their plan). */
const GONE = new Set(['PlanNotFoundError', 'LoopNotFoundError']);

/**
 * Why a write failed, in the user's language: the fields and reasons of refused data, a
 * database that cannot be used (deleted in another tab, closed), a write that named another
 * plan's rows, a plan that no longer exists, a full disk, or, for anything unexpected, the
 * browser's own error name and message (the one thing that helps support).
 */
export function failureText(error: unknown, i18n: Translator): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues))
    return (error.issues as Issue[]).map(i18n.issue).join('; ');
  if (error instanceof Error) {
    // Before the storage's own states: a storage that failed to open for want of its code.
    if (isCodeGone(error)) return i18n.t('failure.codeGone');
    if (error.name === 'StorageUnavailableError' && 'state' in error && error.state === 'deleted')
      return i18n.t('failure.dbDeleted');
    if (
      error.message === 'unavailable' ||
      error.name === 'StorageUnavailableError' ||
      error.name === 'DatabaseClosedError'
    )
      return i18n.t('failure.unavailable');
    if (error.name === 'WrongPlanError') return i18n.t('failure.wrongPlan');
    if (GONE.has(error.name)) return i18n.t('failure.planGone');
    if (error.name === 'StaleWriteError') return i18n.t('failure.stale');
    if (isQuotaError(error)) return i18n.t('failure.diskFull');
    return i18n.t('failure.unexpected', { reason: `${error.name}: ${error.message}` });
  }
  return i18n.t('failure.unexpected', { reason: String(error) });
}

/**
 * Whether the browser refused the write for lack of space. Dexie reports a transaction the
 * quota aborted as an `AbortError` with the cause inside (`inner`), so the chain is followed.
 */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && message.includes('QuotaExceededError')) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether a part of the app's code could not be loaded: after an update accepted in another
 * tab, the old build's files are gone from the cache and the server. Each engine words it
 * differently (Chromium, Firefox, Safari).
 */
export function isCodeGone(error: unknown): boolean {
  // The storage gateway keeps the cause of a failed open as its `reason`.
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (
      /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
        e.message,
      )
    )
      return true;
    e = (e as { reason?: unknown }).reason ?? e.cause;
  }
  return false;
}
