import type { CsvEncoding } from '$lib/import/decode';
import {
  plannedWrites,
  previewPeriods,
  sourceOf,
  suggestMapping,
  type Mapping,
  type PlanKpi,
} from '$lib/import/mapping';
import type { Extraction } from '$lib/import/presets';
import { MAX_CSV_BYTES, readCsvFile } from '$lib/import/read-file';
import type { CsvProblem } from '$lib/import/table';
import type { ImportValuesResult } from '$lib/storage/import-repo';
import { appStatus } from './app-status.svelte';
import { planEditor } from './plan-editor.svelte';
import { settingsState } from './settings.svelte';

type Read = Extract<Extraction, { ok: true }>;

/**
 * One CSV import into the open plan: read in a worker (nothing written), map columns to KPIs
 * (suggested, and remembered per plan and preset), preview per KPI and period, then write.
 */
export class CsvImport {
  phase = $state<
    'idle' | 'reading' | 'tooBig' | 'refused' | 'mapping' | 'writing' | 'done' | 'failed'
  >('idle');
  fileName = $state('');
  fileSize = $state(0);
  encoding = $state<CsvEncoding>('utf-8');
  /** How far reading got, 0–100. */
  percent = $state(0);
  read = $state.raw<Read | undefined>(undefined);
  problems = $state.raw<CsvProblem[]>([]);
  mapping = $state<Mapping>({});
  conflicts = $state<'replace' | 'skip'>('replace');
  result = $state.raw<ImportValuesResult | undefined>(undefined);
  failure = $state.raw<unknown>(undefined);
  #run = 0;

  /** The plan's KPIs with their definitions. */
  kpis = $derived<PlanKpi[]>(
    planEditor.rows.map((r) => ({ id: r.kpi.id, definition: r.definition })),
  );
  #existing = $derived(planEditor.bundle?.measurements ?? []);
  writes = $derived(this.read ? plannedWrites(this.read.series, this.mapping, this.#existing) : []);
  conflictCount = $derived(this.writes.filter((w) => w.existing).length);
  preview = $derived.by(() => {
    const plan = planEditor.plan;
    return plan ? previewPeriods(plan, this.kpis, this.writes, this.#existing) : [];
  });

  get limit(): number {
    return MAX_CSV_BYTES;
  }

  async choose(file: File): Promise<void> {
    if (this.phase === 'writing' || this.phase === 'reading') return;
    const run = ++this.#run;
    this.reset();
    this.fileName = file.name;
    this.fileSize = file.size;
    if (file.size > MAX_CSV_BYTES) {
      this.phase = 'tooBig';
      return;
    }
    this.phase = 'reading';
    try {
      const [{ encoding, result }] = await Promise.all([
        readCsvFile(file, (fraction) => {
          if (run === this.#run) this.percent = Math.round(fraction * 100);
        }),
        settingsState.ensureLoaded(),
      ]);
      if (run !== this.#run) return;
      this.encoding = encoding;
      if (!result.ok) {
        this.problems = result.problems;
        this.phase = 'refused';
        return;
      }
      this.read = result;
      const remembered = settingsState.values.importMappings[this.#memoryKey(result.preset)] ?? {};
      this.mapping = suggestMapping(result.series, this.kpis, remembered);
      this.phase = 'mapping';
    } catch (error) {
      if (run !== this.#run) return;
      this.failure = error;
      this.phase = 'failed';
    }
  }

  #memoryKey(preset: string): string {
    return `${planEditor.plan?.id ?? ''}:${preset}`;
  }

  /** Writes the previewed values in one transaction, and remembers the mapping. */
  async write(): Promise<void> {
    const plan = planEditor.plan;
    const read = this.read;
    if (!plan || !read || this.phase !== 'mapping' || !this.writes.length) return;
    this.phase = 'writing';
    try {
      const db = await appStatus.openDb();
      if (!db) throw new Error('unavailable');
      const { importValues } = await import('$lib/storage/import-repo');
      this.result = await importValues(db, plan.id, this.writes, {
        conflicts: this.conflicts,
        source: sourceOf(read.preset),
      });
      this.phase = 'done';
      // The values are in. Remembering the mapping and showing the plan again may fail on
      // their own without making the import look failed.
      const byLabel = Object.fromEntries(
        read.series.map((s) => [s.label, this.mapping[s.key] ?? null]),
      );
      const key = this.#memoryKey(read.preset);
      const all = settingsState.values.importMappings;
      await settingsState
        .save('importMappings', { ...all, [key]: { ...all[key], ...byLabel } })
        .catch(() => undefined);
      await planEditor.open(plan.id, planEditor.loopIndex);
    } catch (error) {
      this.failure = error;
      this.phase = 'failed';
    }
  }

  reset(): void {
    this.phase = 'idle';
    this.percent = 0;
    this.read = undefined;
    this.problems = [];
    this.mapping = {};
    this.result = undefined;
    this.failure = undefined;
  }
}
