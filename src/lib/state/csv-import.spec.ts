import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extract } from '$lib/import/presets';
import { MAX_CSV_BYTES, readCsvFile } from '$lib/import/read-file';
import type { CsvProblem } from '$lib/import/table';
import { settingDefaults } from '$lib/schema/settings';
import { removeKpi } from '$lib/storage/kpis-repo';
import { saveValues } from '$lib/storage/values-repo';
import { createPlan } from '$lib/storage/plans-repo';
import { loadSettings } from '$lib/storage/settings-repo';
import { CsvImport } from './csv-import.svelte';
import { planSession } from './plan-session.svelte';
import { settingsState } from './settings.svelte';
import { appDb, drafts, PLAN_INPUT, useAppDb } from './test-support';
import { storedMeasurements } from '$lib/storage/test-support';

// Node has no Web Worker: the file is read here, by the same extraction the worker runs.
vi.mock('$lib/import/read-file', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/import/read-file')>()),
  readCsvFile: vi.fn(),
}));
const read = vi.mocked(readCsvFile);

async function readInProcess(file: Blob, onProgress?: (fraction: number) => void) {
  onProgress?.(0.5);
  return { encoding: 'utf-8' as const, result: extract(await file.text()) };
}

useAppDb();
beforeEach(() => {
  read.mockImplementation(readInProcess);
  settingsState.values = { ...settingDefaults };
});
afterEach(() => {
  read.mockReset();
});

/** A generic export: a date column and three value columns, one of them named like a KPI. */
const CSV = 'Date,Reach,Hires,Other\n2026-01-05,100,1,7\n2026-01-06,150,2,8\n';
const csvFile = (text = CSV, name = 'export.csv') => new File([text], name, { type: 'text/csv' });

/** A plan with reach and hires (two-month loops from 2026-01-01), open at loop 1. */
async function openPlan() {
  const db = await appDb();
  const { plan } = await createPlan(db, PLAN_INPUT, drafts('reach', 'hires'));
  await planSession.open(plan.id, 1);
  const [reach, hires] = planSession.rows.map((r) => r.kpi.id) as [string, string];
  return { db, plan, reach, hires };
}

describe('CsvImport.choose', () => {
  it('reads the file, then suggests a mapping by column name', async () => {
    const { hires } = await openPlan();
    const csv = new CsvImport();
    const choosing = csv.choose(csvFile());
    expect(csv.phase).toBe('reading');
    expect(csv.fileName).toBe('export.csv');
    await choosing;
    expect(csv.phase).toBe('mapping');
    expect(csv.percent).toBe(50);
    expect(csv.read?.preset).toBe('generic');
    expect(csv.mapping).toEqual({ 'col-1': null, 'col-2': hires, 'col-3': null });
    expect(csv.writes).toEqual([
      {
        kpiId: hires,
        start: '2026-01-05',
        end: '2026-01-05',
        value: 1,
        existing: null,
        ...{ series: 'col-2', line: 2, cells: 1 },
      },
      {
        kpiId: hires,
        start: '2026-01-06',
        end: '2026-01-06',
        value: 2,
        existing: null,
        ...{ series: 'col-2', line: 3, cells: 1 },
      },
    ]);
    expect(csv.refusals).toEqual([]);
    expect(csv.conflictCount).toBe(0);
    expect(csv.preview.map((cell) => [cell.kpiId, cell.period, cell.imported.value])).toEqual([
      [hires, 1, 3],
    ]);
  });

  it('refuses a file over the limit without reading it', async () => {
    await openPlan();
    const csv = new CsvImport();
    await csv.choose({ name: 'huge.csv', size: MAX_CSV_BYTES + 1 } as File);
    expect(csv.phase).toBe('tooBig');
    expect(csv.limit).toBe(MAX_CSV_BYTES);
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a file the extraction cannot read, with its problems', async () => {
    await openPlan();
    const problems: CsvProblem[] = [{ line: 2, column: 'Date', message: 'import.error.notADate' }];
    read.mockResolvedValueOnce({ encoding: 'windows-1252', result: { ok: false, problems } });
    const csv = new CsvImport();
    await csv.choose(csvFile());
    expect(csv.phase).toBe('refused');
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.problems).toEqual(problems);
    expect(csv.read).toBeUndefined();
  });

  it('fails when the reader fails', async () => {
    await openPlan();
    const error = new Error('worker crashed');
    read.mockRejectedValueOnce(error);
    const csv = new CsvImport();
    await csv.choose(csvFile());
    expect(csv.phase).toBe('failed');
    expect(csv.failure).toBe(error);
  });

  it('takes no other file while one is being read', async () => {
    await openPlan();
    const csv = new CsvImport();
    const first = csv.choose(csvFile(CSV, 'first.csv'));
    await csv.choose(csvFile(CSV, 'second.csv'));
    await first;
    expect(csv.fileName).toBe('first.csv');
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('CsvImport.write', () => {
  it('writes the mapped values through the session and remembers the mapping', async () => {
    const { db, plan, reach, hires } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile());
    csv.mapping = { ...csv.mapping, 'col-1': reach };
    await csv.write();
    expect(csv.phase).toBe('done');
    expect(csv.result).toEqual({ added: 4, replaced: 0, skipped: 0, zeros: 0 });
    expect(planSession.status).toBe('saved');
    const stored = planSession.bundle!.measurements;
    expect(stored.map((m) => [m.kpiId, m.start, m.value, m.source])).toEqual(
      expect.arrayContaining([
        [reach, '2026-01-05', 100, 'manual'],
        [reach, '2026-01-06', 150, 'manual'],
        [hires, '2026-01-05', 1, 'manual'],
        [hires, '2026-01-06', 2, 'manual'],
      ]),
    );
    expect(stored).toHaveLength(4);
    expect((await storedMeasurements(db)).length).toBe(4);

    // "Not imported" where nothing was suggested (Other) is no choice: not remembered.
    const remembered = { Reach: reach, Hires: hires };
    expect(settingsState.values.importMappings).toEqual({ [`${plan.id}:generic`]: remembered });
    expect((await loadSettings(db)).settings.importMappings).toEqual({
      [`${plan.id}:generic`]: remembered,
    });
  });

  it('maps the next file of the same kind as the user mapped the last one', async () => {
    const { reach, hires } = await openPlan();
    const first = new CsvImport();
    await first.choose(csvFile());
    first.mapping = { 'col-1': reach, 'col-2': null, 'col-3': null };
    await first.write();
    const next = new CsvImport();
    await next.choose(csvFile('Date,Other,Reach,Hires\n2026-02-01,1,2,3\n'));
    // By column header, wherever the column now is; a column left out stays left out.
    expect(next.mapping).toEqual({ 'col-1': null, 'col-2': reach, 'col-3': null });
    expect(hires).toBeDefined();
  });

  it('does not use the mapping remembered for another plan', async () => {
    const { reach } = await openPlan();
    const first = new CsvImport();
    await first.choose(csvFile());
    first.mapping = { 'col-1': reach, 'col-2': null, 'col-3': null };
    await first.write();
    const other = await openPlan();
    const next = new CsvImport();
    await next.choose(csvFile());
    expect(next.mapping).toEqual({ 'col-1': null, 'col-2': other.hires, 'col-3': null });
  });

  it('adds a KPI the plan lacks from the import, maps the column to it, and remembers it by meaning', async () => {
    const { db, plan, hires } = await openPlan();
    const english = 'Day,Link clicks,Results,Reporting starts\n2026-01-05,40,1,2026-01-05\n';
    const csv = new CsvImport();
    await csv.choose(csvFile(english));
    expect(csv.mapping).toEqual({ 'col-1': null, 'col-2': null });
    expect(await csv.addKpi('linkClicks')).toBe(true);
    const added = planSession.rows.find((r) => r.definition.key === 'linkClicks')!.kpi;
    expect(await db.kpis.get(added.id)).toMatchObject({
      catalogKey: 'linkClicks',
      planId: plan.id,
    });
    expect(csv.mapping).toEqual({ 'col-1': added.id, 'col-2': null });
    csv.mapping = { ...csv.mapping, 'col-2': hires };
    await csv.write();
    expect(csv.result).toEqual({ added: 2, replaced: 0, skipped: 0, zeros: 0 });
    expect(settingsState.values.importMappings).toEqual({
      [`${plan.id}:meta`]: { 'meta:link clicks': added.id, 'meta:results': hires },
    });
    // The Dutch headers of the same columns get the same KPIs.
    const dutch = new CsvImport();
    await dutch.choose(
      csvFile('Dag;Klikken op link;Resultaten;Start rapportage\n6-1-2026;35;2;6-1-2026\n'),
    );
    expect(dutch.mapping).toEqual({ 'col-1': added.id, 'col-2': hires });
  });

  it('adds no KPI outside the mapping step, nor one the catalog does not have', async () => {
    const { db } = await openPlan();
    const csv = new CsvImport();
    expect(await csv.addKpi('linkClicks')).toBe(false);
    await csv.choose(csvFile());
    expect(await csv.addKpi('noSuchKpi')).toBe(false);
    expect(await db.kpis.count()).toBe(2);
  });

  it('skips or replaces values already stored on the same day, as chosen', async () => {
    const { hires } = await openPlan();
    const first = new CsvImport();
    await first.choose(csvFile());
    await first.write();
    const changed = 'Date,Hires\n2026-01-05,5\n2026-01-06,6\n';

    const skip = new CsvImport();
    await skip.choose(csvFile(changed));
    expect(skip.conflictCount).toBe(2);
    skip.conflicts = 'skip';
    await skip.write();
    expect(skip.result).toEqual({ added: 0, replaced: 0, skipped: 2, zeros: 0 });
    expect(planSession.bundle?.measurements.map((m) => m.value)).toEqual([1, 2]);

    const replace = new CsvImport();
    await replace.choose(csvFile(changed));
    await replace.write();
    expect(replace.result).toEqual({ added: 0, replaced: 2, skipped: 0, zeros: 0 });
    expect(
      planSession.bundle?.measurements.filter((m) => m.kpiId === hires).map((m) => m.value),
    ).toEqual([5, 6]);
  });

  it('fails, remembering nothing, when a mapped KPI was removed meanwhile', async () => {
    const { db, plan, hires } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile());
    await removeKpi(db, plan.id, hires);
    await csv.write();
    expect(csv.phase).toBe('failed');
    expect(csv.failure).toBe(planSession.failure);
    expect(String(csv.failure)).toMatch(/is not in plan/);
    expect((await storedMeasurements(db)).length).toBe(0);
    expect(settingsState.values.importMappings).toEqual({});
  });

  it("writes nothing while a mapped value breaks its KPI's number rules", async () => {
    const { db, reach, hires } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile('Date,Reach,Hires\n2026-01-05,100,-5\n2026-01-06,150,2.5\n'));
    expect(csv.mapping).toEqual({ 'col-1': null, 'col-2': hires });
    expect(csv.refusals.map((r) => [r.line, r.series, r.start, r.code, r.value])).toEqual([
      [2, 'col-2', '2026-01-05', 'negativeCount', -5],
      [3, 'col-2', '2026-01-06', 'notACount', 2.5],
    ]);
    await csv.write();
    expect(csv.phase).toBe('mapping');
    expect((await storedMeasurements(db)).length).toBe(0);
    // Leaving that column out lifts the refusal: the rest is written.
    csv.mapping = { 'col-1': reach, 'col-2': null };
    expect(csv.refusals).toEqual([]);
    await csv.write();
    expect(csv.phase).toBe('done');
    expect((await storedMeasurements(db)).map((m) => m.value).sort()).toEqual([100, 150]);
  });

  it('an ATS export: days without a candidate count as zero in its channels unless unticked, over no stored value', async () => {
    const { db, hires } = await openPlan();
    // A hire typed in earlier for 20 January stays as it is (the unnamed channel).
    const typed = new CsvImport();
    await typed.choose(csvFile('Date,Hires\n2026-01-20,3\n'));
    await typed.write();
    // Candidates from 1 January to 28 February (all of loop 1), one hire on 10 February.
    const ats = [
      'Candidate,Applied date,Source,Hired date',
      'C1,01-01-2026,Indeed,10-02-2026',
      'C2,15-01-2026,,',
      'C3,28-02-2026,Indeed,',
    ].join('\n');
    const csv = new CsvImport();
    await csv.choose(csvFile(ats, 'ats.csv'));
    expect(csv.read?.range).toEqual({ start: '2026-01-01', end: '2026-02-28', stated: false });
    expect(csv.fillZeros).toBe(true);
    // 59 days of Indeed's hires: one hire, 58 zeros (the typed 3 is another channel's).
    expect(csv.fills).toHaveLength(58);
    expect(new Set(csv.fills.filter((w) => w.kpiId === hires).map((w) => w.channel))).toEqual(
      new Set(['Indeed']),
    );
    const loop1 = () => csv.preview.find((c) => c.kpiId === hires && c.period === 1)!;
    expect(loop1().imported).toMatchObject({ value: 1, coveredDays: 59, days: 59 });
    // After the import: Indeed's hire beside the typed three.
    expect(loop1().after).toMatchObject({ value: 4, coveredDays: 59 });
    csv.fillZeros = false;
    expect(loop1().imported).toMatchObject({ value: 1, coveredDays: 1 });
    csv.fillZeros = true;
    await csv.write();
    expect(csv.result).toEqual({ added: 59, replaced: 0, skipped: 0, zeros: 58 });
    const stored = (await storedMeasurements(db))
      .filter((m) => m.kpiId === hires)
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(stored).toHaveLength(60);
    expect(
      stored.filter((m) => m.value !== 0).map((m) => [m.start, m.value, m.source, m.channel]),
    ).toEqual([
      ['2026-01-20', 3, 'manual', undefined],
      ['2026-02-10', 1, 'ats', 'Indeed'],
    ]);
    expect(stored.every((m) => m.value !== 0 || m.source === 'ats')).toBe(true);
  });

  it('a second channel adds to the first; replace or keep applies to the same channel only', async () => {
    const db = await appDb();
    const { plan } = await createPlan(db, PLAN_INPUT, drafts('spend', 'impressions'));
    await planSession.open(plan.id, 1);
    const [spend] = planSession.rows.map((r) => r.kpi.id) as [string];
    const meta = [
      'Campaign name,Day,Impressions,Amount spent (EUR),Reporting starts,Reporting ends',
      'A,2026-01-01,100,30.00,2026-01-01,2026-01-02',
      'A,2026-01-02,100,20.00,2026-01-01,2026-01-02',
    ].join('\n');
    const linkedin = [
      'Start Date (in UTC),Campaign Name,Total Spent,Impressions',
      '1/1/2026,B,45.00,300',
      '1/2/2026,B,5.00,200',
    ].join('\n');
    const first = new CsvImport();
    await first.choose(csvFile(meta, 'meta.csv'));
    expect(first.channel).toBe('Meta');
    await first.write();
    const second = new CsvImport();
    await second.choose(csvFile(linkedin, 'linkedin.csv'));
    expect(second.channel).toBe('LinkedIn');
    // Nothing of LinkedIn's is stored yet: no question to replace; Meta's stay and add up.
    expect(second.conflictCount).toBe(0);
    expect(second.otherChannels).toEqual(['Meta']);
    const loop1 = second.preview.find((c) => c.kpiId === spend && c.period === 1)!;
    expect(loop1.current.value).toBe(50);
    expect(loop1.imported.value).toBe(50);
    expect(loop1.after.value).toBe(100);
    await second.write();
    expect(second.result).toMatchObject({ added: 4, replaced: 0 });
    const stored = (await storedMeasurements(db)).filter((m) => m.kpiId === spend);
    expect(stored.map((m) => [m.start, m.channel, m.value]).sort()).toEqual([
      ['2026-01-01', 'LinkedIn', 45],
      ['2026-01-01', 'Meta', 30],
      ['2026-01-02', 'LinkedIn', 5],
      ['2026-01-02', 'Meta', 20],
    ]);
    // The same Meta file again: only Meta's values are the ones already there.
    const again = new CsvImport();
    await again.choose(csvFile(meta.replace('30.00', '31.00'), 'meta.csv'));
    expect(again.conflictCount).toBe(4);
    expect(again.otherChannels).toEqual(['LinkedIn']);
    again.conflicts = 'skip';
    expect(again.preview.find((c) => c.kpiId === spend && c.period === 1)!.after.value).toBe(100);
    again.conflicts = 'replace';
    expect(again.preview.find((c) => c.kpiId === spend && c.period === 1)!.after.value).toBe(101);
    await again.write();
    expect(again.result).toMatchObject({ added: 0, replaced: 4 });
    const after = (await storedMeasurements(db)).filter((m) => m.kpiId === spend);
    expect(after).toHaveLength(4);
    expect(after.reduce((sum, m) => sum + (m.value ?? 0), 0)).toBe(101);
  });

  it('values imported before channels existed are met by a re-import on the same days, typed ones add up', async () => {
    const db = await appDb();
    const { plan } = await createPlan(db, PLAN_INPUT, drafts('spend', 'impressions'));
    await planSession.open(plan.id, 1);
    const [spend] = planSession.rows.map((r) => r.kpi.id) as [string];
    // An older import (no channel, source ads) for 1 January; a typed total for loop 1.
    await saveValues(db, plan.id, [
      { kpiId: spend, start: '2026-01-01', end: '2026-01-01', value: 30, source: 'ads' },
      { kpiId: spend, start: '2026-01-01', end: '2026-02-28', value: 500 },
    ]);
    await planSession.open(plan.id, 1);
    const meta = [
      'Campaign name,Day,Amount spent (EUR),Reporting starts,Reporting ends',
      'A,2026-01-01,30.00,2026-01-01,2026-01-02',
      'A,2026-01-02,20.00,2026-01-01,2026-01-02',
    ].join('\n');
    const csv = new CsvImport();
    await csv.choose(csvFile(meta, 'meta.csv'));
    expect(csv.conflictCount).toBe(1);
    // The typed total stays and adds up; the older import of 1 January is replaced.
    expect(csv.otherChannels).toEqual(['']);
    expect(csv.preview.find((c) => c.kpiId === spend && c.period === 1)!.after.value).toBe(550);
    await csv.write();
    expect(csv.result).toMatchObject({ added: 1, replaced: 1 });
    const stored = (await storedMeasurements(db)).filter((m) => m.kpiId === spend);
    expect(stored.map((m) => [m.start, m.end, m.channel, m.value]).sort()).toEqual([
      ['2026-01-01', '2026-01-01', 'Meta', 30],
      ['2026-01-01', '2026-02-28', undefined, 500],
      ['2026-01-02', '2026-01-02', 'Meta', 20],
    ]);
  });

  it('an older ATS import of a day is met by every source of that day: keep adds nothing, replace swaps it', async () => {
    const { db, hires } = await openPlan();
    await saveValues(db, planSession.plan!.id, [
      { kpiId: hires, start: '2026-01-05', end: '2026-01-05', value: 3, source: 'ats' },
    ]);
    await planSession.open(planSession.plan!.id, 1);
    const ats = [
      'Candidate,Applied date,Source,Hired date',
      'C1,01-01-2026,LinkedIn,05-01-2026',
      'C2,01-01-2026,Indeed,05-01-2026',
      'C3,01-01-2026,,05-01-2026',
    ].join('\n');
    const keep = new CsvImport();
    await keep.choose(csvFile(ats, 'ats.csv'));
    keep.fillZeros = false;
    keep.conflicts = 'skip';
    const loop1 = (csv: CsvImport) => csv.preview.find((c) => c.kpiId === hires && c.period === 1)!;
    expect(loop1(keep).after.value).toBe(3);
    await keep.write();
    expect(keep.result).toMatchObject({ added: 0, skipped: 3 });
    const replace = new CsvImport();
    await replace.choose(csvFile(ats, 'ats.csv'));
    replace.fillZeros = false;
    expect(loop1(replace).after.value).toBe(3);
    await replace.write();
    expect(replace.result).toMatchObject({ replaced: 3 });
    const stored = (await storedMeasurements(db)).filter((m) => m.kpiId === hires);
    expect(stored.map((m) => [m.start, m.channel, m.value]).sort()).toEqual([
      ['2026-01-05', 'ATS', 1],
      ['2026-01-05', 'Indeed', 1],
      ['2026-01-05', 'LinkedIn', 1],
    ]);
  });

  it("an older import's month total is met by a channel's daily values inside it; a typed one is not", async () => {
    const { db, hires } = await openPlan();
    const planId = planSession.plan!.id;
    await saveValues(db, planId, [
      { kpiId: hires, start: '2026-01-01', end: '2026-01-31', value: 9, source: 'ats' },
      { kpiId: hires, start: '2026-02-01', end: '2026-02-28', value: 4 },
    ]);
    await planSession.open(planId, 1);
    const daily = 'Date,Hires\n2026-01-05,2\n2026-02-05,1\n';
    const csv = new CsvImport();
    await csv.choose(csvFile(daily));
    csv.channelText = 'Werkenbij';
    // January's older total is met (replace or keep); February's typed total adds up.
    expect(csv.conflictCount).toBe(1);
    const loop1 = () => csv.preview.find((c) => c.kpiId === hires && c.period === 1)!;
    expect(loop1().after.value).toBe(2 + 1 + 4);
    csv.conflicts = 'skip';
    expect(loop1().after.value).toBe(9 + 1 + 4);
    csv.conflicts = 'replace';
    await csv.write();
    expect(csv.result).toMatchObject({ added: 1, replaced: 1 });
    const stored = (await storedMeasurements(db)).filter((m) => m.kpiId === hires);
    expect(stored.map((m) => [m.start, m.end, m.channel, m.value]).sort()).toEqual([
      ['2026-01-05', '2026-01-05', 'Werkenbij', 2],
      ['2026-02-01', '2026-02-28', undefined, 4],
      ['2026-02-05', '2026-02-05', 'Werkenbij', 1],
    ]);
  });

  it('a channel the plan already has keeps its spelling', async () => {
    const { db, hires } = await openPlan();
    const first = new CsvImport();
    await first.choose(csvFile('Date,Hires\n2026-01-05,1\n'));
    first.channelText = 'StepStone';
    await first.write();
    const again = new CsvImport();
    await again.choose(csvFile('Date,Hires\n2026-01-05,2\n'));
    again.channelText = 'stepstone';
    expect(again.conflictCount).toBe(1);
    await again.write();
    const stored = (await storedMeasurements(db)).filter((m) => m.kpiId === hires);
    expect(stored.map((m) => [m.channel, m.value])).toEqual([['StepStone', 2]]);
  });

  it('a channel the user names is stored as written, an alias as its channel; empty is the typed values’ channel', async () => {
    const { db, hires } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile('Date,Hires\n2026-01-05,1\n'));
    expect(csv.channel).toBeUndefined();
    csv.channelText = '  werkenbij   site ';
    expect(csv.channel).toBe('werkenbij site');
    csv.channelText = 'facebook';
    expect(csv.channel).toBe('Meta');
    await csv.write();
    const [stored] = (await storedMeasurements(db)).filter((m) => m.kpiId === hires);
    expect(stored?.channel).toBe('Meta');
  });

  it('a table of dates and numbers: the range is only guessed, so days without rows stay empty', async () => {
    const { hires } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile('Date,Hires\n2026-01-05,1\n2026-01-09,2\n'));
    expect(csv.fillZeros).toBe(false);
    expect(csv.fills.map((w) => [w.kpiId, w.start])).toEqual(
      ['2026-01-06', '2026-01-07', '2026-01-08'].map((d) => [hires, d]),
    );
    expect(csv.writes).toHaveLength(2);
  });

  it('writes nothing when no column is mapped', async () => {
    const { db } = await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile());
    csv.mapping = { 'col-1': null, 'col-2': null, 'col-3': null };
    await csv.write();
    expect(csv.phase).toBe('mapping');
    expect((await storedMeasurements(db)).length).toBe(0);
  });

  it('reset forgets the file', async () => {
    await openPlan();
    const csv = new CsvImport();
    await csv.choose(csvFile());
    csv.reset();
    expect(csv.phase).toBe('idle');
    expect(csv.read).toBeUndefined();
    expect(csv.mapping).toEqual({});
    expect(csv.writes).toEqual([]);
  });
});
