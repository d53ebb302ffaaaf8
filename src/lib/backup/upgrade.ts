import { BACKUP_VERSION } from './format';

/**
 * One pure upgrader per past version: `UPGRADERS[n]` turns the `data` of a version-n file into
 * version n + 1. Never edit one after a release; add the next and a fixture of its version in
 * `tests/fixtures/backups/` (`v1-example.json` is version 1).
 */
export type Upgrader = (data: unknown) => unknown;
export const UPGRADERS: Readonly<Record<number, Upgrader>> = {
  /**
   * Version 2 gives a value a `channel` (where it was earned; issue 17). A version-1 value has
   * none: it stays the unnamed channel, so its data is already version 2. The version moved so
   * that an older build refuses a file with channels ("made by a newer version") instead of
   * reading its channels away, which would turn two channels' values into one cell twice.
   */
  1: (data) => data,
};

/**
 * The `data` of a version-`version` file brought to `target` by applying every upgrader in
 * order. Throws when one is missing (a build that bumped BACKUP_VERSION without its upgrader).
 */
export function upgradeData(
  data: unknown,
  version: number,
  upgraders: Readonly<Record<number, Upgrader>> = UPGRADERS,
  target = BACKUP_VERSION,
): unknown {
  let current = data;
  for (let v = version; v < target; v++) {
    const step = upgraders[v];
    if (!step) throw new Error(`No upgrader from backup version ${v} to ${v + 1}`);
    current = step(current);
  }
  return current;
}
