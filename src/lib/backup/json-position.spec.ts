import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-position';

const at = (text: string) => {
  const error = findJsonSyntaxError(text);
  return (
    error && { reason: error.reason, line: error.line, column: error.column, char: error.char }
  );
};

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON of every kind', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9\\"", {}]}\r\n',
      '"just text"',
      '-0.0E-0',
      '[[[[[[]]]]]]',
    ]) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('a trailing comma in an object or a list: the closing bracket is unexpected', () => {
    expect(at('{\n  "a": 1,\n}')).toEqual({ reason: 'unexpected', line: 3, column: 1, char: '}' });
    expect(at('[1, 2,]')).toEqual({ reason: 'unexpected', line: 1, column: 7, char: ']' });
  });

  it('a missing quote: a text that runs into the line break, or a word where a value belongs', () => {
    // "name: "Acme" — the text is closed early and Acme stands outside any quotes.
    expect(at('{\n "organisation": "Acme,\n "notes": ""\n}')).toEqual({
      reason: 'openText',
      line: 2,
      column: 24,
      char: undefined,
    });
    expect(at('{"name: "Acme"}')).toEqual({ reason: 'unexpected', line: 1, column: 10, char: 'A' });
    expect(at('{organisation: "Acme"}')).toEqual({
      reason: 'unexpected',
      line: 1,
      column: 2,
      char: 'o',
    });
  });

  it('a file cut off: the end of the text, at its last line and column', () => {
    expect(at('{"format": "talentloop-backup",\n"version": 1')).toEqual({
      reason: 'end',
      line: 2,
      column: 13,
      char: undefined,
    });
    expect(at('{"a": "unfinished')?.reason).toBe('end');
    expect(at('[tru')?.reason).toBe('end');
    expect(at('')).toEqual({ reason: 'end', line: 1, column: 1, char: undefined });
  });

  it('a byte order mark is a character JSON does not allow, named by its code point', () => {
    expect(at('\uFEFF{}')).toEqual({ reason: 'unexpected', line: 1, column: 1, char: 'U+FEFF' });
    expect(at('{"a":\t"x\ty"}')).toEqual({
      reason: 'unexpected',
      line: 1,
      column: 9,
      char: 'U+0009',
    });
  });

  it('counts lines ended by \\n, \\r\\n or a lone \\r', () => {
    expect(lineAndColumn('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
    expect(at('[\r\n1,\r\n2 3]')).toEqual({ reason: 'unexpected', line: 3, column: 3, char: '3' });
  });

  it('text after the end, a second value, a bad escape and a leading zero', () => {
    expect(at('{} x')).toMatchObject({ column: 4, char: 'x' });
    expect(at('"a\\x"')).toMatchObject({ column: 4, char: 'x' });
    expect(at('[01]')).toMatchObject({ column: 3, char: '1' });
    expect(at('Organisation;Loop\nAcme;1')).toMatchObject({ line: 1, column: 1, char: 'O' });
  });

  it('deeply nested input does not overflow the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(at(deep)).toMatchObject({ reason: 'end' });
  });

  it('refuses exactly what JSON.parse refuses, at the offset V8 names', () => {
    const broken = fc
      .tuple(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('delete', 'cut', 'insert'),
        fc.string({ maxLength: 3, unit: fc.constantFrom(...'{}[],:"\\ \n\tu0aeE.-+lnrst\u0001') }),
      )
      .map(([value, place, edit, inserted]) => {
        const text = JSON.stringify(value, null, place % 2 ? 1 : undefined) ?? '';
        const i = place % (text.length + 1);
        if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
        if (edit === 'cut') return text.slice(0, i);
        return text.slice(0, i) + inserted + text.slice(i);
      });
    fc.assert(
      fc.property(broken, (text) => {
        let message: string | null = null;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        const found = findJsonSyntaxError(text);
        expect(found === null).toBe(message === null);
        const position = message && /at position (\d+)/.exec(message);
        if (position) expect(found?.offset).toBe(Number(position[1]));
      }),
      { numRuns: 3000 },
    );
  });
});
