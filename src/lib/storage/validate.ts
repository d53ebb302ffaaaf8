import type { z } from 'zod';

/** A stored record that did not pass its schema: skipped, never deleted, and reported. */
export type StoredDataProblem = {
  area: 'indexedDB' | 'localStorage';
  /** Table or storage key. */
  where: string;
  /** Primary key of the record, when it has one. */
  key: string;
  /** Each failing field with its (translatable) message. */
  issues: { path: string; message: string }[];
};

/** Flattens zod issues into `path: message` pairs, paths written like `loops[3].start`. */
export function describeIssues(error: z.ZodError): StoredDataProblem['issues'] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((part, i) =>
        typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
      )
      .join(''),
    message: issue.message,
  }));
}

/**
 * Splits rows read from storage into the ones that match `schema` (parsed, with defaults
 * applied) and a problem for every one that does not, so one bad record never hides the rest.
 */
export function partitionRows<S extends z.ZodType>(
  rows: readonly unknown[],
  schema: S,
  where: string,
  keyOf: (row: unknown) => string,
): { valid: z.infer<S>[]; problems: StoredDataProblem[] } {
  const valid: z.infer<S>[] = [];
  const problems: StoredDataProblem[] = [];
  for (const row of rows) {
    const result = schema.safeParse(row);
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
