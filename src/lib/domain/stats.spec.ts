import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptanceInterval,
  binomialTestPValue,
  compareCounts,
  compareProportions,
  erfc,
  logGamma,
} from './stats';

/** Exact binomial probabilities with BigInt, to check the floating-point code by hand. */
function exactPmf(k: number, n: number, num: number, den: number): number {
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - i + 1)) / BigInt(i);
  const top = c * BigInt(num) ** BigInt(k) * BigInt(den - num) ** BigInt(n - k);
  const bottom = BigInt(den) ** BigInt(n);
  return Number((top * 10n ** 18n) / bottom) / 1e18;
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [11, Math.log(3628800)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
  ])('ln Γ(%d)', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });
});

describe('binomialTestPValue', () => {
  it('matches a two-sided tail checked by hand: 3 of 10 at p = 0.5 gives 352/1024', () => {
    expect(binomialTestPValue(3, 10, 0.5)).toBeCloseTo(0.34375, 12);
    expect(binomialTestPValue(7, 10, 0.5)).toBeCloseTo(0.34375, 12);
  });

  it('matches an exact sum for an asymmetric case (2 of 12 at p = 0.4)', () => {
    // P(X = k) for k = 0..12; two-sided: every outcome no more likely than P(X = 2).
    const pmf = Array.from({ length: 13 }, (_, k) => exactPmf(k, 12, 2, 5));
    const d = pmf[2]!;
    const expected = pmf.filter((p) => p <= d * (1 + 1e-7)).reduce((a, b) => a + b, 0);
    expect(binomialTestPValue(2, 12, 0.4)).toBeCloseTo(expected, 10);
  });

  it('is 1 at the expected value and never above 1', () => {
    expect(binomialTestPValue(5, 10, 0.5)).toBe(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(),
        (n, p, seed) => {
          const x = seed % (n + 1);
          const value = binomialTestPValue(x, n, p);
          return value >= 0 && value <= 1; // far tails underflow to 0, never NaN
        },
      ),
    );
  });
});

describe('compareCounts', () => {
  it("reproduces R's poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))", () => {
    const result = compareCounts(11, 800, 6 + 8 + 7, 1083 + 1050 + 878);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Number(result.value.pValue.toPrecision(4))).toBe(0.07967);
    expect(Number(result.value.rateRatio!.toPrecision(4))).toBe(1.971);
    expect(result.value.label).toBe('couldBeChance');
  });

  it('calls a big jump over equal periods probably real, and keeps it in the normal range otherwise', () => {
    const jump = compareCounts(40, 61, 12, 61);
    expect(jump.ok && jump.value.label).toBe('probablyReal');
    const small = compareCounts(19, 61, 12, 61);
    expect(small.ok && small.value.label).toBe('couldBeChance');
    if (small.ok) {
      const [lo, hi] = small.value.normalRange;
      expect(lo).toBeLessThanOrEqual(19);
      expect(hi).toBeGreaterThanOrEqual(19);
    }
  });

  it('says too little data for very small totals', () => {
    const result = compareCounts(3, 30, 1, 30);
    expect(result.ok && result.value.label).toBe('tooLittleData');
  });

  it('gives no rate ratio (never Infinity) against a zero reference', () => {
    const result = compareCounts(12, 30, 0, 30);
    expect(result.ok && result.value.rateRatio).toBeNull();
  });

  it.each([
    [-1, 'negativeCount'],
    [Number.NaN, 'notFinite'],
    [2.5, 'notACount'],
  ])('refuses %s as a count with a typed error', (bad, code) => {
    const result = compareCounts(bad, 30, 4, 30);
    expect(result).toMatchObject({ ok: false, error: { code, field: 'current' } });
  });

  it('has a normal range whose outcomes all test as "could be chance"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 300 }), fc.integer({ min: 10, max: 300 }), (a, b) => {
        const total = a + b;
        const [lo, hi] = acceptanceInterval(total, 0.5);
        return (
          binomialTestPValue(lo, total, 0.5) >= 0.05 &&
          binomialTestPValue(hi, total, 0.5) >= 0.05 &&
          (lo === 0 || binomialTestPValue(lo - 1, total, 0.5) < 0.05) &&
          (hi === total || binomialTestPValue(hi + 1, total, 0.5) < 0.05)
        );
      }),
    );
  });
});

describe('compareProportions', () => {
  it('matches the Yates-corrected chi-squared of prop.test(c(15, 25), c(50, 50))', () => {
    // By hand: (|0.3 − 0.5| − 0.5·(1/50 + 1/50))² / (0.4·0.6·(2/50)) = 0.0324 / 0.0096 = 3.375.
    const result = compareProportions(15, 50, 25, 50);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.chiSquared).toBeCloseTo(3.375, 10);
    expect(result.value.pValue).toBeCloseTo(erfc(Math.sqrt(3.375 / 2)), 12);
    expect(Number(result.value.pValue.toPrecision(3))).toBe(0.0662);
    expect(result.value.label).toBe('couldBeChance');
  });

  it('says too little data when an expected cell is below 5', () => {
    const result = compareProportions(1, 20, 3, 20);
    expect(result.ok && result.value.label).toBe('tooLittleData');
  });
});

describe('erfc', () => {
  it.each([
    [0, 1],
    [1, 0.157299207],
    [2, 0.004677735],
    [-1, 1.842700793],
  ])('erfc(%d)', (x, expected) => {
    expect(erfc(x)).toBeCloseTo(expected, 6);
  });
});

describe('compareCounts: the chance range a user reads', () => {
  it('is the reference scaled to the current length, give or take chance', () => {
    // 12 hires before, equal lengths: 12 ± 1.96·√(12·2) = 12 ± 9.6 → 3–21.
    const same = compareCounts(14, 61, 12, 61);
    if (!same.ok) throw new Error('expected a comparison');
    expect(same.value.chanceRange).toEqual([3, 21]);
    expect(same.value.label).toBe('couldBeChance');
    // A twice as long current period doubles the expectation: 24 ± 1.96·√(24·3) → 8–40.
    const longer = compareCounts(30, 120, 12, 60);
    if (!longer.ok) throw new Error('expected a comparison');
    expect(longer.value.chanceRange).toEqual([8, 40]);
  });

  it('puts a clearly real change outside the range', () => {
    const big = compareCounts(148_000, 61, 214_000, 59);
    if (!big.ok) throw new Error('expected a comparison');
    const [low, high] = big.value.chanceRange;
    expect(big.value.label).toBe('probablyReal');
    expect(148_000 < low).toBe(true);
    expect(low).toBeGreaterThan(219_000);
    expect(high).toBeLessThan(224_000);
  });
});
