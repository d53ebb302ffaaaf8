import { toDayNumber } from '$lib/domain/dates';
import { KPI_CATALOG } from '$lib/domain/catalog';
import type { NumberLocale } from '$lib/domain/numbers';
import { guessDateOrder, guessNotation, parseNumberCell, readDate, type DateOrder } from './cells';
import { readTable, type CsvProblem, type CsvRow, type CsvTable } from './table';
import { channelName } from './channels';

/** The export formats Talentloop recognises; anything else is read as `generic`. */
export type PresetId = 'ga4' | 'meta' | 'linkedin' | 'ats' | 'generic';

/** A cell as read (after GA4's fractions became percentages) and the line it is on. */
export type Cell = { line: number; value: number };

/**
 * One value over a period (a day, or a report's range), and where it comes from: the line of
 * its first row, how many cells were combined into it, and the cells among them that a unit's
 * number rules may refuse (the first negative one, the first that is not whole, the first
 * over 100), so that a refusal can name the cell, not only the total.
 */
export type Point = {
  start: string;
  end: string;
  value: number;
  /** The channel the row names (an ATS export's source column); else the import's channel. */
  channel?: string;
  line: number;
  cells: number;
  notable?: Cell[];
};

/** The values of one column (or one count of an ATS export), per period. */
export type Series = {
  key: string;
  label: string;
  /** The catalog KPI this column is suggested for, or null (the user maps it). */
  suggested: string | null;
  /**
   * What the column means in its tool, the same for its Dutch and English header
   * (`meta:link clicks` for "Link clicks" and "Klikken op link"); absent for other columns.
   */
  meaning?: string;
  /** How rows for the same period combine: totals add up, rates and averages are averaged. */
  combine: 'sum' | 'mean';
  points: Point[];
};

/**
 * The days an export covers: `stated` when the file says so (GA4's comment lines, Meta's
 * reporting columns, LinkedIn's report range line), else from its first to its last day.
 */
export type CoveredRange = { start: string; end: string; stated: boolean };

export type Extraction =
  | {
      ok: true;
      preset: PresetId;
      notation: NumberLocale;
      series: Series[];
      /** Data rows read, and rows left out (grand totals). */
      rows: number;
      skipped: number;
      /** The days the export covers (null when it has no values). */
      range: CoveredRange | null;
    }
  | { ok: false; problems: CsvProblem[] };

type Column = {
  names: readonly string[];
  kpi: string | null;
  combine?: 'sum' | 'mean';
  /** GA4 writes rates as fractions (0.62); the app stores percentages (62). */
  fraction?: boolean;
  /** Several columns that together make one KPI (LinkedIn's reactions, comments, shares). */
  adds?: boolean;
  /** A preset's own column: its first (English) name, which says what it means. */
  meaning?: string;
};

const lower = (text: string) => text.trim().toLowerCase();
const findColumn = (header: readonly string[], names: readonly (string | RegExp)[]) =>
  header.findIndex((cell) =>
    names.some((name) =>
      typeof name === 'string' ? lower(cell) === name : name.test(lower(cell)),
    ),
  );

const GA4_COLUMNS: Column[] = [
  { names: ['sessions', 'sessies'], kpi: 'careerSiteVisits' },
  {
    names: ['total users', 'totaal aantal gebruikers', 'active users', 'actieve gebruikers'],
    kpi: 'uniqueVisitors',
  },
  { names: ['new users', 'nieuwe gebruikers'], kpi: null },
  {
    names: ['engagement rate', 'engagementpercentage'],
    kpi: null,
    combine: 'mean',
    fraction: true,
  },
  {
    names: [
      'average engagement time',
      'average engagement time per session',
      'gemiddelde engagementtijd',
    ],
    kpi: 'timeOnSite',
    combine: 'mean',
  },
  {
    names: ['key events', 'belangrijke gebeurtenissen', 'conversions', 'conversies'],
    kpi: 'applicationsCompleted',
  },
  { names: ['event count', 'aantal gebeurtenissen'], kpi: null },
];

const META_COLUMNS: Column[] = [
  { names: ['amount spent (eur)', 'besteed bedrag (eur)'], kpi: 'spend' },
  { names: ['impressions', 'weergaven'], kpi: 'impressions' },
  { names: ['reach', 'bereik'], kpi: 'reachMeta' },
  { names: ['frequency', 'frequentie'], kpi: 'frequency', combine: 'mean' },
  { names: ['link clicks', 'klikken op link', 'klikken op links'], kpi: 'linkClicks' },
  { names: ['clicks (all)', 'klikken (alle)'], kpi: 'clicks' },
  { names: ['results', 'resultaten'], kpi: null },
];

const LINKEDIN_COLUMNS: Column[] = [
  { names: ['total spent'], kpi: 'spend' },
  { names: ['impressions'], kpi: 'impressions' },
  { names: ['clicks'], kpi: 'clicks' },
  { names: ['landing page clicks'], kpi: 'linkClicks' },
  { names: ['reactions'], kpi: 'engagements', adds: true },
  { names: ['comments'], kpi: 'engagements', adds: true },
  { names: ['shares'], kpi: 'engagements', adds: true },
  { names: ['leads'], kpi: 'leadForms' },
];

const META_START = ['reporting starts', 'start rapportage'];
const META_END = ['reporting ends', 'einde rapportage'];
const LINKEDIN_DATE = ['start date (in utc)'];
const ATS_APPLIED = [
  /^(applied|application) ?(date|on)?$/,
  'applied date',
  'sollicitatiedatum',
  'datum sollicitatie',
  'gesolliciteerd op',
];
const ATS_HIRED = [
  'hired date',
  'hire date',
  'hired on',
  'datum aangenomen',
  'aangenomen op',
  'startdatum contract',
];
const ATS_SOURCE = ['source', 'bron', 'kanaal', 'channel'];
const ATS_STATUS = ['status', 'stage', 'fase'];
const TOTAL_ROW = /^(grand )?totals?$|^totaal$|^eindtotaal$/i;
const UNKNOWN_SOURCE = /^(|unknown|onbekend|other|overig|anders|n\/?a|-)$/i;

/** Which preset a file's header (and GA4's comment lines) matches. */
export function detectPreset(
  header: readonly string[],
  comments: readonly string[] = [],
): PresetId {
  if (findColumn(header, META_START) >= 0) return 'meta';
  if (findColumn(header, LINKEDIN_DATE) >= 0) return 'linkedin';
  if (
    findColumn(header, ATS_APPLIED) >= 0 &&
    (findColumn(header, ATS_SOURCE) >= 0 || findColumn(header, ATS_STATUS) >= 0)
  )
    return 'ats';
  const ga4Comment = comments.some((line) => /^(start date|startdatum|begindatum)\b/i.test(line));
  if (ga4Comment || GA4_COLUMNS.filter((c) => findColumn(header, c.names) >= 0).length >= 2)
    return 'ga4';
  return 'generic';
}

const isPresetHeader = (cells: readonly string[]) => detectPreset(cells) !== 'generic';

/** The kinds of cell some unit refuses: negative, not whole, over 100 (see `Point`). */
const notableKinds = (value: number) =>
  (value < 0 ? 1 : 0) | (Number.isInteger(value) ? 0 : 2) | (value > 100 ? 4 : 0);

type Sum = {
  start: string;
  end: string;
  channel: string | undefined;
  total: number;
  n: number;
  line: number;
  kinds: number;
  notable?: Cell[];
};

/** Adds `value` for a period to a series, combining rows for the same period. */
class Collector {
  #sums = new Map<string, Sum>();
  constructor(readonly series: Omit<Series, 'points'>) {}
  add(start: string, end: string, value: number, line: number, channel?: string): void {
    const key = channel === undefined ? `${start}|${end}` : `${start}|${end}|${channel}`;
    let point = this.#sums.get(key);
    if (point) {
      point.total += value;
      point.n++;
    } else
      this.#sums.set(key, (point = { start, end, channel, total: value, n: 1, line, kinds: 0 }));
    // The first cell of each kind a unit may refuse is kept with its line.
    const kinds = notableKinds(value) & ~point.kinds;
    if (kinds) {
      point.kinds |= kinds;
      (point.notable ??= []).push({ line, value });
    }
  }
  done(): Series {
    const points = [...this.#sums.values()]
      .map(({ start, end, channel, total, n, line, notable }) => ({
        start,
        end,
        value: this.series.combine === 'mean' ? total / n : total,
        ...(channel === undefined ? {} : { channel }),
        line,
        cells: n,
        ...(notable ? { notable } : {}),
      }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
    return { ...this.series, points };
  }
}

/** GA4 writes the report's range in its comment lines as `YYYYMMDD`. */
function commentRange(comments: readonly string[]): { start: string; end: string } | null {
  const find = (pattern: RegExp) => {
    for (const line of comments) {
      const match = pattern.exec(line);
      if (match) return readDate(match[1]!, 'dmy');
    }
    return null;
  };
  const start = find(/^(?:start date|startdatum|begindatum)\s*:\s*(\d{8})/i);
  const end = find(/^(?:end date|einddatum)\s*:\s*(\d{8})/i);
  return start && end && start <= end ? { start, end } : null;
}

/** The catalog KPI whose name (in either language) is exactly this header, if any. */
function catalogByName(header: string): string | null {
  const wanted = lower(header);
  const found = KPI_CATALOG.find(
    (kpi) => lower(kpi.name.en) === wanted || lower(kpi.name.nl) === wanted,
  );
  return found?.key ?? null;
}

type Reader = {
  table: CsvTable;
  notation: NumberLocale;
  problems: CsvProblem[];
  /** Columns that hold dates (not labels, not values). */
  dates: Set<number>;
};

/** A number cell, or a problem at its line and column (empty cells are skipped: null). */
function numberAt(reader: Reader, row: CsvRow, column: number): number | null {
  const cell = row.cells[column] ?? '';
  if (cell === '' || cell === '--' || cell === '-') return null;
  const parsed = parseNumberCell(cell, reader.notation);
  if (parsed.ok) return parsed.value;
  reader.problems.push({
    line: row.line,
    column: reader.table.header[column],
    message:
      parsed.error.code === 'numberTooLarge' ? 'import.error.tooLarge' : 'import.error.notANumber',
    params: { value: cell },
  });
  return null;
}

function dateAt(reader: Reader, row: CsvRow, column: number, order: DateOrder): string | null {
  const cell = row.cells[column] ?? '';
  const date = readDate(cell, order);
  if (date === null)
    reader.problems.push({
      line: row.line,
      column: reader.table.header[column],
      message: 'import.error.notADate',
      params: { value: cell },
    });
  return date;
}

/**
 * Rows that are a report's total rather than data (GA4's grand total, LinkedIn's total row,
 * Meta's summary): labelled `Total` in their first cell, or without a date where rows have
 * one, or with every text cell empty where rows are labelled (a summary over all of them).
 * A row with a date is data, whatever its labels say.
 */
function isTotalRow(row: CsvRow, dateColumn: number, labels: readonly number[]): boolean {
  if (dateColumn >= 0) return row.cells[dateColumn] === '' || TOTAL_ROW.test(row.cells[0] ?? '');
  if (TOTAL_ROW.test(row.cells[0] ?? '')) return true;
  return labels.length > 0 && labels.every((i) => (row.cells[i] ?? '') === '');
}

/** Columns of a preset found in the header, plus every other numeric column for the user. */
function numericColumns(reader: Reader, known: readonly Column[], skip: ReadonlySet<number>) {
  const { header, rows } = reader.table;
  for (const index of skip) if (index >= 0) reader.dates.add(index);
  const out: { index: number; column: Column }[] = [];
  const suggested = new Set<string>();
  // One column per KPI is suggested (GA4's total and active users are not added up), except
  // columns that together make one KPI.
  const once = (column: Column): Column => {
    if (!column.kpi || column.adds) return column;
    if (suggested.has(column.kpi)) return { ...column, kpi: null };
    suggested.add(column.kpi);
    return column;
  };
  header.forEach((name, index) => {
    if (skip.has(index) || !name) return;
    const preset = known.find((c) => c.names.includes(lower(name)));
    if (preset) return out.push({ index, column: once({ ...preset, meaning: preset.names[0] }) });
    const cells = rows.map((r) => r.cells[index] ?? '').filter((c) => c !== '' && c !== '--');
    // A number too large to store is still a number: the column is read and the cell refused.
    const numbers = cells.filter((c) => {
      const parsed = parseNumberCell(c, reader.notation);
      return parsed.ok || parsed.error.code === 'numberTooLarge';
    }).length;
    if (cells.length && numbers / cells.length >= 0.8)
      out.push({ index, column: once({ names: [lower(name)], kpi: catalogByName(name) }) });
    // Mostly numbers with some that cannot be read: a number column with bad cells, said.
    else if (cells.length && numbers / cells.length >= 0.5)
      out.push({ index, column: { names: [], kpi: null } });
  });
  return out;
}

/**
 * The range a file states, or else the first to the last day of its values. Per series the
 * points are sorted by start, so this is one look at each series' ends, not a pass over rows.
 */
function coveredRange(
  series: readonly Series[],
  stated: { start: string; end: string } | null,
): CoveredRange | null {
  if (stated) return { ...stated, stated: true };
  let start: string | null = null;
  let end: string | null = null;
  for (const { points } of series) {
    const first = points[0]?.start;
    if (first && (start === null || first < start)) start = first;
    for (const point of points) if (end === null || point.end > end) end = point.end;
  }
  return start && end ? { start, end, stated: false } : null;
}

/**
 * Meta's reporting range: the earliest start and latest end in its reporting columns (the
 * same on every row of a daily export, so only the different cells are read as dates).
 */
function reportingRange(
  rows: readonly CsvRow[],
  startColumn: number,
  endColumn: number,
): { start: string; end: string } | null {
  if (startColumn < 0 || endColumn < 0) return null;
  const starts = new Set<string>();
  const ends = new Set<string>();
  for (const { cells } of rows) {
    starts.add(cells[startColumn] ?? '');
    ends.add(cells[endColumn] ?? '');
  }
  const dates = (cells: Set<string>) =>
    [...cells].flatMap((cell) => readDate(cell, 'dmy') ?? []).sort();
  const start = dates(starts)[0];
  const end = dates(ends).at(-1);
  return start && end && start <= end ? { start, end } : null;
}

/** LinkedIn's report range line before the header: `Report Start: 1/1/2026, Report End: …`. */
function preambleRange(preamble: readonly CsvRow[]): { start: string; end: string } | null {
  for (const row of preamble) {
    const text = row.cells.join(',');
    const start = /report start:\s*([\d/.-]+)/i.exec(text)?.[1];
    const end = /report end:\s*([\d/.-]+)/i.exec(text)?.[1];
    const from = start ? readDate(start, 'mdy') : null;
    const to = end ? readDate(end, 'mdy') : null;
    if (from && to && from <= to) return { start: from, end: to };
  }
  return null;
}

/** Reads the values per period of a table with a date (or a date range) per row. */
function readDated(
  reader: Reader,
  preset: PresetId,
  columns: { index: number; column: Column }[],
  period: (row: CsvRow) => { start: string; end: string } | null,
  dateColumn: number,
  stated: (() => { start: string; end: string } | null) | null = null,
): Extraction {
  const collectors = columns.map(
    ({ index, column }) =>
      new Collector({
        key: `col-${index}`,
        label: reader.table.header[index]!,
        suggested: column.kpi,
        combine: column.combine ?? 'sum',
        ...(column.meaning ? { meaning: `${preset}:${column.meaning}` } : {}),
      }),
  );
  let skipped = 0;
  const numeric = new Set(columns.map((c) => c.index));
  const labels = reader.table.header
    .map((_, i) => i)
    .filter((i) => !numeric.has(i) && !reader.dates.has(i));
  for (const row of reader.table.rows) {
    if (isTotalRow(row, dateColumn, labels)) {
      skipped++;
      continue;
    }
    const range = period(row);
    columns.forEach(({ index, column }, i) => {
      const value = numberAt(reader, row, index);
      // GA4 writes rates as fractions (0.615); a cell already in percent stays as it is.
      const cell = row.cells[index] ?? '';
      const percent = column.fraction && !cell.endsWith('%') && Math.abs(value ?? 0) <= 1;
      if (value !== null && range)
        collectors[i]!.add(range.start, range.end, percent ? value * 100 : value, row.line);
    });
  }
  if (reader.problems.length) return { ok: false, problems: reader.problems };
  const series = collectors.map((c) => c.done()).filter((s) => s.points.length);
  // A file that yields nothing is said to, never shown as an empty success.
  if (!series.length)
    return {
      ok: false,
      problems: [{ line: reader.table.headerLine, message: 'import.error.noValues' }],
    };
  return {
    ok: true,
    preset,
    notation: reader.notation,
    series,
    rows: reader.table.rows.length - skipped,
    skipped,
    range: coveredRange(series, stated?.() ?? null),
  };
}

/** An applicant-tracking export, one row per candidate, as counts per day. */
function readAts(reader: Reader, order: DateOrder): Extraction {
  const { header, rows } = reader.table;
  const applied = findColumn(header, ATS_APPLIED);
  const hired = findColumn(header, ATS_HIRED);
  const source = findColumn(header, ATS_SOURCE);
  const make = (
    key: string,
    label: string,
    suggested: string | null,
    combine: 'sum' | 'mean' = 'sum',
  ) => new Collector({ key, label, suggested, combine, meaning: `ats:${key}` });
  const applications = make('applications', header[applied]!, 'applicationsCompleted');
  const attributable = make('attributable', 'attributable', 'attributableApplications');
  const hires = make('hires', header[hired] ?? 'hires', 'hires');
  const timeToHire = make('timeToHire', 'timeToHire', 'timeToHire', 'mean');
  const bySource = new Map<string, Collector>();
  // One spelling per channel in a file: the first ("Werkenbij site" and "werkenbij site").
  const spelling = new Map<string, string>();
  for (const row of rows) {
    const day = dateAt(reader, row, applied, order);
    if (!day) continue;
    const from = source >= 0 ? (row.cells[source] ?? '') : '';
    const known = source >= 0 && !UNKNOWN_SOURCE.test(from);
    // A candidate's source is the channel of the application and of the hire (the import's
    // own channel, "ATS", for candidates without one).
    const named = known ? channelName(from) : undefined;
    if (named !== undefined && !spelling.has(named.toLowerCase()))
      spelling.set(named.toLowerCase(), named);
    const channel = named === undefined ? undefined : spelling.get(named.toLowerCase());
    applications.add(day, day, 1, row.line, channel);
    if (known) {
      attributable.add(day, day, 1, row.line, channel);
      const name = from.trim();
      let collector = bySource.get(lower(name));
      if (!collector)
        bySource.set(lower(name), (collector = make(`source-${lower(name)}`, name, null)));
      collector.add(day, day, 1, row.line);
    }
    const hiredCell = hired >= 0 ? (row.cells[hired] ?? '') : '';
    if (hiredCell) {
      const on = dateAt(reader, row, hired, order);
      if (on) {
        hires.add(on, on, 1, row.line, channel);
        // One mean over all sources per day: weighted by that day's hires, as before.
        timeToHire.add(on, on, toDayNumber(on) - toDayNumber(day), row.line);
      }
    }
  }
  if (reader.problems.length) return { ok: false, problems: reader.problems };
  const series = [applications, attributable, hires, timeToHire, ...bySource.values()]
    .map((c) => c.done())
    .filter((s) => s.points.length);
  return {
    ok: true,
    preset: 'ats',
    notation: reader.notation,
    series,
    rows: rows.length,
    skipped: 0,
    // An ATS export says nothing of its period: the first and last day of any date in it.
    range: coveredRange(series, null),
  };
}

/**
 * Turns a CSV export's text into values per period, with the preset its shape matches: GA4,
 * Meta Ads Manager (English or Dutch), LinkedIn Campaign Manager, an applicant-tracking export,
 * or a generic table of a date column and value columns. Every unreadable number or date is
 * reported with its line and column; nothing is half-read.
 */
export function extract(text: string, onProgress?: (fraction: number) => void): Extraction {
  const read = readTable(text, isPresetHeader, onProgress);
  if (!read.ok) return read;
  const { table } = read;
  const preset = detectPreset(table.header, table.comments);
  const sample = table.rows.slice(0, 500).flatMap((row) => row.cells);
  const reader: Reader = {
    table,
    notation: guessNotation(sample, table.delimiter),
    problems: [],
    dates: new Set(),
  };
  const { header, rows } = table;
  const column = (names: readonly (string | RegExp)[]) => findColumn(header, names);

  if (preset === 'ats') {
    // Applied and hired dates are written alike: both columns decide the order together.
    const order = guessDateOrder(
      rows.flatMap((r) => [r.cells[column(ATS_APPLIED)] ?? '', r.cells[column(ATS_HIRED)] ?? '']),
      reader.notation,
    );
    return readAts(reader, order);
  }
  if (preset === 'meta') {
    const day = column(['day', 'dag']);
    const start = column(META_START);
    const end = column(META_END);
    const columns = numericColumns(reader, META_COLUMNS, new Set([day, start, end]));
    return readDated(
      reader,
      preset,
      columns,
      (row) => {
        if (day >= 0) {
          const d = dateAt(reader, row, day, 'dmy');
          return d ? { start: d, end: d } : null;
        }
        const from = dateAt(reader, row, start, 'dmy');
        const to = end >= 0 ? dateAt(reader, row, end, 'dmy') : from;
        return from && to ? { start: from, end: to } : null;
      },
      day >= 0 ? day : start,
      () => reportingRange(rows, start, end),
    );
  }
  if (preset === 'linkedin') {
    const date = column(LINKEDIN_DATE);
    const columns = numericColumns(reader, LINKEDIN_COLUMNS, new Set([date]));
    return readDated(
      reader,
      preset,
      columns,
      (row) => {
        const d = dateAt(reader, row, date, 'mdy');
        return d ? { start: d, end: d } : null;
      },
      date,
      () => preambleRange(table.preamble),
    );
  }
  if (preset === 'ga4') {
    const date = column(['date', 'datum']);
    const range = commentRange(table.comments);
    const columns = numericColumns(reader, GA4_COLUMNS, new Set([date]));
    return readDated(
      reader,
      preset,
      columns,
      (row) => {
        if (date < 0) return range;
        const d = dateAt(reader, row, date, 'dmy');
        return d ? { start: d, end: d } : null;
      },
      date,
      () => range,
    );
  }
  // Generic: the first column of dates, and every column of numbers.
  const date = header.findIndex((_, i) => {
    const cells = rows.map((r) => r.cells[i] ?? '').filter((c) => c !== '');
    return (
      cells.length > 0 &&
      cells.filter((c) => readDate(c, 'dmy') ?? readDate(c, 'mdy')).length / cells.length >= 0.8
    );
  });
  if (date < 0)
    return {
      ok: false,
      problems: [
        { line: table.headerLine, message: 'import.error.notADate', params: { value: '' } },
      ],
    };
  const order = guessDateOrder(
    rows.map((r) => r.cells[date] ?? ''),
    reader.notation,
  );
  const columns = numericColumns(reader, [], new Set([date]));
  return readDated(
    reader,
    'generic',
    columns,
    (row) => {
      const d = dateAt(reader, row, date, order);
      return d ? { start: d, end: d } : null;
    },
    date,
  );
}
