import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from './result';

describe('ok', () => {
  it('wraps a value', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(ok({ start: '2024-01-01', end: '2024-02-29' })).toEqual({
      ok: true,
      value: { start: '2024-01-01', end: '2024-02-29' },
    });
  });

  it('keeps falsy values as they are', () => {
    expect(ok(0)).toEqual({ ok: true, value: 0 });
    expect(ok(null)).toEqual({ ok: true, value: null });
    expect(ok('')).toEqual({ ok: true, value: '' });
  });

  it('keeps the very object it was given', () => {
    const value = { hires: 12 };
    const result = ok(value);
    expect(result.ok && result.value).toBe(value);
  });
});

describe('fail', () => {
  it('carries only the code when no field or value is given', () => {
    // Strict: no `field: undefined` or `value: undefined` keys either.
    expect(fail('invertedRange')).toStrictEqual({ ok: false, error: { code: 'invertedRange' } });
  });

  it('carries the field and the value as text', () => {
    expect(fail('invalidDate', 'firstLoopStart', '2024-02-30')).toEqual({
      ok: false,
      error: { code: 'invalidDate', field: 'firstLoopStart', value: '2024-02-30' },
    });
    expect(fail('invalidLoopIndex', 'loop', 10001)).toEqual({
      ok: false,
      error: { code: 'invalidLoopIndex', field: 'loop', value: '10001' },
    });
  });

  it('writes numbers the UI could not otherwise show as text', () => {
    expect(fail('notFinite', 'base', Number.POSITIVE_INFINITY)).toEqual({
      ok: false,
      error: { code: 'notFinite', field: 'base', value: 'Infinity' },
    });
    expect(fail('notFinite', 'base', Number.NaN)).toEqual({
      ok: false,
      error: { code: 'notFinite', field: 'base', value: 'NaN' },
    });
  });

  it('keeps a value of 0, false or null (only undefined is left out)', () => {
    expect(fail('invalidStep', 'step', 0)).toEqual({
      ok: false,
      error: { code: 'invalidStep', field: 'step', value: '0' },
    });
    expect(fail('notANumber', 'value', false)).toEqual({
      ok: false,
      error: { code: 'notANumber', field: 'value', value: 'false' },
    });
    expect(fail('emptyNumber', 'value', null)).toEqual({
      ok: false,
      error: { code: 'emptyNumber', field: 'value', value: 'null' },
    });
    expect(fail('emptyNumber', 'value', undefined)).toStrictEqual({
      ok: false,
      error: { code: 'emptyNumber', field: 'value' },
    });
  });

  it('leaves out an empty field name but keeps the value', () => {
    expect(fail('negativeCount', '', -3)).toStrictEqual({
      ok: false,
      error: { code: 'negativeCount', value: '-3' },
    });
  });

  it('can stand for a Result of any type', () => {
    const parse = (s: string): Result<number> =>
      /^\d+$/.test(s) ? ok(Number(s)) : fail('notANumber', 'input', s);
    expect(parse('12')).toEqual({ ok: true, value: 12 });
    const bad = parse('twelve');
    expect(bad.ok ? null : bad.error).toEqual({
      code: 'notANumber',
      field: 'input',
      value: 'twelve',
    });
  });
});
