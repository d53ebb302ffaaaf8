import { BACKUP_VERSION } from './format';

/**
 * One pure upgrader per past version: `UPGRADERS[n]` turns the `data` of a version-n file into
 * version n + 1. Never edit one after a release; add the next and a fixture of its version in
 * `tests/fixtures/backups/`. Version 1 is the first published format, so none exist yet.
 */
export type Upgrader = (data: unknown) => unknown;
export const UPGRADERS: Readonly<Record<number, Upgrader>> = {};

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
