import { describe, expect, it } from 'vitest';
import { otherReading, placePaste, readCell } from './grid-paste';

const grid = { units: ['count', 'percent', 'currency'] as const, columns: 3 };

describe('placePaste', () => {
  it('places a Dutch block from the chosen cell to the right and down', () => {
    const block = [
      ['1.200', '1.300'],
      ['12,5', '?'],
    ];
    expect(placePaste(block, { row: 0, column: 1 }, grid, 'nl')).toEqual({
      accepted: [
        { row: 0, column: 1, value: 1200 },
        { row: 0, column: 2, value: 1300 },
        { row: 1, column: 1, value: 12.5 },
        { row: 1, column: 2, value: null },
      ],
      refused: [],
    });
  });

  it('refuses cell by cell with line, cell and reason, and skips empty cells', () => {
    const block = [['120', '', 'abc'], ['101'], ['-5'], ['7']];
    const { accepted, refused } = placePaste(block, { row: 0, column: 0 }, grid, 'en');
    expect(accepted).toEqual([{ row: 0, column: 0, value: 120 }]);
    expect(refused).toEqual([
      {
        line: 1,
        cell: 3,
        text: 'abc',
        reason: { code: 'notANumber', field: 'value', value: 'abc' },
      },
      {
        line: 2,
        cell: 1,
        text: '101',
        reason: { code: 'percentOverHundred', field: 'value', value: '101' },
      },
      {
        line: 3,
        cell: 1,
        text: '-5',
        reason: { code: 'negativeValue', field: 'value', value: '-5' },
      },
      { line: 4, cell: 1, text: '7', reason: { code: 'noRow' } },
    ]);
  });

  it('refuses cells past the last period and on read-only cells', () => {
    const { accepted, refused } = placePaste(
      [['1', '2', '3']],
      { row: 0, column: 1 },
      { ...grid, readOnly: (row, column) => row === 0 && column === 2 },
      'en',
    );
    expect(accepted).toEqual([{ row: 0, column: 1, value: 1 }]);
    expect(refused.map((r) => [r.cell, r.reason.code])).toEqual([
      [2, 'readOnly'],
      [3, 'noColumn'],
    ]);
  });

  it('reads English notation in English and refuses Dutch decimals there', () => {
    const numbers = { units: ['count', 'number'] as const, columns: 1 };
    const { accepted, refused } = placePaste(
      [['1,200'], ['1,5']],
      { row: 0, column: 0 },
      numbers,
      'en',
    );
    expect(accepted).toEqual([{ row: 0, column: 0, value: 1200 }]);
    expect(refused.map((r) => [r.line, r.reason.code])).toEqual([[2, 'wrongDecimalSeparator']]);
  });

  it('reads durations as analytics tools write them, in a duration row only', () => {
    const rows = { units: ['duration', 'count'] as const, columns: 3 };
    const { accepted, refused } = placePaste(
      [
        ['1:14', '00:01:14', '1m 14s'],
        ['1:14', '74', ''],
      ],
      { row: 0, column: 0 },
      rows,
      'en',
    );
    expect(accepted).toEqual([
      { row: 0, column: 0, value: 74 },
      { row: 0, column: 1, value: 74 },
      { row: 0, column: 2, value: 74 },
      { row: 1, column: 1, value: 74 },
    ]);
    expect(refused.map((r) => [r.line, r.cell, r.reason.code])).toEqual([[2, 1, 'notANumber']]);
  });
});

describe('readCell', () => {
  it('reads one typed cell for its unit, the way a paste reads it', () => {
    expect(readCell(' 1.200,5 ', 'number', 'nl')).toEqual({ ok: true, value: 1200.5 });
    expect(readCell('onbekend', 'count', 'nl')).toEqual({ ok: true, value: null });
    expect(readCell('12.5', 'count', 'en')).toMatchObject({
      ok: false,
      error: { code: 'notACount', value: '12.5' },
    });
    expect(readCell('1 min 14 s', 'duration', 'nl')).toEqual({ ok: true, value: 74 });
    expect(readCell('1:75', 'duration', 'nl')).toMatchObject({
      ok: false,
      error: { code: 'durationPartOver59', value: '1:75' },
    });
  });
});

describe('otherReading', () => {
  it('gives the other notation’s value for money and decimals, when the KPI would take it', () => {
    expect(otherReading('1.234', 'currency', 'en')).toBe(1234);
    expect(otherReading('1.234', 'number', 'nl')).toBe(1.234);
    // Counts and percentages: the other reading is refused there (not whole, over 100 %).
    expect(otherReading('1.234', 'count', 'en')).toBeNull();
    expect(otherReading('1,234', 'percent', 'nl')).toBeNull();
    expect(otherReading('12.5', 'currency', 'en')).toBeNull();
  });
});
