import { describe, expect, it } from 'vitest';
import { holdWork, unsavedWork } from './unsaved';

describe('holdWork', () => {
  it('holds the page while work runs, by name, until each holder releases', () => {
    expect(unsavedWork()).toEqual([]);
    const first = holdWork('meta-january.csv');
    const second = holdWork('backup.json');
    expect(unsavedWork()).toEqual(['meta-january.csv', 'backup.json']);
    first();
    expect(unsavedWork()).toEqual(['backup.json']);
    second();
    second();
    expect(unsavedWork()).toEqual([]);
  });
});
