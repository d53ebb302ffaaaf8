import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftKeys, dropDraft, keepDraft, readDraft } from './drafts';

/** localStorage as the browser has it (Node has none). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('drafts', () => {
  it('keeps what was typed with the text it was typed over, until it is dropped', () => {
    keepDraft('loop-1.strategy', 'Focus on nurses', '');
    expect(readDraft('loop-1.strategy')).toEqual({
      text: 'Focus on nurses',
      base: '',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    keepDraft('loop-1.strategy', 'Focus on nurses at night', '');
    expect(readDraft('loop-1.strategy')?.text).toBe('Focus on nurses at night');
    dropDraft('loop-1.strategy');
    expect(readDraft('loop-1.strategy')).toBeUndefined();
  });

  it('lists the drafts of one prefix only', () => {
    keepDraft('plan-a.cell.k1|2026-01-01|2026-02-28', '111', '');
    keepDraft('plan-a.cell.k2|2026-01-01|2026-02-28', '5', '4');
    keepDraft('plan-b.cell.k1|2026-01-01|2026-02-28', '9', '');
    localStorage.setItem('talentloop.locale', 'nl');
    expect(draftKeys('plan-a.cell.').sort()).toEqual([
      'plan-a.cell.k1|2026-01-01|2026-02-28',
      'plan-a.cell.k2|2026-01-01|2026-02-28',
    ]);
  });

  it('drops a damaged draft instead of failing', () => {
    localStorage.setItem('talentloop.draft.x', '{"text": 5}');
    expect(readDraft('x')).toBeUndefined();
    expect(localStorage.getItem('talentloop.draft.x')).toBeNull();
    localStorage.setItem('talentloop.draft.y', 'not json');
    expect(readDraft('y')).toBeUndefined();
  });

  it('keeps nothing, without failing, when localStorage is full', () => {
    vi.stubGlobal('localStorage', {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(() => keepDraft('x', 'text', '')).not.toThrow();
    expect(readDraft('x')).toBeUndefined();
  });
});
