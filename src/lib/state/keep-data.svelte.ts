import { onPersistenceAnswer, type PersistenceAnswer } from '$lib/storage/persistence';
import {
  hiddenUntil,
  isWebKit,
  KEEP_DATA_HIDDEN_KEY,
  keepDataNotice,
  parseHiddenUntil,
} from './keep-data-rules';
import { nowStamp } from './today';

/**
 * The shell's notice about keeping the data: what the browser answered to the request for
 * persistent storage (asked on the first write), what kind of browser this is, and whether
 * the user hid the notice (in localStorage, so it needs no database).
 */
class KeepData {
  answer = $state<PersistenceAnswer | undefined>(undefined);
  hiddenUntil = $state<string | null>(null);
  webKit = $state(false);
  standalone = $state(false);

  notice = $derived(
    keepDataNotice({
      answer: this.answer,
      webKit: this.webKit,
      standalone: this.standalone,
      hiddenUntil: this.hiddenUntil,
      now: nowStamp(),
    }),
  );

  /** Reads the browser and the stored choice, and follows the answer; returns the stop. */
  start(): () => void {
    this.webKit = isWebKit(navigator.vendor);
    this.standalone =
      window.matchMedia?.('(display-mode: standalone)').matches === true ||
      (navigator as { standalone?: boolean }).standalone === true;
    try {
      this.hiddenUntil = parseHiddenUntil(localStorage.getItem(KEEP_DATA_HIDDEN_KEY));
    } catch {
      this.hiddenUntil = null;
    }
    return onPersistenceAnswer((answer) => (this.answer = answer));
  }

  /** *Hide*: away for the hidden time, in this tab at once and on later visits. */
  hide(): void {
    this.hiddenUntil = hiddenUntil(nowStamp());
    try {
      localStorage.setItem(KEEP_DATA_HIDDEN_KEY, this.hiddenUntil);
    } catch {
      // Private mode or a full disk: hidden for this visit only.
    }
  }
}

export const keepData = new KeepData();
