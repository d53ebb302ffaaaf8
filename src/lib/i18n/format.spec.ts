import { describe, expect, it } from 'vitest';
import { interpolate, localeFromLanguage, placeholders } from './format';

describe('interpolate', () => {
  it('fills named placeholders', () => {
    expect(interpolate('{used} of {quota}', { used: '1 kB', quota: 2 })).toBe('1 kB of 2');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('Version {version}', {})).toBe('Version {version}');
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
