import { describe, expect, it } from 'vitest';
import type { PeriodValue } from './aggregate';
import { catalogKpi } from './catalog';
import { DEFAULT_FOCUS_RULES } from './focus';
import { agendaRows, meetingDue, upcomingVacancies } from './meetings';
import { verdict, type VerdictInput } from './verdict';

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

describe('agendaRows', () => {
  const pv = (value: number | null, days = 61): PeriodValue => ({
    value,
    coverage: 1,
    coveredDays: days,
    lastDay: value === null ? null : 20_000 + days - 1,
    points: 1,
    days,
    partial: 0,
    superseded: 0,
    conflicts: 0,
  });
  const input = (key: string, over: Partial<VerdictInput>): VerdictInput => {
    const kpi = catalogKpi(key);
    if (!kpi.ok) throw new Error(key);
    return {
      kpi: kpi.value,
      current: pv(60),
      reference: pv(80),
      basis: 'previousLoop',
      target: 90,
      rules: DEFAULT_FOCUS_RULES.reach,
      midLoopChanges: 0,
      ...over,
    };
  };

  it('keeps the expected trade-off beside "not met": time on site under a reach focus', () => {
    const [row] = agendaRows([verdict(input('timeOnSite', {}))]);
    expect(row).toMatchObject({
      key: 'timeOnSite',
      value: 60,
      target: 90,
      status: { kind: 'target', status: 'missed' },
    });
    expect(row?.expectedTradeOff).toEqual(
      DEFAULT_FOCUS_RULES.reach.expectedDrop.find((d) => d.kpi === 'timeOnSite')?.reason,
    );
  });

  it('has no trade-off for a drop the focus did not predict, nor for a KPI that rose', () => {
    const rows = agendaRows([
      verdict(input('hires', { current: pv(8), reference: pv(11), target: 12 })),
      verdict(input('timeOnSite', { current: pv(95), reference: pv(80) })),
    ]);
    expect(rows.map((r) => r.expectedTradeOff)).toEqual([null, null]);
    expect(rows.map((r) => r.status)).toEqual([
      { kind: 'target', status: 'missed' },
      { kind: 'target', status: 'met' },
    ]);
  });

  it('gives a running loop its pace instead of "not judged"', () => {
    const [row] = agendaRows([
      verdict(
        input('hires', {
          current: pv(6, 30),
          reference: pv(11),
          target: 12,
          running: { elapsedDays: 30, lastYearShare: null },
        }),
      ),
    ]);
    expect(row?.status.kind).toBe('pacing');
  });
});
