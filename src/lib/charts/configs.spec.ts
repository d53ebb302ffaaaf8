import { describe, expect, it } from 'vitest';
import type { Scale, TooltipItem } from 'chart.js';
import {
  CHART_COLORS,
  comparisonConfig,
  kpiTrendConfig,
  legendItems,
  loopOf,
  MARKER_AXIS,
  MARKER_ROW_PX,
  placeMarkerLabels,
  wrapLines,
  type Marker,
} from './configs';

const format = (n: number) => `#${n.toFixed(1)}`;
const names = { value: 'Value', target: 'Target', baseline: 'Baseline' };
const labels = ['Loop 1', 'Loop 2', 'Loop 3', 'Loop 4'];

type Callback = (value: number | string, index: number, ticks: unknown[]) => unknown;
/** The y tick callback of a config, called the way Chart.js does. */
function callbacks(
  config: ReturnType<typeof kpiTrendConfig> | ReturnType<typeof comparisonConfig>,
) {
  const y = config.options?.scales?.y as { ticks?: { callback?: Callback } } | undefined;
  const tick = y?.ticks?.callback;
  if (!tick) throw new Error('tick callback missing');
  return { tick };
}

describe('kpiTrendConfig', () => {
  const markers: Marker[] = [
    { index: 1, kind: 'change', label: 'Δ1', detail: 'Δ1 3 Mar: New ad copy' },
    { index: 2.2, kind: 'campaign', label: 'C1', detail: 'C1 9 May: Open day' },
  ];
  const config = kpiTrendConfig({
    labels,
    values: [120, null, 140, 155],
    targets: [null, 130, 135, null],
    baseline: 110,
    markers,
    names,
    format,
  });

  it('keeps the data in loop order with nulls as gaps', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(labels);
    const [value, target, baseline] = config.data.datasets;
    expect(value).toMatchObject({ label: 'Value', data: [120, null, 140, 155], spanGaps: false });
    expect(target).toMatchObject({
      label: 'Target',
      data: [null, 130, 135, null],
      spanGaps: false,
    });
    expect(baseline).toMatchObject({ label: 'Baseline', data: [110, 110, 110, 110] });
  });

  it('draws the baseline flat and leaves it out without one', () => {
    const none = kpiTrendConfig({
      labels,
      values: [],
      targets: [],
      baseline: null,
      markers: [],
      names,
      format,
    });
    expect(none.data.datasets.map((d) => d.label)).toEqual(['Value', 'Target']);
    // Short series are padded with gaps so every loop has a slot.
    expect(none.data.datasets[0]?.data).toEqual([null, null, null, null]);
    const zero = kpiTrendConfig({
      labels,
      values: [],
      targets: [],
      baseline: 0,
      markers: [],
      names,
      format,
    });
    expect(zero.data.datasets[2]?.data).toEqual([0, 0, 0, 0]);
  });

  it('turns non-finite numbers into gaps', () => {
    const odd = kpiTrendConfig({
      labels: ['Loop 1', 'Loop 2'],
      values: [Number.NaN, Infinity],
      targets: [1, 2],
      baseline: Number.NaN,
      markers: [],
      names,
      format,
    });
    expect(odd.data.datasets[0]?.data).toEqual([null, null]);
    expect(odd.data.datasets).toHaveLength(2);
  });

  it('tells the series apart by dash and point style, not colour alone', () => {
    const styles = config.data.datasets.map((d) => [d.borderDash ?? [], d.pointStyle]);
    expect(new Set(styles.map((s) => JSON.stringify(s))).size).toBe(3);
    expect(config.data.datasets.map((d) => d.borderColor)).toEqual([
      CHART_COLORS.accent,
      CHART_COLORS.orange,
      CHART_COLORS.grey,
    ]);
    // The page's key shows the same dash and shape per series.
    expect(legendItems(config).map((l) => [l.point, l.dash])).toEqual([
      ['circle', []],
      ['rectRot', [6, 4]],
      ['line', [2, 3]],
    ]);
  });

  it('passes the markers and the baseline rule to the loopMarkers plugin', () => {
    // The baseline (dataset 2) is drawn by the plugin as a rule across the whole plot, so it
    // shows with a single loop too; Chart.js itself draws no line for it.
    expect(config.options?.plugins?.loopMarkers).toEqual({ markers, rule: 2 });
    expect(config.data.datasets[2]).toMatchObject({ showLine: false });
    const one = kpiTrendConfig({
      labels: ['Loop 1'],
      values: [5600],
      targets: [4500],
      baseline: 4100,
      markers: [],
      names,
      format,
    });
    expect(one.data.datasets[2]?.data).toEqual([4100]);
    expect(one.options?.plugins?.loopMarkers).toEqual({ markers: [], rule: 2 });
  });

  it('drops markers outside the loops', () => {
    // A date inside a loop lands between its neighbours; the edges of the axis still count.
    const inside: Marker[] = [
      { index: -0.5, kind: 'campaign', label: 'first day' },
      { index: 1.25, kind: 'change', label: 'mid loop' },
      { index: labels.length - 0.5, kind: 'change', label: 'last day' },
    ];
    const outside = kpiTrendConfig({
      labels,
      values: [],
      targets: [],
      baseline: null,
      markers: [
        ...markers,
        ...inside,
        { index: labels.length, kind: 'change', label: 'x' },
        { index: -1, kind: 'campaign', label: 'y' },
        { index: Number.NaN, kind: 'campaign', label: 'z' },
      ],
      names,
      format,
    });
    expect(outside.options?.plugins?.loopMarkers).toEqual({ markers: [...markers, ...inside] });
  });

  it('keeps room above the plot for marker labels only when there are markers', () => {
    expect(config.options?.scales?.[MARKER_AXIS]).toMatchObject({
      type: 'category',
      position: 'top',
      labels,
      ticks: { display: false },
    });
    const none = kpiTrendConfig({
      labels,
      values: [],
      targets: [],
      baseline: null,
      markers: [],
      names,
      format,
    });
    expect(none.options?.scales?.[MARKER_AXIS]).toBeUndefined();
  });

  it('makes the marker axis as tall as the rows its labels need', () => {
    const crowded: Marker[] = [0.1, 0.12, 0.14].map((index, i) => ({
      index,
      kind: 'campaign',
      label: `C${i + 1}`,
    }));
    const axis = kpiTrendConfig({
      labels,
      values: [],
      targets: [],
      baseline: null,
      markers: crowded,
      names,
      format,
    }).options?.scales?.[MARKER_AXIS] as { afterFit: (scale: Scale) => void };
    // A fake 400 px axis: a loop every 100 px, every label 20 px wide.
    const scale = {
      height: 0,
      right: 400,
      chart: { options: { font: { family: 'sans-serif' } } },
      ctx: { save() {}, restore() {}, font: '', measureText: () => ({ width: 20 }) },
      getPixelForValue: (v: number) => 50 + v * 100,
    } as unknown as Scale;
    axis.afterFit(scale);
    expect(scale.height).toBe(3 * MARKER_ROW_PX + 4);
  });

  it('names the values and the markers of a loop in its tooltip', () => {
    const tooltip = config.options?.plugins?.tooltip?.callbacks as {
      label: (item: TooltipItem<'line'>) => string;
      footer: (items: TooltipItem<'line'>[]) => string[];
    };
    const item = (dataIndex: number, datasetIndex: number, y: number | null) =>
      ({
        dataIndex,
        datasetIndex,
        dataset: config.data.datasets[datasetIndex],
        parsed: { x: dataIndex, y },
      }) as unknown as TooltipItem<'line'>;
    expect(tooltip.label(item(2, 0, 140))).toBe('Value: #140.0');
    expect(tooltip.label(item(2, 2, 110))).toBe('Baseline: #110.0');
    expect(tooltip.label(item(1, 1, null))).toBe('Target: –');
    expect(tooltip.footer([item(1, 0, 1)])).toEqual(['Δ1 3 Mar: New ad copy']);
    expect(tooltip.footer([item(2, 0, 1)])).toEqual(['C1 9 May: Open day']);
    expect(tooltip.footer([item(3, 0, 1)])).toEqual([]);
    expect(config.options?.interaction).toMatchObject({ mode: 'index', intersect: false });
  });

  it('renders fast and printable, sized by its container', () => {
    expect(config.options).toMatchObject({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
    });
  });

  it('formats the axis numbers with the given formatter', () => {
    const { tick } = callbacks(config);
    expect(tick(1200, 0, [])).toBe('#1200.0');
    expect(tick('7', 0, [])).toBe('#7.0');
  });
});

describe('comparisonConfig', () => {
  const config = comparisonConfig({
    labels: ['Reach', 'Visits', 'Hires'],
    series: [
      { label: 'Loop 3', values: [5000, 800, 4] },
      { label: 'Loop 2', values: [4200, null, 3] },
      { label: 'Same period last year', values: [3900, 600] },
    ],
    format,
  });

  it('keeps the series and KPIs in order with nulls as gaps', () => {
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['Reach', 'Visits', 'Hires']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Loop 3', [5000, 800, 4]],
      ['Loop 2', [4200, null, 3]],
      ['Same period last year', [3900, 600, null]],
    ]);
  });

  it('fills each series differently, so they differ in greyscale too', () => {
    const fills = config.data.datasets.map((d) => d.backgroundColor);
    expect(new Set(fills).size).toBe(3);
    // The key shows each bar's fill and outline under the series' name.
    expect(legendItems(config).map((l) => [l.label, l.point, l.fill, l.color])).toEqual(
      config.data.datasets.map((d) => [d.label, 'bar', d.backgroundColor, d.borderColor]),
    );
    expect(config.options).toMatchObject({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
    });
  });

  it('formats the axis numbers with the given formatter', () => {
    const { tick } = callbacks(config);
    expect(tick(2500, 0, [])).toBe('#2500.0');
  });

  it('says the real value beside the index in the tooltip, where it has one', () => {
    const withTexts = comparisonConfig({
      labels: ['Reach', 'Visits'],
      series: [{ label: 'Loop 2', values: [84, null], texts: ['4,200', null] }],
      format,
    });
    const label = (
      withTexts.options?.plugins?.tooltip?.callbacks as {
        label: (item: TooltipItem<'bar'>) => string;
      }
    ).label;
    const item = (dataIndex: number, y: number | null) =>
      ({
        dataIndex,
        datasetIndex: 0,
        dataset: withTexts.data.datasets[0],
        parsed: { x: dataIndex, y },
      }) as unknown as TooltipItem<'bar'>;
    expect(label(item(0, 84))).toBe('Loop 2: 4,200 (#84.0)');
    expect(label(item(1, null))).toBe('Loop 2: –');
  });
});

describe('placeMarkerLabels', () => {
  it('keeps labels that fit side by side in one row', () => {
    expect(placeMarkerLabels([10, 100, 200], [20, 20, 20], 400)).toEqual([
      { x: 10, row: 0, side: 'right' },
      { x: 100, row: 0, side: 'right' },
      { x: 200, row: 0, side: 'right' },
    ]);
  });

  it('stacks labels that would overprint (C1C2) in rows, in the order given', () => {
    const rows = placeMarkerLabels([112, 100, 104], [24, 24, 24], 400).map((p) => p.row);
    expect(rows).toEqual([2, 0, 1]);
  });

  it('never puts a label across the line of a marker in a row above it', () => {
    // The second line (x 120) runs through row 0's label of the first one if it sat there.
    const placed = placeMarkerLabels([100, 120, 140], [60, 20, 20], 400);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 2]);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect([a.row, a.x]).not.toEqual([b.row, b.x]);
  });

  it('puts a label left of its line where it would run off the right edge', () => {
    expect(placeMarkerLabels([390], [30], 400)).toEqual([{ x: 390, row: 0, side: 'left' }]);
  });

  it('does not overlap labels in a row, whatever the input', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i * 37) % 300);
    const widths = xs.map((_, i) => 15 + (i % 4) * 5);
    const placed = placeMarkerLabels(xs, widths, 320);
    const box = (i: number) => {
      const p = placed[i]!;
      const w = widths[i]!;
      return p.side === 'right' ? [p.x + 3, p.x + 4 + w] : [p.x - 4 - w, p.x - 3];
    };
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j < xs.length; j++) {
        if (placed[i]!.row !== placed[j]!.row) continue;
        const [a0, a1] = box(i);
        const [b0, b1] = box(j);
        expect(a1! <= b0! || b1! <= a0!).toBe(true);
      }
  });
});

describe('wrapLines', () => {
  it('breaks a long text between words, marking the lines that continue', () => {
    const text = "C5 1 Apr 2026: Search ads 'working in care' on three job boards";
    const lines = wrapLines(text, 24);
    expect(lines).toEqual([
      'C5 1 Apr 2026: Search',
      "  ads 'working in care' on",
      '  three job boards',
    ]);
    for (const line of lines) expect(line.trim().length).toBeLessThanOrEqual(24);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(text);
    expect(wrapLines('short')).toEqual(['short']);
  });
});

describe('loopOf', () => {
  it('finds the loop a date on the axis falls in (loop i spans i − 0.5 … i + 0.5)', () => {
    expect(loopOf(-0.49)).toBe(0);
    expect(loopOf(0.49)).toBe(0);
    expect(loopOf(1.01)).toBe(1);
    expect(loopOf(1.49)).toBe(1);
  });
});
