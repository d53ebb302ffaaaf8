import { settingDefaults, type SettingKey, type SettingValue } from '$lib/schema/settings';
import type { TalentloopDb } from '$lib/storage/db';
import { loadSettings, saveSetting } from '$lib/storage/settings-repo';
import { appStatus } from './app-status.svelte';
import { announce, onTabMessage } from './tab-sync';

/** App-wide settings as loaded from the database, with a validated save per key. */
class SettingsState {
  values = $state({ ...settingDefaults });
  loaded = $state(false);

  #loading: Promise<void> | undefined;

  constructor() {
    // A setting saved in another tab shows here too (it is validated where it was saved).
    onTabMessage((message) => {
      if (message.kind === 'setting' && message.key in settingDefaults)
        this.values = { ...this.values, [message.key]: message.value };
    });
  }

  /** Loads the settings once, for the pages that need them; a failure is reported, not thrown. */
  ensureLoaded(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const db = await appStatus.openDb();
        if (db) await this.load(db);
      } catch (error) {
        appStatus.fail(error);
      }
    })();
    return this.#loading;
  }

  async load(db: TalentloopDb): Promise<void> {
    const { settings, problems } = await loadSettings(db);
    this.values = settings;
    this.loaded = true;
    appStatus.report(problems);
  }

  async save<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
    const db = await appStatus.openDb();
    if (!db) throw new Error('unavailable');
    await saveSetting(db, key, value);
    this.values = { ...this.values, [key]: value };
    announce({ kind: 'setting', key, value });
  }
}

export const settingsState = new SettingsState();
