const DAY_MS = 86_400_000;

export type ReminderInput = {
  /** When the user last downloaded a backup; null when never. */
  lastExportAt: string | null;
  /** Days with unsaved changes before the banner appears (a setting, default 14). */
  reminderDays: number;
  /** Until when the user asked not to be reminded. */
  snoozedUntil: string | null;
  plans: readonly { createdAt: string; updatedAt: string; example?: boolean }[];
  now: string;
};

export type BackupStatus = {
  lastExportAt: string | null;
  /** Plans changed since the last backup (example plans do not count). */
  changedPlans: number;
  /** Whole days since the last backup, or since the oldest unsaved plan was created. */
  daysWithoutBackup: number | null;
  /** Whether to show the gentle banner suggesting an export. */
  due: boolean;
};

/**
 * Whether the user's work is covered by a backup. The banner is due when plans changed since
 * the last backup and that backup (or, without one, the oldest changed plan) is at least
 * `reminderDays` old, unless the user snoozed it. Demo data never asks for a backup.
 */
export function backupStatus(input: ReminderInput): BackupStatus {
  const { lastExportAt, reminderDays, snoozedUntil, now } = input;
  const changed = input.plans.filter(
    (plan) => !plan.example && (lastExportAt === null || plan.updatedAt > lastExportAt),
  );
  const since =
    lastExportAt ??
    changed.reduce<string | null>(
      (oldest, plan) => (oldest === null || plan.createdAt < oldest ? plan.createdAt : oldest),
      null,
    );
  const daysWithoutBackup =
    since === null ? null : Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / DAY_MS));
  const snoozed = snoozedUntil !== null && snoozedUntil > now;
  return {
    lastExportAt,
    changedPlans: changed.length,
    daysWithoutBackup,
    due:
      changed.length > 0 &&
      daysWithoutBackup !== null &&
      daysWithoutBackup >= reminderDays &&
      !snoozed,
  };
}

/** The end of a snooze of `days` days from `now`. */
export function snoozeUntil(now: string, days: number): string {
  return new Date(Date.parse(now) + days * DAY_MS).toISOString();
}
