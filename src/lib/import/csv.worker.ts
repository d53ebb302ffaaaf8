/// <reference lib="webworker" />
import { decodeCsv } from './decode';
import { extract } from './presets';

/**
 * Reads a CSV file off the main thread, so a file of 100,000 rows never freezes the page:
 * decode, parse (Papa Parse), recognise the preset and collect the values per period.
 */
self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
  try {
    const { text, encoding } = decodeCsv(new Uint8Array(event.data));
    const result = extract(text, (fraction) => self.postMessage({ type: 'progress', fraction }));
    self.postMessage({ type: 'done', encoding, result });
  } catch (error) {
    self.postMessage({ type: 'failed', message: String(error) });
  }
};
