/**
 * Unsaved input kept synchronously in localStorage on every keystroke, per field, until the
 * field's save is confirmed: an IndexedDB write started as the tab closes often never commits,
 * a localStorage write has already happened. On the next open the field finds its draft and
 * saves it (or, when the stored value changed meanwhile, lets the user choose).
 */
export type Draft = {
  /** What the user typed. */
  text: string;
  /** The stored value the edit started from (a cell's text as shown, a field's text). */
  base: string;
  /** When it was typed (ISO). */
  at: string;
};

const PREFIX = 'talentloop.draft.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Keeps what was typed; a full or unavailable localStorage keeps nothing (the save still runs). */
export function keepDraft(key: string, text: string, base: string): void {
  const draft: Draft = { text, base, at: new Date().toISOString() };
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Out of space: the autosave is the only copy, as before.
  }
}

/** The draft kept for `key`, if any (a damaged one is dropped). */
export function readDraft(key: string): Draft | undefined {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Draft).text === 'string' &&
      typeof (parsed as Draft).base === 'string' &&
      typeof (parsed as Draft).at === 'string'
    )
      return parsed as Draft;
  } catch {
    // falls through: not a draft this app wrote
  }
  dropDraft(key);
  return undefined;
}

/**
 * Forgets the draft once its text is stored (or the user chose the stored one). With `text`,
 * only a draft of that text: another tab may have kept its own draft of the same field since.
 */
export function dropDraft(key: string, text?: string): void {
  try {
    if (text !== undefined && readDraft(key)?.text !== text) return;
    storage()?.removeItem(PREFIX + key);
  } catch {
    // nothing kept, nothing to drop
  }
}

/**
 * After a confirmed save: the draft is dropped, except while the page is hidden or closing —
 * then another tab (or the next visit) may already be reading the plan from before this save
 * committed, and finds the draft to save again (a repeat of the same text is no clash).
 */
export function savedDraft(key: string, text: string): void {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
  dropDraft(key, text);
}

/** The keys of the drafts whose key starts with `prefix` (e.g. one plan's cells). */
export function draftKeys(prefix: string): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX + prefix)) keys.push(key.slice(PREFIX.length));
  }
  return keys;
}
