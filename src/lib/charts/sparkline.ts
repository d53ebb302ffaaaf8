/** A sparkline's drawing: polylines between known values (a gap where one is missing). */
export type SparklineShape = {
  /** SVG `points` of each run of consecutive values. */
  runs: string[];
  /** The last value's point, marked on the line; null when the last value is missing. */
  last: { x: number; y: number } | null;
};

/**
 * Places a series of values in a `width` × `height` box, oldest left, higher values up, with
 * `pad` free on every side so the line and its end mark are never clipped. A flat series is
 * drawn through the middle; missing values break the line.
 */
export function sparkline(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): SparklineShape {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return { runs: [], last: null };
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  const y = (v: number) =>
    max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad);
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length) runs.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${round(values.length > 1 ? pad + i * step : width / 2)},${round(y(v))}`);
  });
  if (run.length) runs.push(run.join(' '));
  const lastValue = values.at(-1);
  const last =
    lastValue === null || lastValue === undefined || !Number.isFinite(lastValue)
      ? null
      : {
          x: round(values.length > 1 ? pad + (values.length - 1) * step : width / 2),
          y: round(y(lastValue)),
        };
  return { runs, last };
}
