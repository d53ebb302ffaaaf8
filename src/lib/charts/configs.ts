import type { ChartConfiguration, ChartDataset, ChartType } from 'chart.js';

/**
 * A mid-loop change or a campaign start, drawn as a vertical line on the loop axis. `index`
 * may be fractional: a date a third into loop 2 (index 1) is drawn at 1 − 0.5 + 1/3.
 */
export type Marker = { index: number; kind: 'change' | 'campaign'; label: string };

/** Options of the `loopMarkers` plugin (registered by `mountChart`). */
export type LoopMarkersOptions = { markers: Marker[] };

declare module 'chart.js' {
  // Declaration merging must repeat chart.js's type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    loopMarkers: LoopMarkersOptions;
  }
}

/** The chart palette: each colour has at least 3:1 contrast on white (WCAG 1.4.11). */
export const CHART_COLORS = { accent: '#1f5f5b', orange: '#a86b00', grey: '#4f5b56' } as const;

/** How each marker kind is drawn: colour and dash pattern, so kinds differ without colour. */
export const MARKER_STYLE = {
  change: { color: CHART_COLORS.orange, dash: [6, 4] },
  campaign: { color: CHART_COLORS.accent, dash: [2, 3] },
} as const satisfies Record<Marker['kind'], { color: string; dash: readonly number[] }>;

type Format = (n: number) => string;

/** A missing or non-finite value becomes null: a gap in the line, never a drop to 0. */
const gap = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Shared options: no animation (fast, printable), sized by the container, numbers formatted. */
function baseOptions(format: Format) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      // Half a loop of room on either side: each loop's first and last days have a place.
      x: { offset: true },
      y: {
        beginAtZero: true,
        ticks: { callback: (value: number | string) => format(Number(value)) },
      },
    },
    // No tooltip: it is mouse-only and 4 KB; every chart has its table with the numbers.
    plugins: {},
  };
}

/** A KPI over the loops with its targets, the baseline as a flat line, and loop markers. */
export function kpiTrendConfig(input: {
  labels: string[];
  values: (number | null)[];
  targets: (number | null)[];
  baseline: number | null;
  markers: Marker[];
  names: { value: string; target: string; baseline: string };
  format: Format;
}): ChartConfiguration<'line'> {
  const { labels, names } = input;
  const perLoop = (series: (number | null)[]) => labels.map((_, i) => gap(series[i]));
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: names.value,
      data: perLoop(input.values),
      borderColor: CHART_COLORS.accent,
      backgroundColor: CHART_COLORS.accent,
      borderWidth: 3,
      pointStyle: 'circle',
      pointRadius: 4,
      spanGaps: false,
    },
    {
      label: names.target,
      data: perLoop(input.targets),
      borderColor: CHART_COLORS.orange,
      backgroundColor: CHART_COLORS.orange,
      borderWidth: 2,
      borderDash: [6, 4],
      pointStyle: 'rectRot',
      pointRadius: 5,
      spanGaps: false,
    },
  ];
  const baseline = gap(input.baseline);
  if (baseline !== null)
    datasets.push({
      label: names.baseline,
      data: labels.map(() => baseline),
      borderColor: CHART_COLORS.grey,
      backgroundColor: CHART_COLORS.grey,
      borderWidth: 2,
      borderDash: [2, 3],
      pointStyle: 'line',
      pointRadius: 0,
      pointHitRadius: 6,
      spanGaps: false,
    });
  const base = baseOptions(input.format);
  return {
    type: 'line',
    data: { labels: [...labels], datasets },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        ...base.plugins,
        // Point styles in the legend: the series differ by shape, not by colour alone.
        legend: { labels: { usePointStyle: true } },
        loopMarkers: {
          markers: input.markers.filter(
            (m) => Number.isFinite(m.index) && m.index >= -0.5 && m.index <= labels.length - 0.5,
          ),
        },
      },
    },
  };
}

/** One pillar's KPIs side by side for the current loop and its comparison periods. */
export function comparisonConfig(input: {
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  format: Format;
}): ChartConfiguration<'bar'> {
  // Solid, outlined and tinted bars: the three series stay apart in greyscale print.
  const looks = [
    { backgroundColor: CHART_COLORS.accent, borderColor: CHART_COLORS.accent },
    { backgroundColor: '#ffffff', borderColor: CHART_COLORS.orange },
    { backgroundColor: 'rgba(79, 91, 86, 0.35)', borderColor: CHART_COLORS.grey },
  ];
  const datasets: ChartDataset<'bar', (number | null)[]>[] = input.series.map((s, i) => ({
    label: s.label,
    data: input.labels.map((_, j) => gap(s.values[j])),
    ...(looks[i % looks.length] ?? looks[0]),
    borderWidth: 2,
  }));
  const base = baseOptions(input.format);
  return {
    type: 'bar',
    data: { labels: [...input.labels], datasets },
    options: base,
  };
}
