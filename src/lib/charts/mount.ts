import type { Chart as ChartJs, ChartConfiguration, Plugin } from 'chart.js';
import {
  MARKER_AXIS,
  MARKER_FONT_PX,
  MARKER_ROW_PX,
  MARKER_STYLE,
  markerLabelsOn,
  type LoopMarkersOptions,
} from './configs';

/** A chart on a canvas: replace its configuration, point at one category, or take it down. */
export type MountedChart<T extends 'line' | 'bar'> = {
  update(config: ChartConfiguration<T>): void;
  /** How many categories (loops, KPIs) the x axis has. */
  count(): number;
  /**
   * Makes category `index` active, with its tooltip, as hovering it would; null clears it.
   * Returns the tooltip's text in one line, for a screen reader.
   */
  show(index: number | null): string;
  destroy(): void;
};

/**
 * The baseline as a rule across the whole plot (before the datasets), then the markers as
 * vertical lines (mid-loop changes dashed, campaign starts dotted) with their labels stacked in
 * rows in the room the marker axis keeps above the plot.
 */
const loopMarkers: Plugin<'line' | 'bar', LoopMarkersOptions> = {
  id: 'loopMarkers',
  defaults: { markers: [] },
  beforeDatasetsDraw(chart, _args, options) {
    const index = options.rule;
    const y = chart.scales.y;
    if (index === undefined || !y || !chart.isDatasetVisible(index)) return;
    const dataset = chart.data.datasets[index];
    const value = dataset?.data.find((v) => typeof v === 'number');
    if (!dataset || typeof value !== 'number') return;
    const { left, right } = chart.chartArea;
    const { ctx } = chart;
    const line = dataset as { borderColor?: unknown; borderWidth?: unknown; borderDash?: unknown };
    ctx.save();
    ctx.strokeStyle = typeof line.borderColor === 'string' ? line.borderColor : '#000';
    ctx.lineWidth = typeof line.borderWidth === 'number' ? line.borderWidth : 2;
    ctx.setLineDash(Array.isArray(line.borderDash) ? (line.borderDash as number[]) : []);
    ctx.beginPath();
    ctx.moveTo(left, y.getPixelForValue(value));
    ctx.lineTo(right, y.getPixelForValue(value));
    ctx.stroke();
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    if (!x || !options.markers?.length) return;
    const top = chart.scales[MARKER_AXIS]?.top ?? chart.chartArea.top;
    const { bottom } = chart.chartArea;
    const { ctx } = chart;
    const places = markerLabelsOn(x, options.markers);
    ctx.save();
    ctx.lineWidth = 2;
    ctx.font = `${MARKER_FONT_PX}px ${chart.options.font?.family ?? 'sans-serif'}`;
    ctx.textBaseline = 'top';
    options.markers.forEach((marker, i) => {
      const place = places[i];
      if (!place) return;
      const style = MARKER_STYLE[marker.kind];
      const y = top + place.row * MARKER_ROW_PX + 2;
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      ctx.setLineDash([...style.dash]);
      ctx.beginPath();
      ctx.moveTo(place.x, y);
      ctx.lineTo(place.x, bottom);
      ctx.stroke();
      ctx.textAlign = place.side === 'left' ? 'right' : 'left';
      ctx.fillText(marker.label, place.side === 'left' ? place.x - 4 : place.x + 4, y);
    });
    ctx.restore();
  },
};

type ChartLib = typeof import('./chart-lib');
let lib: ChartLib | undefined;

/** Chart.js, loaded on first use and registered once with the parts the configs use. */
async function load(font: string): Promise<ChartLib> {
  if (lib) return lib;
  const c = await import('./chart-lib');
  if (!lib) {
    c.Chart.register(
      c.LineController,
      c.BarController,
      c.LineElement,
      c.PointElement,
      c.BarElement,
      c.CategoryScale,
      c.LinearScale,
      c.Tooltip,
      loopMarkers,
    );
    // The app's own system font stack: nothing is fetched.
    c.Chart.defaults.font.family = font;
    lib = c;
  }
  return c;
}

/** Whether Chart.js is loaded already, so a chart can be drawn without waiting (for print). */
export const chartsLoaded = (): boolean => lib !== undefined;

/**
 * Draws `config` on `canvas`. Chart.js is imported here, on first use, so only routes that
 * show a chart load it, and only once a chart is about to be seen.
 */
export async function mountChart<T extends 'line' | 'bar'>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T>,
): Promise<MountedChart<T>> {
  const c = lib ?? (await load(getComputedStyle(canvas).fontFamily || 'sans-serif'));
  const chart: ChartJs<T> = new c.Chart(canvas, config);
  // Paper is narrower than the screen: redraw at the printed size, then back (Chart.js docs).
  const toPaper = () => chart.resize();
  const print = window.matchMedia('print');
  print.addEventListener('change', toPaper);
  window.addEventListener('beforeprint', toPaper);
  window.addEventListener('afterprint', toPaper);
  return {
    update(next) {
      chart.data = next.data;
      if (next.options) chart.options = next.options;
      chart.update('none');
    },
    count: () => chart.data.labels?.length ?? 0,
    show(index) {
      const active =
        index === null
          ? []
          : chart.data.datasets.flatMap((dataset, datasetIndex) =>
              chart.isDatasetVisible(datasetIndex) && typeof dataset.data[index] === 'number'
                ? [{ datasetIndex, index }]
                : [],
            );
      const first = active[0] && chart.getDatasetMeta(active[0].datasetIndex).data[index ?? 0];
      chart.setActiveElements(active);
      chart.tooltip?.setActiveElements(active, { x: first?.x ?? 0, y: first?.y ?? 0 });
      chart.update('none');
      if (index === null) return '';
      const tip = chart.tooltip;
      const title = String(chart.data.labels?.[index] ?? '');
      const lines = active.length
        ? [
            ...(tip?.body ?? []).flatMap((b) => [...b.before, ...b.lines, ...b.after]),
            ...(tip?.footer ?? []),
          ]
        : ['–'];
      // A line starting with two spaces continues the one before (configs.ts, wrapLines).
      return `${title}: ${lines.join('; ').replaceAll(';   ', ' ')}`;
    },
    destroy() {
      print.removeEventListener('change', toPaper);
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toPaper);
      chart.destroy();
    },
  };
}
