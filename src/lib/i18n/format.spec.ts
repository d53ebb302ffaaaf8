import { describe, expect, it } from 'vitest';
import { interpolate, interpolateParts, isolate, localeFromLanguage, placeholders } from './format';

describe('interpolate', () => {
  it('fills named placeholders', () => {
    expect(interpolate('{used} of {quota}', { used: '1 kB', quota: 2 })).toBe('1 kB of 2');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('Version {version}', {})).toBe('Version {version}');
  });
});

describe('interpolateParts', () => {
  it('splits a message into its own words and the filled values', () => {
    expect(interpolateParts('Why: {why}', { why: 'Budget \u200fmoved' })).toEqual([
      { text: 'Why: ', value: false },
      { text: 'Budget \u200fmoved', value: true },
    ]);
    expect(interpolateParts('{a} and {b}.', { a: 1, b: 'x' })).toEqual([
      { text: '1', value: true },
      { text: ' and ', value: false },
      { text: 'x', value: true },
      { text: '.', value: false },
    ]);
  });

  it('keeps an unknown placeholder as words, as interpolate does', () => {
    const parts = interpolateParts('Version {version} of {name}', { name: 'Talentloop' });
    expect(parts).toEqual([
      { text: 'Version {version} of ', value: false },
      { text: 'Talentloop', value: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(
      interpolate('Version {version} of {name}', { name: 'Talentloop' }),
    );
  });
});

describe('isolate', () => {
  it('wraps text in a first-strong isolate', () => {
    expect(isolate('De Linde')).toBe('\u2068De Linde\u2069');
  });
});

describe('placeholders', () => {
  it('lists names sorted', () => {
    expect(placeholders('{b} and {a}')).toEqual(['a', 'b']);
  });
});

describe('localeFromLanguage', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['NL', 'nl'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['fy-NL', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (language, locale) => {
    expect(localeFromLanguage(language)).toBe(locale);
  });
});
