import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatKpiNumberForInput, parseDuration, parseKpiNumber } from './duration';

const seconds = (input: string, locale: 'nl' | 'en') => {
  const result = parseDuration(input, locale);
  return result.ok ? result.value : result.error.code;
};

describe('parseDuration', () => {
  it.each([
    // As analytics tools show them: GA4 `1m 14s`, Universal Analytics and exports `00:01:14`.
    ['1:14', 74],
    ['01:14', 74],
    ['0:05', 5],
    ['75:00', 4500],
    ['1:02:03', 3723],
    ['00:01:14', 74],
    ['00:00:00', 0],
    ['1m 14s', 74],
    ['1m14s', 74],
    ['1M 14S', 74],
    ['74s', 74],
    ['74 s', 74],
    ['74', 74],
    ['  74  ', 74],
    ['2m', 120],
    ['1h 2m 3s', 3723],
    ['1h02m03s', 3723],
    ['1 min 14 sec', 74],
    ['1 min. 14 sec.', 74],
    ['2 minutes 5 seconds', 125],
    ['1 hour', 3600],
  ])('reads %j as %d seconds in English', (input, expected) => {
    expect(seconds(input, 'en')).toBe(expected);
  });

  it.each([
    ['1:14', 74],
    ['00:01:14', 74],
    ['1:14,5', 74.5],
    ['1 min 14 s', 74],
    ['1 minuut 14 seconden', 74],
    ['2 minuten', 120],
    ['1 uur 2 min', 3720],
    ['1u 2m 3s', 3723],
    ['1,5 min', 90],
    ['74,5', 74.5],
    ['1.200', 1200],
  ])('reads %j as %d seconds in Dutch', (input, expected) => {
    expect(seconds(input, 'nl')).toBe(expected);
  });

  it('reads decimals on the seconds in the notation of the language', () => {
    expect(seconds('1:14.5', 'en')).toBe(74.5);
    expect(seconds('1:14.5', 'nl')).toBe('wrongDecimalSeparator');
    expect(seconds('1:14,5', 'en')).toBe('wrongDecimalSeparator');
    expect(seconds('1,5 min', 'en')).toBe('wrongDecimalSeparator');
    expect(seconds('74.5', 'nl')).toBe('wrongDecimalSeparator');
  });

  it.each([
    ['1:75', 'durationPartOver59'],
    ['1:60', 'durationPartOver59'],
    ['1:60:00', 'durationPartOver59'],
    ['1:5', 'notADuration'],
    ['1:5:00', 'notADuration'],
    ['1::14', 'notADuration'],
    [':14', 'notADuration'],
    ['1:14:', 'notADuration'],
    ['1:02:03:04', 'notADuration'],
    ['-1:14', 'notADuration'],
    ['abc', 'notADuration'],
    ['14s 1m', 'notADuration'],
    ['1m 2m', 'notADuration'],
    ['1 week', 'notADuration'],
    ['1 constructor', 'notADuration'],
    ['1m 14', 'notADuration'],
    ['74 %', 'notADuration'],
    ['€74', 'notADuration'],
    ['', 'emptyNumber'],
    ['   ', 'emptyNumber'],
    ['1e99', 'notADuration'],
    ['99999999999999999:00', 'numberTooLarge'],
    ['999999999999999 h', 'numberTooLarge'],
  ])('refuses %j with %s', (input, code) => {
    expect(seconds(input, 'en')).toBe(code);
  });

  it('keeps the text as typed in its error, for the message', () => {
    expect(parseDuration(' 1:75 ', 'en')).toEqual({
      ok: false,
      error: { code: 'durationPartOver59', field: 'value', value: ' 1:75 ' },
    });
  });

  it('reads a negative number of seconds as such (the value check refuses it)', () => {
    expect(seconds('-5', 'en')).toBe(-5);
  });
});

describe('formatDuration', () => {
  it.each([
    [74, 'en', 0, '1:14'],
    [0, 'en', 0, '0:00'],
    [5, 'en', 0, '0:05'],
    [59.6, 'en', 0, '1:00'],
    [3723, 'en', 0, '1:02:03'],
    [4500, 'en', 0, '1:15:00'],
    [4.5, 'en', 1, '0:04.5'],
    [4.5, 'nl', 1, '0:04,5'],
    [4, 'nl', 1, '0:04'],
    [74.333333, 'nl', 6, '1:14,333333'],
    [-74, 'en', 0, '\u22121:14'],
    [-0.2, 'en', 0, '0:00'],
  ] as const)('writes %d s (%s, %d decimals) as %j', (value, locale, digits, expected) => {
    expect(formatDuration(value, locale, digits)).toBe(expected);
  });

  it('writes nothing for a value that is not finite', () => {
    expect(formatDuration(Number.NaN, 'en')).toBe('');
  });
});

describe('parseKpiNumber and formatKpiNumberForInput', () => {
  it('reads durations for duration KPIs and plain numbers for the rest', () => {
    expect(parseKpiNumber('1:14', 'duration', 'en')).toEqual({ ok: true, value: 74 });
    expect(parseKpiNumber('1:14', 'count', 'en')).toMatchObject({
      ok: false,
      error: { code: 'notANumber' },
    });
    expect(parseKpiNumber('1.200', 'count', 'nl')).toEqual({ ok: true, value: 1200 });
  });

  it('puts durations back as m:ss, other units as plain numbers', () => {
    expect(formatKpiNumberForInput(74, 'duration', 'en')).toBe('1:14');
    expect(formatKpiNumberForInput(81.4, 'duration', 'nl')).toBe('1:21,4');
    expect(formatKpiNumberForInput(1200.5, 'count', 'nl')).toBe('1200,5');
    expect(formatKpiNumberForInput(-3, 'duration', 'en')).toBe('-3');
  });

  it('gives money its cents, and keeps a value finer than a cent as it is', () => {
    expect(formatKpiNumberForInput(4386.2, 'currency', 'en')).toBe('4386.20');
    expect(formatKpiNumberForInput(4386.17, 'currency', 'nl')).toBe('4386,17');
    expect(formatKpiNumberForInput(4386, 'currency', 'en')).toBe('4386');
    expect(formatKpiNumberForInput(0.1 + 0.2, 'currency', 'en')).toBe('0.30');
    // A computed cost per hire of 1/3 euro reads back as the same value, not rounded away.
    expect(formatKpiNumberForInput(1 / 3, 'currency', 'en')).toBe('0.333333');
    expect(formatKpiNumberForInput(1200.5, 'count', 'en')).toBe('1200.5');
  });

  it('reads back every duration it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }).map((n) => n / 1000),
        fc.constantFrom('nl' as const, 'en' as const),
        (value, locale) => {
          const back = parseKpiNumber(
            formatKpiNumberForInput(value, 'duration', locale),
            'duration',
            locale,
          );
          expect(back.ok && Math.abs(back.value - value) < 1e-6).toBe(true);
        },
      ),
    );
  });
});
