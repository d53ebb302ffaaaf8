import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, partitionRows, rowKey } from './validate';

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
    const schema = z.object({ id: z.string(), n: z.number().default(1) });
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
