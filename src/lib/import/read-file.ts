import type { CsvEncoding } from './decode';
import type { Extraction } from './presets';

/** CSV files larger than this are refused before they are read. */
export const MAX_CSV_BYTES = 60_000_000;

export type CsvRead = { encoding: CsvEncoding; result: Extraction };

/** Reads and extracts a CSV file in a Web Worker; `onProgress` hears how far parsing got. */
export async function readCsvFile(
  file: Blob,
  onProgress: (fraction: number) => void = () => {},
): Promise<CsvRead> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<CsvRead>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent) => {
        const data = event.data as
          | { type: 'progress'; fraction: number }
          | ({ type: 'done' } & CsvRead)
          | { type: 'failed'; message: string };
        if (data.type === 'progress') onProgress(data.fraction);
        else if (data.type === 'done') resolve({ encoding: data.encoding, result: data.result });
        else reject(new Error(data.message));
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage(bytes, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
