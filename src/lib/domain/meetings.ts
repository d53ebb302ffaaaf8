import { addMonths, type IsoDate } from './dates';

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
