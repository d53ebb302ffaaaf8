import type { CsvEncoding } from '$lib/import/decode';
import { catalogDraft, catalogKpi } from '$lib/domain/catalog';
import {
  fillsByDefault,
  otherChannels,
  plannedWrites,
  previewPeriods,
  refusedValues,
  rememberMapping,
  sourceOf,
  suggestMapping,
  withAddedKpi,
  zeroFills,
  type Mapping,
  type PlanKpi,
} from '$lib/import/mapping';
import type { Extraction } from '$lib/import/presets';
import { channelName, defaultChannel } from '$lib/import/channels';
import { MAX_CSV_BYTES, readCsvFile } from '$lib/import/read-file';
import type { CsvProblem } from '$lib/import/table';
import type { ImportValuesResult } from '$lib/storage/import-repo';
import { FileFlow } from './file-flow.svelte';
import { planSession } from './plan-session.svelte';
import { settingsState } from './settings.svelte';
import { holdWork } from './unsaved';

type Read = Extract<Extraction, { ok: true }>;

/**
 * One CSV import into the open plan: read in a worker (nothing written), map columns to KPIs
 * (suggested, and remembered per plan and preset), preview per KPI and period, then write.
 */
export class CsvImport extends FileFlow<
  'reading' | 'tooBig' | 'refused' | 'mapping' | 'writing' | 'done',
  ImportValuesResult
> {
  encoding = $state<CsvEncoding>('utf-8');
  read = $state.raw<Read | undefined>(undefined);
  problems = $state.raw<CsvProblem[]>([]);
  mapping = $state<Mapping>({});
  conflicts = $state<'replace' | 'skip'>('replace');
  /** Days without rows in the range the export covers count as zero (`zeroFills`). */
  fillZeros = $state(false);
  /**
   * The channel the values go to, as the user reads and edits it (the tool's name by default;
   * empty: the unnamed channel of typed values). An ATS export's rows name their own.
   */
  channelText = $state('');
  /** `channelText` as stored. */
  channel = $derived(channelName(this.channelText));

  /** The plan's KPIs with their definitions. */
  kpis = $derived<PlanKpi[]>(
    planSession.rows.map((r) => ({ id: r.kpi.id, definition: r.definition })),
  );
  #existing = $derived(planSession.bundle?.measurements ?? []);
  #fromRows = $derived(
    this.read ? plannedWrites(this.read.series, this.mapping, this.#existing, this.channel) : [],
  );
  /** The zeros for days without rows, written while `fillZeros` is on. */
  fills = $derived(
    this.read?.range
      ? zeroFills(
          this.read.range,
          this.read.series,
          this.mapping,
          this.kpis,
          this.#fromRows,
          this.#existing,
        )
      : [],
  );
  writes = $derived(
    this.fillZeros && this.fills.length ? [...this.#fromRows, ...this.fills] : this.#fromRows,
  );
  /**
   * Values the mapping would write that break their KPI's number rules: while any stands,
   * nothing is written (the user maps that column elsewhere, or not at all, or fixes the file),
   * as a file with an unreadable cell is not half-read. Filled-in zeros break none.
   */
  refusals = $derived(
    this.read
      ? refusedValues(this.read.series, this.mapping, this.kpis, this.#fromRows, this.channel)
      : [],
  );
  conflictCount = $derived(this.writes.filter((w) => w.existing).length);
  /** Channels whose stored values on the import's days stay beside it and add up. */
  otherChannels = $derived(otherChannels(this.writes, this.#existing));
  preview = $derived.by(() => {
    const plan = planSession.plan;
    return plan ? previewPeriods(plan, this.kpis, this.writes, this.#existing, this.conflicts) : [];
  });

  get limit(): number {
    return MAX_CSV_BYTES;
  }

  async choose(file: File): Promise<void> {
    if (this.phase === 'writing' || this.phase === 'reading') return;
    const run = this.begin(file);
    if (file.size > MAX_CSV_BYTES) {
      this.phase = 'tooBig';
      return;
    }
    this.phase = 'reading';
    try {
      const [{ encoding, result }] = await Promise.all([
        readCsvFile(file, (fraction) => {
          if (this.current(run)) this.percent = Math.round(fraction * 100);
        }),
        settingsState.ensureLoaded(),
      ]);
      if (!this.current(run)) return;
      this.encoding = encoding;
      if (!result.ok) {
        this.problems = result.problems;
        this.phase = 'refused';
        return;
      }
      this.read = result;
      this.fillZeros = fillsByDefault(result);
      this.channelText = defaultChannel(result.preset) ?? '';
      const remembered = settingsState.values.importMappings[this.#memoryKey(result.preset)] ?? {};
      this.mapping = suggestMapping(result.series, this.kpis, remembered);
      this.phase = 'mapping';
    } catch (error) {
      this.fail(error, run);
    }
  }

  #memoryKey(preset: string): string {
    return `${planSession.plan?.id ?? ''}:${preset}`;
  }

  #adding = false;

  /**
   * Adds a catalog KPI to the plan from the import page (as the wizard's KPI step does, in one
   * transaction) and maps the columns that suggest it there. True when it was added.
   */
  async addKpi(catalogKey: string): Promise<boolean> {
    const plan = planSession.plan;
    const def = catalogKpi(catalogKey);
    if (!plan || !def.ok || this.phase !== 'mapping' || this.#adding) return false;
    this.#adding = true;
    try {
      const done = await planSession.mutate(async (db) =>
        (await import('$lib/storage/plan-writes')).addKpis(db, plan.id, [catalogDraft(def.value)]),
      );
      const added = done?.value[0];
      if (!added || !this.read) return false;
      this.mapping = withAddedKpi(this.read.series, this.mapping, catalogKey, added.id);
      return true;
    } finally {
      this.#adding = false;
    }
  }

  /** Writes the previewed values in one transaction, and remembers the mapping. */
  async write(): Promise<void> {
    const plan = planSession.plan;
    const read = this.read;
    if (!plan || !read || this.phase !== 'mapping' || !this.writes.length) return;
    if (this.refusals.length) return;
    this.phase = 'writing';
    // Leaving while the import writes asks first (the write is all-or-nothing either way).
    const release = holdWork(this.fileName);
    try {
      const writes = this.writes;
      const options = { conflicts: this.conflicts, source: sourceOf(read.preset) };
      // The session applies what was written to the plan in memory: no re-read of the plan.
      const done = await planSession.mutate(async (db) =>
        (await import('$lib/storage/plan-writes')).importValues(db, plan.id, writes, options),
      );
      if (!done) throw planSession.failure;
      this.result = done.value;
      this.phase = 'done';
      // The values are in. Remembering the mapping and showing the plan again may fail on
      // their own without making the import look failed.
      const key = this.#memoryKey(read.preset);
      const all = settingsState.values.importMappings;
      const kept = rememberMapping(all[key] ?? {}, read.series, this.mapping, this.kpis);
      await settingsState.save('importMappings', { ...all, [key]: kept }).catch(() => undefined);
    } catch (error) {
      this.fail(error);
    } finally {
      release();
    }
  }

  protected clear(): void {
    this.read = undefined;
    this.problems = [];
    this.mapping = {};
  }
}
