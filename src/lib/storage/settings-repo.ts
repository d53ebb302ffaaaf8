import {
  settingDefaults,
  settingRowSchema,
  settingValueSchemas,
  type SettingKey,
  type SettingValue,
} from '$lib/schema/settings';
import type { TalentloopDb } from './db';
import { requestPersistenceOnce } from './persistence';
import { describeIssues, partitionRows, rowKey, type StoredDataProblem } from '$lib/schema/issues';

export type LoadedSettings = {
  settings: typeof settingDefaults;
  problems: StoredDataProblem[];
};

/**
 * All settings, each from its row when that row is valid and from the default otherwise;
 * invalid rows are reported and left untouched in the database.
 */
export async function loadSettings(db: TalentloopDb): Promise<LoadedSettings> {
  const rows: unknown[] = await db.settings.toArray();
  const { valid, problems } = partitionRows(rows, settingRowSchema, 'settings', rowKey);
  const settings: Record<string, unknown> = { ...settingDefaults };
  for (const row of valid) settings[row.key] = row.value;
  return { settings: settings as typeof settingDefaults, problems };
}

export class InvalidSettingError extends Error {
  constructor(
    readonly key: SettingKey,
    readonly issues: StoredDataProblem['issues'],
  ) {
    super(`Invalid value for setting ${key}`);
  }
}

/** Validates and stores one setting; an invalid value is refused and nothing is written. */
export async function saveSetting<K extends SettingKey>(
  db: TalentloopDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const result = settingValueSchemas[key].safeParse(value);
  if (!result.success) throw new InvalidSettingError(key, describeIssues(result.error));
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key, value: result.data });
  });
  void requestPersistenceOnce();
}
