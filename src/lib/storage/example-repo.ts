import type { z } from 'zod/mini';
import type { ExampleData } from '$lib/domain/example';
import { kpiSchema, type Kpi } from '$lib/schema/kpi';
import {
  campaignSchema,
  loopChangeSchema,
  loopSchema,
  targetSchema,
  type Campaign,
  type Loop,
  type LoopChange,
  type Target,
} from '$lib/schema/loop';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import { planSchema, type Plan } from '$lib/schema/plan';
import type { TalentloopDb } from './db';
import { newId } from './ids';
import { addNewPlanMeasurements, storesOf } from './measurement-store';
import { requestPersistenceOnce } from './persistence';
import { InvalidRecordError } from './plans-repo';
import { describeIssues } from '$lib/schema/issues';

/** A row parsed for writing; an invalid one throws with its place (`campaigns[3].end`). */
function valid<S extends z.ZodMiniType>(
  schema: S,
  table: string,
  at: string,
  row: unknown,
): z.infer<S> {
  const result = schema.safeParse(row);
  if (!result.success) {
    const issues = describeIssues(result.error).map((i) => ({
      ...i,
      path: i.path ? `${at}.${i.path}` : at,
    }));
    throw new InvalidRecordError(table, issues);
  }
  return result.data;
}

/** The id a key refers to, or an InvalidRecordError for a reference to nothing in the data. */
function lookup(
  ids: ReadonlyMap<string | number, string>,
  key: string | number,
  table: string,
  at: string,
): string {
  const id = ids.get(key);
  if (id === undefined)
    throw new InvalidRecordError(table, [{ path: at, message: 'error.invalidValue' }]);
  return id;
}

/**
 * Writes the example plan ("Try with example data") with its KPIs, loops, targets,
 * measurements, campaigns and change log. Every row is validated first and all are written
 * in one transaction, so an invalid item or a failed write leaves nothing behind.
 */
export async function createExamplePlan(
  db: TalentloopDb,
  data: ExampleData,
  now = new Date().toISOString(),
): Promise<Plan> {
  const plan = valid(planSchema, 'plans', 'plan', {
    ...data.plan,
    example: true,
    id: newId(),
    createdAt: now,
    updatedAt: now,
  });
  const planId = plan.id;

  const kpiIds = new Map<string | number, string>();
  const kpis: Kpi[] = data.kpis.map((draft, order) => {
    const row = valid(kpiSchema, 'kpis', `kpis[${order}]`, {
      ...draft,
      id: newId(),
      planId,
      order,
    });
    if (row.catalogKey !== undefined) kpiIds.set(row.catalogKey, row.id);
    return row;
  });

  const loopIds = new Map<string | number, string>();
  const loops: Loop[] = data.loops.map((loop, i) => {
    const row = valid(loopSchema, 'loops', `loops[${i}]`, {
      ...loop,
      id: newId(),
      planId,
      updatedAt: now,
    });
    if (loopIds.has(row.index))
      throw new InvalidRecordError('loops', [
        { path: `loops[${i}].index`, message: 'error.invalidValue' },
      ]);
    loopIds.set(row.index, row.id);
    return row;
  });

  const targets: Target[] = data.targets.map(({ loop, kpi, ...rest }, i) =>
    valid(targetSchema, 'targets', `targets[${i}]`, {
      ...rest,
      id: newId(),
      planId,
      loopId: lookup(loopIds, loop, 'targets', `targets[${i}].loop`),
      kpiId: lookup(kpiIds, kpi, 'targets', `targets[${i}].kpi`),
    }),
  );

  const measurements: Measurement[] = data.measurements.map(({ kpi, ...rest }, i) =>
    valid(measurementSchema, 'measurements', `measurements[${i}]`, {
      ...rest,
      id: newId(),
      planId,
      kpiId: lookup(kpiIds, kpi, 'measurements', `measurements[${i}].kpi`),
    }),
  );

  const campaigns: Campaign[] = data.campaigns.map(({ loop, ...rest }, i) =>
    valid(campaignSchema, 'campaigns', `campaigns[${i}]`, {
      ...rest,
      id: newId(),
      planId,
      loopId: lookup(loopIds, loop, 'campaigns', `campaigns[${i}].loop`),
    }),
  );

  const loopChanges: LoopChange[] = data.loopChanges.map(({ loop, ...rest }, i) =>
    valid(loopChangeSchema, 'loopChanges', `loopChanges[${i}]`, {
      ...rest,
      id: newId(),
      planId,
      loopId: lookup(loopIds, loop, 'loopChanges', `loopChanges[${i}].loop`),
    }),
  );

  await db.transaction(
    'rw',
    storesOf(['plans', 'kpis', 'loops', 'targets', 'measurements', 'campaigns', 'loopChanges']),
    async () => {
      await db.plans.add(plan);
      await db.kpis.bulkAdd(kpis);
      await db.loops.bulkAdd(loops);
      await db.targets.bulkAdd(targets);
      await addNewPlanMeasurements(db, measurements);
      await db.campaigns.bulkAdd(campaigns);
      await db.loopChanges.bulkAdd(loopChanges);
    },
  );
  void requestPersistenceOnce();
  return plan;
}
