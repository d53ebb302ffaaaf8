import type { Issue } from '$lib/schema/issues';

/** A record that does not match its table's schema; it was not written. */
export class InvalidRecordError extends Error {
  constructor(
    readonly table: string,
    readonly issues: Issue[],
  ) {
    super(`Invalid ${table} record at ${issues.map((i) => i.path || '(root)').join(', ')}`);
    this.name = 'InvalidRecordError';
  }
}

/** The plan asked for does not exist (deleted in another tab, or a stale link). */
export class PlanNotFoundError extends Error {
  constructor(readonly planId: string) {
    super(`No plan with id ${planId}`);
    this.name = 'PlanNotFoundError';
  }
}
