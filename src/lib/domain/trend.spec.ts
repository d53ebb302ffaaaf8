import { describe, expect, it } from 'vitest';
import { mulberry32 } from './test-support';
import { erfc } from './stats';
import {
  brandTrend,
  mannKendall,
  MIN_CALLED_TREND_LOOPS,
  MIN_TREND_CHANGE,
  MIN_TREND_LOOPS,
  senSlope,
} from './trend';

/** All orderings of 0 … n − 1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

describe('mannKendall', () => {
  it('has exact p-values for 5 values, by hand from the Mahonian numbers', () => {
    // Permutations of 5 by inversions k = 0…10: 1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1 (of 120);
    // S = 10 − 2k, and p = P(|S| ≥ |s|) = 2·P(k ≤ (10 − |s|)/2).
    expect(mannKendall([1, 2, 3, 4, 5])).toMatchObject({ s: 10, tau: 1, method: 'exact' });
    expect(mannKendall([1, 2, 3, 4, 5]).pValue).toBeCloseTo(2 / 120, 12);
    expect(mannKendall([2, 1, 3, 4, 5]).pValue).toBeCloseTo((2 * 5) / 120, 12);
    expect(mannKendall([5, 4, 3, 1, 2])).toMatchObject({ s: -8, tau: -0.8 });
    expect(mannKendall([2, 1, 3, 5, 4]).pValue).toBeCloseTo((2 * 14) / 120, 12);
    expect(mannKendall([2, 5, 1, 4, 3]).pValue).toBe(1);
  });

  it("has R's exact values for 6 values (cor.test(method = 'kendall'): 0.002778, 0.01667)", () => {
    // Permutations of 6 by inversions: 1, 5, 14, 29, … of 720.
    expect(mannKendall([1, 2, 3, 4, 5, 6]).pValue).toBeCloseTo(2 / 720, 12);
    expect(mannKendall([1, 3, 2, 4, 5, 6]).pValue).toBeCloseTo(12 / 720, 12);
    expect(mannKendall([1, 3, 2, 4, 6, 5]).pValue).toBeCloseTo(40 / 720, 12);
  });

  it('matches counting all orderings for up to 7 values', () => {
    for (let n = 2; n <= 7; n++) {
      const all = permutations(n).map((p) => mannKendall(p).s);
      for (const order of permutations(n).slice(0, 40)) {
        const { s, pValue } = mannKendall(order);
        const asExtreme = all.filter((t) => Math.abs(t) >= Math.abs(s)).length;
        expect(pValue).toBeCloseTo(asExtreme / all.length, 12);
      }
    }
  });

  it('uses the tie-corrected normal approximation with ties', () => {
    // S = 9; Var(S) = (5·4·15 − 2·1·9)/18 = 282/18; z = (9 − 1)/√Var.
    const result = mannKendall([1, 2, 3, 4, 4]);
    expect(result).toMatchObject({ s: 9, method: 'normal' });
    expect(result.pValue).toBeCloseTo(erfc(8 / Math.sqrt(282 / 18) / Math.SQRT2), 12);
  });

  it('cannot go below 0.05 with 3 or 4 values, with or without ties', () => {
    let smallest = 1;
    for (const n of [3, 4])
      for (let code = 0; code < 4 ** n; code++) {
        const values = Array.from({ length: n }, (_, i) => Math.floor(code / 4 ** i) % 4);
        smallest = Math.min(smallest, mannKendall(values).pValue);
      }
    expect(smallest).toBeCloseTo(2 / 24, 12);
    expect(mannKendall([1, 2, 3, 4, 5]).pValue).toBeLessThan(0.05);
    expect(MIN_CALLED_TREND_LOOPS).toBe(5);
  });
});

describe('senSlope', () => {
  it('is the median of the pairwise slopes', () => {
    // Slopes: (2 − 1)/1 = 1, (10 − 1)/2 = 4.5, (10 − 2)/1 = 8.
    const points = [
      { t: 0, x: 1 },
      { t: 1, x: 2 },
      { t: 2, x: 10 },
    ];
    expect(senSlope(points)).toBe(4.5);
    expect(senSlope([{ t: 0, x: 1 }])).toBeNull();
  });
});

describe('brandTrend', () => {
  it(`needs ${MIN_TREND_LOOPS} loops with a value`, () => {
    expect(brandTrend([40, null, 42])).toEqual({ kind: 'tooFew', loops: 2 });
  });

  it('does not call 31.0 → 31.2 → 31.3 rising: three loops cannot show a trend', () => {
    const trend = brandTrend([31.0, 31.2, 31.3]);
    expect(trend).toMatchObject({ kind: 'noTrend', loops: 3, tau: 1 });
    if (trend.kind !== 'tooFew') expect(trend.pValue).toBeCloseTo(1 / 3, 12);
    expect(brandTrend([30, 32, 35, 38])).toMatchObject({ kind: 'noTrend', loops: 4 });
  });

  it('calls a clear rise over six loops rising, and a clear fall falling', () => {
    const rise = brandTrend([30, 32, 33, 35, 36, 38]);
    expect(rise).toMatchObject({ kind: 'rising', loops: 6, tau: 1 });
    if (rise.kind !== 'tooFew') {
      expect(rise.pValue).toBeCloseTo(2 / 720, 12);
      // Sen's slope: the median of the 15 pairwise slopes is 1.5 a loop, over 5 loops.
      expect(rise.change).toBeCloseTo(7.5, 12);
    }
    expect(brandTrend([50, 47, 45, 44, 41, 40])).toMatchObject({ kind: 'falling', loops: 6 });
    // The example plan's talent pool, loops 1–6.
    expect(brandTrend([420, 610, 680, 720, 745, 1_040])).toMatchObject({ kind: 'rising' });
  });

  it('does not call a consistent creep smaller than the minimum change', () => {
    // p = 2/720, but the change of 0.5 is 1.6 % of the level, under 5 %.
    const creep = brandTrend([31.0, 31.1, 31.2, 31.3, 31.4, 31.5]);
    expect(creep).toMatchObject({ kind: 'noTrend' });
    if (creep.kind !== 'tooFew') {
      expect(creep.pValue).toBeLessThan(0.05);
      expect(Math.abs(creep.change)).toBeLessThan(MIN_TREND_CHANGE * 31.25);
    }
  });

  it('keeps loops in their places when one has no value', () => {
    // Points at loops 0, 2, 3, 4, 5: S = 10 of 10 pairs (p = 2/120), slope 2 a loop over 5.
    const trend = brandTrend([30, null, 34, 36, 38, 40]);
    expect(trend).toMatchObject({ kind: 'rising', loops: 5 });
    if (trend.kind !== 'tooFew') expect(trend.change).toBeCloseTo(10, 12);
  });

  it('does not call a zigzag or one jump at the end a trend', () => {
    expect(brandTrend([30, 34, 30, 34, 30])).toMatchObject({ kind: 'noTrend', tau: 0 });
    // S = 3 of 15 pairs: tau 0.2, even though the last loop jumps.
    expect(brandTrend([40, 38, 39, 41, 37, 50])).toMatchObject({ kind: 'noTrend', tau: 0.2 });
  });

  it('calls a trend in at most 5 % of series of pure noise (none with 3 or 4 loops)', () => {
    const random = mulberry32(8);
    const noise = () => 30 * (1 + 0.1 * (random() + random() + random() - 1.5));
    for (const loops of [3, 4, 5, 6]) {
      let called = 0;
      const runs = 2_000;
      for (let i = 0; i < runs; i++) {
        const trend = brandTrend(Array.from({ length: loops }, noise));
        if (trend.kind === 'rising' || trend.kind === 'falling') called++;
      }
      expect(called / runs).toBeLessThanOrEqual(0.05);
      if (loops < MIN_CALLED_TREND_LOOPS) expect(called).toBe(0);
    }
  });
});
