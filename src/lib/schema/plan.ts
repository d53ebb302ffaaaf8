import { z } from 'zod/mini';
import {
  currencySchema,
  dateRangeSchema,
  idSchema,
  intIn,
  isoDateSchema,
  longText,
  nonNegativeNumber,
  text,
  timestampSchema,
} from './common';

/** Loop length: 2 weeks to 6 months; the default is 2 calendar months. */
export const loopLengthSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('weeks'), count: intIn(2, 26) }),
  z.object({ unit: z.literal('months'), count: intIn(1, 6) }),
]);
export type LoopLength = z.infer<typeof loopLengthSchema>;

/** What a loop is compared with by default. */
export const comparisonBasisSchema = z.enum(['previousLoop', 'sameLoopLastYear', 'baseline']);
export type ComparisonBasis = z.infer<typeof comparisonBasisSchema>;

export const planSchema = z.object({
  id: idSchema,
  organisation: text(200, 1),
  loopLength: loopLengthSchema,
  firstLoopStart: isoDateSchema,
  /** The baseline (0-meting) period; absent means the domain's default, the loop before loop 1. */
  baseline: z.optional(dateRangeSchema),
  defaultComparison: comparisonBasisSchema,
  currency: currencySchema,
  /** The value one hire brings, entered by the user, for the recruitment return. */
  valuePerHire: z.optional(nonNegativeNumber),
  /** How many people the target group holds, for reach as a share of it. */
  targetGroupSize: z.optional(z.int().check(z.positive())),
  notes: z._default(longText, ''),
  example: z._default(z.boolean(), false),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;
