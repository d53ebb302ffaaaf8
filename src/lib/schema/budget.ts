import { z } from 'zod/mini';
import { idSchema, intIn, nonNegativeNumber } from './common';

/** The HR budget of one calendar year and the part of it meant for employer branding. */
export const budgetSchema = z.object({
  id: idSchema,
  planId: idSchema,
  year: intIn(1970, 9999),
  hrBudget: nonNegativeNumber,
  brand: nonNegativeNumber,
  recruitment: nonNegativeNumber,
});
export type Budget = z.infer<typeof budgetSchema>;
