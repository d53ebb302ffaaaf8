import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * The parts of Chart.js the app's charts use, imported by name so the bundler leaves the rest
 * out. This module is loaded on demand by mount.ts, so only routes with a chart pay for it,
 * and only once a chart nears the viewport.
 */
export {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
};
