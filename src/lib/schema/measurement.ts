import { z } from 'zod/mini';
import { endNotBeforeStart, finiteNumber, idSchema, isoDateSchema, text } from './common';
import { sourceSchema } from './kpi';

/**
 * One value of one KPI over its own date range (a day, a week, a month or a whole loop).
 * `value: null` records that the value is known to be unknown (the baseline allows it).
 */
export const measurementSchema = z
  .object({
    id: idSchema,
    planId: idSchema,
    kpiId: idSchema,
    start: isoDateSchema,
    end: isoDateSchema,
    value: z.nullable(finiteNumber),
    source: sourceSchema,
    note: z.optional(text(500)),
  })
  .check(endNotBeforeStart);
export type Measurement = z.infer<typeof measurementSchema>;
