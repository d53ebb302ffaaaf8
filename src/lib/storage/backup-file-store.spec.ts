import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseSavedFile, readSavedFile, writeSavedFile } from './backup-file-store';

const T0 = '2026-03-01T09:00:00.000Z';

describe('the remembered backup file', () => {
  it('is none at first, then the last one written', async () => {
    expect(await readSavedFile()).toBeNull();
    await writeSavedFile({ name: 'a.json', savedAt: T0, how: 'download' });
    await writeSavedFile({ name: 'b.json', savedAt: T0, how: 'download' });
    expect(await readSavedFile()).toEqual({ name: 'b.json', savedAt: T0, how: 'download' });
  });

  it('keeps a file handle only where it can still write', () => {
    const handle = { name: 'kept.json', createWritable: async () => ({}) };
    expect(parseSavedFile({ name: 'kept.json', savedAt: T0, how: 'file', handle })).toEqual({
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
      handle,
    });
    // A handle the browser could not give back (or a download's) is dropped; the date stays.
    expect(parseSavedFile({ name: 'kept.json', savedAt: T0, how: 'file', handle: {} })).toEqual({
      name: 'kept.json',
      savedAt: T0,
      how: 'file',
    });
  });

  it('takes a record this build did not write as none', () => {
    for (const row of [
      undefined,
      'a.json',
      { name: '', savedAt: T0, how: 'file' },
      { name: 'a.json', savedAt: 'yesterday', how: 'file' },
      { name: 'a.json', savedAt: T0, how: 'email' },
      { name: 'x'.repeat(256), savedAt: T0, how: 'download' },
    ])
      expect(parseSavedFile(row)).toBeNull();
  });
});
