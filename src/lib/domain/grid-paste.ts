import type { Unit } from './catalog';
import { parseKpiNumber } from './duration';
import { otherNotation, type NumberLocale } from './numbers';
import { ok, type DomainError, type Result } from './result';
import { checkKpiValue } from './wizard';

/** One value a paste would write: the grid cell (row = KPI, column = period) and its number. */
export type PastedCell = { row: number; column: number; value: number | null };

/** A pasted cell that is refused, with where it was in the pasted block and why. */
export type RefusedCell = {
  /** 1-based line and column in the pasted block, as the user sees them in the spreadsheet. */
  line: number;
  cell: number;
  text: string;
  reason: { code: 'noRow' } | { code: 'noColumn' } | { code: 'readOnly' } | DomainError;
};

/** Text that records a value as known to be unknown. */
const UNKNOWN = /^(\?|unknown|onbekend|n\/a|nb)$/i;

/**
 * One cell as the user typed or pasted it, for a KPI of this unit: a number in the user's
 * notation (a duration as `1:14`, `1m 14s` or seconds) that the unit allows, `null` for a value known to be unknown (`?`), or the reason
 * it is refused. Empty text is the caller's to handle (clear the cell, or skip it).
 */
export function readCell(text: string, unit: Unit, locale: NumberLocale): Result<number | null> {
  const trimmed = text.trim();
  if (UNKNOWN.test(trimmed)) return ok(null);
  const parsed = parseKpiNumber(trimmed, unit, locale);
  const checked = parsed.ok ? checkKpiValue(parsed.value, unit) : parsed;
  return checked.ok ? checked : { ok: false, error: { ...checked.error, value: text } };
}

/**
 * The other language's reading of a typed money or decimal value, when it is a valid value for
 * the KPI too (`1.234` typed in English could be 1234 written the Dutch way): then the grid asks
 * which was meant. Null for other units and for text that reads the same in both notations.
 */
export function otherReading(text: string, unit: Unit, locale: NumberLocale): number | null {
  if (unit !== 'currency' && unit !== 'number') return null;
  const other = otherNotation(text, locale);
  return other !== null && checkKpiValue(other, unit).ok ? other : null;
}

/**
 * Places a block pasted from a spreadsheet into the measurement grid, starting at one cell:
 * every cell is parsed in the user's notation and checked for its KPI's unit. Empty cells are
 * skipped (they change nothing); a cell past the last KPI or period, on a read-only cell, or
 * not a valid number is refused with its reason. Nothing here writes: the caller writes the
 * accepted cells together, and none of the refused ones.
 */
export function placePaste(
  block: readonly (readonly string[])[],
  start: { row: number; column: number },
  grid: {
    units: readonly Unit[];
    columns: number;
    readOnly?: (row: number, column: number) => boolean;
  },
  locale: NumberLocale,
): { accepted: PastedCell[]; refused: RefusedCell[] } {
  const accepted: PastedCell[] = [];
  const refused: RefusedCell[] = [];
  block.forEach((cells, i) => {
    const row = start.row + i;
    cells.forEach((text, j) => {
      if (text === '') return;
      const column = start.column + j;
      const where = { line: i + 1, cell: j + 1, text };
      const unit = grid.units[row];
      if (unit === undefined) return refused.push({ ...where, reason: { code: 'noRow' } });
      if (column >= grid.columns) return refused.push({ ...where, reason: { code: 'noColumn' } });
      if (grid.readOnly?.(row, column))
        return refused.push({ ...where, reason: { code: 'readOnly' } });
      if (UNKNOWN.test(text)) return accepted.push({ row, column, value: null });
      const parsed = parseKpiNumber(text, unit, locale);
      const checked = parsed.ok ? checkKpiValue(parsed.value, unit) : parsed;
      if (!checked.ok) return refused.push({ ...where, reason: { ...checked.error, value: text } });
      return accepted.push({ row, column, value: checked.value });
    });
  });
  return { accepted, refused };
}
