import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { describeIssues, partitionRows, rowKey } from './issues';

describe('describeIssues', () => {
  it('writes paths like plans[0].loops[3].start', () => {
    const schema = z.object({
      plans: z.array(z.object({ loops: z.array(z.object({ start: z.string() })) })),
    });
    const result = schema.safeParse({
      plans: [{ loops: [{ start: 'a' }, { start: 'b' }, { start: 'c' }, { start: 4 }] }],
    });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)[0]?.path).toBe('plans[0].loops[3].start');
  });
});

describe('partitionRows', () => {
  it('keeps valid rows with defaults applied and reports the rest by key', () => {
    const schema = z.object({ id: z.string(), n: z._default(z.number(), 1) });
    const { valid, problems } = partitionRows(
      [{ id: 'a' }, { id: 'b', n: 'x' }, null],
      schema,
      'things',
      rowKey,
    );
    expect(valid).toEqual([{ id: 'a', n: 1 }]);
    expect(problems.map((p) => [p.where, p.key])).toEqual([
      ['things', 'b'],
      ['things', '?'],
    ]);
  });
});

describe('issue reasons', () => {
  const reasons = (schema: z.ZodMiniType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) throw new Error('expected a failure');
    return describeIssues(result.error).map(({ message, params }) => ({ message, params }));
  };

  it('are our own message keys with parameters, for built-in and custom checks', () => {
    const schema = z.object({
      name: z.string().check(z.minLength(2)),
      count: z.int().check(z.maximum(5)),
      kind: z.enum(['a', 'b']),
      date: z.string().check(z.refine(() => false, { error: 'error.notADate' })),
    });
    expect(reasons(schema, { name: 'x', count: 9, kind: 'c', date: '' })).toEqual([
      { message: 'error.tooShort', params: { minimum: 2 } },
      { message: 'error.tooBig', params: { maximum: 5 } },
      { message: 'error.notAnOption', params: { options: 'a, b' } },
      { message: 'error.notADate', params: undefined },
    ]);
    expect(reasons(schema, {})[0]).toEqual({ message: 'error.missing', params: undefined });
    expect(reasons(z.strictObject({}), { extra: 1 })[0]).toEqual({
      message: 'error.unknownKeys',
      params: { keys: 'extra' },
    });
  });
});

describe('a message key on a built-in check', () => {
  it('wins over the generic reason for that check', () => {
    const schema = z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'error.notACurrency' }));
    const result = schema.safeParse('E1');
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)[0]?.message).toBe('error.notACurrency');
  });
});
