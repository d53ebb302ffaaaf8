import { describe, expect, it } from 'vitest';
import type { Kpi, Measurement } from '$lib/schema';
import { budgetAndMeetingRows, csvCell, measurementsCsv, type CsvLabels } from './csv';

const kpi = (id: string, name: string, order: number): Kpi => ({
  id,
  planId: 'p',
  name,
  pillar: 'reach',
  side: 'brand',
  unit: 'count',
  direction: 'higher',
  aggregation: { kind: 'sum' },
  source: 'manual',
  order,
});
const value = (kpiId: string, start: string, v: number | null, note?: string): Measurement => ({
  id: `${kpiId}-${start}`,
  planId: 'p',
  kpiId,
  start,
  end: start,
  value: v,
  source: 'manual',
  ...(note ? { note } : {}),
});
const labels: CsvLabels = {
  headers: ['KPI', 'Pillar', 'Unit', 'Start', 'End', 'Value', 'Source', 'Note'],
  kpiName: (k) => k.name ?? '',
  pillar: () => 'Reach',
  unit: () => 'count',
  source: () => 'typed',
  typed: 'typed',
};

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6 1234', "'+31 6 1234"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises %j so a spreadsheet shows it as text', (text, cell) => {
    expect(csvCell(text, ',')).toBe(cell);
  });

  it('quotes cells with the delimiter, quotes or line breaks, and leaves plain text alone', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell('Zorggroep Één', ',')).toBe('Zorggroep Één');
  });
});

describe('measurementsCsv', () => {
  const kpis = [kpi('b', 'Hires', 1), kpi('a', 'Reach', 0)];
  const rows = [
    value('b', '2026-01-01', 3),
    value('a', '2026-02-01', 1234.5, '=cmd'),
    value('a', '2026-01-01', null),
  ];

  it('writes English CSV with commas and a decimal point, KPIs in plan order, periods by date', () => {
    expect(measurementsCsv(kpis, rows, 'en', labels)).toBe(
      '\uFEFFKPI,Pillar,Unit,Start,End,Value,Source,Note\r\n' +
        'Reach,Reach,count,2026-01-01,2026-01-01,,typed,\r\n' +
        "Reach,Reach,count,2026-02-01,2026-02-01,1234.5,typed,'=cmd\r\n" +
        'Hires,Reach,count,2026-01-01,2026-01-01,3,typed,\r\n',
    );
  });

  it('writes the values of two channels on one day as two rows, ordered by channel', () => {
    const meta = { ...value('b', '2026-01-01', 2), id: 'm', channel: 'Meta' };
    const linkedIn = { ...value('b', '2026-01-01', 1), id: 'l', channel: 'LinkedIn' };
    const byChannel: CsvLabels = { ...labels, source: (m) => m.channel ?? 'typed' };
    const lines = measurementsCsv(kpis, [meta, linkedIn], 'en', byChannel).split('\r\n');
    expect(lines.slice(1, 3)).toEqual([
      'Hires,Reach,count,2026-01-01,2026-01-01,1,LinkedIn,',
      'Hires,Reach,count,2026-01-01,2026-01-01,2,Meta,',
    ]);
  });

  it('writes Dutch CSV with semicolons and a decimal comma', () => {
    const lines = measurementsCsv(kpis, rows, 'nl', labels).split('\r\n');
    expect(lines[0]).toBe('\uFEFFKPI;Pillar;Unit;Start;End;Value;Source;Note');
    expect(lines[2]).toBe("Reach;Reach;count;2026-02-01;2026-02-01;1234,5;typed;'=cmd");
  });

  it('adds budgets and meetings after the values, in the same columns, neutralised too', () => {
    const csv = measurementsCsv([], [], 'nl', labels, [
      {
        name: 'HR budget',
        unit: 'EUR',
        start: '2026-01-01',
        end: '2026-12-31',
        value: 1234.5,
        note: '',
      },
      {
        name: 'Meeting',
        unit: 'vacancies',
        start: '2026-02-10',
        end: '2026-02-10',
        value: 2,
        note: '=HYPERLINK("x")',
      },
    ]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      'HR budget;;EUR;2026-01-01;2026-12-31;1234,5;typed;',
      `Meeting;;vacancies;2026-02-10;2026-02-10;2;typed;"'=HYPERLINK(""x"")"`,
    ]);
  });

  it('leaves out values of KPIs that are not in the plan', () => {
    const csv = measurementsCsv(kpis, [value('gone', '2026-01-01', 1)], 'en', labels);
    expect(csv.split('\r\n')).toHaveLength(2);
  });
});

describe('budgetAndMeetingRows', () => {
  it('lists the yearly and loop budgets and each meeting in the periods they cover', async () => {
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync('tests/fixtures/backups/v1-example.json', 'utf8')) as {
      data: { plans: import('./format').PlanEntry[] };
    };
    const entry = structuredClone(file.data.plans[0]!);
    for (const loop of entry.loops) delete loop.budget;
    entry.loops.find((l) => l.index === 2)!.budget = { brand: 500, recruitment: 1500 };
    const rows = budgetAndMeetingRows(entry, {
      hrBudget: 'HR',
      brandBudget: 'Brand',
      recruitmentBudget: 'Recruitment',
      meeting: 'Meeting',
      vacancies: 'vacancies',
      meetingNote: (m) => m.successes,
    });
    expect(rows.map((r) => [r.name, r.start, r.end, r.value])).toEqual([
      ['HR', '2026-01-01', '2026-12-31', 120000],
      ['Brand', '2026-01-01', '2026-12-31', 18000],
      ['Recruitment', '2026-01-01', '2026-12-31', 60000],
      ['Brand', '2025-05-01', '2025-06-30', 500],
      ['Recruitment', '2025-05-01', '2025-06-30', 1500],
      ['Meeting', '2026-02-10', '2026-02-10', 1],
    ]);
    expect(rows.at(-1)).toMatchObject({ unit: 'vacancies', note: 'Open day drew 40 visitors' });
    expect(rows[0]!.unit).toBe('EUR');
  });
});
