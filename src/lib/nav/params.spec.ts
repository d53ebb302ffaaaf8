import { describe, expect, it } from 'vitest';
import { planTarget } from './params';

const target = (query: string) => planTarget(new URLSearchParams(query));

describe('planTarget', () => {
  it('reads the plan id and loop number from the query string', () => {
    expect(target('id=abc&loop=3')).toEqual({ planId: 'abc', loop: 3 });
  });

  it('takes the first loop when the loop is missing, not a whole number, or below 1', () => {
    expect(target('id=abc')).toEqual({ planId: 'abc', loop: 1 });
    expect(target('id=abc&loop=x')).toEqual({ planId: 'abc', loop: 1 });
    expect(target('id=abc&loop=2.5')).toEqual({ planId: 'abc', loop: 1 });
    expect(target('id=abc&loop=0')).toEqual({ planId: 'abc', loop: 1 });
    expect(target('id=abc&loop=-4')).toEqual({ planId: 'abc', loop: 1 });
  });

  it('leaves the id empty when it is missing or not an id, so the page says not found', () => {
    expect(target('loop=2')).toEqual({ planId: '', loop: 2 });
    expect(target(`id=${'x'.repeat(65)}`)).toEqual({ planId: '', loop: 1 });
  });
});
