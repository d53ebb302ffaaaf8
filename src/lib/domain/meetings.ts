import type { Text } from './catalog';
import { addMonths, type IsoDate } from './dates';
import type { TargetStatus } from './targets';
import type { Pacing, Verdict } from './verdict';

/** The monthly alignment meeting between marketing and recruitment (PRODUCT.md section 5). */
export type MeetingLike = {
  date: string;
  vacancies: readonly { title: string; team: string; neededBy?: string }[];
};

/**
 * Whether the next alignment meeting is due: none recorded yet, or the last one more than a
 * month ago (a meeting on 31 January is due again after 28 February).
 */
export function meetingDue(
  meetings: readonly MeetingLike[],
  today: IsoDate,
): { due: boolean; last: string | null } {
  const last = meetings.reduce<string | null>(
    (m, x) => (m === null || x.date > m ? x.date : m),
    null,
  );
  return { due: last === null || addMonths(last, 1) < today, last };
}

/**
 * The vacancies to talk about next: those of the latest meeting that are not needed before
 * today (or have no date), soonest first, undated last.
 */
export function upcomingVacancies(
  meetings: readonly MeetingLike[],
  today: IsoDate,
): MeetingLike['vacancies'][number][] {
  const latest = [...meetings].sort((a, b) => b.date.localeCompare(a.date))[0];
  return (latest?.vacancies ?? [])
    .filter((v) => !v.neededBy || v.neededBy >= today)
    .sort((a, b) => (a.neededBy ?? '9999').localeCompare(b.neededBy ?? '9999'));
}

/** One KPI on the agenda's results table, with the context its verdict carries. */
export type AgendaRow = {
  key: string;
  target: number | null;
  value: number | null;
  /** Met or not against the target once the loop has ended; its pace while it runs. */
  status: { kind: 'target'; status: TargetStatus } | { kind: 'pacing'; status: Pacing['status'] };
  /**
   * Why the loop's focus predicted this drop, when it dropped: the expected trade-off the plan
   * told colleagues about, kept beside "not met" so the agenda does not undo it.
   */
  expectedTradeOff: Text | null;
};

/** The latest loop's results as the agenda lists them: status and expected trade-off per KPI. */
export function agendaRows(verdicts: readonly Verdict[]): AgendaRow[] {
  return verdicts.map((v) => {
    const reason = v.flags
      .filter((f) => f.kind === 'expectedTradeOff')
      .flatMap((f) => f.reasons)
      .find((r) => r.code === 'focusPredictsDrop');
    return {
      key: v.key,
      target: v.target,
      value: v.value,
      status: v.pacing
        ? { kind: 'pacing', status: v.pacing.status }
        : { kind: 'target', status: v.targetStatus },
      expectedTradeOff: reason?.code === 'focusPredictsDrop' ? reason.reason : null,
    };
  });
}
