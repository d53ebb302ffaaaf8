import { describe, expect, it } from 'vitest';
import type { Point } from './aggregate';
import { catalogDraft, catalogKpi, KPI_CATALOG, type KpiDefinition } from './catalog';
import { addDays, addMonths, contains, isValidDate, rangeDays, toDayNumber } from './dates';
import {
  EXAMPLE_KPIS,
  EXAMPLE_LOOPS,
  exampleData,
  exampleInLocale,
  exampleTextIn,
  type ExampleData,
} from './example';
import { focusRules } from './focus';
import { defaultBaseline, loopRange } from './periods';
import { planVerdicts } from './plan-verdicts';
import type { Result } from './result';
import type { Verdict } from './verdict';
import { checkJudgementDate } from './wizard';

const TODAY = '2026-11-23';
const TODAYS = [TODAY, '2027-03-05', '2026-01-31', '2028-02-29', '2026-07-01', '2029-12-31'];

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const kpi = (key: string): KpiDefinition => unwrap(catalogKpi(key));
const LENGTH = { unit: 'months', count: 2 } as const;

/** The baseline (index 0) and loops 1–6 of an example. */
function periods(data: ExampleData) {
  const first = data.plan.firstLoopStart;
  return [
    unwrap(defaultBaseline(first, LENGTH)),
    ...Array.from({ length: EXAMPLE_LOOPS }, (_, i) => unwrap(loopRange(first, LENGTH, i + 1))),
  ];
}

/** All verdicts of one loop, by KPI key, as the loop view computes them. */
function verdictsOf(data: ExampleData, index: number): Record<string, Verdict> {
  const measurements: Record<string, Point[]> = {};
  for (const m of data.measurements)
    (measurements[m.kpi] ??= []).push({ start: m.start, end: m.end, value: m.value });
  const prepared = unwrap(
    planVerdicts({
      firstLoopStart: data.plan.firstLoopStart,
      loopLength: data.plan.loopLength,
      kpis: data.kpis.map((d) => kpi(d.catalogKey ?? '')),
      measurements,
    }),
  );
  const loop = data.loops.find((l) => l.index === index);
  if (!loop) throw new Error(`no loop ${index}`);
  const verdicts = unwrap(
    prepared({
      index,
      basis: data.plan.defaultComparison,
      rules: focusRules(loop.focus),
      targets: Object.fromEntries(
        data.targets.filter((t) => t.loop === index).map((t) => [t.kpi, t.value]),
      ),
      midLoopChanges: data.loopChanges.filter((c) => c.loop === index).length,
    }),
  );
  return Object.fromEntries(verdicts.map((v) => [v.key, v]));
}

const flagKinds = (v: Verdict | undefined) => v?.flags.map((f) => f.kind) ?? [];

describe('exampleData: the plan', () => {
  const data = exampleData(TODAY, 'en');

  it('is a clearly labelled example plan of two-month loops, 12 months back', () => {
    expect(data.plan).toMatchObject({
      firstLoopStart: '2025-11-01',
      loopLength: { unit: 'months', count: 2 },
      defaultComparison: 'previousLoop',
      currency: 'EUR',
      example: true,
    });
    expect(data.plan.organisation).toMatch(/^Example: /);
    expect(exampleData(TODAY, 'nl').plan.organisation).toMatch(/^Voorbeeld: /);
    expect(data.plan.valuePerHire).toBeGreaterThan(0);
    expect(data.plan.notes).not.toBe('');
  });

  it('has six loops with the story’s focuses, all finished before today’s month', () => {
    expect(data.loops.map((l) => l.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data.loops.map((l) => l.focus)).toEqual([
      'reach',
      'reach',
      'traffic',
      'conversion',
      'conversion',
      'talentPool',
    ]);
    expect(periods(data)[6]).toEqual({ start: '2026-09-01', end: '2026-10-31' });
    expect(periods(data)[0]).toEqual({ start: '2025-09-01', end: '2025-10-31' });
    for (const loop of data.loops) {
      expect(loop.wizardStep).toBe(4);
      expect(loop.strategy && loop.expectationsNotes).toBeTruthy();
      expect(Object.values(loop.insights).every((t) => t.length > 0)).toBe(true);
    }
  });

  it('uses the catalog KPIs in catalog order, as catalog drafts', () => {
    for (const key of EXAMPLE_KPIS) expect(catalogKpi(key).ok, key).toBe(true);
    const expected = KPI_CATALOG.filter((d) =>
      (EXAMPLE_KPIS as readonly string[]).includes(d.key),
    ).map(catalogDraft);
    expect(data.kpis).toEqual(expected);
    expect(data.kpis).toHaveLength(EXAMPLE_KPIS.length);
  });

  it('is deterministic', () => {
    expect(exampleData(TODAY, 'en')).toEqual(data);
    expect(exampleData(TODAY, 'nl')).toEqual(exampleData(TODAY, 'nl'));
  });

  it('refuses a today that is not a date', () => {
    expect(() => exampleData('2026-02-30', 'en')).toThrow(RangeError);
  });

  it('has the same numbers and dates in both languages, and different words', () => {
    const nl = exampleData(TODAY, 'nl');
    const numbers = (d: ExampleData) => ({
      plan: { ...d.plan, organisation: '', notes: '' },
      kpis: d.kpis,
      loops: d.loops.map(({ index, focus, judgementDate, budget }) => ({
        index,
        focus,
        judgementDate,
        budget,
      })),
      targets: d.targets,
      measurements: d.measurements,
      campaigns: d.campaigns.map(({ name: _n, channel: _c, ...rest }) => rest),
      loopChanges: d.loopChanges.map(({ loop, date }) => ({ loop, date })),
    });
    expect(numbers(nl)).toEqual(numbers(data));
    expect(nl.loops[0]?.strategy).not.toBe(data.loops[0]?.strategy);
    expect(nl.campaigns[0]?.name).not.toBe(data.campaigns[0]?.name);
    expect(nl.loopChanges[0]?.what).not.toBe(data.loopChanges[0]?.what);
  });

  it('names the dip after the holiday season of loop 5', () => {
    expect(data.loops[4]?.expectationsNotes).toContain('summer holidays');
    expect(exampleData(TODAY, 'nl').loops[4]?.expectationsNotes).toContain('zomervakantie');
    expect(exampleData('2027-03-05', 'en').loops[4]?.expectationsNotes).toContain('Christmas');
  });
});

describe.each(TODAYS)('exampleData(%s): consistent data', (today) => {
  const data = exampleData(today, 'nl');
  const all = periods(data);
  const whole = { start: all[0]?.start ?? '', end: all[6]?.end ?? '' };

  it('starts 12 months before today’s month and ends the month before it', () => {
    const monthStart = `${today.slice(0, 7)}-01`;
    expect(data.plan.firstLoopStart).toBe(addMonths(monthStart, -12));
    expect(whole.end).toBe(addDays(monthStart, -1));
  });

  it('has only valid dates, all inside baseline … loop 6', () => {
    const ranges = [
      ...data.measurements,
      ...data.campaigns,
      ...data.loopChanges.map((c) => ({ start: c.date, end: c.date })),
    ];
    for (const r of ranges) {
      expect(isValidDate(r.start) && isValidDate(r.end), JSON.stringify(r)).toBe(true);
      expect(r.start <= r.end && contains(whole, r), JSON.stringify(r)).toBe(true);
    }
    for (const loop of data.loops) {
      const range = all[loop.index];
      if (!range) throw new Error('loop');
      expect(checkJudgementDate(loop.judgementDate, range).ok).toBe(true);
      expect(loop.judgementDate <= today).toBe(true);
    }
  });

  it('measures only its own KPIs, and never the ratio KPIs', () => {
    const keys = new Set(data.kpis.map((k) => k.catalogKey));
    for (const m of data.measurements) expect(keys.has(m.kpi), m.kpi).toBe(true);
    const ratios = data.kpis.filter((k) => k.aggregation.kind === 'ratio');
    expect(ratios.map((k) => k.catalogKey).sort()).toEqual(['applicationRate', 'costPerHire']);
    for (const r of ratios)
      expect(data.measurements.some((m) => m.kpi === r.catalogKey)).toBe(false);
    for (const m of data.measurements) expect(m.value).not.toBeNull();
  });

  it('has daily careers site visits for every day, and one value per period elsewhere', () => {
    const visits = data.measurements.filter((m) => m.kpi === 'careerSiteVisits');
    expect(visits).toHaveLength(rangeDays(whole));
    expect(visits.every((m) => m.start === m.end && m.source === 'analytics')).toBe(true);
    expect(new Set(visits.map((m) => m.start)).size).toBe(visits.length);
    const others = data.measurements.filter((m) => m.kpi !== 'careerSiteVisits');
    for (const m of others)
      expect(
        all.some((p) => p.start === m.start && p.end === m.end),
        m.kpi,
      ).toBe(true);
    for (const key of EXAMPLE_KPIS) {
      if (key === 'careerSiteVisits' || key === 'costPerHire' || key === 'applicationRate')
        continue;
      const count = others.filter((m) => m.kpi === key).length;
      expect(count, key).toBe(key === 'brandAwareness' ? 3 : 7);
    }
    const awareness = others.filter((m) => m.kpi === 'brandAwareness');
    expect(awareness.map((m) => m.start)).toEqual([all[2]?.start, all[4]?.start, all[6]?.start]);
  });

  it('takes each value from the source that KPI comes from', () => {
    const source = (key: string) => data.measurements.find((m) => m.kpi === key)?.source;
    expect(['reach', 'impressions', 'engagements', 'spend'].map(source)).toEqual(
      Array(4).fill('ads'),
    );
    expect(['timeOnSite', 'pagesPerVisitor'].map(source)).toEqual(['analytics', 'analytics']);
    expect(
      ['applicationsStarted', 'applicationsCompleted', 'hires', 'timeToHire', 'talentPool1to3'].map(
        source,
      ),
    ).toEqual(Array(5).fill('ats'));
    expect(source('brandAwareness')).toBe('survey');
  });

  it('has fewer visits at weekends', () => {
    const visits = data.measurements.filter((m) => m.kpi === 'careerSiteVisits');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Monday, 5 and 6 at the weekend.
    const weekend = (d: string) => (toDayNumber(d) + 3) % 7 >= 5;
    const sat = mean(visits.filter((m) => weekend(m.start)).map((m) => m.value ?? 0));
    const week = mean(visits.filter((m) => !weekend(m.start)).map((m) => m.value ?? 0));
    expect(sat).toBeLessThan(week * 0.85);
  });

  it('runs one or two campaigns per loop inside it, the spend close to their budgets', () => {
    for (const loop of data.loops) {
      const range = all[loop.index];
      if (!range) throw new Error('loop');
      const campaigns = data.campaigns.filter((c) => c.loop === loop.index);
      expect(campaigns.length).toBeGreaterThanOrEqual(1);
      expect(campaigns.length).toBeLessThanOrEqual(2);
      for (const c of campaigns) expect(contains(range, c), c.name).toBe(true);
      const total = campaigns.reduce((s, c) => s + c.budget, 0);
      expect(loop.budget.brand + loop.budget.recruitment).toBe(total);
      const spend = data.measurements.find((m) => m.kpi === 'spend' && m.start === range.start);
      expect(Math.abs((spend?.value ?? 0) - total) / total).toBeLessThan(0.05);
    }
  });

  it('logs one strategy change, in the middle of loop 4', () => {
    expect(data.loopChanges).toHaveLength(1);
    const change = data.loopChanges[0];
    const loop4 = all[4];
    if (!change || !loop4) throw new Error('change');
    expect(change.loop).toBe(4);
    const day = toDayNumber(change.date) - toDayNumber(loop4.start);
    expect(day).toBeGreaterThan(rangeDays(loop4) / 3);
    expect(day).toBeLessThan((rangeDays(loop4) * 2) / 3);
    // The campaigns of loop 4 switch on that day.
    const [before, after] = data.campaigns.filter((c) => c.loop === 4);
    expect(before?.end).toBe(addDays(change.date, -1));
    expect(after?.start).toBe(change.date);
  });

  it('sets targets for the main KPIs, +10 % on the baseline or the previous loop', () => {
    for (const loop of data.loops) {
      const targets = data.targets.filter((t) => t.loop === loop.index);
      expect(targets.length).toBeGreaterThanOrEqual(3);
      for (const t of targets) expect(t.basis).toBe(loop.index === 1 ? 'baseline' : 'previousLoop');
    }
    // No target for a KPI the focus expects to drop.
    const has = (loop: number, key: string) =>
      data.targets.some((t) => t.loop === loop && t.kpi === key);
    expect(has(2, 'timeOnSite')).toBe(false);
    expect(has(3, 'timeOnSite')).toBe(true);
    expect(has(3, 'reach')).toBe(false);
    expect(has(6, 'applicationsCompleted')).toBe(false);
    const hires2 = data.targets.find((t) => t.loop === 2 && t.kpi === 'hires');
    expect(hires2?.value).toBe(13); // 11 in loop 1, + 10 %, rounded up.
  });
});

describe.each(TODAYS)('exampleData(%s): the story the verdicts tell', (today) => {
  const data = exampleData(today, 'en');
  const v = (loop: number) => verdictsOf(data, loop);

  it('loop 2 (reach): reach clearly up, visit quality down as an expected trade-off', () => {
    const loop2 = v(2);
    for (const key of ['reach', 'impressions']) {
      expect(loop2[key]?.change?.assessment, key).toBe('better');
      expect(loop2[key]?.noise.label, key).toBe('probablyReal');
      expect(loop2[key]?.change?.relative ?? 0, key).toBeGreaterThan(0.3);
    }
    for (const key of ['timeOnSite', 'pagesPerVisitor']) {
      expect(loop2[key]?.change?.assessment, key).toBe('worse');
      expect(loop2[key]?.change?.relative ?? 0, key).toBeLessThan(-0.1);
      expect(flagKinds(loop2[key]), key).toContain('expectedTradeOff');
    }
  });

  it('loop 3: two more hires could be chance, the rise in visits and applications is real', () => {
    const loop3 = v(3);
    expect(loop3.hires).toMatchObject({ value: 14, reference: 12 });
    expect(loop3.hires?.noise.label).toBe('couldBeChance');
    for (const key of ['careerSiteVisits', 'applicationsCompleted']) {
      expect(loop3[key]?.change?.assessment, key).toBe('better');
      expect(loop3[key]?.noise.label, key).toBe('probablyReal');
    }
  });

  it('loop 4: every comparison is weakened by the mid-loop change', () => {
    const loop4 = Object.values(v(4));
    expect(loop4).toHaveLength(EXAMPLE_KPIS.length);
    for (const verdict of loop4) {
      const weakened = verdict.flags.find((f) => f.kind === 'comparisonWeakened');
      expect(weakened?.reasons, verdict.key).toContainEqual({ code: 'midLoopChanges', count: 1 });
    }
    for (const loop of [1, 2, 3, 5, 6])
      for (const verdict of Object.values(v(loop)))
        expect(
          verdict.flags.flatMap((f) => f.reasons).some((r) => r.code === 'midLoopChanges'),
        ).toBe(false);
  });

  it('loop 5 is the seasonal dip: fewer visits and applications than loop 4', () => {
    const loop5 = v(5);
    for (const key of ['careerSiteVisits', 'applicationsStarted', 'applicationsCompleted']) {
      expect(loop5[key]?.change?.assessment, key).toBe('worse');
      expect(loop5[key]?.noise.label, key).toBe('probablyReal');
    }
  });

  it('loop 6 (talent pool): the pool grows, applications ease off as expected', () => {
    const loop6 = v(6);
    expect(loop6.talentPool1to3?.change?.assessment).toBe('better');
    expect(flagKinds(loop6.applicationsCompleted)).toContain('expectedTradeOff');
  });

  it('meets some targets and misses others, and computes the ratio KPIs', () => {
    const statuses = data.loops.flatMap((l) =>
      Object.values(v(l.index)).map((x) => x.targetStatus),
    );
    expect(statuses).toContain('met');
    expect(statuses).toContain('missed');
    for (const loop of data.loops) {
      const verdicts = v(loop.index);
      expect(verdicts.costPerHire?.value ?? 0).toBeGreaterThan(0);
      expect(verdicts.applicationRate?.value ?? 0).toBeGreaterThan(0);
      // Daily visits are summed to one value per loop, fully covered.
      expect(verdicts.careerSiteVisits?.flags.some((f) => f.kind === 'tooLittleData')).toBe(false);
    }
  });

  it('only brand awareness lacks data, in the loops without a survey', () => {
    for (const loop of data.loops) {
      for (const verdict of Object.values(v(loop.index))) {
        const noData = verdict.flags.some((f) => f.reasons.some((r) => r.code === 'noData'));
        expect(noData, `${loop.index} ${verdict.key}`).toBe(verdict.key === 'brandAwareness');
      }
    }
  });
});

describe('the example in the other language', () => {
  /** The example's texts as stored rows (with ids), the way the storage hands them over. */
  const rows = (data: ExampleData) => ({
    plan: data.plan,
    loops: data.loops.map((loop) => ({ ...loop, id: `loop-${loop.index}` })),
    campaigns: data.campaigns.map((c, i) => ({ ...c, id: `campaign-${i}` })),
    loopChanges: data.loopChanges.map((c, i) => ({ ...c, id: `change-${i}` })),
  });

  // Every month of a year: loop 5's texts name a different holiday season.
  const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-15`);

  it.each(MONTHS)('turns every Dutch text into the English one and back (today %s)', (today) => {
    for (const [from, to] of [
      ['nl', 'en'],
      ['en', 'nl'],
    ] as const) {
      const source = rows(exampleData(today, from));
      const target = rows(exampleData(today, to));
      const switched = exampleInLocale(source, to);
      expect(switched.plan).toEqual(target.plan);
      expect(switched.loops).toEqual(target.loops);
      // Channels such as Indeed and LinkedIn are the same in both: those rows may stay.
      const campaigns = new Map(switched.campaigns.map((c) => [c.id, c]));
      target.campaigns.forEach((c, i) =>
        expect(campaigns.get(c.id) ?? source.campaigns[i]).toEqual(c),
      );
      expect(switched.loopChanges).toEqual(target.loopChanges);
    }
  });

  it('changes nothing when the example is already in that language', () => {
    const english = rows(exampleData(TODAY, 'en'));
    expect(exampleInLocale(english, 'en')).toEqual({
      plan: null,
      loops: [],
      campaigns: [],
      loopChanges: [],
    });
  });

  it('leaves what the user wrote or changed as it is, and translates the rest', () => {
    const dutch = rows(exampleData(TODAY, 'nl'));
    const loop1 = dutch.loops[0]!;
    const edited = {
      ...dutch,
      plan: { ...dutch.plan, organisation: 'Zorggroep De Linde (eigen kopie)' },
      loops: [{ ...loop1, strategy: 'Onze eigen strategie' }, ...dutch.loops.slice(1)],
    };
    const english = rows(exampleData(TODAY, 'en'));
    const switched = exampleInLocale(edited, 'en');
    expect(switched.plan).toEqual({
      ...edited.plan,
      notes: english.plan.notes,
    });
    expect(switched.loops[0]).toEqual({
      ...english.loops[0],
      strategy: 'Onze eigen strategie',
    });
  });

  it('knows the example’s own words only', () => {
    expect(exampleTextIn('Voorbeeld: Zorggroep De Linde', 'en')).toBe(
      'Example: De Linde Care Group',
    );
    expect(exampleTextIn('Example: De Linde Care Group', 'en')).toBe(
      'Example: De Linde Care Group',
    );
    expect(exampleTextIn('Zorggroep Noord', 'en')).toBeNull();
  });
});
