import { describe, expect, it } from 'vitest';
import { backupStatus, snoozeUntil } from './reminder';

const plan = (createdAt: string, updatedAt: string, example = false) => ({
  createdAt,
  updatedAt,
  example,
});
const base = { reminderDays: 14, snoozedUntil: null, now: '2026-11-23T12:00:00.000Z' };

describe('backupStatus', () => {
  it('is due after the set number of days with changes since the last backup', () => {
    const status = backupStatus({
      ...base,
      lastExportAt: '2026-11-09T12:00:00.000Z',
      plans: [plan('2026-01-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z')],
    });
    expect(status).toEqual({
      lastExportAt: '2026-11-09T12:00:00.000Z',
      changedPlans: 1,
      daysWithoutBackup: 14,
      due: true,
    });
  });

  it('is not due a day earlier, nor without changes since the backup', () => {
    const plans = [plan('2026-01-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z')];
    expect(backupStatus({ ...base, lastExportAt: '2026-11-10T12:00:00.000Z', plans }).due).toBe(
      false,
    );
    const unchanged = backupStatus({ ...base, lastExportAt: '2026-11-21T00:00:00.000Z', plans });
    expect(unchanged).toMatchObject({ changedPlans: 0, due: false });
    expect(
      backupStatus({
        ...base,
        reminderDays: 30,
        lastExportAt: '2026-10-01T00:00:00.000Z',
        plans: [plan('2026-01-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z')],
      }).due,
    ).toBe(false);
  });

  it('without any backup, counts from the oldest changed plan; the example plan does not count', () => {
    const plans = [
      plan('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'),
      plan('2026-01-01T00:00:00.000Z', '2026-11-22T00:00:00.000Z', true),
    ];
    expect(backupStatus({ ...base, lastExportAt: null, plans })).toEqual({
      lastExportAt: null,
      changedPlans: 1,
      daysWithoutBackup: 22,
      due: true,
    });
    expect(backupStatus({ ...base, lastExportAt: null, plans: [plans[1]!] })).toMatchObject({
      changedPlans: 0,
      daysWithoutBackup: null,
      due: false,
    });
  });

  it('stays quiet while snoozed, and comes back after', () => {
    const input = {
      ...base,
      lastExportAt: null,
      plans: [plan('2026-10-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')],
    };
    const until = snoozeUntil(base.now, 3);
    expect(until).toBe('2026-11-26T12:00:00.000Z');
    expect(backupStatus({ ...input, snoozedUntil: until }).due).toBe(false);
    expect(
      backupStatus({ ...input, snoozedUntil: until, now: '2026-11-26T12:00:01.000Z' }).due,
    ).toBe(true);
  });
});
