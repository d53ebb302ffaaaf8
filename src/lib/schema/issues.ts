import type { z } from 'zod/mini';
import type { MessageKey } from '$lib/i18n/keys';

/** A stored record that did not pass its schema: skipped, never deleted, and reported. */
export type StoredDataProblem = {
  area: 'indexedDB' | 'localStorage';
  /** Table or storage key. */
  where: string;
  /** Primary key of the record, when it has one. */
  key: string;
  /** Each failing field with its reason, as a message key and its parameters. */
  issues: Issue[];
};

/** One failing field: where (`plans[0].loops[3].start`) and why, ready to translate. */
export type Issue = { path: string; message: MessageKey; params?: Record<string, string | number> };

const EXPECTED: Record<string, MessageKey> = {
  number: 'error.expectedNumber',
  int: 'error.expectedNumber',
  string: 'error.expectedText',
  boolean: 'error.expectedYesNo',
  array: 'error.expectedList',
  object: 'error.expectedRecord',
};

/**
 * A value of the wrong kind, said in the user's language ("expected a number", never the
 * code's type name).
 */
export function wrongType(expected: string): Pick<Issue, 'message' | 'params'> {
  return { message: EXPECTED[expected] ?? 'error.invalidType' };
}

/**
 * Our own translated reason for a zod issue. Schemas give custom checks a message key;
 * zod's built-in checks are mapped by their code, so no zod locale has to be shipped.
 */
function reason(issue: z.core.$ZodIssue): Pick<Issue, 'message' | 'params'> {
  // Our schemas' own checks carry a message key (`error.*`; see schema/common.ts).
  if (issue.message.startsWith('error.')) return { message: issue.message as MessageKey };
  switch (issue.code) {
    case 'invalid_type':
      // `input` is there when parsed with `reportInput`; without it a wrong type reads as missing.
      if (issue.input === undefined) return { message: 'error.missing' };
      // zod's number() refuses Infinity and NaN as a wrong type; say what is really wrong.
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return { message: 'error.notFinite' };
      return wrongType(issue.expected);
    case 'too_small':
      return issue.origin === 'string'
        ? { message: 'error.tooShort', params: { minimum: Number(issue.minimum) } }
        : issue.origin === 'array' || issue.origin === 'set'
          ? { message: 'error.tooFewItems', params: { minimum: Number(issue.minimum) } }
          : { message: 'error.tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { message: 'error.tooLong', params: { maximum: Number(issue.maximum) } }
        : issue.origin === 'array' || issue.origin === 'set'
          ? { message: 'error.tooManyItems', params: { maximum: Number(issue.maximum) } }
          : { message: 'error.tooBig', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return {
        message: 'error.notAnOption',
        params: { options: issue.values.map((v) => String(v)).join(', ') },
      };
    case 'unrecognized_keys':
      return { message: 'error.unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'invalid_format':
      return { message: 'error.invalidFormat' };
    default:
      return { message: 'error.invalidValue' };
  }
}

/** Flattens zod issues into `path: message` pairs, paths written like `loops[3].start`. */
export function describeIssues(error: z.core.$ZodError): StoredDataProblem['issues'] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((part, i) =>
        typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
      )
      .join(''),
    ...reason(issue),
  }));
}

/**
 * Splits rows read from storage into the ones that match `schema` (parsed, with defaults
 * applied) and a problem for every one that does not, so one bad record never hides the rest.
 */
export function partitionRows<S extends z.ZodMiniType>(
  rows: readonly unknown[],
  schema: S,
  where: string,
  keyOf: (row: unknown) => string,
): { valid: z.infer<S>[]; problems: StoredDataProblem[] } {
  const valid: z.infer<S>[] = [];
  const problems: StoredDataProblem[] = [];
  for (const row of rows) {
    const result = schema.safeParse(row, { reportInput: true });
    if (result.success) valid.push(result.data);
    else
      problems.push({
        area: 'indexedDB',
        where,
        key: keyOf(row),
        issues: describeIssues(result.error),
      });
  }
  return { valid, problems };
}

/** The primary key of an unknown row for messages: its `id` or `key`, else a placeholder. */
export function rowKey(row: unknown): string {
  if (row && typeof row === 'object') {
    const record = row as Record<string, unknown>;
    const key = record.id ?? record.key;
    if (typeof key === 'string' || typeof key === 'number') return String(key);
  }
  return '?';
}
