import { exampleInLocale } from '$lib/domain/example';
import { planSchema } from '$lib/schema/plan';
import { schemaOf, type PlanRow } from '$lib/schema/tables';
import type { TalentloopDb } from './db';
import { parsePlan, parseRow } from './plans-repo';
import { writePlan, type Written } from './write';

/*
 * The example plan follows the language of the app: its own words are rewritten in the
 * language chosen, and what the user wrote stays. Loaded only for an example plan.
 */
/** The rows of `table` that belong to the plan and pass their schema (others are not touched). */
async function validRows<T extends 'loops' | 'campaigns' | 'loopChanges'>(
  db: TalentloopDb,
  table: T,
  planId: string,
): Promise<PlanRow<T>[]> {
  const stored: unknown[] = await db.table(table).where('planId').equals(planId).toArray();
  return stored.flatMap((row) => {
    const parsed = schemaOf(table).safeParse(row);
    return parsed.success ? [parsed.data as PlanRow<T>] : [];
  });
}

/** The example plan's rows whose words change in `locale`; null for none (or no example). */
async function wordsIn(db: TalentloopDb, planId: string, locale: 'nl' | 'en') {
  const parsed = planSchema.safeParse(await db.plans.get(planId));
  if (!parsed.success || !parsed.data.example) return null;
  const next = exampleInLocale(
    {
      plan: parsed.data,
      loops: await validRows(db, 'loops', planId),
      campaigns: await validRows(db, 'campaigns', planId),
      loopChanges: await validRows(db, 'loopChanges', planId),
    },
    locale,
  );
  const changes = next.loops.length + next.campaigns.length + next.loopChanges.length;
  return next.plan || changes > 0 ? next : null;
}

/**
 * The example plan in `locale`: every text that is the example's own words in the other
 * language is written in this one, in one write; what the user wrote or changed stays. Null
 * when nothing changes (nothing is written, so the plan keeps its time of change).
 */
export async function translateExamplePlan(
  db: TalentloopDb,
  planId: string,
  locale: 'nl' | 'en',
  now = new Date().toISOString(),
): Promise<Written<boolean> | null> {
  const tables = ['plans', 'loops', 'campaigns', 'loopChanges'] as const;
  if (!(await db.transaction('r', tables, () => wordsIn(db, planId, locale)))) return null;
  return writePlan(db, planId, now, tables.slice(1), async (recorder) => {
    // Read again inside the write: another tab may have translated or changed it meanwhile.
    const next = await wordsIn(db, planId, locale);
    if (!next) return false;
    if (next.plan) {
      const plan = parsePlan({ ...next.plan, updatedAt: now });
      await db.plans.put(plan);
      recorder.plan = plan;
    }
    for (const table of ['loops', 'campaigns', 'loopChanges'] as const) {
      const rows = next[table].map((row) => parseRow(table, row));
      await db.table(table).bulkPut(rows);
      recorder.wrote(table, rows);
    }
    return true;
  });
}
