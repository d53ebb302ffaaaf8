import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues } from './compare';

describe('compareValues', () => {
  it('reads direction: fewer days to hire is better', () => {
    expect(compareValues(30, 40, 'days', 'lower')).toMatchObject({
      absolute: -10,
      relative: -0.25,
      assessment: 'better',
    });
    expect(compareValues(19, 12, 'count', 'higher')).toMatchObject({
      absolute: 7,
      assessment: 'better',
    });
    expect(compareValues(3.1, 2.4, 'number', 'depends')).toMatchObject({ assessment: 'changed' });
  });

  it('changes percent KPIs in percentage points, never as a relative percentage', () => {
    const change = compareValues(4.5, 3, 'percent', 'higher');
    expect(change?.absolute).toBeCloseTo(1.5, 12);
    expect(change?.relative).toBeNull();
  });

  it('calls growth from zero "new", never +∞ %', () => {
    expect(compareValues(12, 0, 'count', 'higher')).toEqual({
      absolute: 12,
      relative: null,
      isNew: true,
      assessment: 'better',
    });
  });

  it('gives nothing without both values', () => {
    expect(compareValues(null, 3, 'count', 'higher')).toBeNull();
    expect(compareValues(3, Number.NaN, 'count', 'higher')).toBeNull();
  });

  it('is antisymmetric: swapping the periods negates the change and flips better and worse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom('higher', 'lower'),
        (a, b, direction) => {
          const ab = compareValues(a, b, 'count', direction);
          const ba = compareValues(b, a, 'count', direction);
          if (!ab || !ba) return false;
          const flipped = {
            better: 'worse',
            worse: 'better',
            unchanged: 'unchanged',
            changed: 'changed',
          }[ab.assessment];
          return ab.absolute === -ba.absolute && ba.assessment === flipped;
        },
      ),
    );
  });
});
