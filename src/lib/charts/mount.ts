import type { Chart as ChartJs, ChartConfiguration, Plugin } from 'chart.js';
import { MARKER_STYLE, type LoopMarkersOptions } from './configs';

/** A chart on a canvas: replace its configuration, or take it down. */
export type MountedChart<T extends 'line' | 'bar'> = {
  update(config: ChartConfiguration<T>): void;
  destroy(): void;
};

/** Vertical lines at loop indexes (mid-loop changes dashed, campaign starts dotted). */
const loopMarkers: Plugin<'line' | 'bar', LoopMarkersOptions> = {
  id: 'loopMarkers',
  defaults: { markers: [] },
  afterDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    const { top, bottom, right } = chart.chartArea;
    if (!x || !options.markers?.length) return;
    const { ctx } = chart;
    const stacked = new Map<number, number>();
    ctx.save();
    ctx.lineWidth = 2;
    ctx.font = `12px ${chart.options.font?.family ?? 'sans-serif'}`;
    ctx.textBaseline = 'top';
    for (const marker of options.markers) {
      const style = MARKER_STYLE[marker.kind];
      // Markers on the same loop sit side by side and stack their labels, never overprinted.
      const row = stacked.get(marker.index) ?? 0;
      stacked.set(marker.index, row + 1);
      const px = x.getPixelForValue(marker.index) + row * 3;
      // A label that would run off the right edge goes to the left of its line.
      const flip = px + 4 + ctx.measureText(marker.label).width > right;
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      ctx.setLineDash([...style.dash]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.textAlign = flip ? 'right' : 'left';
      ctx.fillText(marker.label, flip ? px - 4 : px + 4, top + 2 + row * 14);
    }
    ctx.restore();
  },
};

let registered = false;

/**
 * Draws `config` on `canvas`. Chart.js is imported here, on first use, so only routes that
 * show a chart load it; only the parts the two configs use are registered, once.
 */
export async function mountChart<T extends 'line' | 'bar'>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T>,
): Promise<MountedChart<T>> {
  const c = await import('./chart-lib');
  if (!registered) {
    c.Chart.register(
      c.LineController,
      c.BarController,
      c.LineElement,
      c.PointElement,
      c.BarElement,
      c.CategoryScale,
      c.LinearScale,
      c.Legend,
      loopMarkers,
    );
    // The app's own system font stack: nothing is fetched.
    c.Chart.defaults.font.family = getComputedStyle(canvas).fontFamily || 'sans-serif';
    registered = true;
  }
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
    destroy() {
      print.removeEventListener('change', toPaper);
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toPaper);
      chart.destroy();
    },
  };
}
