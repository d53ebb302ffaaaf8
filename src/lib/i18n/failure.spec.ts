import { describe, expect, it } from 'vitest';
import { en } from './en';
import { failureText, isCodeGone } from './failure';
import { translate } from './format';
import type { Issue } from '$lib/schema/issues';

/** An error as storage throws it (i18n may not import storage): its name and fields. */
const storageError = (name: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error('x'), { name, ...fields });

const i18n = {
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(en, key, params),
  issue: (issue: Issue) => `${issue.path}: ${translate(en, issue.message, issue.params)}`,
};

describe('failureText', () => {
  it('lists the fields and reasons of refused data', () => {
    const refused = Object.assign(new Error('Invalid plans record'), {
      issues: [{ path: 'organisation', message: 'error.tooShort', params: { minimum: 1 } }],
    });
    expect(failureText(refused, i18n)).toBe(
      `organisation: ${translate(en, 'error.tooShort', { minimum: 1 })}`,
    );
  });

  it('words the known failures in the user’s language, not the code’s', () => {
    const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
    expect(failureText(new Error('unavailable'), i18n)).toBe(en['failure.unavailable']);
    expect(failureText(named('WrongPlanError'), i18n)).toBe(en['failure.wrongPlan']);
    expect(failureText(named('PlanNotFoundError'), i18n)).toBe(en['failure.planGone']);
    expect(failureText(named('QuotaExceededError'), i18n)).toBe(en['failure.diskFull']);
    expect(failureText(named('StaleWriteError'), i18n)).toBe(en['failure.stale']);
  });

  it('says the app’s code is gone after an update elsewhere, in each engine’s wording', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://localhost/_app/immutable/chunks/x.js',
      'error loading dynamically imported module: http://localhost/x.js',
      'Importing a module script failed.',
    ]) {
      expect(isCodeGone(new TypeError(message))).toBe(true);
      expect(failureText(new TypeError(message), i18n)).toBe(en['failure.codeGone']);
    }
    expect(isCodeGone(new TypeError('Failed to fetch'))).toBe(false);
    // A storage that could not open because its code was gone says the same.
    const gone = new TypeError('Failed to fetch dynamically imported module: x.js');
    const unavailable = Object.assign(new Error('Storage unavailable (failed)'), {
      name: 'StorageUnavailableError',
      state: 'failed',
      reason: gone,
    });
    expect(failureText(unavailable, i18n)).toBe(en['failure.codeGone']);
  });

  it('says the plan no longer exists for a missing loop as for a missing plan (the grid and the loop fields agree)', () => {
    expect(failureText(storageError('LoopNotFoundError'), i18n)).toBe(en['failure.planGone']);
    expect(failureText(storageError('PlanNotFoundError'), i18n)).toBe(en['failure.planGone']);
  });

  it('says the data was deleted when another tab deleted the database, and unavailable otherwise', () => {
    const unavailable = (state: string) => storageError('StorageUnavailableError', { state });
    expect(failureText(unavailable('deleted'), i18n)).toBe(en['failure.dbDeleted']);
    for (const state of ['outdated', 'blocked', 'newer', 'failed', 'opening'])
      expect(failureText(unavailable(state), i18n)).toBe(en['failure.unavailable']);
    // Dexie's error for a connection this tab closed (another tab upgraded or deleted it).
    const closed = Object.assign(new Error('Database has been closed'), {
      name: 'DatabaseClosedError',
    });
    expect(failureText(closed, i18n)).toBe(en['failure.unavailable']);
  });

  it('recognises a full disk inside the AbortError Dexie wraps it in', () => {
    // Dexie's shape: an AbortError whose message names the cause and whose `inner` holds it.
    const quota = Object.assign(new Error('The quota has been exceeded.'), {
      name: 'QuotaExceededError',
    });
    const wrapped = Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), {
      name: 'AbortError',
      inner: quota,
    });
    expect(failureText(wrapped, i18n)).toBe(en['failure.diskFull']);
    // Only the inner error names it, or only the message: still a full disk.
    const inner = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota,
    });
    expect(failureText(inner, i18n)).toBe(en['failure.diskFull']);
    const worded = Object.assign(new Error('QuotaExceededError'), { name: 'AbortError' });
    expect(failureText(worded, i18n)).toBe(en['failure.diskFull']);
  });

  it('keeps the browser’s name and message for anything unexpected', () => {
    const odd = Object.assign(new Error('The transaction was aborted'), { name: 'AbortError' });
    expect(failureText(odd, i18n)).toBe(
      'unexpected error (AbortError: The transaction was aborted)',
    );
    expect(failureText('boom', i18n)).toBe('unexpected error (boom)');
  });
});
