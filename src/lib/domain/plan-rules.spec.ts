import { describe, expect, it, vi } from 'vitest';
import type { Loop } from '$lib/schema/loop';
import { catalogKpi, KPI_CATALOG, type KpiDefinition, type Pillar } from './catalog';
import type { DateRange } from './dates';
import type { LoopLength } from './periods';
import { periodValues } from './plan-verdicts';
import {
  cellContents,
  knownBaseline,
  nextLoopDraft,
  pointsByKey,
  sideOfPillar,
  suggestionNotes,
  targetSuggestions,
  valuesOn,
  type MeasurementRow,
  type NextLoopInput,
  type PlanRow,
  type TargetSuggestionInput,
} from './plan-rules';

const def = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const row = (key: string): PlanRow => ({ kpi: { id: `id-${key}` }, definition: def(key) });

const reach = row('reach');
const visits = row('careerSiteVisits');
const applications = row('applicationsCompleted');
const hires = row('hires');
const frequency = row('frequency'); // direction depends
const timeOnSite = row('timeOnSite'); // a mean, in seconds
const applicationRate = row('applicationRate'); // applicationsCompleted ÷ careerSiteVisits
const costPerHire = row('costPerHire'); // spend ÷ hires

const m = (kpiId: string, start: string, end: string, value: number | null): MeasurementRow => ({
  kpiId,
  start,
  end,
  value,
});

describe('pointsByKey', () => {
  it('groups measurements by the KPI key of their row, in stored order', () => {
    const points = pointsByKey(
      [reach, hires],
      [
        m('id-reach', '2024-01-01', '2024-01-31', 5000),
        m('id-hires', '2024-01-01', '2024-02-29', 12),
        m('id-reach', '2024-02-01', '2024-02-29', 7000),
      ],
    );
    expect(points).toEqual({
      reach: [
        { start: '2024-01-01', end: '2024-01-31', value: 5000 },
        { start: '2024-02-01', end: '2024-02-29', value: 7000 },
      ],
      hires: [{ start: '2024-01-01', end: '2024-02-29', value: 12 }],
    });
  });

  it('keeps "unknown" (null) values and drops the kpiId', () => {
    const points = pointsByKey([hires], [m('id-hires', '2024-01-01', '2024-02-29', null)]);
    expect(points).toEqual({ hires: [{ start: '2024-01-01', end: '2024-02-29', value: null }] });
  });

  it('leaves out measurements of KPIs that are not among the rows', () => {
    const points = pointsByKey([reach], [m('id-removed', '2024-01-01', '2024-01-31', 40)]);
    expect(points).toEqual({});
  });

  it('keys a custom KPI by its definition key', () => {
    const custom = { kpi: { id: 'k7' }, definition: { key: 'custom-k7' } };
    expect(pointsByKey([custom], [m('k7', '2024-03-01', '2024-03-31', 3)])).toEqual({
      'custom-k7': [{ start: '2024-03-01', end: '2024-03-31', value: 3 }],
    });
  });

  it('feeds periodValues: two monthly reach values add up to the loop total', () => {
    const points = pointsByKey(
      [reach],
      [
        m('id-reach', '2024-03-01', '2024-03-31', 5000),
        m('id-reach', '2024-04-01', '2024-04-30', 7000),
      ],
    );
    const values = periodValues([reach.definition], points, {
      start: '2024-03-01',
      end: '2024-04-30',
    });
    expect(values.ok && values.value['reach']?.value).toBe(12000);
  });
});

describe('valuesOn', () => {
  const baseline: DateRange = { start: '2023-11-01', end: '2023-12-31' };

  it('gives the values stored exactly on the period, by KPI id, null for unknown', () => {
    const values = valuesOn(
      [
        m('id-reach', '2023-11-01', '2023-12-31', 11000),
        m('id-hires', '2023-11-01', '2023-12-31', null),
      ],
      baseline,
    );
    expect([...values]).toEqual([
      ['id-reach', 11000],
      ['id-hires', null],
    ]);
  });

  it('ignores values on a finer, longer or shifted period', () => {
    const values = valuesOn(
      [
        m('id-visits', '2023-11-01', '2023-11-30', 900), // one month inside
        m('id-visits', '2023-10-01', '2023-12-31', 2700), // longer
        m('id-visits', '2023-11-02', '2024-01-01', 1800), // shifted by a day
      ],
      baseline,
    );
    expect(values.size).toBe(0);
  });

  it('keeps the last of two values on the same period', () => {
    const values = valuesOn(
      [m('id-hires', '2023-11-01', '2023-12-31', 9), m('id-hires', '2023-11-01', '2023-12-31', 10)],
      baseline,
    );
    expect(values.get('id-hires')).toBe(10);
  });
});

/** The cells the grid shows read-only: the keys of `cellContents`. */
const readOnlyCells = (...args: Parameters<typeof cellContents>) =>
  new Set(cellContents(...args).keys());

describe('cellContents: the read-only cells', () => {
  const baseline: DateRange = { start: '2023-11-01', end: '2023-12-31' };
  const loop1: DateRange = { start: '2024-01-01', end: '2024-02-29' };

  it('marks a KPI with daily values inside a range under that range start', () => {
    const inside = readOnlyCells(
      [
        m('id-visits', '2024-01-01', '2024-01-01', 31),
        m('id-visits', '2024-01-02', '2024-01-02', 28),
      ],
      [baseline, loop1],
    );
    expect([...inside]).toEqual(['id-visits|2024-01-01']);
  });

  it('does not mark a value exactly on the range', () => {
    expect(readOnlyCells([m('id-hires', '2024-01-01', '2024-02-29', 12)], [loop1]).size).toBe(0);
  });

  it('does not mark a value reaching over the range edge', () => {
    const inside = readOnlyCells(
      [
        m('id-reach', '2023-12-25', '2024-01-07', 800),
        m('id-reach', '2024-02-26', '2024-03-03', 700),
      ],
      [baseline, loop1],
    );
    expect(inside.size).toBe(0);
  });

  it('finds the same cells over disjoint ranges (one search per value) as over overlapping ones', () => {
    const naive = (rows: ReturnType<typeof m>[], ranges: DateRange[]) => {
      const out = new Set<string>();
      for (const r of ranges)
        for (const x of rows)
          if (x.start >= r.start && x.end <= r.end && !(x.start === r.start && x.end === r.end))
            out.add(`${x.kpiId}|${r.start}`);
      return out;
    };
    const rows = Array.from({ length: 300 }, (_, i) => {
      const day = 1 + (i % 28);
      const start = `2024-0${1 + (i % 4)}-${String(day).padStart(2, '0')}`;
      const end = `2024-0${1 + (i % 4)}-${String(Math.min(28, day + (i % 3) * 5)).padStart(2, '0')}`;
      return m(`k${i % 5}`, start, end, i);
    });
    const months: DateRange[] = [
      { start: '2024-03-01', end: '2024-03-31' },
      { start: '2024-01-01', end: '2024-01-31' },
      { start: '2024-02-01', end: '2024-02-29' },
    ];
    expect(readOnlyCells(rows, months)).toEqual(naive(rows, months));
    const overlapping = [...months, { start: '2024-01-15', end: '2024-02-15' }, baseline];
    expect(readOnlyCells(rows, overlapping)).toEqual(naive(rows, overlapping));
  });

  it('counts a period touching both edges but one day shorter as finer', () => {
    const inside = readOnlyCells(
      [
        m('id-reach', '2024-01-01', '2024-02-28', 9000),
        m('id-hires', '2024-01-02', '2024-02-29', 3),
      ],
      [loop1],
    );
    expect(inside).toEqual(new Set(['id-reach|2024-01-01', 'id-hires|2024-01-01']));
  });

  it('marks each range that holds finer data of the KPI', () => {
    const inside = readOnlyCells(
      [
        m('id-visits', '2023-12-04', '2023-12-10', 210), // a week in the baseline
        m('id-visits', '2024-02-01', '2024-02-29', 650), // a month in loop 1
      ],
      [baseline, loop1],
    );
    expect(inside).toEqual(new Set(['id-visits|2023-11-01', 'id-visits|2024-01-01']));
  });
});

describe('knownBaseline', () => {
  it('knows a plain KPI with a stored value or an unknown mark', () => {
    const entries = new Map<string, number | null>([
      ['id-reach', 11000],
      ['id-hires', null],
    ]);
    expect(knownBaseline([reach, hires, visits], entries)).toEqual(new Set(['reach', 'hires']));
  });

  it('takes a set of KPI ids as well as a map', () => {
    expect(knownBaseline([reach, hires], new Set(['id-hires']))).toEqual(new Set(['hires']));
  });

  it('knows a ratio KPI only when both its parts have a baseline entry', () => {
    const rows = [applications, visits, applicationRate];
    expect(knownBaseline(rows, new Set(['id-applicationsCompleted']))).toEqual(
      new Set(['applicationsCompleted']),
    );
    expect(
      knownBaseline(rows, new Set(['id-applicationsCompleted', 'id-careerSiteVisits'])),
    ).toEqual(new Set(['applicationsCompleted', 'careerSiteVisits', 'applicationRate']));
  });

  it('ignores an entry on the ratio KPI itself', () => {
    expect(knownBaseline([applicationRate], new Set(['id-applicationRate'])).size).toBe(0);
  });

  it('does not know a ratio whose part is not a KPI of the plan', () => {
    // Cost per hire needs spend, which this plan does not measure.
    expect(knownBaseline([hires, costPerHire], new Set(['id-hires', 'id-spend']))).toEqual(
      new Set(['hires']),
    );
  });
});

describe('targetSuggestions', () => {
  const base: TargetSuggestionInput = {
    rows: [reach, applications, hires, frequency, timeOnSite],
    reference: {
      reach: 12000,
      applicationsCompleted: 80,
      hires: 12,
      frequency: 2.4,
      timeOnSite: 95,
    },
    dropping: new Set(),
    current: [],
    basis: 'baseline',
    replace: 'none',
  };

  it('suggests 10 % better by default, counts rounded up, with the given basis', () => {
    expect(targetSuggestions(base)).toEqual([
      { kpiId: 'id-reach', value: 13200, basis: 'baseline' },
      { kpiId: 'id-applicationsCompleted', value: 88, basis: 'baseline' },
      { kpiId: 'id-hires', value: 14, basis: 'baseline' }, // 13.2 → 14
      { kpiId: 'id-frequency', value: 2.4, basis: 'baseline' }, // depends: kept as it was
      { kpiId: 'id-timeOnSite', value: 105, basis: 'baseline' }, // 104.5 s → whole seconds
    ]);
  });

  it('uses the step given', () => {
    const out = targetSuggestions({ ...base, rows: [reach, hires], stepPercent: 25 });
    expect(out.map((t) => t.value)).toEqual([15000, 15]);
  });

  it('suggests nothing for a KPI without a reference value', () => {
    const out = targetSuggestions({ ...base, reference: { reach: 12000, hires: null } });
    expect(out.map((t) => t.kpiId)).toEqual(['id-reach']);
  });

  it('suggests nothing for a KPI the focus expects to drop', () => {
    const out = targetSuggestions({ ...base, dropping: new Set(['timeOnSite', 'hires']) });
    expect(out.map((t) => t.kpiId)).toEqual([
      'id-reach',
      'id-applicationsCompleted',
      'id-frequency',
    ]);
  });

  it("with replace 'none', leaves out every KPI that has a target, whatever its basis", () => {
    const out = targetSuggestions({
      ...base,
      basis: 'previousLoop',
      current: [
        { kpiId: 'id-reach', value: 15000, basis: 'manual' },
        { kpiId: 'id-hires', value: 13, basis: 'previousLoop' },
      ],
    });
    expect(out).toEqual([
      { kpiId: 'id-applicationsCompleted', value: 88, basis: 'previousLoop' },
      { kpiId: 'id-frequency', value: 2.4, basis: 'previousLoop' },
      { kpiId: 'id-timeOnSite', value: 105, basis: 'previousLoop' },
    ]);
  });

  it("with replace 'suggested', replaces suggested targets but never a manual one", () => {
    const out = targetSuggestions({
      ...base,
      rows: [reach, applications, hires],
      stepPercent: 20,
      replace: 'suggested',
      current: [
        { kpiId: 'id-reach', value: 15000, basis: 'manual' },
        { kpiId: 'id-applicationsCompleted', value: 88, basis: 'baseline' },
        { kpiId: 'id-hires', value: 14, basis: 'previousLoop' },
      ],
    });
    expect(out).toEqual([
      { kpiId: 'id-applicationsCompleted', value: 96, basis: 'baseline' },
      { kpiId: 'id-hires', value: 15, basis: 'baseline' }, // 14.4 → 15
    ]);
  });

  it("with replace 'suggested', still adds KPIs without a target", () => {
    const out = targetSuggestions({ ...base, rows: [hires], replace: 'suggested', current: [] });
    expect(out).toEqual([{ kpiId: 'id-hires', value: 14, basis: 'baseline' }]);
  });

  it('gives nothing for a step the domain refuses', () => {
    expect(targetSuggestions({ ...base, stepPercent: -5 })).toEqual([]);
    expect(targetSuggestions({ ...base, stepPercent: Number.NaN })).toEqual([]);
  });

  it('suggests a percent KPI relative to its value, to one decimal, capped at 100', () => {
    const out = targetSuggestions({
      ...base,
      rows: [applicationRate],
      reference: { applicationRate: 3 },
    });
    // 3 % + 10 % is 3.3 %, not 13 %.
    expect(out).toEqual([{ kpiId: 'id-applicationRate', value: 3.3, basis: 'baseline' }]);
    const high = targetSuggestions({
      ...base,
      rows: [applicationRate],
      reference: { applicationRate: 95 },
    });
    expect(high).toEqual([{ kpiId: 'id-applicationRate', value: 100, basis: 'baseline' }]);
  });
});

describe('suggestionNotes', () => {
  const rows = [reach, hires, applicationRate];
  const reference = { reach: 12000, hires: 3, applicationRate: 95 };

  it('notes the suggested targets whose rounding or limit changed the step', () => {
    const notes = suggestionNotes({
      rows,
      reference,
      current: [
        { kpiId: 'id-reach', value: 13200, basis: 'baseline' }, // +10 %: nothing to note
        { kpiId: 'id-hires', value: 4, basis: 'baseline' }, // 3.3 rounded up to 4: +33 %
        { kpiId: 'id-applicationRate', value: 100, basis: 'previousLoop' }, // held at 100 %
      ],
    });
    expect([...notes]).toEqual([
      ['id-hires', { value: 4, stepPercent: 33.333333333, note: 'rounded' }],
      ['id-applicationRate', { value: 100, stepPercent: 5.263157895, note: 'capped' }],
    ]);
  });

  it('notes nothing for a target typed by hand or made with another step', () => {
    const current = [
      { kpiId: 'id-hires', value: 4, basis: 'manual' as const },
      { kpiId: 'id-applicationRate', value: 100, basis: 'baseline' as const },
    ];
    expect(suggestionNotes({ rows, reference, current }).has('id-hires')).toBe(false);
    // 3 hires + 50 % = 4.5 → 5; the stored 4 came from another step.
    expect(
      suggestionNotes({
        rows,
        reference,
        stepPercent: 50,
        current: [{ kpiId: 'id-hires', value: 4, basis: 'baseline' }],
      }).size,
    ).toBe(0);
    expect(suggestionNotes({ rows, reference, stepPercent: -1, current }).size).toBe(0);
  });
});

describe('nextLoopDraft', () => {
  const twoMonths: LoopLength = { unit: 'months', count: 2 };
  const plan = { firstLoopStart: '2024-01-01', loopLength: twoMonths };
  const loop = (index: number, extra: Partial<Loop> = {}): Loop => ({
    id: `loop-${index}`,
    planId: 'plan-1',
    index,
    strategy: '',
    expectationsNotes: '',
    insights: { targetGroup: '', reaction: '', journey: '' },
    updatedAt: '2024-03-01T09:00:00.000Z',
    ...extra,
  });
  const rows = [reach, applications, hires, frequency];
  const loop2Values = { reach: 12000, applicationsCompleted: 80, hires: 12, frequency: null };

  const input = (extra: Partial<NextLoopInput> = {}): NextLoopInput => ({
    plan,
    loops: [loop(1, { focus: 'reach' }), loop(2, { focus: 'talentPool', comparison: 'baseline' })],
    rows,
    valuesOver: () => loop2Values,
    targets: [
      { loopId: 'loop-1', kpiId: 'id-hires', value: 11, basis: 'baseline' },
      { loopId: 'loop-2', kpiId: 'id-applicationsCompleted', value: 90, basis: 'manual' },
      { loopId: 'loop-2', kpiId: 'id-frequency', value: 3.5, basis: 'baseline' },
    ],
    ...extra,
  });

  it('numbers the new loop after the last and asks for the last loop values', () => {
    const valuesOver = vi.fn((_range: DateRange) => loop2Values);
    const result = nextLoopDraft(input({ valuesOver }));
    expect(result.ok && result.value.index).toBe(3);
    expect(valuesOver).toHaveBeenCalledTimes(1);
    expect(valuesOver).toHaveBeenCalledWith({ start: '2024-03-01', end: '2024-04-30' });
  });

  it('keeps the reason of an early start with the new loop, and none without one', () => {
    const early = nextLoopDraft(input({ earlyStart: '  Budget year starts in March. ' }));
    expect(early.ok && early.value.draft.earlyStart).toBe('Budget year starts in March.');
    const plain = nextLoopDraft(input({ earlyStart: '   ' }));
    expect(plain.ok && 'earlyStart' in plain.value.draft).toBe(false);
  });

  it('opens at the focus step, judged the day after it ends, carrying focus and comparison', () => {
    const result = nextLoopDraft(
      input({
        loops: [
          loop(1),
          loop(2, {
            focus: 'conversion',
            comparison: 'baseline',
            expectationsNotes: 'Pool first.',
          }),
        ],
      }),
    );
    expect(result.ok && result.value.draft).toEqual({
      index: 3,
      wizardStep: 2,
      judgementDate: '2024-07-01', // loop 3 is May–June 2024
      expectationsNotes: 'Pool first.',
      focus: 'conversion',
      comparison: 'baseline',
    });
  });

  it('suggests targets from the last loop, keeps old targets for drops and KPIs without a value', () => {
    const result = nextLoopDraft(input());
    // Talent pool focus expects completed applications to drop: its manual target is kept.
    // Frequency had no value last loop: its target is kept with its basis.
    expect(result.ok && result.value.targets).toEqual([
      { kpiId: 'id-reach', value: 13200, basis: 'previousLoop' },
      { kpiId: 'id-applicationsCompleted', value: 90, basis: 'manual' },
      { kpiId: 'id-hires', value: 14, basis: 'previousLoop' },
      { kpiId: 'id-frequency', value: 3.5, basis: 'baseline' },
    ]);
  });

  it('never carries a target of an earlier loop', () => {
    const result = nextLoopDraft(input({ valuesOver: () => ({}) }));
    // Hires had a target in loop 1 only; without a value in loop 2 it gets none.
    expect(result.ok && result.value.targets.map((t) => t.kpiId)).toEqual([
      'id-applicationsCompleted',
      'id-frequency',
    ]);
  });

  it("uses the last loop's adjusted rules and copies them into the draft", () => {
    const focusRules = {
      expectedRise: ['reach'],
      expectedDrop: [{ kpi: 'hires', reason: 'Pool' }],
    };
    const result = nextLoopDraft(
      input({ loops: [loop(1), loop(2, { focus: 'reach', focusRules })] }),
    );
    if (!result.ok) throw new Error('expected a draft');
    expect(result.value.draft.focusRules).toEqual(focusRules);
    expect(result.value.targets).toEqual([
      { kpiId: 'id-reach', value: 13200, basis: 'previousLoop' },
      { kpiId: 'id-applicationsCompleted', value: 88, basis: 'previousLoop' },
      { kpiId: 'id-frequency', value: 3.5, basis: 'baseline' },
    ]);
  });

  it('continues the loop with the highest index, whatever the order given', () => {
    const result = nextLoopDraft(
      input({ loops: [loop(2, { focus: 'talentPool' }), loop(1, { focus: 'reach' })] }),
    );
    expect(result.ok && result.value.index).toBe(3);
    expect(result.ok && result.value.draft.focus).toBe('talentPool');
  });

  it('starts loop 1 without a previous loop: no values asked, no targets, empty notes', () => {
    const valuesOver = vi.fn(() => loop2Values);
    const result = nextLoopDraft(input({ loops: [], valuesOver }));
    expect(valuesOver).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: true,
      value: {
        index: 1,
        draft: { index: 1, wizardStep: 2, judgementDate: '2024-03-01', expectationsNotes: '' },
        targets: [],
      },
    });
  });

  it('keeps every old target when the last values cannot be used for a suggestion', () => {
    const result = nextLoopDraft(
      input({ valuesOver: () => ({ reach: Number.POSITIVE_INFINITY }) }),
    );
    expect(result.ok && result.value.targets).toEqual([
      { kpiId: 'id-applicationsCompleted', value: 90, basis: 'manual' },
      { kpiId: 'id-frequency', value: 3.5, basis: 'baseline' },
    ]);
  });

  it('works with week loops: loop 2 of 4-week loops is judged the day after its 28 days', () => {
    const result = nextLoopDraft(
      input({
        plan: { firstLoopStart: '2024-01-01', loopLength: { unit: 'weeks', count: 4 } },
        loops: [loop(1)],
      }),
    );
    expect(result.ok && result.value.draft.judgementDate).toBe('2024-02-26');
  });

  it('fails when the plan has no valid first loop start', () => {
    const result = nextLoopDraft(input({ plan: { ...plan, firstLoopStart: '2024-02-30' } }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalidDate', field: 'firstLoopStart', value: '2024-02-30' },
    });
  });

  it('fails beyond the last loop a plan can have', () => {
    const result = nextLoopDraft(input({ loops: [loop(10_000)] }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalidLoopIndex', field: 'loop', value: '10001' },
    });
  });

  it('suggests from real measurements when valuesOver aggregates them', () => {
    const points = pointsByKey(
      [reach, hires],
      [
        m('id-reach', '2024-03-01', '2024-03-31', 5000),
        m('id-reach', '2024-04-01', '2024-04-30', 7000),
        m('id-hires', '2024-03-01', '2024-04-30', 20),
        m('id-hires', '2024-01-01', '2024-02-29', 99), // loop 1: not asked for
      ],
    );
    const valuesOver = (range: DateRange) => {
      const values = periodValues([reach.definition, hires.definition], points, range);
      if (!values.ok) return {};
      return Object.fromEntries(Object.entries(values.value).map(([k, v]) => [k, v.value]));
    };
    const result = nextLoopDraft({
      plan,
      loops: [loop(2)],
      rows: [reach, hires],
      valuesOver,
      targets: [],
    });
    expect(result.ok && result.value.targets).toEqual([
      { kpiId: 'id-reach', value: 13200, basis: 'previousLoop' },
      { kpiId: 'id-hires', value: 22, basis: 'previousLoop' },
    ]);
  });
});

describe('sideOfPillar', () => {
  it('puts talent pool, reach and brand on the brand side', () => {
    const pillars: Pillar[] = ['talentPool', 'reach', 'brand'];
    expect(pillars.map(sideOfPillar)).toEqual(['brand', 'brand', 'brand']);
  });

  it('puts traffic, conversion and recruitment on the recruitment side', () => {
    const pillars: Pillar[] = ['traffic', 'conversion', 'recruitment'];
    expect(pillars.map(sideOfPillar)).toEqual(['recruitment', 'recruitment', 'recruitment']);
  });

  it('agrees with the side of every catalog KPI', () => {
    for (const kpi of KPI_CATALOG) expect(sideOfPillar(kpi.pillar), kpi.key).toBe(kpi.side);
  });
});

// Issue 14: the grid's conflicts (a total with finer values covering only part of it).
import { overlapConflicts } from './plan-rules';

describe('overlapConflicts', () => {
  const loop1: DateRange = { start: '2024-01-01', end: '2024-02-29' };
  const month = m('id-applications', '2024-01-01', '2024-01-31', 40);
  const days = [
    m('id-applications', '2024-01-05', '2024-01-05', 3),
    m('id-applications', '2024-01-06', '2024-01-06', 2),
    m('id-applications', '2024-01-07', '2024-01-07', 4),
    m('id-applications', '2024-01-08', '2024-01-08', 1),
  ];

  it('lists a month total with daily values for four of its 31 days as one conflict', () => {
    expect(overlapConflicts([month, ...days], loop1)).toEqual([
      { kpiId: 'id-applications', total: month, finer: days, finerDays: 4, days: 31 },
    ]);
  });

  it('agrees with the aggregation: the total is kept and the daily values are the conflicts', () => {
    const values = periodValues(
      [applications.definition],
      { applicationsCompleted: [month, ...days] },
      loop1,
    );
    expect(values.ok && values.value.applicationsCompleted).toMatchObject({
      value: 40,
      conflicts: 4,
    });
  });

  it('finds none when the finer values cover every day of the total', () => {
    const january = Array.from({ length: 31 }, (_, i) => {
      const day = `2024-01-${String(i + 1).padStart(2, '0')}`;
      return m('id-applications', day, day, 1);
    });
    expect(overlapConflicts([month, ...january], loop1)).toEqual([]);
  });

  it('finds none without finer values, or with finer values outside the total', () => {
    expect(overlapConflicts([month], loop1)).toEqual([]);
    expect(
      overlapConflicts([month, m('id-applications', '2024-02-03', '2024-02-03', 2)], loop1),
    ).toEqual([]);
  });

  it('ignores values marked unknown, as total and as finer value', () => {
    expect(
      overlapConflicts([month, m('id-applications', '2024-01-05', '2024-01-05', null)], loop1),
    ).toEqual([]);
    expect(overlapConflicts([{ ...month, value: null }, ...days], loop1)).toEqual([]);
    const [found] = overlapConflicts(
      [month, ...days, m('id-applications', '2024-01-20', '2024-01-20', null)],
      loop1,
    );
    expect(found?.finer).toEqual(days);
    expect(found?.finerDays).toBe(4);
  });

  it('keeps two KPIs apart: daily values of one never conflict with the total of another', () => {
    const reachMonth = m('id-reach', '2024-02-01', '2024-02-29', 9000);
    const reachDays = [
      m('id-reach', '2024-02-10', '2024-02-10', 300),
      m('id-reach', '2024-02-11', '2024-02-12', 500),
    ];
    const found = overlapConflicts(
      [month, ...days, reachMonth, ...reachDays, m('id-hires', '2024-02-01', '2024-02-01', 1)],
      loop1,
    );
    expect(found).toEqual([
      { kpiId: 'id-applications', total: month, finer: days, finerDays: 4, days: 31 },
      { kpiId: 'id-reach', total: reachMonth, finer: reachDays, finerDays: 3, days: 29 },
    ]);
    // Daily values of one KPI under another KPI's month total are no conflict.
    expect(
      overlapConflicts([reachMonth, m('id-hires', '2024-02-10', '2024-02-10', 1)], loop1),
    ).toEqual([]);
  });

  it('only looks inside the range: a total reaching over its edge is not listed', () => {
    const overEdge = m('id-applications', '2023-12-15', '2024-01-14', 30);
    expect(overlapConflicts([overEdge, ...days], loop1)).toEqual([]);
  });

  it('lists a shorter value across the total’s edge, as the aggregation leaves it out too', () => {
    const week = m('id-applications', '2024-01-29', '2024-02-04', 7);
    expect(overlapConflicts([month, week], loop1)).toEqual([
      { kpiId: 'id-applications', total: month, finer: [week], finerDays: 3, days: 31 },
    ]);
    const values = periodValues(
      [applications.definition],
      { applicationsCompleted: [month, week] },
      loop1,
    );
    expect(values.ok && values.value.applicationsCompleted?.conflicts).toBe(1);
  });

  it('lists a total on exactly the range too (a loop value with daily values inside it)', () => {
    const loopTotal = m('id-applications', '2024-01-01', '2024-02-29', 80);
    const [found] = overlapConflicts([loopTotal, ...days], loop1);
    expect(found).toMatchObject({ total: loopTotal, finerDays: 4, days: 60 });
  });
});

// Issue 17: channels add up, so they never conflict and show on demand.
import { channelValues } from './plan-rules';
import { prepareSeries } from './aggregate';

describe('channels in the grid', () => {
  const loop1: DateRange = { start: '2024-01-01', end: '2024-02-29' };
  const on = (channel: string | undefined, row: MeasurementRow): MeasurementRow =>
    channel === undefined ? row : { ...row, channel };

  it("never reports one channel's daily values as a conflict with another channel's month total", () => {
    const month = on('LinkedIn', m('id-spend', '2024-01-01', '2024-01-31', 300));
    const day = on('Meta', m('id-spend', '2024-01-05', '2024-01-05', 10));
    expect(overlapConflicts([month, day], loop1)).toEqual([]);
    // The same channel's still do.
    const metaMonth = on('Meta', m('id-spend', '2024-01-01', '2024-01-31', 300));
    expect(overlapConflicts([metaMonth, day], loop1)).toHaveLength(1);
  });

  it('makes a cell with a named channel read-only, even for a value exactly on its period', () => {
    const typed = m('id-spend', loop1.start, loop1.end, 500);
    expect(readOnlyCells([typed], [loop1]).size).toBe(0);
    const imported = on('Meta', m('id-spend', loop1.start, loop1.end, 500));
    expect(readOnlyCells([imported], [loop1])).toEqual(new Set([`id-spend|${loop1.start}`]));
  });

  it("gives each channel's value by the KPI's rule, the typed values' channel first", () => {
    const spend = def('spend');
    const points = [
      on('Meta', m('id-spend', '2024-01-05', '2024-01-05', 10)),
      on('Meta', m('id-spend', '2024-01-06', '2024-01-06', 15)),
      on('LinkedIn', m('id-spend', '2024-01-05', '2024-01-05', 40)),
      m('id-spend', loop1.start, loop1.end, 100),
      on('Indeed', m('id-spend', '2024-03-05', '2024-03-05', 99)),
    ];
    const series = prepareSeries(points);
    if (!series.ok) throw new Error('bad points');
    const values = channelValues(spend, series.value, loop1);
    expect(values.map((v) => [v.channel, v.value.value, v.value.coveredDays])).toEqual([
      ['', 100, 60],
      ['LinkedIn', 40, 1],
      ['Meta', 25, 2],
    ]);
    const total = periodValues([spend], { spend: points }, loop1);
    expect(total.ok && total.value.spend?.value).toBe(165);
  });
});

describe('valuesOn with channels', () => {
  it("takes only the typed value on the period, not an imported channel's", () => {
    const range: DateRange = { start: '2024-01-01', end: '2024-02-29' };
    const typed = m('id-spend', range.start, range.end, 100);
    const meta = { ...m('id-spend', range.start, range.end, 40), channel: 'Meta' };
    expect(valuesOn([meta, typed], range)).toEqual(new Map([['id-spend', 100]]));
    expect(valuesOn([meta], range)).toEqual(new Map());
  });
});

describe('cellContents', () => {
  const loop1: DateRange = { start: '2024-01-01', end: '2024-02-29' };
  it('lists the channels of a read-only cell, the typed total among them, and typed finer values', () => {
    const typed = m('id-spend', loop1.start, loop1.end, 100);
    const meta = { ...m('id-spend', '2024-01-05', '2024-01-05', 10), channel: 'Meta' };
    const linkedIn = { ...m('id-spend', loop1.start, loop1.end, 40), channel: 'LinkedIn' };
    const cells = cellContents([typed, meta, linkedIn], [loop1]);
    expect(cells.get(`id-spend|${loop1.start}`)).toEqual({
      channels: ['', 'LinkedIn', 'Meta'],
      typedFiner: false,
    });
    const typedDay = m('id-hires', '2024-01-05', '2024-01-05', 1);
    expect(cellContents([typedDay], [loop1]).get(`id-hires|${loop1.start}`)).toEqual({
      channels: [''],
      typedFiner: true,
    });
    // A typed total alone is an ordinary cell.
    expect(cellContents([typed], [loop1]).size).toBe(0);
  });
});
