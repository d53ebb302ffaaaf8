import type { DateRange } from './dates';
import { loopState } from './periods';

/** A loop of the plan as the next step sees it. */
export type HubLoop = {
  index: number;
  range: DateRange;
  /** Focus and judgement date set: the five steps are done. */
  planned: boolean;
  /** The step to resume the wizard at. */
  wizardStep: number;
};

/** What the plan's page offers to do next. */
export type NextStep =
  | { kind: 'finishSteps'; loop: number; step: number }
  | { kind: 'waitStart'; loop: number; start: string }
  | { kind: 'enterNumbers'; loop: number; end: string }
  | { kind: 'noNumbers'; loop: number }
  | { kind: 'readResults'; loop: number };

/**
 * The one next step of a plan, from its loops set up so far (oldest first): finish planning
 * the latest loop; before loop 1 starts, enter the 0-meting; while a loop runs, keep its
 * numbers up to date; once it has ended, read its results (or enter its numbers first).
 * `startNext` says whether the next loop may start now ('now': the latest has ended) or only
 * early, with a reason ('early'). `lastHasNumbers`: any KPI has a value for the latest loop.
 */
export function nextStep(
  loops: readonly HubLoop[],
  today: string,
  lastHasNumbers: boolean,
): { step: NextStep; startNext: 'now' | 'early'; next: number } | null {
  const last = loops.at(-1);
  if (!last) return null;
  const next = last.index + 1;
  const state = loopState(last.range, today);
  const startNext = state === 'ended' ? 'now' : 'early';
  if (!last.planned)
    return {
      step: { kind: 'finishSteps', loop: last.index, step: last.wizardStep },
      startNext,
      next,
    };
  if (state === 'notStarted') {
    // A loop planned ahead: the one before it is still running (or this is loop 1).
    const before = loops.at(-2);
    if (before && loopState(before.range, today) === 'running')
      return {
        step: { kind: 'enterNumbers', loop: before.index, end: before.range.end },
        startNext,
        next,
      };
    return {
      step: { kind: 'waitStart', loop: last.index, start: last.range.start },
      startNext,
      next,
    };
  }
  if (state === 'running')
    return {
      step: { kind: 'enterNumbers', loop: last.index, end: last.range.end },
      startNext,
      next,
    };
  return {
    step: lastHasNumbers
      ? { kind: 'readResults', loop: last.index }
      : { kind: 'noNumbers', loop: last.index },
    startNext,
    next,
  };
}
