import { z } from 'zod/mini';
import { idSchema, shortText, text } from './common';

export const pillarSchema = z.enum([
  'talentPool',
  'reach',
  'traffic',
  'conversion',
  'recruitment',
  'brand',
]);
export const sideSchema = z.enum(['brand', 'recruitment']);
export const unitSchema = z.enum([
  'count',
  'percent',
  'duration',
  'currency',
  'number',
  'score',
  'days',
]);
export const directionSchema = z.enum(['higher', 'lower', 'depends']);
export const sourceSchema = z.enum(['manual', 'analytics', 'ads', 'ats', 'survey']);

/** How one period's value is formed from the measurements inside it. */
export const aggregationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sum') }),
  z.object({ kind: z.literal('mean') }),
  z.object({ kind: z.literal('last') }),
  z.object({
    kind: z.literal('ratio'),
    /** Catalog keys (or custom KPI ids) of the numerator and denominator KPIs. */
    numerator: text(64, 1),
    denominator: text(64, 1),
  }),
  z.object({
    kind: z.literal('share'),
    /** A count KPI (catalog key or custom id) as a percentage of the plan's target group. */
    of: text(64, 1),
  }),
]);

export const kpiSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** Key in the built-in catalog; absent for a custom KPI. */
  catalogKey: z.optional(text(64, 1)),
  /** The user's own name; required for custom KPIs, optional override for catalog ones. */
  name: z.optional(shortText),
  description: z.optional(text(500)),
  pillar: pillarSchema,
  side: sideSchema,
  unit: unitSchema,
  direction: directionSchema,
  aggregation: aggregationSchema,
  source: sourceSchema,
  /** Position in the plan's KPI list. */
  order: z.int().check(z.nonnegative()),
});
export type Kpi = z.infer<typeof kpiSchema>;
export type Pillar = z.infer<typeof pillarSchema>;
