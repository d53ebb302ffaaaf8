import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  otherNotation,
  formatNumberForInput,
  parseLocaleNumber,
  splitPastedBlock,
  splitPastedColumn,
} from './numbers';
import type { DomainErrorCode } from './result';

const value = (input: string, locale: 'nl' | 'en') => {
  const result = parseLocaleNumber(input, locale);
  return result.ok ? result.value : result.error.code;
};

describe('parseLocaleNumber in Dutch', () => {
  it.each([
    ['1.200,5', 1200.5],
    ['1200,5', 1200.5],
    ['-3,25', -3.25],
    ['1.234.567', 1234567],
    ['1.200', 1200],
    ['1.234.567,891', 1234567.891],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['0,25', 0.25],
    [',5', 0.5],
    ['-,5', -0.5],
    ['1,200', 1.2],
    ['1,2345', 1.2345],
    ['+4', 4],
    ['\u22123,5', -3.5],
    ['  42  ', 42],
    ['1 200', 1200],
    ['1 200,5', 1200.5],
    ['1\u00a0200\u00a0000', 1200000],
    ['1\u202f200,75', 1200.75],
    ['12,5%', 12.5],
    ['12,5 %', 12.5],
    ['-0,5%', -0.5],
    ['€ 1.200,50', 1200.5],
    ['€1.200,50', 1200.5],
    ['1.200,50 €', 1200.5],
    ['-€ 12,50', -12.5],
    ['€ -12,50', -12.5],
    ['EUR 1.200', 1200],
    ['EUR1200', 1200],
    ['1200 EUR', 1200],
    ['$5', 5],
    ['£ 3,5', 3.5],
    ['1.000.000.000.000.000', 1e15],
    ['-1.000.000.000.000.000', -1e15],
  ])('reads %s as %d', (input, expected) => {
    expect(parseLocaleNumber(input, 'nl')).toEqual({ ok: true, value: expected });
  });

  it.each<[string, DomainErrorCode]>([
    ['', 'emptyNumber'],
    ['   ', 'emptyNumber'],
    ['\u00a0', 'emptyNumber'],
    ['1.5', 'wrongDecimalSeparator'],
    ['1200.5', 'wrongDecimalSeparator'],
    ['0.25', 'wrongDecimalSeparator'],
    ['.5', 'wrongDecimalSeparator'],
    ['1.2345', 'wrongDecimalSeparator'],
    ['1,200.5', 'wrongDecimalSeparator'],
    ['1 200.5', 'wrongDecimalSeparator'],
    ['€ 12.50', 'wrongDecimalSeparator'],
    ['1.2.3', 'notANumber'],
    ['12.34.567', 'notANumber'],
    ['1234.567', 'wrongDecimalSeparator'],
    ['1.200.5', 'notANumber'],
    ['1,2,3', 'notANumber'],
    ['1,2.5', 'notANumber'],
    ['1..200', 'notANumber'],
    ['1.', 'notANumber'],
    ['1,', 'notANumber'],
    ['1  200', 'notANumber'],
    ['1 200.000', 'wrongDecimalSeparator'],
    ['1,200 5', 'notANumber'],
    ['abc', 'notANumber'],
    ['12a', 'notANumber'],
    ['1e5', 'notANumber'],
    ['1E5', 'notANumber'],
    ['NaN', 'notANumber'],
    ['Infinity', 'notANumber'],
    ['-Infinity', 'notANumber'],
    ['0x10', 'notANumber'],
    ['-', 'notANumber'],
    ['+-5', 'notANumber'],
    ['--5', 'notANumber'],
    ['5-', 'notANumber'],
    ['%', 'notANumber'],
    ['5%%', 'notANumber'],
    ['€', 'notANumber'],
    ['EUR', 'notANumber'],
    ['€ 5 €', 'notANumber'],
    ['€ 5%', 'notANumber'],
    ['5 € %', 'notANumber'],
    ['eur 5', 'notANumber'],
    ['1\t2', 'notANumber'],
    ['1.000.000.000.000.001', 'numberTooLarge'],
    ['-2.000.000.000.000.000', 'numberTooLarge'],
    ['1' + '0'.repeat(400), 'numberTooLarge'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseLocaleNumber(input, 'nl')).toEqual({
      ok: false,
      error: { code, field: 'value', value: input },
    });
  });
});

describe('parseLocaleNumber in English', () => {
  it.each([
    ['1,200.5', 1200.5],
    ['1200.5', 1200.5],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1,200', 1200],
    ['1,234,567', 1234567],
    ['1,234,567.891', 1234567.891],
    ['1.5', 1.5],
    ['1.200', 1.2],
    ['-3.25', -3.25],
    ['+4', 4],
    ['\u22123.5', -3.5],
    ['1 200', 1200],
    ['1\u00a0200.5', 1200.5],
    ['1\u202f200', 1200],
    ['12.5%', 12.5],
    ['$1,200.50', 1200.5],
    ['-$12.50', -12.5],
    ['$ -12.50', -12.5],
    ['£3.5', 3.5],
    ['1,200 €', 1200],
    ['USD 99.99', 99.99],
    ['99.99 USD', 99.99],
    ['1,000,000,000,000,000', 1e15],
  ])('reads %s as %d', (input, expected) => {
    expect(parseLocaleNumber(input, 'en')).toEqual({ ok: true, value: expected });
  });

  it.each<[string, DomainErrorCode]>([
    ['', 'emptyNumber'],
    [' \t ', 'emptyNumber'],
    ['1,5', 'wrongDecimalSeparator'],
    ['1200,5', 'wrongDecimalSeparator'],
    ['0,25', 'wrongDecimalSeparator'],
    [',5', 'wrongDecimalSeparator'],
    ['1,2345', 'wrongDecimalSeparator'],
    ['1.200,5', 'wrongDecimalSeparator'],
    ['1 200,5', 'wrongDecimalSeparator'],
    ['12,5%', 'wrongDecimalSeparator'],
    ['12,34.5', 'notANumber'],
    ['1,2,3', 'notANumber'],
    ['1234,567', 'wrongDecimalSeparator'],
    ['1.2.3', 'notANumber'],
    ['1.2,5', 'notANumber'],
    ['1,200,5', 'notANumber'],
    ['1.', 'notANumber'],
    ['1,200 000', 'notANumber'],
    ['one', 'notANumber'],
    ['1e5', 'notANumber'],
    ['NaN', 'notANumber'],
    ['Infinity', 'notANumber'],
    ['$ 5 $', 'notANumber'],
    ['1,000,000,000,000,000.5', 'numberTooLarge'],
    ['99,999,999,999,999,999', 'numberTooLarge'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseLocaleNumber(input, 'en')).toEqual({
      ok: false,
      error: { code, field: 'value', value: input },
    });
  });
});

describe('parseLocaleNumber across locales', () => {
  it('reads an unambiguous integer the same in both', () => {
    for (const input of ['0', '42', '-17', '1200', '1 234 567'])
      expect(value(input, 'nl')).toBe(value(input, 'en'));
  });

  it('reads the same grouped thousands as thousands in both notations', () => {
    expect(value('1.200', 'nl')).toBe(1200);
    expect(value('1,200', 'en')).toBe(1200);
  });

  it('never returns NaN or Infinity, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'0123456789.,-+ %€$£EUR\u00a0\u2212e'),
          maxLength: 24,
        }),
        fc.constantFrom('nl' as const, 'en' as const),
        (input, locale) => {
          const result = parseLocaleNumber(input, locale);
          return !result.ok || (Number.isFinite(result.value) && Math.abs(result.value) <= 1e15);
        },
      ),
    );
  });
});

describe('otherNotation', () => {
  it('gives the other language’s reading of a number that reads differently there', () => {
    expect(otherNotation('1.234', 'en')).toBe(1234);
    expect(otherNotation('1,234', 'en')).toBe(1.234);
    expect(otherNotation('1.234', 'nl')).toBe(1.234);
    expect(otherNotation('1,234', 'nl')).toBe(1234);
    expect(otherNotation('€ 12.500', 'en')).toBe(12500);
    expect(otherNotation('-4.386', 'en')).toBe(-4386);
  });

  it('is null for a number that reads the same, or not at all, in the other notation', () => {
    expect(otherNotation('1234', 'en')).toBeNull();
    expect(otherNotation('12.5', 'en')).toBeNull();
    expect(otherNotation('12,5', 'nl')).toBeNull();
    expect(otherNotation('1,234.5', 'en')).toBeNull();
    expect(otherNotation('1.234,5', 'nl')).toBeNull();
    expect(otherNotation('1.2345', 'en')).toBeNull();
    expect(otherNotation('abc', 'en')).toBeNull();
  });
});

describe('formatNumberForInput', () => {
  it.each([
    [1200.5, '1200,5', '1200.5'],
    [3, '3', '3'],
    [-0.25, '-0,25', '-0.25'],
    [0, '0', '0'],
    [-0, '0', '0'],
    [1234567.891, '1234567,891', '1234567.891'],
    [0.1 + 0.2, '0,3', '0.3'],
    [1 / 3, '0,333333', '0.333333'],
    [2.0000004, '2', '2'],
    [-0.0000001, '0', '0'],
    [1e15, '1000000000000000', '1000000000000000'],
    [1e21, '1000000000000000000000', '1000000000000000000000'],
    [Number.NaN, '', ''],
    [Number.POSITIVE_INFINITY, '', ''],
  ])('writes %d as %s (nl) and %s (en)', (input, nl, en) => {
    expect(formatNumberForInput(input, 'nl')).toBe(nl);
    expect(formatNumberForInput(input, 'en')).toBe(en);
  });

  it('writes a huge number so that parsing calls it too large, not garbage', () => {
    expect(value(formatNumberForInput(1e21, 'en'), 'en')).toBe('numberTooLarge');
  });

  it('round-trips every value with at most 6 decimals in both locales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('nl' as const, 'en' as const),
        (units, decimals, locale) => {
          const x = units / 10 ** decimals;
          const back = parseLocaleNumber(formatNumberForInput(x, locale), locale);
          return back.ok && back.value === x;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips any finite double up to 10¹⁵ to within rounding to 6 decimals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.constantFrom('nl' as const, 'en' as const),
        (x, locale) => {
          const back = parseLocaleNumber(formatNumberForInput(x, locale), locale);
          return back.ok && Math.abs(back.value - x) <= 5e-7 + Math.abs(x) * Number.EPSILON;
        },
      ),
    );
  });
});

describe('splitPastedColumn', () => {
  it.each([
    ['a\r\nb\r\nc\r\n', ['a', 'b', 'c']],
    ['a\nb\nc', ['a', 'b', 'c']],
    ['a\rb\r', ['a', 'b']],
    ['a\r\nb\nc\rd', ['a', 'b', 'c', 'd']],
    ['1.200,5\r\n\r\n3\r\n', ['1.200,5', '', '3']],
    ['1\r\n2\r\n\r\n', ['1', '2', '']],
    ['  12 \n\u00a03\u00a0\n', ['12', '3']],
    ['1\tx\ty\r\n\tz\r\n3\t\r\n', ['1', '', '3']],
    ['42', ['42']],
    ['', []],
    ['\n', ['']],
    ['\n\n', ['', '']],
  ])('splits %j into %j', (text, cells) => {
    expect(splitPastedColumn(text)).toEqual(cells);
  });

  it('feeds the parser: a pasted Excel column in Dutch', () => {
    const cells = splitPastedColumn('1.200,50\r\n€ 3,25\r\n12,5%\r\n\r\n');
    expect(cells.map((cell) => value(cell, 'nl'))).toEqual([1200.5, 3.25, 12.5, 'emptyNumber']);
  });
});

describe('splitPastedBlock', () => {
  it('splits a block from a spreadsheet into rows and cells', () => {
    expect(splitPastedBlock('1\t2\t3\r\n4\t\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
    expect(splitPastedBlock(' 1.200,5 \n7')).toEqual([['1.200,5'], ['7']]);
  });
});
