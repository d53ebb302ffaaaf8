import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBackup, checkFile, MAX_LISTED_PROBLEMS } from './check';
import { BACKUP_VERSION, MAX_BACKUP_BYTES, type BackupFile } from './format';
import { upgradeData } from './upgrade';

const FIXTURE = readFileSync('tests/fixtures/backups/v1-example.json', 'utf8');
const fixture = (): BackupFile => JSON.parse(FIXTURE) as BackupFile;
const text = (file: unknown) => JSON.stringify(file);
const firstPlan = (file: BackupFile) => file.data.plans[0]!;

async function problems(input: string) {
  const result = await checkBackup(input);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.problems.map((p) => ({ path: p.path, message: p.message }));
}

describe('checkBackup of a good file', () => {
  it('accepts the version 1 fixture with every table', async () => {
    const result = await checkBackup(FIXTURE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.backup.data.plans[0]!;
    expect(result.fromVersion).toBe(1);
    expect(plan.organisation).toBe('Example: De Linde Care Group');
    expect({
      kpis: plan.kpis.length,
      loops: plan.loops.length,
      measurements: plan.measurements.length,
      meetings: plan.meetings.length,
      budgets: plan.budgets.length,
    }).toEqual({ kpis: 15, loops: 6, measurements: 504, meetings: 1, budgets: 1 });
  });

  it('reports progress up to the end, rising, while it walks and checks the rows', async () => {
    const small: [number, number][] = [];
    await checkBackup(FIXTURE, (done, total) => small.push([done, total]));
    // One plan and its 565 rows, each walked for prototype keys (1 unit), then checked (9).
    expect(small.at(-1)).toEqual([5660, 5660]);

    const file = fixture();
    const plan = firstPlan(file);
    const copies = Array.from({ length: 12 }, (_, n) =>
      plan.measurements.map((m) => ({ ...m, id: `${m.id.slice(0, 30)}-${n}` })),
    );
    plan.measurements = copies.flat();
    const seen: number[] = [];
    let pauses = 0;
    const result = await checkBackup(
      text(file),
      (done, total) => seen.push(done / total),
      () => {
        pauses++;
        return Promise.resolve();
      },
    );
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(1);
    // The walk reports too: the first report comes before a tenth of the way.
    expect(seen[0]).toBeLessThan(0.1);
    expect(pauses).toBeGreaterThanOrEqual(seen.length - 1);
  });

  it('reads a file that starts with a byte order mark (as Windows editors save it)', async () => {
    expect((await checkBackup(`\uFEFF${FIXTURE}`)).ok).toBe(true);
  });
});

describe('checkBackup refuses, with the path and reason of each problem', () => {
  it('an empty file', async () => {
    expect(await problems('  \n')).toEqual([{ path: '', message: 'backup.error.empty' }]);
  });

  it('a file that is not JSON, or is cut off, with what is wrong and its line and column', async () => {
    const first = async (input: string) => {
      const result = await checkBackup(input);
      return result.ok ? null : result.problems;
    };
    // Our own scan gives the place: current Chromium's message names none for these.
    expect(await first('{\n "format": "talentloop-backup",\n oops')).toEqual([
      { path: '', message: 'backup.error.notJson', params: { line: 3, column: 2, char: 'o' } },
    ]);
    expect(await first('Organisation;Loop\nAcme;1')).toEqual([
      { path: '', message: 'backup.error.notJson', params: { line: 1, column: 1, char: 'O' } },
    ]);
    // A trailing comma after the last plan.
    const trailing = FIXTURE.replace(/\}\n\s*\]\n\s*\}\n\}\s*$/, '},\n  ]\n }\n}\n');
    expect(trailing).not.toBe(FIXTURE);
    const lines = trailing.split('\n');
    expect(await first(trailing)).toEqual([
      {
        path: '',
        message: 'backup.error.notJson',
        params: { line: lines.length - 3, column: 3, char: ']' },
      },
    ]);
    // A missing closing quote: the text runs into the end of its line.
    const lineOf = FIXTURE.split('\n').findIndex((line) => line.includes('"organisation"'));
    const unquoted = FIXTURE.replace('Linde Care Group",', 'Linde Care Group,');
    const line = unquoted.split('\n')[lineOf]!;
    expect(await first(unquoted)).toEqual([
      {
        path: '',
        message: 'backup.error.jsonOpenText',
        params: { line: lineOf + 1, column: line.length + 1 },
      },
    ]);
    // Cut off: it ends before the JSON does, at its last line and column.
    expect(await first('{"format": "talentloop-backup",\n"version": 1')).toEqual([
      { path: '', message: 'backup.error.jsonEndsEarly', params: { line: 2, column: 13 } },
    ]);
    const half = FIXTURE.slice(0, FIXTURE.length / 2);
    const halfLines = half.split('\n');
    expect(await first(half)).toEqual([
      {
        path: '',
        message: expect.stringMatching(/^backup\.error\.(jsonEndsEarly|jsonOpenText)$/),
        params: { line: halfLines.length, column: halfLines.at(-1)!.length + 1 },
      },
    ]);
    // After a byte order mark, columns count as an editor shows them (without it).
    expect(await first('\uFEFF{"a": 1,}')).toEqual([
      { path: '', message: 'backup.error.notJson', params: { line: 1, column: 9, char: '}' } },
    ]);
    // Two marks: the second is a character JSON does not allow.
    expect(await first('\uFEFF\uFEFF{}')).toEqual([
      {
        path: '',
        message: 'backup.error.notJson',
        params: { line: 1, column: 1, char: 'U+FEFF' },
      },
    ]);
  });

  it('JSON that is not a Talentloop backup', async () => {
    expect(await problems('[1,2,3]')).toEqual([{ path: '', message: 'backup.error.notABackup' }]);
    expect(await problems('{"type":"excalidraw","version":2}')).toEqual([
      { path: '', message: 'backup.error.notABackup' },
    ]);
  });

  it('a newer version with that reason, and unknown versions', async () => {
    const newer = { ...fixture(), version: BACKUP_VERSION + 1 };
    const result = await checkBackup(text(newer));
    expect(result.ok ? null : result.problems).toEqual([
      {
        path: 'version',
        message: 'backup.error.newerVersion',
        params: { version: BACKUP_VERSION + 1, supported: BACKUP_VERSION },
      },
    ]);
    for (const version of [0, -1, 1.5])
      expect(await problems(text({ ...fixture(), version }))).toEqual([
        { path: 'version', message: 'backup.error.unknownVersion' },
      ]);
    // Text or null is not a version number: the message shows what was found.
    const found = async (version: unknown) => {
      const result = await checkBackup(text({ ...fixture(), version }));
      return result.ok ? null : result.problems;
    };
    expect(await found('1')).toEqual([
      {
        path: 'version',
        message: 'backup.error.versionNotNumber',
        params: { found: '"1"', supported: BACKUP_VERSION },
      },
    ]);
    expect(await found(null)).toEqual([
      {
        path: 'version',
        message: 'backup.error.versionNotNumber',
        params: { found: 'null', supported: BACKUP_VERSION },
      },
    ]);
    expect(await found(undefined)).toEqual([
      { path: 'version', message: 'backup.error.versionMissing' },
    ]);
  });

  it('wrong types and missing fields, several at once', async () => {
    const file = fixture();
    const plan = firstPlan(file) as unknown as Record<string, unknown>;
    (plan.loops as Record<string, unknown>[])[3]!.updatedAt = 'yesterday';
    (plan.kpis as Record<string, unknown>[])[0]!.order = 'first';
    delete (plan.campaigns as Record<string, unknown>[])[1]!.name;
    delete plan.budgets;
    expect(await problems(text(file))).toEqual([
      { path: 'plans[0].kpis[0].order', message: 'error.expectedNumber' },
      { path: 'plans[0].loops[3].updatedAt', message: 'error.notATimestamp' },
      { path: 'plans[0].campaigns[1].name', message: 'error.missing' },
      { path: 'plans[0].budgets', message: 'error.missing' },
    ]);
  });

  it('values that break the grid’s rules for their unit, each at its place', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    const unit = (i: number) => plan.kpis.find((k) => k.id === plan.measurements[i]!.kpiId)?.unit;
    // The fixture's first values: a count, then (index 17) brand awareness in percent.
    expect([unit(0), unit(1), unit(17)]).toEqual(['count', 'count', 'percent']);
    plan.measurements[0]!.value = -5;
    plan.measurements[1]!.value = 12.5;
    plan.measurements[17]!.value = 150;
    plan.targets[0]!.value = -1;
    const found = await problems(text(file));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'plans[0].measurements[0].value', message: 'domain.error.negativeCount' },
        { path: 'plans[0].measurements[1].value', message: 'domain.error.notACount' },
        { path: 'plans[0].measurements[17].value', message: 'domain.error.percentOverHundred' },
      ]),
    );
    expect(found.some((p) => p.path === 'plans[0].targets[0].value')).toBe(true);
    // The value of one hire has the same maximum as every number (1e308 showed as "€∞").
    const costly = fixture();
    (firstPlan(costly) as { valuePerHire?: number }).valuePerHire = 1e308;
    expect(await problems(text(costly))).toEqual([
      { path: 'plans[0].valuePerHire', message: 'error.tooLarge' },
    ]);
  });

  it('names a catalog KPI by its key for the message to translate, a custom KPI by its name', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    const kpiOf = (i: number) => plan.kpis.find((k) => k.id === plan.measurements[i]!.kpiId)!;
    const catalog = kpiOf(0);
    expect(catalog.catalogKey).toBeTruthy();
    plan.measurements[0]!.value = -5;
    // A KPI of the catalog renamed by the user is called by the user's name.
    const renamed = kpiOf(17);
    renamed.name = 'Naamsbekendheid (enquête)';
    plan.measurements[17]!.value = 150;
    const result = await checkBackup(text(file));
    expect(result.ok ? null : result.problems).toEqual([
      {
        path: 'plans[0].measurements[0].value',
        message: 'domain.error.negativeCount',
        params: { field: catalog.catalogKey, value: '-5', kpi: catalog.catalogKey },
      },
      {
        path: 'plans[0].measurements[17].value',
        message: 'domain.error.percentOverHundred',
        params: { field: 'Naamsbekendheid (enquête)', value: '150' },
      },
    ]);
  });

  it('a date that is not a date, at its path', async () => {
    const file = fixture();
    firstPlan(file).campaigns[2]!.start = '2026-02-30';
    expect(await problems(text(file))).toEqual([
      { path: 'plans[0].campaigns[2].start', message: 'error.notADate' },
    ]);
  });

  it('NaN (as text) and numbers too large to be real', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    (plan.measurements[0] as { value: unknown }).value = 'NaN';
    plan.measurements[1]!.value = 5e20;
    // JSON has no Infinity; a number beyond double range parses as one.
    const raw = text(file).replace('"hrBudget":120000', '"hrBudget":1e999');
    expect(await problems(raw)).toEqual([
      { path: 'plans[0].measurements[0].value', message: 'error.expectedNumber' },
      { path: 'plans[0].measurements[1].value', message: 'error.tooLarge' },
      { path: 'plans[0].budgets[0].hrBudget', message: 'error.notFinite' },
    ]);
  });

  it('unknown fields, and planId inside a nested row', async () => {
    const file = fixture();
    (firstPlan(file) as unknown as Record<string, unknown>).colour = 'red';
    (firstPlan(file).kpis[1] as unknown as Record<string, unknown>).planId = 'x';
    expect(await problems(text(file))).toEqual([
      { path: 'plans[0].colour', message: 'error.unknownKeys' },
      { path: 'plans[0].kpis[1].planId', message: 'error.unknownKeys' },
    ]);
  });

  it('prototype keys anywhere in the file', async () => {
    const raw = text(fixture())
      .replace('"organisation":', '"__proto__":{"isAdmin":true},"organisation":')
      .replace('"strategy":', '"constructor":{"prototype":{}},"strategy":');
    expect(await problems(raw)).toEqual([
      { path: 'plans[0].__proto__', message: 'backup.error.forbiddenKey' },
      { path: 'plans[0].loops[0].constructor', message: 'backup.error.forbiddenKey' },
    ]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('duplicate ids, within a table and across plans', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    plan.measurements[7]!.id = plan.measurements[2]!.id;
    file.data.plans.push({ ...structuredClone(plan), organisation: 'Copy' });
    const found = await problems(text(file));
    expect(found).toContainEqual({
      path: 'plans[0].measurements[7].id',
      message: 'backup.error.duplicateId',
    });
    expect(found).toContainEqual({ path: 'plans[1].id', message: 'backup.error.duplicateId' });
    expect(found).toContainEqual({
      path: 'plans[1].kpis[0].id',
      message: 'backup.error.duplicateId',
    });
  });

  it('dangling references: a measurement of a KPI that does not exist, a target of a missing loop', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    plan.measurements[4]!.kpiId = 'no-such-kpi';
    plan.targets[0]!.loopId = 'no-such-loop';
    expect(await problems(text(file))).toEqual([
      { path: 'plans[0].targets[0].loopId', message: 'backup.error.dangling' },
      { path: 'plans[0].measurements[4].kpiId', message: 'backup.error.dangling' },
    ]);
  });

  it('ratio parts and focus rules that name neither a KPI of the plan nor a catalog KPI', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    const ratio = plan.kpis.findIndex((k) => k.aggregation.kind === 'ratio');
    const aggregation = plan.kpis[ratio]!.aggregation as { numerator: string };
    aggregation.numerator = 'gone';
    // A catalog key and a KPI id of the plan are both fine; another plan's id is not.
    plan.loops[0]!.focusRules = {
      expectedRise: ['reach', plan.kpis[0]!.id, 'kpi-of-another-plan'],
      expectedDrop: [{ kpi: 'nothing', reason: '' }],
    };
    expect(await problems(text(file))).toEqual([
      { path: `plans[0].kpis[${ratio}].aggregation.numerator`, message: 'backup.error.dangling' },
      { path: 'plans[0].loops[0].focusRules.expectedRise[2]', message: 'backup.error.dangling' },
      {
        path: 'plans[0].loops[0].focusRules.expectedDrop[0].kpi',
        message: 'backup.error.dangling',
      },
    ]);
  });

  it('a second loop with the same number and a second target for the same KPI and loop', async () => {
    const file = fixture();
    const plan = firstPlan(file);
    plan.loops[2]!.index = plan.loops[1]!.index;
    plan.targets.push({ ...plan.targets[0]!, id: 'another-target' });
    expect(await problems(text(file))).toEqual([
      {
        path: `plans[0].targets[${plan.targets.length - 1}]`,
        message: 'backup.error.duplicateTarget',
      },
      { path: 'plans[0].loops[2].index', message: 'backup.error.duplicateLoop' },
    ]);
  });

  it('lists at most a limited number of problems, counting all', async () => {
    const file = fixture();
    for (const m of firstPlan(file).measurements) m.start = 'soon';
    const result = await checkBackup(text(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.total).toBe(504);
  });
});

describe('checkFile', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const huge = {
      name: 'huge.json',
      size: 200 * 1024 * 1024,
      text: () => Promise.reject(new Error('must not be read')),
    };
    expect(await checkFile(huge)).toEqual({
      ok: false,
      tooBig: { size: 200 * 1024 * 1024, limit: MAX_BACKUP_BYTES },
      problems: [],
      total: 0,
    });
  });

  it('reads and checks a file within the limit', async () => {
    const file = { name: 'b.json', size: FIXTURE.length, text: async () => FIXTURE };
    expect((await checkFile(file)).ok).toBe(true);
  });
});

describe('upgradeData', () => {
  it('applies one upgrader per version, in order, up to the target', () => {
    const upgraders = {
      1: (d: unknown) => ({ ...(d as object), v2: true }),
      2: (d: unknown) => ({ ...(d as object), v3: (d as { v2: boolean }).v2 }),
    };
    expect(upgradeData({ plans: [] }, 1, upgraders, 3)).toEqual({ plans: [], v2: true, v3: true });
    expect(upgradeData({ plans: [] }, 2, upgraders, 3)).toEqual({ plans: [], v3: undefined });
  });

  it('refuses to guess when an upgrader is missing', () => {
    expect(() => upgradeData({}, 1, {}, 2)).toThrow('No upgrader from backup version 1 to 2');
  });

  it('reads version 1 data as version 2: a value without a channel is the unnamed channel', () => {
    const data = { plans: [{ measurements: [{ id: 'm', value: 3 }] }] };
    expect(BACKUP_VERSION).toBe(2);
    expect(upgradeData(data, 1)).toEqual(data);
  });

  it('leaves data of the current version as it is', () => {
    const data = { plans: [] };
    expect(upgradeData(data, BACKUP_VERSION)).toBe(data);
  });
});
