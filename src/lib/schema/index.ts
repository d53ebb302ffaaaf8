import type { z } from 'zod/mini';
import { budgetSchema } from './budget';
import { kpiSchema } from './kpi';
import { campaignSchema, loopChangeSchema, loopSchema, targetSchema } from './loop';
import { measurementSchema } from './measurement';
import { meetingSchema } from './meeting';
import { planSchema } from './plan';
import { settingRowSchema } from './settings';

export * from './budget';
export * from './common';
export * from './kpi';
export * from './loop';
export * from './measurement';
export * from './meeting';
export * from './plan';
export * from './settings';
export * from './snapshot';

/** The schema of every stored table: the one place that says what a valid row is. */
export const tableSchemas = {
  plans: planSchema,
  kpis: kpiSchema,
  loops: loopSchema,
  targets: targetSchema,
  campaigns: campaignSchema,
  loopChanges: loopChangeSchema,
  measurements: measurementSchema,
  meetings: meetingSchema,
  budgets: budgetSchema,
  settings: settingRowSchema,
} as const satisfies Record<string, z.ZodMiniType>;

export type TableName = keyof typeof tableSchemas;
export type Row<T extends TableName> = z.infer<(typeof tableSchemas)[T]>;
