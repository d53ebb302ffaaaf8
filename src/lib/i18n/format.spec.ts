import { describe, expect, it } from 'vitest';
import {
  hasPlural,
  interpolate,
  interpolateParts,
  isolate,
  localeFromLanguage,
  placeholders,
} from './format';

describe('interpolate', () => {
  it('fills named placeholders', () => {
    expect(interpolate('{used} of {quota}', { used: '1 kB', quota: 2 })).toBe('1 kB of 2');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('Version {version}', {})).toBe('Version {version}');
  });
});

describe('interpolate: plural forms', () => {
  const loops = '{n, plural, one {# loop} other {# loops}}';
  const dagen = '{n, plural, one {# dag} other {# dagen}}';

  it('picks the form by the language’s plural rules, never "1 loops"', () => {
    expect(interpolate(loops, { n: 1 }, 'en')).toBe('1 loop');
    expect(interpolate(loops, { n: 2 }, 'en')).toBe('2 loops');
    expect(interpolate(loops, { n: 0 }, 'en')).toBe('0 loops');
    expect(interpolate(dagen, { n: 1 }, 'nl')).toBe('1 dag');
    expect(interpolate(dagen, { n: 30 }, 'nl')).toBe('30 dagen');
  });

  it('treats a fraction as plural, as both languages do (1,5 dagen, 1.5 days)', () => {
    expect(interpolate(dagen, { n: 1.5 }, 'nl')).toBe('1,5 dagen');
    expect(interpolate('{n, plural, one {# day} other {# days}}', { n: 1.5 }, 'en')).toBe(
      '1.5 days',
    );
  });

  it('writes the count for # in the language’s number format', () => {
    expect(interpolate(dagen, { n: 1200 }, 'nl')).toBe('1.200 dagen');
    expect(interpolate(loops, { n: 1200 }, 'en')).toBe('1,200 loops');
  });

  it('prefers an exact match, fills placeholders inside a form, and allows two counts', () => {
    const times = '{count, plural, =1 {once} other {# times}}';
    expect(interpolate(times, { count: 1 }, 'en')).toBe('once');
    expect(interpolate(times, { count: 3 }, 'en')).toBe('3 times');
    expect(
      interpolate('{n, plural, one {{v} dag} other {{v} dagen}}', { n: 1, v: '1,0' }, 'nl'),
    ).toBe('1,0 dag');
    expect(
      interpolate(
        '{loops, plural, one {# loop} other {# loops}}, {rows, plural, one {# cijfer} other {# cijfers}}',
        { loops: 1, rows: 12 },
        'nl',
      ),
    ).toBe('1 loop, 12 cijfers');
  });

  it('reads a string of digits as a count; any other string takes the other form as it is', () => {
    expect(interpolate(loops, { n: '1' }, 'en')).toBe('1 loop');
    expect(interpolate(loops, { n: '1.5k' }, 'en')).toBe('1.5k loops');
  });

  it('leaves a plural whose count is missing visible', () => {
    expect(interpolate(`Over ${loops}.`, {}, 'en')).toBe(`Over ${loops}.`);
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
  it('lists names sorted, once each', () => {
    expect(placeholders('{b} and {a} and {a}')).toEqual(['a', 'b']);
  });

  it('includes a plural’s count and the placeholders inside its forms', () => {
    expect(placeholders('{n, plural, one {{v} dag} other {{v} dagen}} ({x})')).toEqual([
      'n',
      'v',
      'x',
    ]);
  });
});

describe('hasPlural', () => {
  it('tells whether a message chooses a plural form for a parameter', () => {
    expect(hasPlural('{n, plural, one {# loop} other {# loops}}', 'n')).toBe(true);
    expect(hasPlural('{n} loops', 'n')).toBe(false);
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
