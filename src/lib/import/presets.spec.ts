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

describe('clicks, and what a column means whatever the language of its header (issue 17)', () => {
  it('suggests link clicks for Meta and clicks for LinkedIn', () => {
    expect(byLabel(ok(read('meta-en.csv')).series, 'Link clicks').suggested).toBe('linkClicks');
    expect(byLabel(ok(read('meta-nl-1252.csv')).series, 'Klikken op link').suggested).toBe(
      'linkClicks',
    );
    expect(byLabel(ok(read('linkedin.csv')).series, 'Clicks').suggested).toBe('clicks');
  });

  it('gives the Dutch and English header of the same column the same meaning', () => {
    const en = ok(read('meta-en.csv')).series;
    const nl = ok(read('meta-nl-1252.csv')).series;
    expect(byLabel(en, 'Link clicks').meaning).toBe('meta:link clicks');
    for (const [english, dutch] of [
      ['Link clicks', 'Klikken op link'],
      ['Results', 'Resultaten'],
      ['Impressions', 'Weergaven'],
    ] as const)
      expect(byLabel(nl, dutch).meaning).toBe(byLabel(en, english).meaning);
    // A column the tool does not define keeps its header.
    expect(byLabel(ok(extract('Date,Visits\n2026-01-01,5')).series, 'Visits').meaning).toBe(
      undefined,
    );
  });
});

describe('applicant tracking exports', () => {
  it('counts applications, attributable ones, hires and time to hire per day and source channel', () => {
    const result = ok(read('ats.csv'));
    expect(result.preset).toBe('ats');
    const get = (key: string) =>
      result.series
        .find((s) => s.key === key)!
        .points.map((p) => [p.start, p.end, p.value, p.channel]);
    // The source column is each candidate's channel; no or an unknown source: the import's own.
    expect(get('applications')).toEqual([
      ['2026-01-03', '2026-01-03', 1, 'Indeed'],
      ['2026-01-03', '2026-01-03', 1, undefined],
      ['2026-01-15', '2026-01-15', 1, 'Werkenbij site'],
      ['2026-01-15', '2026-01-15', 1, undefined],
    ]);
    expect(get('attributable')).toEqual([
      ['2026-01-03', '2026-01-03', 1, 'Indeed'],
      ['2026-01-15', '2026-01-15', 1, 'Werkenbij site'],
    ]);
    expect(get('hires')).toEqual([
      ['2026-02-20', '2026-02-20', 1, 'Indeed'],
      ['2026-03-01', '2026-03-01', 1, undefined],
    ]);
    // One mean per day over all sources (weighted by that day's hires), without a channel.
    expect(get('timeToHire')).toEqual([
      ['2026-02-20', '2026-02-20', 48, undefined],
      ['2026-03-01', '2026-03-01', 45, undefined],
    ]);
    expect(result.series.map((s) => s.label)).toEqual(
      expect.arrayContaining(['Indeed', 'Werkenbij site']),
    );
  });
});

describe('applicant tracking sources', () => {
  it('writes one channel per source in a file, spelled as it first appears', () => {
    const text = [
      'Candidate,Applied date,Source',
      'C1,01-01-2026,Werkenbij site',
      'C2,01-01-2026,werkenbij site',
      'C3,02-01-2026,facebook',
    ].join('\n');
    const result = extract(text);
    if (!result.ok) throw new Error('not read');
    const applications = result.series.find((s) => s.key === 'applications')!;
    expect(applications.points.map((p) => [p.start, p.channel, p.value])).toEqual([
      ['2026-01-01', 'Werkenbij site', 2],
      ['2026-01-02', 'Meta', 1],
    ]);
  });
});

describe('the range an export covers', () => {
  it('is stated by GA4 comments, Meta reporting columns and LinkedIn range line', () => {
    expect(ok(read('ga4-en.csv')).range).toEqual({
      start: '2026-01-01',
      end: '2026-01-03',
      stated: true,
    });
    expect(ok(read('ga4-nl-old.csv')).range).toEqual({
      start: '2025-11-01',
      end: '2025-11-30',
      stated: true,
    });
    // Daily rows for 1 and 2 January in a report over 1–3 January.
    expect(ok(read('meta-en.csv')).range).toEqual({
      start: '2026-01-01',
      end: '2026-01-03',
      stated: true,
    });
    expect(ok(read('meta-nl-1252.csv')).range).toEqual({
      start: '2026-01-01',
      end: '2026-01-31',
      stated: true,
    });
    expect(ok(read('linkedin.csv')).range).toEqual({
      start: '2026-01-01',
      end: '2026-01-13',
      stated: true,
    });
  });

  it('is the first to the last day present where the file says nothing (ATS, generic tables)', () => {
    // Applied from 3 January, the last hire on 1 March.
    expect(ok(read('ats.csv')).range).toEqual({
      start: '2026-01-03',
      end: '2026-03-01',
      stated: false,
    });
    expect(ok(read('generic-tab.csv')).range).toEqual({
      start: '2026-01-01',
      end: '2026-01-02',
      stated: false,
    });
    const noComments = ok(extract('Date,Sessions,Active users\n20260105,5,4\n20260102,6,4\n'));
    expect(noComments).toMatchObject({
      preset: 'ga4',
      range: { start: '2026-01-02', end: '2026-01-05', stated: false },
    });
    const noRange = ok(extract('Campaign Name,Start Date (in UTC),Impressions\nA,1/2/2026,5\n'));
    expect(noRange).toMatchObject({
      preset: 'linkedin',
      range: { start: '2026-01-02', end: '2026-01-02', stated: false },
    });
  });
});

describe('reading numbers, dates and totals right (review cases)', () => {
  const first = (text: string, label: string) => values(byLabel(ok(extract(text)).series, label));

  it('English thousands in a tab file stay thousands; a comma file with Dutch decimals is Dutch', () => {
    expect(first('Date\tVisits\n2026-01-01\t1,234\n2026-01-02\t2,500.5', 'Visits')[0]).toEqual([
      '2026-01-01',
      '2026-01-01',
      1234,
    ]);
    expect(first('Datum,Bezoeken\n2026-01-01,"1,5"\n2026-01-02,"1.234,5"', 'Bezoeken')[1]).toEqual([
      '2026-01-02',
      '2026-01-02',
      1234.5,
    ]);
  });

  it('dates with dashes are day first unless a day above 12 says otherwise, in every date column', () => {
    expect(first('Datum,Sollicitaties\n01-02-2026,5', 'Sollicitaties')).toEqual([
      ['2026-02-01', '2026-02-01', 5],
    ]);
    const ats = ok(
      extract('Candidate,Applied date,Source,Hired date\nA,03-01-2026,Indeed,20-02-2026\n'),
    );
    expect(values(ats.series.find((s) => s.key === 'applications')!)).toEqual([
      ['2026-01-03', '2026-01-03', 1],
    ]);
    expect(first('Date,Visits\n01/02/2026,5', 'Visits')).toEqual([['2026-01-02', '2026-01-02', 5]]);
  });

  it('a summary row without a label is a total when rows have no date', () => {
    const text =
      '# Start date: 20260101\n# End date: 20260131\nPage title,Sessions,Key events\n,800,15\nJobs,420,12\nWork,380,3\n';
    expect(first(text, 'Sessions')).toEqual([['2026-01-01', '2026-01-31', 800]]);
  });

  it('a row with a date is data even when a label says Total', () => {
    const result = ok(
      extract('Date,Vacancy,Applications\n2026-01-01,Total,5\n2026-01-02,Nurse,3\n'),
    );
    expect(result.skipped).toBe(0);
    expect(values(byLabel(result.series, 'Applications'))).toHaveLength(2);
  });

  it('suggests one column per KPI: GA4 total and active users are not added up', () => {
    const result = ok(
      extract('Date,Total users,Active users,Sessions\n20260101,100,90,120\n20260102,110,95,130\n'),
    );
    expect(result.series.map((s) => s.suggested)).toEqual([
      'uniqueVisitors',
      null,
      'careerSiteVisits',
    ]);
  });

  it('a rate already in percent is not multiplied again', () => {
    expect(
      first('Date,Sessions,Engagement rate\n20260101,10,61.5%\n20260102,12,0.6', 'Engagement rate'),
    ).toEqual([
      ['2026-01-01', '2026-01-01', 61.5],
      ['2026-01-02', '2026-01-02', 60],
    ]);
  });

  it('a number column with a cell that cannot be read is reported, not dropped', () => {
    const result = extract('Date,Spend\n2026-01-01,5.00\n2026-01-02,(5.00)\n2026-01-03,4.00\n');
    expect(result.ok ? [] : result.problems).toMatchObject([
      { line: 3, column: 'Spend', message: 'import.error.notANumber' },
    ]);
    const nothing = extract('Date;Notes\n2026-01-01;good\n2026-01-02;bad\n');
    expect(nothing.ok ? [] : nothing.problems).toMatchObject([
      { line: 1, message: 'import.error.noValues' },
    ]);
  });

  it('counts the line breaks inside quoted cells for the line of a later problem', () => {
    const result = extract(
      'Date,Note,Visits\n2026-01-01,"a\n",5\n2026-01-02,b,6\n2026-01-03,c,7\n2026-01-04,d,8\n2026-01-05,e,x\n',
    );
    expect(result.ok ? [] : result.problems).toMatchObject([{ line: 7, column: 'Visits' }]);
  });
});

describe('where each value comes from', () => {
  it('a point keeps the line of its first row, the cells it combines and the cells a unit may refuse', () => {
    const result = ok(
      extract(
        'Date,Campaign,Spend\n2026-01-05,A,4\n2026-01-05,B,-1\n2026-01-05,C,2.5\n2026-01-05,D,-2\n2026-01-06,A,3\n',
      ),
    );
    expect(byLabel(result.series, 'Spend').points).toEqual([
      {
        start: '2026-01-05',
        end: '2026-01-05',
        value: 3.5,
        line: 2,
        cells: 4,
        // The first negative cell and the first that is not whole; the second negative is not kept.
        notable: [
          { line: 3, value: -1 },
          { line: 4, value: 2.5 },
        ],
      },
      { start: '2026-01-06', end: '2026-01-06', value: 3, line: 6, cells: 1 },
    ]);
  });

  it('scientific notation within the maximum is read in the notation of the file', () => {
    const en = ok(extract('Date,Impressions\n2026-01-05,1.5E+3\n2026-01-06,2e3\n'));
    expect(values(en.series[0]!)).toEqual([
      ['2026-01-05', '2026-01-05', 1500],
      ['2026-01-06', '2026-01-06', 2000],
    ]);
    const nl = ok(extract('Datum;Weergaven\n05-01-2026;1,5E+03\n06-01-2026;2,25\n'));
    expect(values(nl.series[0]!)).toEqual([
      ['2026-01-05', '2026-01-05', 1500],
      ['2026-01-06', '2026-01-06', 2.25],
    ]);
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

  it('durations as analytics tools export them (00:01:14, 1m 14s) are read as seconds', () => {
    const result = ok(
      extract(
        'Date,Sessions,Avg. Session Duration,Engagement time\n' +
          '2026-01-01,500,00:01:14,1m 14s\n' +
          '2026-01-02,510,00:02:03,2m 3s\n',
      ),
    );
    expect(values(byLabel(result.series, 'Avg. Session Duration'))).toEqual([
      ['2026-01-01', '2026-01-01', 74],
      ['2026-01-02', '2026-01-02', 123],
    ]);
    expect(values(byLabel(result.series, 'Engagement time'))).toEqual([
      ['2026-01-01', '2026-01-01', 74],
      ['2026-01-02', '2026-01-02', 123],
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
      'a number beyond the maximum every number has, also in scientific notation',
      'Date,Sessions,Active users\n20260101,5,4\n20260102,1e308,4\n20260103,6,10000000000000000',
      [
        { line: 3, column: 'Sessions', message: 'import.error.tooLarge' },
        { line: 4, column: 'Active users', message: 'import.error.tooLarge' },
      ],
    ],
    [
      'a number too large in the only row of its column',
      'Date,Hires\n2026-01-05,1E+308\n',
      [{ line: 2, column: 'Hires', message: 'import.error.tooLarge' }],
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
