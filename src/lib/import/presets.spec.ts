import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode';
import { extract, type Extraction, type Series } from './presets';

const fixture = (name: string) =>
  decodeCsv(new Uint8Array(readFileSync(`tests/fixtures/csv/${name}`)));
const read = (name: string) => extract(fixture(name).text);

function ok(result: Extraction): Extract<Extraction, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}
const byLabel = (series: Series[], label: string) => {
  const found = series.find((s) => s.label === label);
  if (!found) throw new Error(`no series ${label}: ${series.map((s) => s.label).join(', ')}`);
  return found;
};
const values = (s: Series) =>
  s.points.map((p) => [p.start, p.end, Math.round(p.value * 100) / 100]);

describe('decodeCsv', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(fixture('ats.csv')).toMatchObject({ encoding: 'utf-8-bom' });
    expect(fixture('ats.csv').text.startsWith('Candidate')).toBe(true);
  });

  it('reads Windows-1252 as Dutch Excel writes it', () => {
    const { text, encoding } = fixture('meta-nl-1252.csv');
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Verpleegkundigen café');
  });

  it('reads plain UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('Datum,Café\n')).text).toBe('Datum,Café\n');
  });
});

describe('GA4 report exports', () => {
  it('skips the comment lines, the grand total and the second table; rates become percentages', () => {
    const result = ok(read('ga4-en.csv'));
    expect(result).toMatchObject({ preset: 'ga4', notation: 'en', rows: 3, skipped: 1 });
    const sessions = byLabel(result.series, 'Sessions');
    expect(sessions.suggested).toBe('careerSiteVisits');
    expect(values(sessions)).toEqual([
      ['2026-01-01', '2026-01-01', 500],
      ['2026-01-02', '2026-01-02', 510],
      ['2026-01-03', '2026-01-03', 520],
    ]);
    expect(values(byLabel(result.series, 'Engagement rate'))[1]).toEqual([
      '2026-01-02',
      '2026-01-02',
      62,
    ]);
    expect(byLabel(result.series, 'Key events').suggested).toBe('applicationsCompleted');
    expect(result.series.map((s) => s.label)).not.toContain('Session primary channel group');
  });

  it('reads an older Dutch export without a date column over the range in its comments', () => {
    const result = ok(read('ga4-nl-old.csv'));
    expect(result).toMatchObject({ preset: 'ga4', rows: 2, skipped: 1 });
    expect(values(byLabel(result.series, 'Sessies'))).toEqual([['2025-11-01', '2025-11-30', 800]]);
    expect(byLabel(result.series, 'Conversies').suggested).toBe('applicationsCompleted');
  });
});

describe('Meta Ads Manager exports', () => {
  it('English, per day: rows of the same day add up, frequency is averaged', () => {
    const result = ok(read('meta-en.csv'));
    expect(result.preset).toBe('meta');
    expect(values(byLabel(result.series, 'Reach'))).toEqual([
      ['2026-01-01', '2026-01-01', 1200],
      ['2026-01-02', '2026-01-02', 1600],
    ]);
    expect(values(byLabel(result.series, 'Amount spent (EUR)'))[1]).toEqual([
      '2026-01-02',
      '2026-01-02',
      42.25,
    ]);
    expect(values(byLabel(result.series, 'Frequency'))[1]).toEqual([
      '2026-01-02',
      '2026-01-02',
      1.7,
    ]);
    expect(byLabel(result.series, 'Reach').suggested).toBe('reachMeta');
  });

  it('Dutch, with semicolons, Dutch numbers and the reporting range per campaign', () => {
    const result = ok(read('meta-nl-1252.csv'));
    expect(result).toMatchObject({ preset: 'meta', notation: 'nl' });
    expect(values(byLabel(result.series, 'Besteed bedrag (EUR)'))).toEqual([
      ['2026-01-01', '2026-01-31', 1484.56],
    ]);
    expect(values(byLabel(result.series, 'Bereik'))).toEqual([['2026-01-01', '2026-01-31', 15500]]);
    expect(byLabel(result.series, 'Weergaven').suggested).toBe('impressions');
  });
});

describe('LinkedIn Campaign Manager exports', () => {
  it('skips the title and range lines and the total row; dates are M/D/YYYY', () => {
    const result = ok(read('linkedin.csv'));
    expect(result).toMatchObject({ preset: 'linkedin', rows: 3, skipped: 1 });
    expect(values(byLabel(result.series, 'Total Spent'))).toEqual([
      ['2026-01-01', '2026-01-01', 45.1],
      ['2026-01-02', '2026-01-02', 40],
      ['2026-01-13', '2026-01-13', 38.5],
    ]);
    expect(byLabel(result.series, 'Leads').suggested).toBe('leadForms');
  });
});

describe('applicant tracking exports', () => {
  it('counts applications, attributable ones, hires and time to hire per day', () => {
    const result = ok(read('ats.csv'));
    expect(result.preset).toBe('ats');
    const get = (key: string) => values(result.series.find((s) => s.key === key)!);
    expect(get('applications')).toEqual([
      ['2026-01-03', '2026-01-03', 2],
      ['2026-01-15', '2026-01-15', 2],
    ]);
    expect(get('attributable')).toEqual([
      ['2026-01-03', '2026-01-03', 1],
      ['2026-01-15', '2026-01-15', 1],
    ]);
    expect(get('hires')).toEqual([
      ['2026-02-20', '2026-02-20', 1],
      ['2026-03-01', '2026-03-01', 1],
    ]);
    expect(get('timeToHire')).toEqual([
      ['2026-02-20', '2026-02-20', 48],
      ['2026-03-01', '2026-03-01', 45],
    ]);
    expect(result.series.map((s) => s.label)).toEqual(
      expect.arrayContaining(['Indeed', 'Werkenbij site']),
    );
  });
});

describe('progress', () => {
  it('is reported while a large file is parsed, up to the whole file', () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}`,
    );
    const seen: number[] = [];
    const result = extract(`Date,Visits\n${rows.join('\n')}\n`, (f) => seen.push(f));
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeGreaterThan(0.3);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    expect(seen[1]).toBeLessThanOrEqual(1);
  });
});

describe('generic tables', () => {
  it('a file that matches no preset: a date column and value columns, Dutch numbers by tab', () => {
    const result = ok(read('generic-tab.csv'));
    expect(result).toMatchObject({ preset: 'generic', notation: 'nl' });
    expect(values(byLabel(result.series, 'Vacaturebezoeken'))).toEqual([
      ['2026-01-01', '2026-01-01', 1200],
      ['2026-01-02', '2026-01-02', 1150.5],
    ]);
  });
});

describe('bad input: a message with the line and column, and nothing read', () => {
  it.each([
    ['an empty file', '', [{ line: 1, message: 'import.error.empty' }]],
    ['a header only', 'Date,Sessions\n', [{ line: 1, message: 'import.error.headerOnly' }]],
    ['a file that is not CSV', '{"backup": true}', [{ line: 1, message: 'import.error.notCsv' }]],
    [
      'ragged rows',
      'Date,Sessions,Users\n20260101,5,4\n20260102,6\n20260103,7,5,9',
      [
        { line: 3, message: 'import.error.ragged' },
        { line: 4, message: 'import.error.ragged' },
      ],
    ],
    [
      'an unreadable number',
      'Date,Sessions,Active users\n20260101,5,4\n20260102,five,4',
      [{ line: 3, column: 'Sessions', message: 'import.error.notANumber' }],
    ],
    [
      'an unreadable date',
      'Date,Sessions,Active users\n20260101,5,4\n20261302,6,4',
      [{ line: 3, column: 'Date', message: 'import.error.notADate' }],
    ],
  ])('%s', (_, text, expected) => {
    const result = extract(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ params: _p, ...rest }) => rest)).toEqual(expected);
  });

  it('a binary file (an image) is not a table', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    const result = extract(decodeCsv(png).text);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['import.error.notCsv']);
  });

  it('an unclosed quote', () => {
    const result = extract('Date,Sessions,Active users\n20260101,"5,4\n20260102,6,4');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toContain('import.error.quotes');
  });
});
