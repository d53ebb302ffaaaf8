import { loopSchema, targetSchema, type Loop, type Target } from '$lib/schema/loop';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { StaleWriteError, type StaleConflict } from './stale';
import { loopText, type LoopTextField } from '$lib/domain/loop-text';
import { assertKpisOfPlan, assertLoopOfPlan, valid, writePlan, type Written } from './write';

/** Fields of a loop to change; `insights` may name only the answers that changed. */
export type LoopPatch = Partial<Omit<Loop, 'id' | 'planId' | 'index' | 'insights'>> & {
  insights?: Partial<Loop['insights']>;
};

/** A loop that is not (or no longer) stored: deleted in another tab, or a stale link. */
export class LoopNotFoundError extends Error {
  constructor(readonly loopId: string) {
    super(`Loop ${loopId} not found`);
    this.name = 'LoopNotFoundError';
  }
}

/**
 * Changes fields of a loop; the result is validated before anything is written. `base` gives,
 * per text field, the text the user's edit started from: when the stored text is another one
 * now, nothing is written (StaleWriteError). The patch is
 * merged into the stored loop inside the transaction (insights field by field), so saving one
 * field never overwrites another saved meanwhile, in this tab or another.
 */
export async function updateLoop(
  db: TalentloopDb,
  loopId: string,
  patch: LoopPatch,
  now = new Date().toISOString(),
  base: Partial<Record<LoopTextField, string>> = {},
): Promise<Written<Loop>> {
  const planId = (await db.loops.get(loopId))?.planId;
  if (!planId) throw new LoopNotFoundError(loopId);
  return writePlan(db, planId, now, ['loops'], async (change) => {
    const current = await db.loops.get(loopId);
    if (!current) throw new LoopNotFoundError(loopId);
    // A text typed over a copy that changed since is not written over the newer text.
    const merged: Record<string, unknown> = {
      ...current,
      ...patch,
      ...(patch.insights ? { insights: { ...current.insights, ...patch.insights } } : {}),
      updatedAt: now,
    };
    // Stored text that is already what is written (the same save, repeated after a tab closed
    // before it heard back) is no clash.
    const stale: StaleConflict[] = [];
    for (const [field, text] of Object.entries(base) as [LoopTextField, string][]) {
      const stored = loopText(current, field);
      if (stored !== text && stored !== loopText(merged as Loop, field))
        stale.push({ kind: 'text', field, stored });
    }
    if (stale.length) throw new StaleWriteError(stale);
    // Optional fields set to undefined are removed, not stored as undefined.
    for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
    const loop = valid(loopSchema, 'loops', merged);
    await db.loops.put(loop);
    change.wrote('loops', [loop]);
    return loop;
  });
}

/** One target to set (`value: null` removes the loop's target for that KPI). */
export type TargetEntry = { kpiId: string; value: number | null; basis: Target['basis'] };

/** Sets or clears targets of one loop in one transaction. */
export async function saveTargets(
  db: TalentloopDb,
  planId: string,
  loopId: string,
  entries: readonly TargetEntry[],
  now = new Date().toISOString(),
): Promise<Written> {
  const drafts = entries.map((e) =>
    e.value === null
      ? null
      : valid(targetSchema, 'targets', { id: 'pending', planId, loopId, ...e }),
  );
  return writePlan(db, planId, now, ['targets', 'kpis', 'loops'], async (change) => {
    await assertLoopOfPlan(db, planId, loopId);
    await assertKpisOfPlan(
      db,
      planId,
      entries.map((e) => e.kpiId),
    );
    for (const [i, entry] of entries.entries()) {
      const existing = await db.targets
        .where('[loopId+kpiId]')
        .equals([loopId, entry.kpiId])
        .first();
      const draft = drafts[i];
      if (!draft) {
        if (existing) {
          await db.targets.delete(existing.id);
          change.deleted('targets', [existing.id]);
        }
      } else {
        const row = { ...draft, id: existing?.id ?? newId() };
        await db.targets.put(row);
        change.wrote('targets', [row]);
      }
    }
    return undefined;
  });
}

/** What a new loop starts with (the rest is filled in here). */
export type LoopDraft = Omit<Loop, 'id' | 'planId' | 'updatedAt' | 'strategy' | 'insights'> &
  Partial<Pick<Loop, 'strategy'>>;

/**
 * Starts loop `index` of a plan with what carries over from the previous loop (focus, rules,
 * comparison, notes) and the given targets, in one transaction.
 */
export async function createLoop(
  db: TalentloopDb,
  planId: string,
  draft: LoopDraft,
  targets: readonly (TargetEntry & { value: number })[],
  now = new Date().toISOString(),
): Promise<Written<Loop>> {
  const loop = valid(loopSchema, 'loops', { ...draft, id: newId(), planId, updatedAt: now });
  const rows = targets.map((t) =>
    valid(targetSchema, 'targets', { ...t, id: newId(), planId, loopId: loop.id }),
  );
  return writePlan(db, planId, now, ['loops', 'targets'], async (change) => {
    await db.loops.add(loop);
    await db.targets.bulkAdd(rows);
    change.wrote('loops', [loop]);
    change.wrote('targets', rows);
    return loop;
  });
}
