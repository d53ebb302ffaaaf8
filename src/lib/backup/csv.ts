import { loopRange } from '$lib/domain/periods';
import type { Locale } from '$lib/schema/common';
import type { PlanEntry } from './format';
import type { Kpi, Measurement } from '$lib/schema';

/** Characters that make a spreadsheet read a cell as a formula (or hide it behind a tab). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel and Sheets show as text: a leading `= + - @`, tab or carriage return
 * gets an apostrophe first (OWASP's advice against CSV injection), then the cell is quoted
 * when it holds the delimiter, a quote or a line break.
 */
export function csvCell(text: string, delimiter: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /["\r\n]/.test(safe) || safe.includes(delimiter)
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}

/**
 * Excel opens a CSV with the list separator and decimal mark of its language: Dutch Excel
 * expects `;` and `1234,5`, English `,` and `1234.5`. No thousands separators, so every
 * number stays a number.
 */
export function csvNotation(locale: Locale): { delimiter: string; decimal: string } {
  return locale === 'nl' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/** KPIs and values as stored or as nested in a backup (with or without `planId`). */
type CsvKpi = Omit<Kpi, 'planId'>;
type CsvValue = Omit<Measurement, 'planId'>;

export type CsvLabels = {
  headers: readonly [string, string, string, string, string, string, string, string];
  kpiName: (kpi: CsvKpi) => string;
  pillar: (kpi: CsvKpi) => string;
  unit: (kpi: CsvKpi) => string;
  source: (measurement: CsvValue) => string;
  /** The source of what the user typed (budgets, meetings). */
  typed: string;
};

/**
 * A plan's measurements as CSV, one row per KPI per period (KPIs in plan order, periods by
 * start), then the `extra` rows (budgets, meetings): UTF-8 with a byte-order mark and CRLF line ends so Excel reads accents and rows
 * right. Unknown values are empty cells. Dates stay `YYYY-MM-DD`.
 */
/** A row that is not a KPI's value: budgets and alignment meetings, in the same columns. */
export type CsvExtraRow = {
  name: string;
  unit: string;
  start: string;
  end: string;
  value: number | null;
  note: string;
};

export function measurementsCsv(
  kpis: readonly CsvKpi[],
  measurements: readonly CsvValue[],
  locale: Locale,
  labels: CsvLabels,
  extra: readonly CsvExtraRow[] = [],
): string {
  const { delimiter, decimal } = csvNotation(locale);
  const cell = (text: string) => csvCell(text, delimiter);
  const order = new Map([...kpis].sort((a, b) => a.order - b.order).map((k, i) => [k.id, i]));
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const rows = measurements
    .filter((m) => byId.has(m.kpiId))
    .sort(
      (a, b) =>
        order.get(a.kpiId)! - order.get(b.kpiId)! ||
        a.start.localeCompare(b.start) ||
        a.end.localeCompare(b.end) ||
        (a.channel ?? '').localeCompare(b.channel ?? ''),
    );
  const lines = [labels.headers.map(cell).join(delimiter)];
  for (const m of rows) {
    const kpi = byId.get(m.kpiId)!;
    const value = m.value === null ? '' : String(m.value).replace('.', decimal);
    lines.push(
      [
        cell(labels.kpiName(kpi)),
        cell(labels.pillar(kpi)),
        cell(labels.unit(kpi)),
        m.start,
        m.end,
        value,
        cell(labels.source(m)),
        cell(m.note ?? ''),
      ].join(delimiter),
    );
  }
  for (const row of extra)
    lines.push(
      [
        cell(row.name),
        '',
        cell(row.unit),
        row.start,
        row.end,
        row.value === null ? '' : String(row.value).replace('.', decimal),
        cell(labels.typed),
        cell(row.note),
      ].join(delimiter),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export type ExtraLabels = {
  hrBudget: string;
  brandBudget: string;
  recruitmentBudget: string;
  meeting: string;
  vacancies: string;
  /** A meeting's texts as one note: `Vacancies: …. What marketing supplies: …` */
  meetingNote: (meeting: PlanEntry['meetings'][number]) => string;
};

/**
 * A plan's budgets (per year, and per loop) and its alignment meetings as CSV rows: each in
 * the period it covers, amounts in the plan's currency, a meeting's vacancies counted.
 */
export function budgetAndMeetingRows(entry: PlanEntry, labels: ExtraLabels): CsvExtraRow[] {
  const rows: CsvExtraRow[] = [];
  for (const b of entry.budgets) {
    const period = {
      unit: entry.currency,
      start: `${b.year}-01-01`,
      end: `${b.year}-12-31`,
      note: '',
    };
    rows.push({ ...period, name: labels.hrBudget, value: b.hrBudget });
    rows.push({ ...period, name: labels.brandBudget, value: b.brand });
    rows.push({ ...period, name: labels.recruitmentBudget, value: b.recruitment });
  }
  for (const loop of entry.loops) {
    if (!loop.budget) continue;
    const range = loopRange(entry.firstLoopStart, entry.loopLength, loop.index);
    if (!range.ok) continue;
    const period = { unit: entry.currency, ...range.value, note: '' };
    rows.push({ ...period, name: labels.brandBudget, value: loop.budget.brand });
    rows.push({ ...period, name: labels.recruitmentBudget, value: loop.budget.recruitment });
  }
  for (const m of [...entry.meetings].sort((a, b) => a.date.localeCompare(b.date)))
    rows.push({
      name: labels.meeting,
      unit: labels.vacancies,
      start: m.date,
      end: m.date,
      value: m.vacancies.length,
      note: labels.meetingNote(m),
    });
  return rows;
}
