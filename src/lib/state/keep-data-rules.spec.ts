import { describe, expect, it } from 'vitest';
import {
  hiddenUntil,
  isWebKit,
  keepDataNotice,
  parseHiddenUntil,
  type KeepDataFacts,
} from './keep-data-rules';

const NOW = '2026-03-01T10:00:00.000Z';
const facts = (over: Partial<KeepDataFacts>): KeepDataFacts => ({
  answer: false,
  webKit: false,
  standalone: false,
  hiddenUntil: null,
  now: NOW,
  ...over,
});

describe('isWebKit', () => {
  it('is true for the vendor WebKit reports (Safari, and every browser on iPhone and iPad)', () => {
    expect(isWebKit('Apple Computer, Inc.')).toBe(true);
  });

  it('is false for Chromium, Firefox and a browser that says nothing', () => {
    expect(isWebKit('Google Inc.')).toBe(false);
    expect(isWebKit('')).toBe(false);
    expect(isWebKit(undefined)).toBe(false);
  });
});

describe('keepDataNotice', () => {
  it('says nothing before the first write asked the browser', () => {
    expect(keepDataNotice(facts({ answer: undefined }))).toBeNull();
    expect(keepDataNotice(facts({ answer: undefined, webKit: true }))).toBeNull();
  });

  it('shows a refusal, and nothing when the browser keeps the data or cannot say', () => {
    expect(keepDataNotice(facts({ answer: false }))).toBe('refused');
    expect(keepDataNotice(facts({ answer: true }))).toBeNull();
    expect(keepDataNotice(facts({ answer: null }))).toBeNull();
  });

  it('shows Safari’s 7-day rule in a Safari tab whatever the answer, not in the installed app', () => {
    for (const answer of [true, false, null])
      expect(keepDataNotice(facts({ answer, webKit: true }))).toBe('safari');
    expect(keepDataNotice(facts({ answer: true, webKit: true, standalone: true }))).toBeNull();
    // The installed app on a Mac or iPhone can still be refused space for good.
    expect(keepDataNotice(facts({ answer: false, webKit: true, standalone: true }))).toBe(
      'refused',
    );
  });

  it('stays away while hidden, and comes back when that time is over', () => {
    const until = hiddenUntil(NOW);
    expect(keepDataNotice(facts({ hiddenUntil: until }))).toBeNull();
    expect(keepDataNotice(facts({ hiddenUntil: until, webKit: true }))).toBeNull();
    expect(keepDataNotice(facts({ hiddenUntil: until, now: until }))).toBe('refused');
  });
});

describe('hidden time', () => {
  it('is 30 days from the moment of hiding', () => {
    expect(hiddenUntil(NOW)).toBe('2026-03-31T10:00:00.000Z');
    expect(hiddenUntil(NOW, 1)).toBe('2026-03-02T10:00:00.000Z');
  });

  it('reads a stored timestamp, and takes anything else as not hidden', () => {
    expect(parseHiddenUntil('2026-03-31T10:00:00.000Z')).toBe('2026-03-31T10:00:00.000Z');
    expect(parseHiddenUntil(null)).toBeNull();
    expect(parseHiddenUntil('forever')).toBeNull();
    expect(parseHiddenUntil('2026-02-31T10:00:00.000Z')).toBeNull();
  });
});
