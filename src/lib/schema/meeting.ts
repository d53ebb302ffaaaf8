import { z } from 'zod';
import { idSchema, isoDateSchema, longText, shortText } from './common';

/** The monthly alignment meeting between marketing and recruitment (PRODUCT.md section 5). */
export const meetingSchema = z.object({
  id: idSchema,
  planId: idSchema,
  date: isoDateSchema,
  vacancies: z
    .array(
      z.object({ title: shortText.min(1), team: shortText, neededBy: isoDateSchema.optional() }),
    )
    .max(200),
  marketingSupport: longText,
  successes: longText,
  failures: longText,
  lessons: longText,
});
export type Meeting = z.infer<typeof meetingSchema>;
