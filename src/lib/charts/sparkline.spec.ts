import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
  it('puts the oldest value left and the highest value at the top', () => {
    const { runs, last } = sparkline([10, 30, 20], 104, 24, 2);
    expect(runs).toEqual(['2,22 52,2 102,12']);
    expect(last).toEqual({ x: 102, y: 12 });
  });

  it('breaks the line where a value is missing and marks no end without a last value', () => {
    const { runs, last } = sparkline([1, 2, null, 4, 5, null], 52, 10, 1);
    expect(runs).toHaveLength(2);
    expect(runs[0]?.split(' ')).toHaveLength(2);
    expect(runs[1]?.split(' ')).toHaveLength(2);
    expect(last).toBeNull();
  });

  it('draws a flat series through the middle and one value as a point', () => {
    expect(sparkline([5, 5, 5], 40, 20).runs).toEqual(['2,10 20,10 38,10']);
    expect(sparkline([7], 40, 20)).toEqual({ runs: ['20,10'], last: { x: 20, y: 10 } });
  });

  it('draws nothing without any value', () => {
    expect(sparkline([null, null], 40, 20)).toEqual({ runs: [], last: null });
  });
});
