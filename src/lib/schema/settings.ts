import { z } from 'zod/mini';
import { currencySchema, intIn, timestampSchema } from './common';

/**
 * App-wide settings, stored one row per key so each can be validated (and, when corrupt,
 * skipped) on its own. Add a key here and it is typed everywhere.
 */
export const settingValueSchemas = {
  defaultCurrency: currencySchema,
  backupReminderDays: intIn(1, 365),
  lastExportAt: timestampSchema,
  /** Until when the backup reminder is snoozed (*Not now*). */
  backupReminderSnoozedUntil: timestampSchema,
  persistenceRequested: z.boolean(),
  /**
   * The column mapping of each plan and CSV preset (`planId:preset`), by column header, to a
   * KPI id or null (not imported), so the next export of the same tool maps itself.
   */
  importMappings: z.record(
    z.string().check(z.maxLength(200)),
    z.record(z.string().check(z.maxLength(200)), z.nullable(z.string().check(z.maxLength(64)))),
  ),
} as const;

export type SettingKey = keyof typeof settingValueSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingValueSchemas)[K]>;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export const settingDefaults: Omit<Settings, 'lastExportAt' | 'backupReminderSnoozedUntil'> & {
  lastExportAt: string | null;
  backupReminderSnoozedUntil: string | null;
} = {
  defaultCurrency: 'EUR',
  backupReminderDays: 14,
  lastExportAt: null,
  backupReminderSnoozedUntil: null,
  persistenceRequested: false,
  importMappings: {},
};

export const settingKeySchema = z.enum(
  Object.keys(settingValueSchemas) as [SettingKey, ...SettingKey[]],
);

/** The stored row: a known key and a value that must match that key's schema. */
export const settingRowSchema = z.object({ key: settingKeySchema, value: z.unknown() }).check(
  z.superRefine((row, ctx) => {
    const result = settingValueSchemas[row.key].safeParse(row.value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // Keep the inner issue (its code and limits), so its reason can be translated.
        ctx.addIssue({ ...issue, path: ['value', ...issue.path] });
      }
    }
  }),
);
export type SettingRow = { key: SettingKey; value: unknown };
