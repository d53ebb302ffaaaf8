import { z } from 'zod/mini';
import { endNotBeforeStart, finiteNumber, idSchema, isoDateSchema, text } from './common';
import { sourceSchema } from './kpi';
import { CHANNEL_MAX } from './limits';

export { CHANNEL_MAX };

/**
 * One value of one KPI over its own date range (a day, a week, a month or a whole loop).
 * `value: null` records that the value is known to be unknown (the baseline allows it).
 * `channel` is where the number was earned (the ad platform, the ATS's source); a value
 * without one is the KPI's own, unnamed channel (typed by hand, or imported before channels
 * existed). A KPI has at most one value per period and channel; additive KPIs add channels.
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
    channel: z.optional(text(CHANNEL_MAX, 1)),
    note: z.optional(text(500)),
  })
  .check(endNotBeforeStart);
export type Measurement = z.infer<typeof measurementSchema>;
