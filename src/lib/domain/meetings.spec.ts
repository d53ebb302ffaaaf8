import { describe, expect, it } from 'vitest';
import { meetingDue, upcomingVacancies } from './meetings';

const meeting = (
  date: string,
  vacancies: { title: string; team: string; neededBy?: string }[] = [],
) => ({
  date,
  vacancies,
});

describe('meetingDue', () => {
  it('is due when no meeting was recorded', () => {
    expect(meetingDue([], '2026-11-23')).toEqual({ due: true, last: null });
  });

  it('is due when the last meeting is more than a month ago, not on the day a month later', () => {
    const meetings = [meeting('2026-09-01'), meeting('2026-10-23')];
    expect(meetingDue(meetings, '2026-11-23')).toEqual({ due: false, last: '2026-10-23' });
    expect(meetingDue(meetings, '2026-11-24')).toEqual({ due: true, last: '2026-10-23' });
    expect(meetingDue([meeting('2026-01-31')], '2026-02-28').due).toBe(false);
    expect(meetingDue([meeting('2026-01-31')], '2026-03-01').due).toBe(true);
  });
});

describe('upcomingVacancies', () => {
  it('takes the latest meeting’s vacancies still ahead, soonest first, undated last', () => {
    const meetings = [
      meeting('2026-09-01', [{ title: 'Old', team: 'A' }]),
      meeting('2026-10-23', [
        { title: 'Later', team: 'B', neededBy: '2027-02-01' },
        { title: 'Past', team: 'C', neededBy: '2026-11-01' },
        { title: 'Open', team: 'D' },
        { title: 'Soon', team: 'E', neededBy: '2026-12-01' },
      ]),
    ];
    expect(upcomingVacancies(meetings, '2026-11-23').map((v) => v.title)).toEqual([
      'Soon',
      'Later',
      'Open',
    ]);
  });
});
