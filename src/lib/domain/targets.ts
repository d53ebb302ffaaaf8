import type { Direction, Unit } from './catalog';
import { fail, ok, type Result } from './result';

/**
 * A suggested target from a base value (the baseline or the previous loop) and a step in
 * percent: up for higher-is-better KPIs, down for lower-is-better ones, unchanged when the
 * direction depends. Percent KPIs move by the step in percentage points, within 0–100;
 * counts are rounded to whole numbers in the ambitious direction. No base: no suggestion.
 */
export function suggestTarget(
  base: number | null,
  stepPercent: number,
  unit: Unit,
  direction: Direction,
): Result<number | null> {
  if (!Number.isFinite(stepPercent) || stepPercent < 0 || stepPercent > 1000)
    return fail('invalidStep', 'step', stepPercent);
  if (base === null) return ok(null);
  if (!Number.isFinite(base)) return fail('notFinite', 'base', base);
  if (direction === 'depends' || stepPercent === 0) return ok(base);
  const sign = direction === 'higher' ? 1 : -1;
  if (unit === 'percent') return ok(Math.min(100, Math.max(0, base + sign * stepPercent)));
  // Rounded to 9 decimals first, so binary noise (12000 × 1.1 = 13200.000000000002) cannot
  // push a count target up by one.
  const raw = Math.max(0, Math.round(base * (1 + (sign * stepPercent) / 100) * 1e9) / 1e9);
  if (unit === 'count') return ok(direction === 'higher' ? Math.ceil(raw) : Math.floor(raw));
  return ok(Math.round(raw * 100) / 100);
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
