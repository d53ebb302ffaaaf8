import { z } from 'zod/mini';
import { idSchema, isoDateSchema, longText, shortText, text } from './common';

/** The monthly alignment meeting between marketing and recruitment (PRODUCT.md section 5). */
export const meetingSchema = z.object({
  id: idSchema,
  planId: idSchema,
  date: isoDateSchema,
  vacancies: z
    .array(z.object({ title: text(200, 1), team: shortText, neededBy: z.optional(isoDateSchema) }))
    .check(z.maxLength(200)),
  marketingSupport: longText,
  successes: longText,
  failures: longText,
  lessons: longText,
});
export type Meeting = z.infer<typeof meetingSchema>;
