import { z } from 'zod';
import { comparisonBasisSchema } from './plan';
import {
  finiteNumber,
  idSchema,
  isoDateSchema,
  longText,
  nonNegativeNumber,
  shortText,
  timestampSchema,
} from './common';

export const focusSchema = z.enum(['reach', 'traffic', 'conversion', 'talentPool']);
export type Focus = z.infer<typeof focusSchema>;

/** The focus rules for one loop, when the user adjusted the defaults. */
export const focusRulesSchema = z.object({
  expectedRise: z.array(z.string().min(1)).max(200),
  expectedDrop: z.array(z.object({ kpi: z.string().min(1), reason: z.string().max(500) })).max(200),
});

export const loopSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** 1 for the first loop; the baseline is not a loop. */
  index: z.int().min(1),
  focus: focusSchema.optional(),
  focusRules: focusRulesSchema.optional(),
  comparison: comparisonBasisSchema.optional(),
  strategy: longText.default(''),
  expectationsNotes: longText.default(''),
  judgementDate: isoDateSchema.optional(),
  insights: z
    .object({ targetGroup: longText, reaction: longText, journey: longText })
    .default({ targetGroup: '', reaction: '', journey: '' }),
  /** The budget for this loop, split by side (PRODUCT.md section 5). */
  budget: z.object({ brand: nonNegativeNumber, recruitment: nonNegativeNumber }).optional(),
  /** Wizard step the user was on, so leaving and coming back resumes there. */
  wizardStep: z.int().min(0).max(4).optional(),
  updatedAt: timestampSchema,
});
export type Loop = z.infer<typeof loopSchema>;

/** A target for one KPI in one loop (step 4, success). */
export const targetSchema = z.object({
  id: idSchema,
  planId: idSchema,
  loopId: idSchema,
  kpiId: idSchema,
  value: finiteNumber,
  basis: z.enum(['baseline', 'previousLoop', 'manual']),
});
export type Target = z.infer<typeof targetSchema>;

export const campaignSchema = z
  .object({
    id: idSchema,
    planId: idSchema,
    loopId: idSchema,
    name: shortText.min(1),
    channel: shortText,
    start: isoDateSchema,
    end: isoDateSchema,
    budget: nonNegativeNumber.optional(),
    side: z.enum(['brand', 'recruitment']).optional(),
  })
  .refine((c) => c.start <= c.end, { message: 'error.endBeforeStart', path: ['end'] });
export type Campaign = z.infer<typeof campaignSchema>;

/** A strategy change made mid-loop: it weakens the loop's comparison, so it is logged. */
export const loopChangeSchema = z.object({
  id: idSchema,
  planId: idSchema,
  loopId: idSchema,
  date: isoDateSchema,
  what: z.string().min(1).max(2000),
  why: z.string().max(2000),
});
export type LoopChange = z.infer<typeof loopChangeSchema>;
