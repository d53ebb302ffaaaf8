import type { ChartConfiguration, ChartDataset, ChartType, Scale, TooltipItem } from 'chart.js';

/**
 * A mid-loop change or a campaign start, drawn as a vertical line on the loop axis. `index`
 * may be fractional: a date a third into loop 2 (index 1) is drawn at 1 − 0.5 + 1/3. `label`
 * is the short name on the chart (C1, Δ1); `detail`, when given, names it in the tooltip.
 */
export type Marker = { index: number; kind: 'change' | 'campaign'; label: string; detail?: string };

/**
 * Options of the `loopMarkers` plugin (registered by `mountChart`): the markers, and the
 * dataset drawn as a flat rule across the whole plot (the baseline), if any.
 */
export type LoopMarkersOptions = { markers: Marker[]; rule?: number };

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

/** Marker labels: their font size and the height of one row of them, in CSS pixels. */
export const MARKER_FONT_PX = 12;
export const MARKER_ROW_PX = 16;
/** The id of the invisible axis above the plot whose height holds the rows of marker labels. */
export const MARKER_AXIS = 'markers';

/** A marker label put in place: its line's x, its row (0 at the top) and its side of the line. */
export type PlacedLabel = { x: number; row: number; side: 'right' | 'left' };

/**
 * Puts marker labels in rows so none overprints another or crosses another marker's line:
 * each label sits beside its line (right of it, or left where it would pass `right`), in the
 * first row from the top where it fits; its line runs down from that row. Returns one place
 * per marker, in the order given.
 */
export function placeMarkerLabels(
  xs: readonly number[],
  widths: readonly number[],
  right: number,
  gap = 6,
): PlacedLabel[] {
  type Box = { x: number; row: number; from: number; to: number; side: 'right' | 'left' };
  const placed: Box[] = [];
  const out: PlacedLabel[] = new Array<PlacedLabel>(xs.length);
  const order = xs.map((_, i) => i).sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  for (const i of order) {
    const x = xs[i] ?? 0;
    const width = widths[i] ?? 0;
    const side = x + 4 + width > right ? 'left' : 'right';
    const from = side === 'right' ? x + 3 : x - 4 - width;
    const to = side === 'right' ? x + 4 + width : x - 3;
    const clashes = (row: number) =>
      placed.some(
        (p) =>
          (p.row === row && from < p.to + gap && p.from < to + gap) ||
          // A line runs down from its own row: it crosses the labels in the rows below.
          (p.row < row && p.x >= from - 2 && p.x <= to + 2) ||
          (p.row > row && x >= p.from - 2 && x <= p.to + 2),
      );
    let row = 0;
    while (clashes(row)) row++;
    placed.push({ x, row, from, to, side });
    out[i] = { x, row, side };
  }
  return out;
}

/** The loop (0-based position on the axis) a marker's fractional index falls in. */
export const loopOf = (index: number): number => Math.max(0, Math.round(index));

/** The labels of `markers` placed on `scale` (the loop axis, or the marker axis beside it). */
export function markerLabelsOn(scale: Scale, markers: readonly Marker[]): PlacedLabel[] {
  const { ctx } = scale;
  ctx.save();
  ctx.font = `${MARKER_FONT_PX}px ${scale.chart.options.font?.family ?? 'sans-serif'}`;
  const widths = markers.map((m) => ctx.measureText(m.label).width);
  ctx.restore();
  const xs = markers.map((m) => scale.getPixelForValue(m.index));
  return placeMarkerLabels(xs, widths, scale.right);
}

type Format = (n: number) => string;

/** A missing or non-finite value becomes null: a gap in the line, never a drop to 0. */
const gap = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * A text in lines of at most `width` characters, broken between words, for a tooltip (drawn
 * inside the canvas, which does not wrap). Lines after the first start with two spaces, so a
 * reader can join them again (`MountedChart.show`).
 */
export function wrapLines(text: string, width = 36): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `  ${l}`));
}

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
  };
}

/** Tooltip look shared by the charts: the page's dark ink, room for the text. */
const tooltipLook = {
  backgroundColor: 'rgba(20, 33, 31, 0.92)',
  padding: 8,
  footerFont: { weight: 'normal' as const },
  usePointStyle: true,
};

/**
 * A KPI over the loops with its targets, the baseline as a flat line across the plot, and loop
 * markers whose labels stack in rows above the plot. The tooltip of a loop names its values and
 * the markers that fall in it.
 */
export function kpiTrendConfig(input: {
  labels: string[];
  values: (number | null)[];
  targets: (number | null)[];
  baseline: number | null;
  markers: Marker[];
  names: { value: string; target: string; baseline: string };
  format: Format;
}): ChartConfiguration<'line'> {
  const { labels, names, format } = input;
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
      pointHoverRadius: 7,
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
      pointHoverRadius: 8,
      spanGaps: false,
    },
  ];
  const baseline = gap(input.baseline);
  if (baseline !== null)
    // One value for every loop (for the tooltip); the loopMarkers plugin draws it as a rule
    // across the whole plot, so it shows with a single loop too.
    datasets.push({
      label: names.baseline,
      data: labels.map(() => baseline),
      borderColor: CHART_COLORS.grey,
      backgroundColor: CHART_COLORS.grey,
      borderWidth: 2,
      borderDash: [2, 3],
      pointStyle: 'line',
      pointRadius: 0,
      pointHoverRadius: 0,
      pointHitRadius: 6,
      showLine: false,
      spanGaps: false,
    });
  const markers = input.markers.filter(
    (m) => Number.isFinite(m.index) && m.index >= -0.5 && m.index <= labels.length - 0.5,
  );
  const base = baseOptions(format);
  return {
    type: 'line',
    data: { labels: [...labels], datasets },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      scales: {
        ...base.scales,
        ...(markers.length > 0 && {
          // Invisible: its height is the room above the plot for the rows of marker labels.
          [MARKER_AXIS]: {
            type: 'category' as const,
            position: 'top' as const,
            labels: [...labels],
            offset: true,
            grid: { display: false },
            border: { display: false },
            ticks: { display: false },
            afterFit(scale: Scale) {
              const rows = Math.max(0, ...markerLabelsOn(scale, markers).map((p) => p.row)) + 1;
              scale.height = rows * MARKER_ROW_PX + 4;
            },
          },
        }),
      },
      plugins: {
        tooltip: {
          ...tooltipLook,
          callbacks: {
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '–' : format(item.parsed.y)}`,
            footer: (items: TooltipItem<'line'>[]) => {
              const loop = items[0]?.dataIndex;
              return markers
                .filter((m) => loopOf(m.index) === loop)
                .flatMap((m) => wrapLines(m.detail ?? m.label));
            },
          },
        },
        loopMarkers: { markers, ...(baseline !== null && { rule: datasets.length - 1 }) },
      },
    },
  };
}

/**
 * One pillar's KPIs side by side for the current loop and its comparison periods. `texts`, per
 * series, are the values in words for the tooltip (the bars may be an index).
 */
export function comparisonConfig(input: {
  labels: string[];
  series: { label: string; values: (number | null)[]; texts?: (string | null)[] }[];
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
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        tooltip: {
          ...tooltipLook,
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const text = input.series[item.datasetIndex]?.texts?.[item.dataIndex];
              const value = item.parsed.y === null ? '–' : input.format(item.parsed.y);
              return `${item.dataset.label ?? ''}: ${text ? `${text} (${value})` : value}`;
            },
          },
        },
      },
    },
  };
}

/** One series in a chart's key: its name and how it is drawn (colour, dash, point shape). */
export type LegendItem = {
  label: string;
  color: string;
  fill: string;
  dash: number[];
  point: 'circle' | 'rectRot' | 'line' | 'bar';
};

/**
 * The chart's key, drawn by the page (not by Chart.js, whose legend plugin was 2.7 KB gzip of
 * the chart code): each series by name, with its line's dash and point shape, or its bar.
 */
export function legendItems(
  config: ChartConfiguration<'line'> | ChartConfiguration<'bar'>,
): LegendItem[] {
  return config.data.datasets.map((d) => {
    const color = typeof d.borderColor === 'string' ? d.borderColor : CHART_COLORS.grey;
    const fill = typeof d.backgroundColor === 'string' ? d.backgroundColor : color;
    if (config.type === 'bar') return { label: d.label ?? '', color, fill, dash: [], point: 'bar' };
    const line = d as ChartDataset<'line'>;
    const style = line.pointStyle;
    const point = style === 'rectRot' ? 'rectRot' : style === 'line' ? 'line' : 'circle';
    const dash = Array.isArray(line.borderDash) ? [...(line.borderDash as number[])] : [];
    return { label: d.label ?? '', color, fill, dash, point };
  });
}
