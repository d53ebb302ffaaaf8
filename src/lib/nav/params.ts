import { z } from 'zod/mini';
import { idSchema } from '$lib/schema/common';

/** Which plan and loop a plan or loop page is about: the query string `?id=…&loop=…`. */
export type PlanTarget = { planId: string; loop: number };

// A missing or unreadable loop number means the first loop, as the links never omit it
// where it matters; a missing id stays empty (the page says the plan was not found).
const targetSchema = z.object({
  id: z.catch(idSchema, ''),
  loop: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 1),
});

/** The plan and loop named in a page's query string. */
export function planTarget(params: URLSearchParams): PlanTarget {
  const parsed = targetSchema.parse({
    id: params.get('id') ?? undefined,
    loop: params.get('loop') ?? undefined,
  });
  return { planId: parsed.id, loop: parsed.loop };
}
