import type { Loop } from '$lib/schema/loop';

/** Fields of a loop to change; `insights` may name only the answers that changed. */
export type LoopTextPatch = {
  strategy?: string;
  expectationsNotes?: string;
  insights?: Partial<Loop['insights']>;
};

/** A loop's free-text fields, by path (`insights.reaction` is one answer of the insights). */
export type LoopTextField = 'strategy' | 'expectationsNotes' | `insights.${keyof Loop['insights']}`;

/** The text of a loop's field, by its path. */
export function loopText(loop: Loop, field: LoopTextField): string {
  if (field === 'strategy' || field === 'expectationsNotes') return loop[field];
  const answer = field.slice('insights.'.length) as keyof Loop['insights'];
  return loop.insights[answer];
}

/** The patch that sets one text field. */
export function loopTextPatch(field: LoopTextField, text: string): LoopTextPatch {
  if (field === 'strategy' || field === 'expectationsNotes') return { [field]: text };
  return { insights: { [field.slice('insights.'.length)]: text } };
}
