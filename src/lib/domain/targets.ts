import type { Direction, Unit } from './catalog';
import { fail, ok, type Result } from './result';

/**
 * Decimals a suggested target keeps, per unit: whole counts, percents to one decimal, and
 * durations in whole seconds (they are shown as `m:ss`).
 */
export const TARGET_DECIMALS: Readonly<Record<Unit, number>> = {
  count: 0,
  percent: 1,
  duration: 0,
  currency: 2,
  number: 2,
  score: 2,
  days: 2,
};

/**
 * A rounded step counts as much larger than asked beyond this factor: 3 hires + 10 % is 3.3,
 * rounded up to 4 (+33 %); 121 + 10 % rounded up to 134 (+10.7 %) is not worth a note.
 */
export const ROUNDING_NOTE_FACTOR = 1.5;

/** A suggested target, with the step it actually takes from its base. */
export type TargetSuggestion = {
  value: number;
  /** The actual change from the base in percent, signed (3 → 4 is 33.3); null for a base of 0. */
  stepPercent: number | null;
  /**
   * Why the actual step differs from the one asked: `rounded` (rounding to the unit's
   * decimals made it more than `ROUNDING_NOTE_FACTOR` times the step) or `capped` (held at
   * 100 % or at 0); null when it does not differ much.
   */
  note: 'rounded' | 'capped' | null;
};

/** Cleans binary noise (12000 × 1.1 = 13200.000000000002) before rounding up or down. */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/**
 * A suggested target from a base value (the baseline or the previous loop) and a step in
 * percent: up for higher-is-better KPIs, down for lower-is-better ones, unchanged when the
 * direction depends. Every unit moves relative to its base (a 3 % application rate + 10 % is
 * 3.3 %, not 13 %), rounded in the ambitious direction to the unit's decimals
 * (`TARGET_DECIMALS`), and held within 0 (and 100 for percents). The actual step comes with
 * the value, and a note when rounding or the limit made it differ much from the one asked.
 * No base: no suggestion.
 */
export function suggestTarget(
  base: number | null,
  stepPercent: number,
  unit: Unit,
  direction: Direction,
): Result<TargetSuggestion | null> {
  if (!Number.isFinite(stepPercent) || stepPercent < 0 || stepPercent > 1000)
    return fail('invalidStep', 'step', stepPercent);
  if (base === null) return ok(null);
  if (!Number.isFinite(base)) return fail('notFinite', 'base', base);
  if (direction === 'depends' || stepPercent === 0)
    return ok({ value: base, stepPercent: base === 0 ? null : 0, note: null });
  const sign = direction === 'higher' ? 1 : -1;
  const scale = 10 ** TARGET_DECIMALS[unit];
  const scaled = clean(base * (1 + (sign * stepPercent) / 100) * scale);
  const rounded = (direction === 'higher' ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
  const value = Math.min(unit === 'percent' ? 100 : Infinity, Math.max(0, rounded));
  const actual = base === 0 ? null : clean(((value - base) / Math.abs(base)) * 100);
  let note: TargetSuggestion['note'] = null;
  if (value !== rounded) note = 'capped';
  else if (actual !== null && Math.abs(actual) > stepPercent * ROUNDING_NOTE_FACTOR)
    note = 'rounded';
  return ok({ value, stepPercent: actual, note });
}

export type TargetStatus = 'met' | 'missed' | 'noTarget' | 'noValue' | 'notJudged';

/** Whether a value meets its target, direction-aware; a "depends" KPI is not judged. */
export function targetStatus(
  value: number | null,
  target: number | null,
  direction: Direction,
): TargetStatus {
  if (target === null) return 'noTarget';
  if (value === null) return 'noValue';
  if (direction === 'depends') return 'notJudged';
  return (direction === 'higher' ? value >= target : value <= target) ? 'met' : 'missed';
}
