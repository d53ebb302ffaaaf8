import type { PlanEntry } from './format';

/** How the user wants a backup applied. */
export type ImportMode = 'replace' | 'merge';

/** A plan as the preview shows it: its name, size and last change. */
export type PlanSummary = {
  id: string;
  organisation: string;
  updatedAt: string;
  loops: number;
  measurements: number;
};

/**
 * What an import does with one plan: `add` (only in the backup), `replace` (the backup's copy
 * overwrites this device's), `keep` (this device's copy stays: merge, and it is as new or
 * newer, or it is not in the backup), `remove` (replace mode, not in the backup).
 */
export type PlanAction = 'add' | 'replace' | 'keep' | 'remove';

export type PreviewRow = {
  id: string;
  organisation: string;
  action: PlanAction;
  incoming?: PlanSummary;
  current?: PlanSummary;
};

/** The summary of a backup entry for the preview. */
export function summarise(entry: PlanEntry): PlanSummary {
  return {
    id: entry.id,
    organisation: entry.organisation,
    updatedAt: entry.updatedAt,
    loops: entry.loops.length,
    measurements: entry.measurements.length,
  };
}

/**
 * Decides, plan by plan, what an import does. Merge keeps the copy with the later last change
 * (this device's on a tie, so importing the same file twice changes nothing); replace takes
 * the backup as it is and removes plans it does not have. The write follows this same list.
 */
export function previewImport(
  current: readonly PlanSummary[],
  incoming: readonly PlanSummary[],
  mode: ImportMode,
): PreviewRow[] {
  const here = new Map(current.map((plan) => [plan.id, plan]));
  const rows: PreviewRow[] = incoming.map((plan) => {
    const mine = here.get(plan.id);
    const action: PlanAction = !mine
      ? 'add'
      : mode === 'replace' || plan.updatedAt > mine.updatedAt
        ? 'replace'
        : 'keep';
    return { id: plan.id, organisation: plan.organisation, action, incoming: plan, current: mine };
  });
  const inBackup = new Set(incoming.map((plan) => plan.id));
  for (const plan of current) {
    if (inBackup.has(plan.id)) continue;
    rows.push({
      id: plan.id,
      organisation: plan.organisation,
      action: mode === 'replace' ? 'remove' : 'keep',
      current: plan,
    });
  }
  return rows;
}
