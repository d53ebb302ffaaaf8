import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from './test-support';
import {
  binomialTestPValue,
  compareCounts,
  compareProportions,
  countRange,
  dispersionFromHistory,
  erfc,
  EXACT_LIMIT,
  fdrThreshold,
  logGamma,
  POISSON,
  VOLUME_DEFAULT,
  VOLUME_DEFAULT_KAPPA,
  type CountModel,
} from './stats';

/** Exact binomial probabilities with BigInt, to check the floating-point code by hand. */
function exactPmf(k: number, n: number, num: number, den: number): number {
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - i + 1)) / BigInt(i);
  const top = c * BigInt(num) ** BigInt(k) * BigInt(den - num) ** BigInt(n - k);
  const bottom = BigInt(den) ** BigInt(n);
  return Number((top * 10n ** 18n) / bottom) / 1e18;
}

/** The p-value of a comparison that must succeed. */
function pOf(x: number, t1: number, r: number, t2: number, model?: CountModel, level?: number) {
  const result = compareCounts(x, t1, r, t2, model, level);
  if (!result.ok) throw new Error(result.error.code);
  return result.value.pValue;
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

  it('ends at once when the probabilities underflow (it used to loop for seconds)', () => {
    const start = performance.now();
    expect(binomialTestPValue(61, 1e8 + 61, 0.5)).toBe(0);
    expect(binomialTestPValue(1e8, 1e8 + 61, 0.5)).toBe(0);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('compareCounts', () => {
  it("reproduces R's poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))", () => {
    const result = compareCounts(11, 800, 6 + 8 + 7, 1083 + 1050 + 878);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Number(result.value.pValue.toPrecision(4))).toBe(0.07967);
    expect(Number(result.value.rateRatio!.toPrecision(4))).toBe(1.971);
    expect(result.value.expected).toBeCloseTo((21 * 800) / 3011, 12);
    expect(result.value.method).toBe('exact');
    expect(result.value.label).toBe('couldBeChance');
  });

  it('calls a big jump over equal periods probably real, and a small one chance', () => {
    const jump = compareCounts(40, 61, 12, 61);
    expect(jump.ok && jump.value.label).toBe('probablyReal');
    const small = compareCounts(19, 61, 12, 61);
    expect(small.ok && small.value.label).toBe('couldBeChance');
  });

  it('calls a change real exactly when its p-value is at most the level', () => {
    // 12 before, 25 now over equal lengths: p = 2·P(X ≥ 25 | n = 37) = 0.04703.
    expect(pOf(25, 61, 12, 61)).toBeCloseTo(0.04703102743951604, 10);
    const at = (level: number) => {
      const r = compareCounts(25, 61, 12, 61, POISSON, level);
      return r.ok && r.value.label;
    };
    expect(at(0.05)).toBe('probablyReal');
    expect(at(0.04703102743951604 + 1e-12)).toBe('probablyReal');
    expect(at(0.047)).toBe('couldBeChance');
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

  it('refuses a model or level out of range', () => {
    expect(compareCounts(4, 30, 4, 30, { phi: 0.5, kappa: 0 })).toMatchObject({
      ok: false,
      error: { field: 'phi' },
    });
    expect(compareCounts(4, 30, 4, 30, { phi: 1, kappa: -0.1 })).toMatchObject({
      ok: false,
      error: { field: 'kappa' },
    });
    expect(compareCounts(4, 30, 4, 30, POISSON, 0)).toMatchObject({
      ok: false,
      error: { field: 'level' },
    });
    expect(compareCounts(4, 0, 4, 30)).toMatchObject({
      ok: false,
      error: { field: 'currentDays' },
    });
  });

  it('above the exact limit uses the normal approximation, close to the exact test', () => {
    for (const [x, r, t1, t2] of [
      [10_300, 10_000, 61, 61],
      [9_400, 11_000, 28, 31],
      [5_230, 15_000, 20, 61],
    ] as const) {
      const result = compareCounts(x, t1, r, t2);
      if (!result.ok) throw new Error('expected a comparison');
      expect(x + r).toBeGreaterThan(EXACT_LIMIT);
      expect(result.value.method).toBe('normal');
      const exact = binomialTestPValue(x, x + r, t1 / (t1 + t2));
      expect(Math.abs(result.value.pValue - exact)).toBeLessThan(0.002 + 0.02 * exact);
    }
  });

  it('takes a volume as varying ±10 % from loop to loop by default', () => {
    // +1.25 % at 50,000 is "real" for counting noise alone, chance for a volume.
    const poisson = compareCounts(50_625, 61, 50_000, 61);
    const volume = compareCounts(50_625, 61, 50_000, 61, VOLUME_DEFAULT);
    expect(poisson.ok && poisson.value.label).toBe('probablyReal');
    expect(volume.ok && volume.value.label).toBe('couldBeChance');
    expect(VOLUME_DEFAULT).toEqual({ phi: 1, kappa: VOLUME_DEFAULT_KAPPA });
    // Var(D) = 2·(μ + κμ²) for equal lengths: a +30 % rise at 50,000 is z ≈ 0.3/0.163 = 1.84.
    const rise = compareCounts(65_000, 61, 50_000, 61, VOLUME_DEFAULT);
    expect(rise.ok && rise.value.label).toBe('couldBeChance');
    const more = compareCounts(70_000, 61, 50_000, 61, VOLUME_DEFAULT);
    expect(more.ok && more.value.label).toBe('probablyReal');
  });

  it('never calls a change more real when the model allows more noise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.constantFrom([61, 61], [28, 31], [20, 61], [61, 20]),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (x, r, [t1, t2], phi, kappa) =>
          pOf(x, t1, r, t2, { phi, kappa }) >= pOf(x, t1, r, t2, POISSON) &&
          pOf(x, t1, r, t2, { phi, kappa }) >= pOf(x, t1, r, t2, { phi, kappa: 0 }),
      ),
      { numRuns: 300 },
    );
  });

  it('never calls a count real while one further from the expectation is not', () => {
    // The raw exact p-value is not unimodal: with 18 events in 14 days before and 183 days
    // now, 379 tests as real (p = 0.0499) but 380 does not (p = 0.0501).
    const p = 183 / 197;
    expect(binomialTestPValue(379, 379 + 18, p)).toBeLessThan(0.05);
    expect(binomialTestPValue(380, 380 + 18, p)).toBeGreaterThan(0.05);
    // compareCounts takes the larger p-value further out, so 379 is not called real either.
    expect(pOf(379, 183, 18, 14)).toBe(binomialTestPValue(380, 380 + 18, p));
    expect(pOf(380, 183, 18, 14)).toBe(binomialTestPValue(380, 380 + 18, p));
  });

  it('takes under a millisecond for counts up to a billion', () => {
    for (const n of [1e6, 1e8, 1e9]) {
      const runs = 200;
      const start = performance.now();
      for (let i = 0; i < runs; i++) compareCounts(n + 61 * i, 61, n, 59);
      expect((performance.now() - start) / runs).toBeLessThan(1);
    }
    const slow = performance.now();
    const result = compareCounts(1.01e8, 61, 1e8, 61);
    expect(performance.now() - slow).toBeLessThan(5);
    expect(result.ok && result.value.label).toBe('probablyReal');
  });
});

describe('countRange: the counts the test would not call a change', () => {
  it('is worked out by hand for 12 events before over equal lengths', () => {
    // Given n = x + 12, x ~ Binomial(n, ½). Two-sided p: 3 → 0.0352, 4 → 0.0768 (1 + 16 + 120
    // + 560 + 1820 = 2517 of 2¹⁶, doubled), 24 → 0.0652, 25 → 0.0470.
    expect(countRange(12, 61, 61)).toEqual([4, 24]);
    expect(pOf(3, 61, 12, 61)).toBeCloseTo(0.03515625, 10);
    expect(pOf(4, 61, 12, 61)).toBeCloseTo((2 * 2517) / 65536, 10);
    expect(pOf(24, 61, 12, 61)).toBeCloseTo(0.06524533522315323, 10);
  });

  it('scales the reference to the current length', () => {
    const range = countRange(12, 120, 60);
    if (!range || range[1] === null) throw new Error('expected a range');
    expect(range[0]).toBeLessThan(24);
    expect(range[1]).toBeGreaterThan(24);
  });

  it('has no range against a reference of 0 or for refused input', () => {
    expect(countRange(0, 61, 61)).toBeNull();
    expect(countRange(-3, 61, 61)).toBeNull();
    expect(countRange(12, 0, 61)).toBeNull();
  });

  it('has no upper end when the model lets any rise be chance', () => {
    // κ = 1 (100 % variation between loops): the z of a rise never reaches 1.96.
    const range = countRange(1_000, 61, 61, { phi: 1, kappa: 1 });
    expect(range).not.toBeNull();
    expect(range![1]).toBeNull();
    expect(pOf(1e12, 61, 1_000, 61, { phi: 1, kappa: 1 })).toBeGreaterThan(0.05);
  });

  /** Whether x is inside a range from countRange. */
  const within = (range: [number, number | null] | null, x: number) =>
    range !== null && x >= range[0] && (range[1] === null || x <= range[1]);

  it('agrees with compareCounts for every count: references 0–60, several lengths and models', () => {
    const grid: [number, number, CountModel[]][] = [
      [61, 61, [POISSON, { phi: 1.5, kappa: 0 }, VOLUME_DEFAULT]],
      [28, 31, [POISSON, { phi: 1.5, kappa: 0 }, VOLUME_DEFAULT]],
      [31, 28, [POISSON, VOLUME_DEFAULT]],
      [20, 61, [POISSON, { phi: 1.5, kappa: 0 }, VOLUME_DEFAULT]],
      [61, 20, [POISSON, { phi: 1.5, kappa: 0 }, VOLUME_DEFAULT]],
      [14, 183, [POISSON]],
      // Here the raw exact p-value is not unimodal (see above): the envelope makes it so.
      [183, 14, [POISSON]],
    ];
    const wrong: string[] = [];
    for (const [t1, t2, models] of grid)
      for (const model of models)
        for (let r = 0; r <= 60; r++) {
          const range = countRange(r, t1, t2, model);
          if (r > 0 && range === null) wrong.push(`${r} ${t1}/${t2}: no range`);
          const top =
            range && range[1] !== null
              ? range[1] + Math.max(20, range[1] - range[0])
              : 3 * r * (t1 / t2) + 60;
          for (let x = 0; x <= top; x++)
            if (r > 0 && within(range, x) !== pOf(x, t1, r, t2, model) > 0.05)
              wrong.push(`${x} vs ${r} ${t1}/${t2} ${JSON.stringify(model)}`);
        }
    expect(wrong).toEqual([]);
  });

  it('agrees with compareCounts around its ends for big counts, at other levels too', () => {
    const wrong: string[] = [];
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(61), max: Math.log(1e6), noNaN: true }),
        fc.constantFrom([61, 61], [28, 31], [20, 61], [61, 20], [59, 62]),
        fc.constantFrom(POISSON, VOLUME_DEFAULT, { phi: 2, kappa: 0 }, { phi: 1.2, kappa: 0.05 }),
        fc.constantFrom(0.05, 0.01, 0.005),
        (logR, [t1, t2], model, level) => {
          const r = Math.round(Math.exp(logR));
          const range = countRange(r, t1, t2, model, level);
          if (!range || range[1] === null) return false;
          // Around both ends, and where the test switches from exact to normal.
          const xs = [range[0], range[1], EXACT_LIMIT - r].flatMap((c) =>
            Array.from({ length: 41 }, (_, i) => c - 20 + i).filter((x) => x >= 0),
          );
          for (const x of xs)
            if (within(range, x) !== pOf(x, t1, r, t2, model, level) > level)
              wrong.push(`${x} vs ${r} ${t1}/${t2} ${JSON.stringify(model)} ${level}`);
          return true;
        },
      ),
      { numRuns: 60, seed: 14 },
    );
    // References where the test switches from exact to normal near an end of the range.
    for (const r of [3_500, 4_850, 4_950, 5_000, 7_400, 9_990]) {
      const range = countRange(r, 61, 59);
      if (!range || range[1] === null) throw new Error('expected a range');
      for (const c of [range[0], range[1], EXACT_LIMIT - r])
        for (let x = Math.max(0, c - 30); x <= c + 30; x++)
          if (within(range, x) !== pOf(x, 61, r, 59) > 0.05) wrong.push(`${x} vs ${r} 61/59`);
    }
    expect(wrong).toEqual([]);
  });

  it('takes about a millisecond at most, for counts up to a billion', () => {
    for (const n of [1e6, 1e8, 1e9]) {
      const runs = 50;
      const start = performance.now();
      for (let i = 0; i < runs; i++) countRange(n + i, 61, 59, i % 2 ? VOLUME_DEFAULT : POISSON);
      expect((performance.now() - start) / runs).toBeLessThan(1);
    }
  });
});

describe('dispersionFromHistory', () => {
  it('keeps the defaults with fewer than three usable loops', () => {
    const few = [
      { count: 12, days: 61 },
      { count: 20, days: 0 },
      { count: 15, days: 59 },
    ];
    expect(dispersionFromHistory(few, 'events')).toEqual({
      model: POISSON,
      loops: 2,
      estimated: false,
    });
    expect(dispersionFromHistory(few, 'volume')).toEqual({
      model: { phi: 1, kappa: 0.01 },
      loops: 2,
      estimated: false,
    });
  });

  it('estimates extra variation of events from loop-to-loop changes, weighed against six of Poisson', () => {
    // Equal lengths, pairs (80,100), (100,120), (120,100): D = 20, 20, −20; μ_a + μ_b = 180,
    // 220, 220: φ̂ = 1200 / 620; phi = (3 · φ̂ + 6 · 1) / (3 + 6).
    const history = [80, 100, 120, 100].map((count) => ({ count, days: 61 }));
    const found = dispersionFromHistory(history, 'events');
    expect(found.estimated).toBe(true);
    expect(found.loops).toBe(4);
    expect(found.model.kappa).toBe(0);
    expect(found.model.phi).toBeCloseTo((3 * (1200 / 620) + 6) / 9, 12);
  });

  it('does not count a steady trend in the history as noise the way a spread around one rate would', () => {
    // +20 % a loop, every loop: the spread around one rate is large, the changes are alike.
    const trend = [100, 120, 144, 173, 207].map((count) => ({ count, days: 61 }));
    const shuffled = [144, 100, 207, 120, 173].map((count) => ({ count, days: 61 }));
    const steady = dispersionFromHistory(trend, 'events').model.phi;
    expect(steady).toBeLessThan(dispersionFromHistory(shuffled, 'events').model.phi);
  });

  it('never makes events less noisy than Poisson', () => {
    const steady = [100, 100, 101].map((count) => ({ count, days: 61 }));
    expect(dispersionFromHistory(steady, 'events').model).toEqual({ phi: 1, kappa: 0 });
    const none = [0, 0, 0].map((count) => ({ count, days: 61 }));
    expect(dispersionFromHistory(none, 'events').model).toEqual({ phi: 1, kappa: 0 });
  });

  it('estimates loop-to-loop variation of a volume from consecutive changes, never below the default', () => {
    // Pairs (8,000→10,000), (10,000→12,000), (12,000→10,000): D² = 4e6 each; μ_a + μ_b =
    // 18,000, 22,000, 22,000; μ_a² + μ_b² = 2·9,000², 2·11,000², 2·11,000².
    const history = [8_000, 10_000, 12_000, 10_000].map((count) => ({ count, days: 61 }));
    const found = dispersionFromHistory(history, 'volume');
    const kappaHat = (12e6 - 62_000) / (2 * 9_000 ** 2 + 4 * 11_000 ** 2);
    expect(found.model.phi).toBe(1);
    expect(found.model.kappa).toBeCloseTo((3 * kappaHat + 6 * 0.01) / 9, 12);
    // Quiet loops (about 1 % apart) keep the cautious default.
    const quiet = [10_000, 10_100, 10_000, 10_100].map((count) => ({ count, days: 61 }));
    expect(dispersionFromHistory(quiet, 'volume').model.kappa).toBe(0.01);
    // A volume of 0 is not a measurement; lengths are taken into account.
    const uneven = [
      { count: 20_000, days: 60 },
      { count: 0, days: 61 },
      { count: 10_500, days: 31 },
      { count: 9_800, days: 30 },
    ];
    expect(dispersionFromHistory(uneven, 'volume').loops).toBe(3);
  });
});

describe('fdrThreshold (Benjamini–Hochberg as one threshold)', () => {
  // The 15 p-values of Benjamini & Hochberg (1995), section 4: at q = 0.05 the procedure
  // rejects the four smallest (0.0095 ≤ 4 · 0.05/15 = 0.0133; 0.0201 > 5 · 0.05/15 = 0.0167,
  // and no larger one meets its bound).
  const paper = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
    0.6528, 0.759, 1,
  ];

  /** R's p.adjust(p, method = "BH"): min over j ≥ i of m·p₍ⱼ₎/j, capped at 1. */
  function adjustBH(ps: readonly number[]): number[] {
    const m = ps.length;
    const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    const adjusted = new Array<number>(m);
    let running = 1;
    for (let k = m; k >= 1; k--) {
      const { p, i } = order[k - 1]!;
      running = Math.min(running, (m * p) / k);
      adjusted[i] = running;
    }
    return adjusted;
  }

  it("rejects the paper's four smallest p-values", () => {
    const tau = fdrThreshold(paper, 0.05);
    expect(tau).toBeCloseTo((4 * 0.05) / 15, 15);
    expect(paper.filter((p) => p <= tau)).toEqual([0.0001, 0.0004, 0.0019, 0.0095]);
    expect(adjustBH(paper).filter((q) => q <= 0.05)).toHaveLength(4);
  });

  it("decides as R's p.adjust(method = 'BH') does, for any p-values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0.05, 0.1, 0.01),
        (ps, alpha) => {
          const tau = fdrThreshold(ps, alpha);
          const q = adjustBH(ps);
          return ps.every((p, i) => p <= tau === q[i]! <= alpha);
        },
      ),
    );
  });

  it('is alpha for no tests, and alpha/m when nothing is rejected', () => {
    expect(fdrThreshold([])).toBe(0.05);
    expect(fdrThreshold([0.2, 0.5, 0.9, 0.04])).toBe(0.05 / 4);
    // One test: its own level. One rejection of two: 1 · alpha/m.
    expect(fdrThreshold([0.03])).toBe(0.05);
    expect(fdrThreshold([0.001, 0.3])).toBe(0.025);
    expect(fdrThreshold([0.001, 0.02])).toBe(0.05);
    // Not a number counts as 1, and still as one of the m tests.
    expect(fdrThreshold([Number.NaN, 0.001])).toBe(0.025);
    expect(fdrThreshold([Number.NaN, 0.03])).toBe(0.025);
  });
});

/* Seeded simulations: a deterministic PRNG, and Poisson and gamma sampling written out here. */

/** Poisson(lambda): Knuth's product below 30, Hörmann's PTRS (as numpy) above. */
function poisson(lambda: number, random: () => number): number {
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logGamma(k + 1)
    )
      return k;
  }
}

/** Gamma(shape, 1) for shape ≥ 1 (Marsaglia & Tsang). */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A loop's count: its rate varies with coefficient of variation `cv` (gamma), then Poisson. */
function loopCount(mean: number, cv: number, random: () => number): number {
  const shape = 1 / (cv * cv);
  return poisson((mean * gamma(shape, random)) / shape, random);
}

describe('simulated loops: how often a change that is not there is called real', () => {
  const LOOPS = 2_000;
  const share = (hits: number) => hits / LOOPS;

  it('(a) a volume KPI varying 10 % between loops, unchanged: at most 10 % called real', () => {
    const random = mulberry32(1);
    for (const mean of [50_000, 500_000]) {
      let real = 0;
      for (let i = 0; i < LOOPS; i++) {
        const reference = loopCount((mean * 59) / 61, 0.1, random);
        const current = loopCount(mean, 0.1, random);
        const result = compareCounts(current, 61, reference, 59, VOLUME_DEFAULT);
        if (result.ok && result.value.label === 'probablyReal') real++;
      }
      expect(share(real)).toBeLessThanOrEqual(0.1);
    }
  });

  it('(b) ten unchanged volume KPIs judged together (BH): at most 10 % of loops with any', () => {
    const random = mulberry32(2);
    const means = [5_000, 12_000, 20_000, 35_000, 50_000, 80_000, 150_000, 300_000, 5e5, 1e6];
    let loopsWithAny = 0;
    for (let i = 0; i < LOOPS; i++) {
      const pValues = means.map((mean) => {
        const reference = loopCount(mean, 0.1, random);
        const current = loopCount(mean, 0.1, random);
        return pOf(current, 61, reference, 61, VOLUME_DEFAULT);
      });
      const tau = fdrThreshold(pValues);
      if (pValues.some((p) => p <= tau)) loopsWithAny++;
    }
    expect(share(loopsWithAny)).toBeLessThanOrEqual(0.1);
  });

  it('(c) events varying 10 % beyond Poisson, dispersion from 4 earlier loops: at most 10 %', () => {
    const random = mulberry32(3);
    for (const mean of [12, 60]) {
      let real = 0;
      for (let i = 0; i < LOOPS; i++) {
        const history = Array.from({ length: 4 }, () => ({
          count: loopCount(mean, 0.1, random),
          days: 61,
        }));
        const { model } = dispersionFromHistory(history, 'events');
        const reference = history[3]!.count;
        const current = loopCount(mean, 0.1, random);
        const result = compareCounts(current, 61, reference, 61, model);
        if (result.ok && result.value.label === 'probablyReal') real++;
      }
      expect(share(real)).toBeLessThanOrEqual(0.1);
    }
  });

  it('(d) a real +40 % on a volume KPI is mostly called real', () => {
    const random = mulberry32(4);
    let real = 0;
    for (let i = 0; i < LOOPS; i++) {
      const reference = loopCount(50_000, 0.1, random);
      const current = loopCount(70_000, 0.1, random);
      const result = compareCounts(current, 61, reference, 61, VOLUME_DEFAULT);
      if (result.ok && result.value.label === 'probablyReal') real++;
    }
    expect(share(real)).toBeGreaterThan(0.5);
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
