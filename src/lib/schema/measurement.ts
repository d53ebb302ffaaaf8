import { z } from 'zod';
import { finiteNumber, idSchema, isoDateSchema } from './common';
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
    value: finiteNumber.nullable(),
    source: sourceSchema,
    note: z.string().max(500).optional(),
  })
  .refine((m) => m.start <= m.end, { message: 'error.endBeforeStart', path: ['end'] });
export type Measurement = z.infer<typeof measurementSchema>;
