/**
 * Where a JSON text first breaks the grammar (RFC 8259), found by our own scan: current
 * Chromium's `JSON.parse` error names no position for many mistakes, Safari's never does.
 */
export type JsonSyntaxError = {
  /**
   * What is wrong: `end` the text stops before the JSON is complete (a cut-off file),
   * `openText` a text value runs into a line break (a missing closing quote), `unexpected` a
   * character that cannot stand where it is (a trailing comma, a stray letter, a semicolon).
   */
  reason: 'end' | 'openText' | 'unexpected';
  /** Offset of the character at fault (the text's length for `end`), in UTF-16 code units. */
  offset: number;
  /** 1-based line; `\n`, `\r\n` and a lone `\r` each end a line. */
  line: number;
  /** 1-based column on that line. */
  column: number;
  /** The unexpected character, or its code point (`U+0009`) when it cannot be shown. */
  char?: string;
};

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const ESCAPES = new Set([...'"\\/bfnrtu'].map((c) => c.charCodeAt(0)));
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A character as a message can show it: itself, or its code point when it is invisible. */
function shown(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  return code < 0x21 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : String.fromCodePoint(code);
}

/**
 * The first place where `text` is not valid JSON, or null when it is. One pass without
 * recursion, so deeply nested input cannot overflow the stack; JSON.parse rejects exactly
 * the texts this rejects, and V8 points at the same offset when it names one.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  /** The open arrays (`[`) and objects (`{`) around the current place. */
  const open: number[] = [];
  type State = 'value' | 'firstItem' | 'firstKey' | 'key' | 'after';
  let state: State = 'value';

  const error = (reason: JsonSyntaxError['reason'], at: number): JsonSyntaxError => ({
    reason,
    offset: at,
    ...lineAndColumn(text, at),
    ...(reason === 'unexpected' ? { char: shown(text, at) } : {}),
  });
  /** At a non-space character, or the end: the error for it. */
  const unexpected = () => (i >= n ? error('end', n) : error('unexpected', i));

  /** Moves past the string that starts at `i` (a `"`), or says why it is not one. */
  const string = (): JsonSyntaxError | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        i++;
        if (i >= n) break;
        if (!ESCAPES.has(text.charCodeAt(i))) return error('unexpected', i);
        if (text.charCodeAt(i) === 0x75)
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) return error('end', n);
            if (!isHex(text.charCodeAt(i))) return error('unexpected', i);
          }
      } else if (c < 0x20) {
        return error(c === 0x0a || c === 0x0d ? 'openText' : 'unexpected', i);
      }
      i++;
    }
    return error('end', n);
  };

  /** Moves past the number that starts at `i`: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  const number = (): JsonSyntaxError | null => {
    const digits = (): JsonSyntaxError | null => {
      if (!isDigit(text.charCodeAt(i))) return unexpected();
      while (isDigit(text.charCodeAt(i))) i++;
      return null;
    };
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else {
      const failed = digits();
      if (failed) return failed;
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      const failed = digits();
      if (failed) return failed;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      return digits();
    }
    return null;
  };

  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return state === 'after' && open.length === 0 ? null : error('end', n);
    const c = text.charCodeAt(i);
    let failed: JsonSyntaxError | null = null;
    switch (state) {
      case 'firstItem':
      case 'value':
        if (state === 'firstItem' && c === 0x5d) {
          open.pop();
          i++;
          state = 'after';
        } else if (c === 0x7b || c === 0x5b) {
          open.push(c);
          i++;
          state = c === 0x7b ? 'firstKey' : 'firstItem';
        } else if (c === 0x22) {
          failed = string();
          state = 'after';
        } else if (c === 0x2d || isDigit(c)) {
          failed = number();
          state = 'after';
        } else {
          const word = LITERALS[text[i]!];
          if (!word) return error('unexpected', i);
          for (let k = 0; k < word.length; k++, i++)
            if (text.charCodeAt(i) !== word.charCodeAt(k)) return unexpected();
          state = 'after';
        }
        break;
      case 'firstKey':
      case 'key':
        if (state === 'firstKey' && c === 0x7d) {
          open.pop();
          i++;
          state = 'after';
          break;
        }
        if (c !== 0x22) return error('unexpected', i);
        failed = string();
        if (failed) return failed;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== 0x3a) return unexpected();
        i++;
        state = 'value';
        break;
      case 'after': {
        const inside = open.at(-1);
        if (inside === undefined) return error('unexpected', i);
        if (c === 0x2c) state = inside === 0x7b ? 'key' : 'value';
        else if (c === (inside === 0x7b ? 0x7d : 0x5d)) open.pop();
        else return error('unexpected', i);
        i++;
        break;
      }
    }
    if (failed) return failed;
  }
}
