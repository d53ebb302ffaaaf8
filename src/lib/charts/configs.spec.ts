import { describe, expect, it } from 'vitest';
import { CHART_COLORS, comparisonConfig, kpiTrendConfig, type Marker } from './configs';

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
    { index: 1, kind: 'change', label: 'New ad copy' },
    { index: 2, kind: 'campaign', label: 'Open day' },
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
    expect(config.options?.plugins?.legend?.labels?.usePointStyle).toBe(true);
  });

  it('passes the markers to the loopMarkers plugin, dropping those outside the loops', () => {
    expect(config.options?.plugins?.loopMarkers).toEqual({ markers });
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
});
