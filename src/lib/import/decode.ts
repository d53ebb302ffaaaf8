/** The text encodings CSV exports arrive in: UTF-8 (with or without BOM) or Excel's Windows-1252. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/**
 * The text of a CSV file's bytes. A UTF-8 byte-order mark is dropped; bytes that are not valid
 * UTF-8 are read as Windows-1252, which is what Dutch Excel writes (`é` as one byte, 0xE9).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
