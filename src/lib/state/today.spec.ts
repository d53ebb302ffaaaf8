import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { nowStamp, today } from './today';

// A zone far from UTC (UTC+14), so the local day and the UTC day differ for half the day.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Kiritimati';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('today', () => {
  it('is the local calendar day as YYYY-MM-DD, not the UTC one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T12:00:00.000Z'));
    // 02:00 on 6 January in Kiritimati.
    expect(today()).toBe('2026-01-06');
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-01-05');
  });

  it('pads month and day to two digits', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 8, 3, 9, 30));
    expect(today()).toBe('2026-09-03');
    vi.setSystemTime(new Date(2026, 11, 31, 23, 59));
    expect(today()).toBe('2026-12-31');
  });

  it('has the shape of an ISO date for the real clock', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('nowStamp', () => {
  it('is this moment as an ISO timestamp in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T12:34:56.789Z'));
    expect(nowStamp()).toBe('2026-01-05T12:34:56.789Z');
  });
});
