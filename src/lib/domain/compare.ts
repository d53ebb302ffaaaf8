import type { Direction, Unit } from './catalog';

/** How a period's value moved against its reference. */
export type Change = {
  /** current − reference, in the KPI's unit (for percent KPIs: percentage points). */
  absolute: number;
  /** Relative change (0.25 = +25 %); null for percent KPIs and when the reference is 0. */
  relative: number | null;
  /** The reference was 0 and the current value is not: "new", never +∞ %. */
  isNew: boolean;
  /** Direction-aware reading: better or worse for the organisation, or just changed. */
  assessment: 'better' | 'worse' | 'unchanged' | 'changed';
};

/**
 * Compares a value with its reference, direction-aware. Percent KPIs change in percentage
 * points (a relative change of a percentage misleads); a zero reference gives `isNew`.
 * Returns null when either value is missing.
 */
export function compareValues(
  current: number | null,
  reference: number | null,
  unit: Unit,
  direction: Direction,
): Change | null {
  if (current === null || reference === null) return null;
  if (!Number.isFinite(current) || !Number.isFinite(reference)) return null;
  const absolute = current - reference;
  const isNew = reference === 0 && current !== 0;
  const relative = unit === 'percent' || reference === 0 ? null : absolute / Math.abs(reference);
  let assessment: Change['assessment'];
  if (absolute === 0) assessment = 'unchanged';
  else if (direction === 'depends') assessment = 'changed';
  else assessment = absolute > 0 === (direction === 'higher') ? 'better' : 'worse';
  return { absolute, relative, isNew, assessment };
}
