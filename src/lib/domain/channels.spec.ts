import { describe, expect, it } from 'vitest';
import { prepareSeries, type Point, type Series } from './aggregate';
import { catalogKpi, type KpiDefinition } from './catalog';
import { channelTable, type ChannelCampaign, type ChannelTableInput } from './channels';
import type { DateRange } from './dates';
import { planVerdicts } from './plan-verdicts';

const LOOP: DateRange = { start: '2026-03-01', end: '2026-04-30' };
const BEFORE: DateRange = { start: '2026-01-01', end: '2026-02-28' };

const whole = (range: DateRange, value: number, channel?: string): Point =>
  channel === undefined ? { ...range, value } : { ...range, value, channel };

/** Series per KPI key from points, as the plan prepares them once. */
function seriesFrom(points: Record<string, Point[]>): (key: string) => Series {
  const prepared = new Map<string, Series>();
  for (const [k, list] of Object.entries(points)) {
    const s = prepareSeries(list);
    if (!s.ok) throw new Error(s.error.code);
    prepared.set(k, s.value);
  }
  const empty = prepareSeries([]);
  if (!empty.ok) throw new Error('empty');
  return (k) => prepared.get(k) ?? empty.value;
}

/** Meta and LinkedIn spend and clicks, ATS applications and hires per channel, both loops. */
const POINTS: Record<string, Point[]> = {
  spend: [
    whole(BEFORE, 800, 'Meta'),
    whole(BEFORE, 900, 'LinkedIn'),
    whole(LOOP, 1000, 'Meta'),
    whole(LOOP, 600, 'LinkedIn'),
  ],
  clicks: [
    whole(BEFORE, 400, 'Meta'),
    whole(BEFORE, 300, 'LinkedIn'),
    whole(LOOP, 500, 'Meta'),
    whole(LOOP, 200, 'LinkedIn'),
  ],
  applicationsCompleted: [
    whole(BEFORE, 20, 'Meta'),
    whole(BEFORE, 10, 'LinkedIn'),
    whole(LOOP, 40, 'Meta'),
    whole(LOOP, 12, 'LinkedIn'),
  ],
  hires: [
    whole(BEFORE, 2, 'Meta'),
    whole(BEFORE, 3, 'LinkedIn'),
    whole(LOOP, 4, 'Meta'),
    whole(LOOP, 2, 'LinkedIn'),
  ],
};

const input = (extra: Partial<ChannelTableInput> = {}): ChannelTableInput => ({
  seriesOf: seriesFrom(POINTS),
  period: LOOP,
  reference: BEFORE,
  campaignsOf: () => null,
  ...extra,
});

const rowOf = (table: ReturnType<typeof channelTable>, channel: string) => {
  const row = table.rows.find((r) => r.channel === channel);
  if (!row) throw new Error(`no row ${channel}`);
  return row;
};

describe('channelTable', () => {
  it('gives each channel its own spend ÷ its own counts, and the total of all channels', () => {
    const table = channelTable(input());
    expect(table.rows.map((r) => r.channel)).toEqual(['LinkedIn', 'Meta']);
    expect(table.named).toBe(true);
    const meta = rowOf(table, 'Meta').cells;
    expect(meta.spend.current.value).toBe(1000);
    expect(meta.hires.current.value).toBe(4);
    expect(meta.costPerHire.current.value).toBe(250);
    expect(meta.costPerClick.current.value).toBe(2);
    expect(meta.costPerApplication.current.value).toBe(25);
    const linkedIn = rowOf(table, 'LinkedIn').cells;
    expect(linkedIn.costPerHire.current.value).toBe(300);
    expect(linkedIn.costPerClick.current.value).toBe(3);
    expect(linkedIn.costPerApplication.current.value).toBe(50);
    const total = table.total.cells;
    expect(total.spend.current.value).toBe(1600);
    expect(total.clicks.current.value).toBe(700);
    expect(total.applications.current.value).toBe(52);
    expect(total.hires.current.value).toBe(6);
    expect(total.costPerHire.current.value).toBeCloseTo(266.67, 2);
    expect(total.costPerClick.current.value).toBeCloseTo(1600 / 700, 10);
    expect(table.spendAddsUp).toEqual({ current: true, reference: true });
  });

  it('reads only the two periods of a long history, and the same numbers as without it', () => {
    const far = { start: '2024-01-01', end: '2024-02-29' };
    const later = { start: '2026-05-01', end: '2026-06-30' };
    const points = Object.fromEntries(
      Object.entries(POINTS).map(([k, list]) => [
        k,
        [whole(far, 9999, 'Meta'), ...list, whole(later, 9999, 'LinkedIn'), whole(later, 1, 'X')],
      ]),
    );
    const table = channelTable(input({ seriesOf: seriesFrom(points) }));
    expect(table.rows.map((r) => r.channel)).toEqual(['LinkedIn', 'Meta']);
    expect(table).toEqual(channelTable(input()));
  });

  it('compares each figure with the reference, a cost better when it falls', () => {
    const meta = rowOf(channelTable(input()), 'Meta').cells;
    // Before: 800 ÷ 2 = 400 per hire; now 250: 150 less, −37.5 %, better.
    expect(meta.costPerHire.reference.value).toBe(400);
    expect(meta.costPerHire.change).toEqual({
      absolute: -150,
      relative: -0.375,
      isNew: false,
      assessment: 'better',
    });
    expect(meta.hires.change).toMatchObject({ absolute: 2, relative: 1, assessment: 'better' });
    // Spend rising is neither better nor worse.
    expect(meta.spend.change).toMatchObject({ absolute: 200, assessment: 'changed' });
    const linkedIn = rowOf(channelTable(input()), 'LinkedIn').cells;
    // Before: 900 ÷ 3 = 300; now 600 ÷ 2 = 300: unchanged.
    expect(linkedIn.costPerHire.change).toMatchObject({ absolute: 0, assessment: 'unchanged' });
    // Total before: 1,700 ÷ 5 = 340; now 266.67: better.
    const total = channelTable(input()).total.cells.costPerHire;
    expect(total.reference.value).toBe(340);
    expect(total.change?.absolute).toBeCloseTo(1600 / 6 - 340, 10);
    expect(total.change?.assessment).toBe('better');
  });

  it('gives a channel with hires but no spend no cost (never Infinity), and counts its hires in the total', () => {
    const points = { ...POINTS, hires: [...POINTS.hires!, whole(LOOP, 1, 'Indeed')] };
    const table = channelTable(input({ seriesOf: seriesFrom(points) }));
    const indeed = rowOf(table, 'Indeed').cells;
    expect(indeed.hires.current.value).toBe(1);
    expect(indeed.spend.current.value).toBeNull();
    expect(indeed.costPerHire.current.value).toBeNull();
    // Not in the reference at all: no change, not "new".
    expect(indeed.hires.reference.value).toBeNull();
    expect(indeed.hires.change).toBeNull();
    expect(table.total.cells.hires.current.value).toBe(7);
    expect(table.total.cells.costPerHire.current.value).toBeCloseTo(1600 / 7, 10);
  });

  it('gives no cost for a count of 0, and calls a count that was 0 new', () => {
    const points = {
      ...POINTS,
      hires: [whole(BEFORE, 0, 'Meta'), whole(LOOP, 0, 'LinkedIn'), whole(LOOP, 3, 'Meta')],
    };
    const table = channelTable(input({ seriesOf: seriesFrom(points) }));
    const linkedIn = rowOf(table, 'LinkedIn').cells;
    expect(linkedIn.costPerHire.current.value).toBeNull();
    const meta = rowOf(table, 'Meta').cells;
    expect(meta.costPerHire.reference.value).toBeNull();
    expect(meta.hires.change).toMatchObject({ isNew: true, relative: null });
    for (const row of [...table.rows, table.total])
      for (const cell of Object.values(row.cells))
        for (const v of [cell.current.value, cell.reference.value])
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
  });

  it('lets a named channel without spend take its campaigns’ budgets once the loop has ended, case-insensitively; the unnamed channel takes none', () => {
    const points = {
      spend: [whole(LOOP, 1000, 'Meta')],
      hires: [whole(LOOP, 4, 'Meta'), whole(LOOP, 2, 'LinkedIn'), whole(LOOP, 1)],
    };
    const campaigns: ChannelCampaign[] = [
      { channel: 'linkedin ', budget: 400 },
      { channel: 'LinkedIn', budget: 200 },
      { channel: 'Meta', budget: 5000 }, // Meta has spend entered: its budget does not count
      { channel: '', budget: 300 },
    ];
    const table = channelTable(
      input({
        seriesOf: seriesFrom(points),
        campaignsOf: (range) => (range === LOOP ? campaigns : null),
      }),
    );
    const linkedIn = rowOf(table, 'LinkedIn').cells;
    expect(linkedIn.spend.current).toMatchObject({ value: 600, spendSource: 'campaigns' });
    expect(linkedIn.costPerHire.current).toMatchObject({ value: 300, spendSource: 'campaigns' });
    expect(rowOf(table, 'Meta').cells.spend.current).toEqual({ value: 1000, coveredDays: 61 });
    const unnamed = rowOf(table, '').cells;
    expect(unnamed.spend.current.value).toBeNull();
    expect(unnamed.costPerHire.current.value).toBeNull();
    expect(table.rows.map((r) => r.channel)).toEqual(['LinkedIn', 'Meta', '']);
    // The total is the plan's: spend entered (Meta's 1,000) comes first, so the rows' 1,600
    // do not add up to it, and the table says so.
    expect(table.total.cells.spend.current.value).toBe(1000);
    expect(table.total.cells.costPerHire.current.value).toBeCloseTo(1000 / 7, 10);
    expect(table.spendAddsUp.current).toBe(false);
  });

  it('takes no campaign budgets for a loop that has not ended (no campaigns offered)', () => {
    const points = { hires: [whole(LOOP, 2, 'LinkedIn')] };
    const table = channelTable(input({ seriesOf: seriesFrom(points), campaignsOf: () => null }));
    expect(rowOf(table, 'LinkedIn').cells.spend.current.value).toBeNull();
  });

  it('shows a campaign channel with a budget but no numbers as a row of its own', () => {
    const points = { hires: [whole(LOOP, 2, 'LinkedIn')] };
    const table = channelTable(
      input({
        seriesOf: seriesFrom(points),
        campaignsOf: (range) =>
          range === LOOP
            ? [
                { channel: ' Indeed ', budget: 500 },
                { channel: 'Radio', budget: 0 },
              ]
            : null,
        spendFallback: () => ({ amount: 500, source: 'campaigns' }),
      }),
    );
    expect(table.rows.map((r) => r.channel)).toEqual(['Indeed', 'LinkedIn']);
    expect(rowOf(table, 'Indeed').cells.spend.current).toMatchObject({
      value: 500,
      spendSource: 'campaigns',
    });
    expect(table.total.cells.spend.current).toMatchObject({ value: 500, spendSource: 'campaigns' });
    expect(table.spendAddsUp.current).toBe(true);
    expect(table.named).toBe(true);
  });

  it('is not named when only campaigns name channels (numbers from before channels)', () => {
    const points = { spend: [whole(LOOP, 7940)], hires: [whole(LOOP, 11)] };
    const table = channelTable(
      input({
        seriesOf: seriesFrom(points),
        campaignsOf: (range) =>
          range === LOOP ? [{ channel: 'Facebook and Instagram', budget: 3000 }] : null,
      }),
    );
    expect(table.rows.map((r) => r.channel)).toEqual(['Facebook and Instagram', '']);
    expect(table.named).toBe(false);
  });

  it('takes the total’s spend from the plan’s money rule when no spend is entered', () => {
    const points = { hires: [whole(LOOP, 4, 'Meta'), whole(BEFORE, 2, 'Meta')] };
    const table = channelTable(
      input({
        seriesOf: seriesFrom(points),
        spendFallback: (range) => (range === LOOP ? { amount: 2000, source: 'loopBudget' } : null),
      }),
    );
    const total = table.total.cells;
    expect(total.spend.current).toMatchObject({ value: 2000, spendSource: 'loopBudget' });
    expect(total.costPerHire.current).toMatchObject({ value: 500, spendSource: 'loopBudget' });
    expect(total.spend.reference.value).toBeNull();
    expect(total.costPerHire.change).toBeNull();
    // No channel takes the loop budget: it belongs to no channel.
    expect(rowOf(table, 'Meta').cells.spend.current.value).toBeNull();
    expect(table.spendAddsUp.current).toBe(false);
  });

  it('marks a channel’s value that covers fewer days than the total', () => {
    const days = (from: number, to: number, value: number, channel: string): Point[] =>
      Array.from({ length: to - from + 1 }, (_, i) => {
        const d = `2026-03-${String(from + i).padStart(2, '0')}`;
        return { start: d, end: d, value, channel };
      });
    const points = {
      spend: [whole(LOOP, 1000, 'Meta'), ...days(1, 15, 20, 'LinkedIn')],
      hires: [whole(LOOP, 4, 'Meta'), whole(LOOP, 2, 'LinkedIn')],
    };
    const table = channelTable(input({ seriesOf: seriesFrom(points) }));
    const linkedIn = rowOf(table, 'LinkedIn').cells;
    expect(linkedIn.spend.current).toMatchObject({ value: 300, coveredDays: 15, partial: true });
    expect(linkedIn.hires.current.partial).toBeUndefined();
    expect(linkedIn.costPerHire.current.partial).toBe(true);
    // Spend for 15 days, hires for 61: per day, (300 ÷ 15) ÷ (2 ÷ 61) = 610, as the plan's
    // own cost per hire would be, and said.
    expect(linkedIn.costPerHire.current.value).toBeCloseTo(610, 10);
    expect(linkedIn.costPerHire.current.perDay).toBe(true);
    expect(rowOf(table, 'Meta').cells.costPerHire.current.perDay).toBeUndefined();
    expect(rowOf(table, 'Meta').cells.spend.current.partial).toBeUndefined();
    expect(table.total.cells.spend.current).toMatchObject({ value: 1300, coveredDays: 61 });
  });

  it('is not named with only the unnamed channel, and leaves out channels without these figures', () => {
    const points = {
      spend: [whole(LOOP, 1000)],
      hires: [whole(LOOP, 4)],
      visits: [whole(LOOP, 900, 'Google')],
      clicks: [{ ...LOOP, value: null, channel: 'TikTok' }],
    };
    const table = channelTable(input({ seriesOf: seriesFrom(points) }));
    expect(table.rows.map((r) => r.channel)).toEqual(['']);
    expect(table.named).toBe(false);
    expect(table.total.cells.costPerHire.current.value).toBe(250);
  });

  it('has a total row equal to the plan’s own values (the KPI cards)', () => {
    const def = (k: string): KpiDefinition => {
      const found = catalogKpi(k);
      if (!found.ok) throw new Error(k);
      return found.value;
    };
    const keys = ['spend', 'clicks', 'applicationsCompleted', 'hires', 'costPerHire'];
    const prepared = planVerdicts({
      firstLoopStart: '2026-01-01',
      loopLength: { unit: 'months', count: 2 },
      kpis: keys.map(def),
      measurements: POINTS,
    });
    if (!prepared.ok) throw new Error(prepared.error.code);
    const verdicts = prepared.value({
      index: 2,
      basis: 'previousLoop',
      rules: null,
      targets: {},
      midLoopChanges: 0,
    });
    if (!verdicts.ok) throw new Error(verdicts.error.code);
    const card = new Map(verdicts.value.map((v) => [v.key, v]));
    // The series the plan prepared for its verdicts serve the table as well.
    const total = channelTable(input({ seriesOf: prepared.value.seriesOf })).total.cells;
    expect(total.spend.current.value).toBe(card.get('spend')?.value);
    expect(total.hires.current.value).toBe(card.get('hires')?.value);
    expect(total.costPerHire.current.value).toBe(card.get('costPerHire')?.value);
    expect(total.costPerHire.reference.value).toBe(card.get('costPerHire')?.reference);
  });
});
