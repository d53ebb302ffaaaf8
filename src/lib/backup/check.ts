import type { z } from 'zod/mini';
import { KPI_CATALOG } from '$lib/domain/catalog';
import { checkKpiValue } from '$lib/domain/wizard';
import type { MessageKey } from '$lib/i18n/keys';
import { timestampSchema } from '$lib/schema/common';
import { planSchema } from '$lib/schema/plan';
import { PLAN_TABLES, schemaOf, type PlanTable } from '$lib/schema/tables';
import { describeIssues, wrongType, type Issue } from '$lib/schema/issues';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type BackupFile,
  type EntryRow,
  type PlanEntry,
} from './format';
import { findJsonSyntaxError } from './json-position';
import { upgradeData } from './upgrade';
import { nextTask } from '$lib/schedule';

const CATALOG_KEYS = new Set(KPI_CATALOG.map((kpi) => kpi.key));

/** The schema of each plan table's rows, from the registry (schema/tables.ts). */
const rowSchemas = Object.fromEntries(
  PLAN_TABLES.map((table) => [table, schemaOf(table)]),
) as Record<PlanTable, z.ZodMiniObject>;

/** Keys that could reach an object's prototype if some code ever copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many problems are listed; the count says how many there were. */
export const MAX_LISTED_PROBLEMS = 50;

export type CheckProgress = (done: number, total: number) => void;

/**
 * What a check awaits between chunks of rows: on the page a yield, so it paints and answers
 * input; in a Web Worker nothing has to wait (`noPause`).
 */
export type Pause = () => Promise<void>;

export const noPause: Pause = () => Promise.resolve();

/** Rows walked or checked between two pauses (and progress reports). */
const CHUNK = 2000;

/**
 * Progress units per row: walking it for prototype keys takes about a ninth of the time that
 * checking it takes (a 50 MB file in V8).
 */
const WALK_UNITS = 1;
const CHECK_UNITS = 9;

export type CheckResult =
  | { ok: true; backup: BackupFile; fromVersion: number }
  | { ok: false; problems: Issue[]; total: number };

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects problems, keeping only the first MAX_LISTED_PROBLEMS but counting all. */
class Problems {
  list: Issue[] = [];
  total = 0;
  add(issue: Issue): void {
    this.total++;
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push(issue);
  }
  get failed(): CheckResult {
    return { ok: false, problems: this.list, total: this.total };
  }
}

/**
 * Every object key under `root` that could pollute a prototype, with its path; the values in
 * `skip` are left out (walked row by row by `findForbiddenKeys`).
 */
function forbiddenKeysIn(
  root: unknown,
  path: string,
  problems: Problems,
  skip?: ReadonlySet<unknown>,
): void {
  const stack: [unknown, string][] = [[root, path]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (skip?.has(value)) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        const at = path ? `${path}.${key}` : key;
        // Paths inside `data` are written from `plans`, like every other problem.
        if (FORBIDDEN_KEYS.has(key))
          problems.add({
            path: at.startsWith('data.') ? at.slice(5) : at,
            message: 'backup.error.forbiddenKey',
            params: { key },
          });
        else stack.push([value[key], at]);
      }
    }
  }
}

/** The plan entries of a parsed file, if it has them where a backup has them. */
function planEntries(parsed: unknown): unknown[] | null {
  const data = isObject(parsed) ? parsed.data : undefined;
  return isObject(data) && Array.isArray(data.plans) ? data.plans : null;
}

/** The rows of each plan table of an entry (tables that are not lists are walked whole). */
function tablesOf(entry: unknown): unknown[][] {
  if (!isObject(entry)) return [];
  return PLAN_TABLES.map((table) => entry[table]).filter((rows) => Array.isArray(rows));
}

/**
 * Every key in the file that could pollute a prototype: the envelope and each plan's own
 * fields in one go, then the rows one by one, so a big file can pause between chunks of rows.
 */
async function findForbiddenKeys(
  parsed: unknown,
  problems: Problems,
  onRows: (rows: number) => Promise<void>,
): Promise<void> {
  const plans = planEntries(parsed);
  forbiddenKeysIn(parsed, '', problems, new Set([plans]));
  if (!plans) return;
  for (let p = 0; p < plans.length; p++) {
    const entry = plans[p];
    const tables = tablesOf(entry);
    forbiddenKeysIn(entry, `data.plans[${p}]`, problems, new Set(tables));
    await onRows(1);
    if (!isObject(entry)) continue;
    for (const table of PLAN_TABLES) {
      const rows = entry[table];
      if (!Array.isArray(rows)) continue;
      for (let r = 0; r < rows.length; r += CHUNK) {
        const end = Math.min(r + CHUNK, rows.length);
        for (let i = r; i < end; i++)
          forbiddenKeysIn(rows[i], `data.plans[${p}].${table}[${i}]`, problems);
        await onRows(end - r);
      }
    }
  }
}

/** The envelope: a Talentloop backup of a version this build can read (upgraded to now). */
function checkEnvelope(
  parsed: unknown,
  problems: Problems,
): { data: unknown; version: number; exportedAt: string; appVersion: string } | null {
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) {
    problems.add({ path: '', message: 'backup.error.notABackup' });
    return null;
  }
  const { version } = parsed;
  if (version === undefined) {
    problems.add({ path: 'version', message: 'backup.error.versionMissing' });
    return null;
  }
  // A version written as text ("1") or anything else that is not a number: said as found.
  if (typeof version !== 'number') {
    problems.add({
      path: 'version',
      message: 'backup.error.versionNotNumber',
      params: { found: JSON.stringify(version), supported: BACKUP_VERSION },
    });
    return null;
  }
  if (!Number.isInteger(version) || version < 1) {
    problems.add({
      path: 'version',
      message: 'backup.error.unknownVersion',
      params: { version: String(version) },
    });
    return null;
  }
  if (version > BACKUP_VERSION) {
    problems.add({
      path: 'version',
      message: 'backup.error.newerVersion',
      params: { version, supported: BACKUP_VERSION },
    });
    return null;
  }
  const exportedAt = timestampSchema.safeParse(parsed.exportedAt);
  if (!exportedAt.success) problems.add(prefixed('exportedAt', exportedAt.error)[0]!);
  const app = parsed.app;
  const appVersion = isObject(app) && typeof app.version === 'string' ? app.version : '';
  if (!isObject(app) || app.name !== 'Talentloop' || !appVersion)
    problems.add({ path: 'app', message: 'backup.error.notABackup' });
  for (const key of Object.keys(parsed))
    if (!['format', 'version', 'exportedAt', 'app', 'data'].includes(key))
      unknownKey(problems, key);
  if (problems.total) return null;
  return {
    data: upgradeData(parsed.data, version),
    version,
    exportedAt: exportedAt.data!,
    appVersion,
  };
}

function unknownKey(problems: Problems, path: string): void {
  problems.add({ path, message: 'error.unknownKeys', params: { keys: path.split('.').pop()! } });
}

function prefixed(prefix: string, error: z.core.$ZodError): Issue[] {
  return describeIssues(error).map((issue) => ({
    ...issue,
    path: issue.path
      ? issue.path.startsWith('[')
        ? prefix + issue.path
        : `${prefix}.${issue.path}`
      : prefix,
  }));
}

/** Validates one object against `schema`, refusing keys the schema does not know. */
function checkObject<S extends z.ZodMiniObject>(
  value: unknown,
  schema: S,
  path: string,
  problems: Problems,
  allowed: readonly string[] = [],
): z.infer<S> | null {
  if (!isObject(value)) {
    problems.add({
      path,
      ...(value === undefined ? { message: 'error.missing' as const } : wrongType('object')),
    });
    return null;
  }
  const shape = schema.shape as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!(key in shape) && !allowed.includes(key)) {
      unknownKey(problems, `${path}.${key}`);
      ok = false;
    }
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of prefixed(path, result.error)) problems.add(issue);
    return null;
  }
  return ok ? (result.data as z.infer<S>) : null;
}

/** Ids must be unique per table across the file; references must point into the same plan. */
class References {
  #seen = new Map<string, Set<string>>();
  unique(table: string, id: string, path: string, problems: Problems): void {
    let ids = this.#seen.get(table);
    if (!ids) this.#seen.set(table, (ids = new Set()));
    if (ids.has(id))
      problems.add({ path: `${path}.id`, message: 'backup.error.duplicateId', params: { id } });
    ids.add(id);
  }
}

/** Where and how a text that JSON.parse refused breaks the grammar, as the user's message. */
function syntaxProblem(text: string): Issue {
  const error = findJsonSyntaxError(text);
  if (!error) return { path: '', message: 'backup.error.notJsonNoPlace' };
  const { line, column } = error;
  if (error.reason === 'end')
    return { path: '', message: 'backup.error.jsonEndsEarly', params: { line, column } };
  if (error.reason === 'openText')
    return { path: '', message: 'backup.error.jsonOpenText', params: { line, column } };
  return { path: '', message: 'backup.error.notJson', params: { line, column, char: error.char! } };
}

/**
 * Parses and checks a backup file's text: JSON, no prototype keys, the envelope and version
 * (older versions upgraded), every row against its schema with no unknown keys, unique ids,
 * and references that stay inside their plan. Reports every problem (up to a limit) with its
 * path, such as `plans[0].loops[3].start`, and a JSON syntax error with its line and column.
 * Pure; awaits `pause` between chunks of rows (on the page: yields, so it can paint).
 */
export async function checkBackup(
  text: string,
  onProgress: CheckProgress = () => {},
  pause: Pause = nextTask,
): Promise<CheckResult> {
  if (!text.trim())
    return { ok: false, problems: [{ path: '', message: 'backup.error.empty' }], total: 1 };
  // A byte order mark (Windows editors write one) is not part of the JSON; Blob.text() drops
  // it too, so a file and its text are read alike and columns count as editors show them.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, problems: [syntaxProblem(body)], total: 1 };
  }
  await pause();
  return checkBackupData(parsed, onProgress, pause);
}

/** checkBackup for a file already parsed (a snapshot kept in the database). */
export async function checkBackupData(
  parsed: unknown,
  onProgress: CheckProgress = () => {},
  pause: Pause = nextTask,
): Promise<CheckResult> {
  // Progress: the plans and their rows, walked for prototype keys, then checked.
  const plansIn = planEntries(parsed) ?? [];
  let total = plansIn.length;
  for (const entry of plansIn) for (const rows of tablesOf(entry)) total += rows.length;
  const units = total * (WALK_UNITS + CHECK_UNITS);
  let done = 0;
  let sincePause = 0;
  /** Counts `rows` more rows walked or checked; reports and pauses after every CHUNK. */
  const advance = async (rows: number, checked: boolean): Promise<void> => {
    done = Math.min(units, done + rows * (checked ? CHECK_UNITS : WALK_UNITS));
    sincePause += rows;
    if (sincePause < CHUNK) return;
    sincePause = 0;
    onProgress(done, units);
    await pause();
  };

  const problems = new Problems();
  await findForbiddenKeys(parsed, problems, (rows) => advance(rows, false));
  if (problems.total) return problems.failed;
  const envelope = checkEnvelope(parsed, problems);
  if (!envelope) return problems.failed;

  const { data } = envelope;
  if (!isObject(data) || !Array.isArray(data.plans)) {
    problems.add({
      path: isObject(data) ? 'data.plans' : 'data',
      ...(isObject(data) && data.plans === undefined
        ? { message: 'error.missing' as const }
        : wrongType(isObject(data) ? 'array' : 'object')),
    });
    return problems.failed;
  }
  for (const key of Object.keys(data)) if (key !== 'plans') unknownKey(problems, `data.${key}`);

  const raw = data.plans as unknown[];
  const tick = () => advance(1, true);

  const refs = new References();
  const plans: PlanEntry[] = [];
  for (let p = 0; p < raw.length; p++) {
    const at = `plans[${p}]`;
    const entry = raw[p];
    const plan = checkObject(entry, planSchema, at, problems, PLAN_TABLES);
    await tick();
    if (!isObject(entry)) continue;
    const planId = typeof entry.id === 'string' ? entry.id : '';
    if (planId) refs.unique('plans', planId, at, problems);
    const out = { ...plan } as PlanEntry;
    const ids = new Map<PlanTable, Set<string>>();
    for (const table of PLAN_TABLES) {
      const rows = entry[table];
      const tableAt = `${at}.${table}`;
      const own = new Set<string>();
      ids.set(table, own);
      if (!Array.isArray(rows)) {
        (out as Record<string, unknown>)[table] = [];
        problems.add({
          path: tableAt,
          ...(rows === undefined ? { message: 'error.missing' as const } : wrongType('array')),
        });
        continue;
      }
      const valid: EntryRow<typeof table>[] = [];
      for (let r = 0; r < rows.length; r++) {
        const rowAt = `${tableAt}[${r}]`;
        const row: unknown = rows[r];
        if (isObject(row) && 'planId' in row) unknownKey(problems, `${rowAt}.planId`);
        const checked = checkObject(
          isObject(row) ? { ...row, planId } : row,
          rowSchemas[table],
          rowAt,
          problems,
        );
        // An invalid row still counts as present, so rows that refer to it are not also
        // reported as dangling: one mistake, one problem.
        const id = isObject(row) && typeof row.id === 'string' ? row.id : null;
        if (id !== null) {
          refs.unique(table, id, rowAt, problems);
          own.add(id);
        }
        if (checked) {
          const { planId: _ignored, ...stored } = checked;
          valid.push(stored as never);
        }
        await tick();
      }
      (out as Record<string, unknown>)[table] = valid;
    }
    if (plan) {
      checkReferences(out, at, ids, problems);
      plans.push(out);
    }
  }
  onProgress(units, units);
  if (problems.total) return problems.failed;
  return {
    ok: true,
    fromVersion: envelope.version,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: envelope.exportedAt,
      app: { name: 'Talentloop', version: envelope.appVersion },
      data: { plans },
    },
  };
}

/** References to a loop or KPI of the same plan, and the stores' unique combinations. */
function checkReferences(
  entry: PlanEntry,
  at: string,
  ids: Map<PlanTable, Set<string>>,
  problems: Problems,
): void {
  const dangling = (path: string, id: string) =>
    problems.add({ path, message: 'backup.error.dangling', params: { id } });
  const loops = ids.get('loops')!;
  const kpis = ids.get('kpis')!;
  // Ratio parts and focus rules name a KPI of this plan by id, or a catalog KPI by its key.
  const known = (ref: string) => kpis.has(ref) || CATALOG_KEYS.has(ref);
  entry.kpis.forEach((kpi, i) => {
    const agg = kpi.aggregation;
    if (agg.kind === 'share' && !known(agg.of)) dangling(`${at}.kpis[${i}].aggregation.of`, agg.of);
    if (agg.kind !== 'ratio') return;
    for (const part of ['numerator', 'denominator'] as const) {
      const ref = agg[part];
      if (!known(ref)) dangling(`${at}.kpis[${i}].aggregation.${part}`, ref);
    }
  });
  entry.loops.forEach((loop, i) => {
    const rules = loop.focusRules;
    if (!rules) return;
    rules.expectedRise.forEach((ref, r) => {
      if (!known(ref)) dangling(`${at}.loops[${i}].focusRules.expectedRise[${r}]`, ref);
    });
    rules.expectedDrop.forEach((drop, r) => {
      if (!known(drop.kpi))
        dangling(`${at}.loops[${i}].focusRules.expectedDrop[${r}].kpi`, drop.kpi);
    });
  });
  const pairs = new Set<string>();
  entry.targets.forEach((row, i) => {
    const path = `${at}.targets[${i}]`;
    if (!loops.has(row.loopId)) dangling(`${path}.loopId`, row.loopId);
    if (!kpis.has(row.kpiId)) dangling(`${path}.kpiId`, row.kpiId);
    const pair = `${row.loopId} ${row.kpiId}`;
    if (pairs.has(pair))
      problems.add({ path, message: 'backup.error.duplicateTarget', params: { id: row.kpiId } });
    pairs.add(pair);
  });
  for (const table of ['campaigns', 'loopChanges'] as const)
    entry[table].forEach((row, i) => {
      if (!loops.has(row.loopId)) dangling(`${at}.${table}[${i}].loopId`, row.loopId);
    });
  // Values obey the grid's rules for their KPI's unit: whole non-negative counts, percentages
  // up to 100, nothing negative (targets too). A catalog KPI is named by its key in `kpi`,
  // which the message shows in the reader's language (kpiNamed); a custom one by its name.
  const kpiById = new Map(entry.kpis.map((k) => [k.id, k]));
  const unitRule = (path: string, kpiId: string, value: number | null) => {
    const kpi = kpiById.get(kpiId);
    if (!kpi || value === null) return;
    const catalog = !kpi.name && kpi.catalogKey && CATALOG_KEYS.has(kpi.catalogKey);
    const checked = checkKpiValue(value, kpi.unit, kpi.name ?? kpi.catalogKey ?? kpi.id);
    if (!checked.ok)
      problems.add({
        path,
        message: `domain.error.${checked.error.code}` as MessageKey,
        params: {
          field: checked.error.field ?? '',
          value: checked.error.value ?? '',
          ...(catalog ? { kpi: kpi.catalogKey! } : {}),
        },
      });
  };
  entry.measurements.forEach((row, i) => {
    if (!kpis.has(row.kpiId)) dangling(`${at}.measurements[${i}].kpiId`, row.kpiId);
    unitRule(`${at}.measurements[${i}].value`, row.kpiId, row.value);
  });
  entry.targets.forEach((row, i) => unitRule(`${at}.targets[${i}].value`, row.kpiId, row.value));
  const indexes = new Set<number>();
  entry.loops.forEach((row, i) => {
    if (indexes.has(row.index))
      problems.add({
        path: `${at}.loops[${i}].index`,
        message: 'backup.error.duplicateLoop',
        params: { index: row.index },
      });
    indexes.add(row.index);
  });
  const years = new Set<number>();
  entry.budgets.forEach((row, i) => {
    if (years.has(row.year))
      problems.add({
        path: `${at}.budgets[${i}].year`,
        message: 'backup.error.duplicateYear',
        params: { year: row.year },
      });
    years.add(row.year);
  });
}

/** What the import reads a file through (a File in the browser, a stand-in in tests). */
export type FileLike = { name: string; size: number; text(): Promise<string> };

export type FileCheck =
  CheckResult | { ok: false; tooBig: { size: number; limit: number }; problems: []; total: 0 };

/** Checks a chosen file: one over MAX_BACKUP_BYTES is refused before a byte of it is read. */
export async function checkFile(
  file: FileLike,
  onProgress?: CheckProgress,
  limit = MAX_BACKUP_BYTES,
  pause?: Pause,
): Promise<FileCheck> {
  if (file.size > limit)
    return { ok: false, tooBig: { size: file.size, limit }, problems: [], total: 0 };
  return checkBackup(await file.text(), onProgress, pause);
}
