import Papa from 'papaparse';

/** A data row of a CSV table with the line it starts on in the file (1-based). */
export type CsvRow = { line: number; cells: string[] };

/** A problem with the file, where it is: a line and, when known, a column's header. */
export type CsvProblem = {
  line: number;
  column?: string;
  message:
    | 'import.error.empty'
    | 'import.error.notCsv'
    | 'import.error.headerOnly'
    | 'import.error.ragged'
    | 'import.error.quotes'
    | 'import.error.notANumber'
    | 'import.error.tooLarge'
    | 'import.error.notADate'
    | 'import.error.noValues';
  params?: Record<string, string | number>;
};

export type CsvTable = {
  delimiter: string;
  /** Leading lines that start with `#` (GA4 writes the report's dates there), without `#`. */
  comments: string[];
  /** Rows before the header (LinkedIn's title and report range). */
  preamble: CsvRow[];
  header: string[];
  headerLine: number;
  rows: CsvRow[];
};

/**
 * The delimiter that splits the most rows of a sample into the same number of cells. Papa
 * Parse's own guess prefers `,` in Dutch files whose numbers hold decimal commas.
 */
function guessDelimiter(sample: string): string {
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of [',', ';', '\t']) {
    const counts = Papa.parse<unknown[]>(sample, { delimiter, skipEmptyLines: true }).data.map(
      (row) => (Array.isArray(row) ? row.length : 0),
    );
    const tally = new Map<number, number>();
    for (const n of counts) if (n > 1) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [width, rows] of tally)
      if (width * rows > best.score) best = { delimiter, score: width * rows };
  }
  return best.delimiter;
}

const cellsOf = (row: unknown): string[] =>
  Array.isArray(row) ? row.map((cell) => String(cell ?? '').trim()) : [];

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell === '');

/**
 * Splits a CSV export into its parts: `#` comment lines before the table, rows before the
 * header (found by `isHeader`, else the first row of two or more cells that are not numbers),
 * the header and the data rows with their line numbers. A second table after a `#` separator
 * is left out. Parsing is Papa Parse's, which also guesses the delimiter (`,` `;` or tab).
 */
export function readTable(
  text: string,
  isHeader: (cells: readonly string[]) => boolean = () => false,
  onProgress: (fraction: number) => void = () => {},
): { ok: true; table: CsvTable } | { ok: false; problems: CsvProblem[] } {
  if (!text.trim()) return { ok: false, problems: [{ line: 1, message: 'import.error.empty' }] };
  const lines = text.split(/\r\n|\n|\r/);
  const comments: string[] = [];
  let first = 0;
  while (first < lines.length && (lines[first]!.startsWith('#') || !lines[first]!.trim())) {
    if (lines[first]!.startsWith('#')) comments.push(lines[first]!.slice(1).trim());
    first++;
  }
  // The table ends where a later `#` block (a second table in GA4 exports) begins.
  let last = first;
  while (last < lines.length && !lines[last]!.startsWith('#')) last++;
  const body = lines.slice(first, last).join('\n');

  const delimiter = guessDelimiter(lines.slice(first, Math.min(last, first + 30)).join('\n'));
  const problems: CsvProblem[] = [];
  const all: CsvRow[] = [];
  let line = first + 1;
  let count = 0;
  // Row by row (Papa Parse's step mode), so a large file can report how far it got.
  Papa.parse<unknown[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const cells = cellsOf(result.data);
      if (!isBlank(cells)) all.push({ line, cells });
      for (const error of result.errors)
        problems.push({
          line,
          message: error.type === 'Quotes' ? 'import.error.quotes' : 'import.error.notCsv',
        });
      // A quoted cell may hold line breaks (counted before trimming): the next row starts after.
      const raw = Array.isArray(result.data) ? result.data.map((cell) => String(cell ?? '')) : [];
      line += 1 + raw.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
      if (++count % 5000 === 0) onProgress(result.meta.cursor / body.length);
    },
  });
  if (problems.length) return { ok: false, problems };

  let h = all.findIndex((row) => isHeader(row.cells));
  if (h < 0)
    h = all.findIndex(
      (row) => row.cells.filter((cell) => cell && !/^[-+]?[\d.,\s%€$]+$/.test(cell)).length >= 2,
    );
  if (h < 0)
    return { ok: false, problems: [{ line: all[0]?.line ?? 1, message: 'import.error.notCsv' }] };
  const headerRow = all[h]!;
  const header = headerRow.cells;
  const rows = all.slice(h + 1);
  if (rows.length === 0)
    return { ok: false, problems: [{ line: headerRow.line, message: 'import.error.headerOnly' }] };
  for (const row of rows) {
    // Empty cells past the header's width are harmless (Excel pads rows); any other
    // difference in the number of cells is a ragged row.
    if (row.cells.length > header.length && isBlank(row.cells.slice(header.length)))
      row.cells = row.cells.slice(0, header.length);
    if (row.cells.length !== header.length)
      problems.push({
        line: row.line,
        message: 'import.error.ragged',
        params: { cells: row.cells.length, expected: header.length },
      });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    table: {
      delimiter,
      comments,
      preamble: all.slice(0, h),
      header,
      headerLine: headerRow.line,
      rows,
    },
  };
}
