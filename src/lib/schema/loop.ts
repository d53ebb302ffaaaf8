import { z } from 'zod/mini';
import {
  endNotBeforeStart,
  finiteNumber,
  idSchema,
  intIn,
  isoDateSchema,
  longText,
  nonNegativeNumber,
  shortText,
  text,
  timestampSchema,
} from './common';
import { sideSchema } from './kpi';
import { comparisonBasisSchema } from './plan';

export const focusSchema = z.enum(['reach', 'traffic', 'conversion', 'talentPool']);
export type Focus = z.infer<typeof focusSchema>;

/** The focus rules for one loop, when the user adjusted the defaults. */
export const focusRulesSchema = z.object({
  expectedRise: z.array(text(64, 1)).check(z.maxLength(200)),
  expectedDrop: z.array(z.object({ kpi: text(64, 1), reason: text(500) })).check(z.maxLength(200)),
});

export const loopSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** 1 for the first loop; the baseline is not a loop. */
  index: intIn(1, 10_000),
  focus: z.optional(focusSchema),
  focusRules: z.optional(focusRulesSchema),
  comparison: z.optional(comparisonBasisSchema),
  strategy: z._default(longText, ''),
  expectationsNotes: z._default(longText, ''),
  judgementDate: z.optional(isoDateSchema),
  insights: z._default(z.object({ targetGroup: longText, reaction: longText, journey: longText }), {
    targetGroup: '',
    reaction: '',
    journey: '',
  }),
  /** The budget for this loop, split by side (PRODUCT.md section 5). */
  budget: z.optional(z.object({ brand: nonNegativeNumber, recruitment: nonNegativeNumber })),
  /** Why the loop was started before the one before it ended (only then). */
  earlyStart: z.optional(text(500, 1)),
  /** Wizard step the user was on, so leaving and coming back resumes there. */
  wizardStep: z.optional(intIn(0, 4)),
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
    name: text(200, 1),
    channel: shortText,
    start: isoDateSchema,
    end: isoDateSchema,
    budget: z.optional(nonNegativeNumber),
    side: z.optional(sideSchema),
  })
  .check(endNotBeforeStart);
export type Campaign = z.infer<typeof campaignSchema>;

/** A strategy change made mid-loop: it weakens the loop's comparison, so it is logged. */
export const loopChangeSchema = z.object({
  id: idSchema,
  planId: idSchema,
  loopId: idSchema,
  date: isoDateSchema,
  what: text(2000, 1),
  why: text(2000),
});
export type LoopChange = z.infer<typeof loopChangeSchema>;
