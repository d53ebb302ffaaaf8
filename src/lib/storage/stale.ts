/**
 * A write based on a copy that changed since it was read: another tab (or an earlier save in
 * this one) wrote the same field or cell meanwhile. Nothing of the write is applied; each
 * conflict names what is stored now, so the user can see both and choose.
 */
export type StaleConflict =
  | { kind: 'text'; field: string; stored: string }
  | { kind: 'value'; kpiId: string; start: string; end: string; stored: number | null | undefined };

export class StaleWriteError extends Error {
  constructor(readonly conflicts: readonly StaleConflict[]) {
    super(`Changed meanwhile: ${conflicts.length} field(s)`);
    this.name = 'StaleWriteError';
  }
}
