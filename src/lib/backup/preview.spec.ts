import { describe, expect, it } from 'vitest';
import { previewImport, type PlanSummary } from './preview';

const summary = (id: string, updatedAt: string): PlanSummary => ({
  id,
  organisation: id.toUpperCase(),
  updatedAt,
  loops: 1,
  measurements: 2,
});
const here = [
  summary('a', '2026-11-01T00:00:00.000Z'),
  summary('b', '2026-11-10T00:00:00.000Z'),
  summary('c', '2026-11-05T00:00:00.000Z'),
];
const file = [
  summary('a', '2026-11-02T00:00:00.000Z'),
  summary('b', '2026-11-10T00:00:00.000Z'),
  summary('d', '2026-01-01T00:00:00.000Z'),
];
const actions = (rows: ReturnType<typeof previewImport>) => rows.map((r) => `${r.id}:${r.action}`);

describe('previewImport', () => {
  it('merge: adds new plans, replaces where the backup is newer, keeps ties and plans only here', () => {
    expect(actions(previewImport(here, file, 'merge'))).toEqual([
      'a:replace',
      'b:keep',
      'd:add',
      'c:keep',
    ]);
  });

  it('replace: takes every plan of the backup and removes the rest', () => {
    expect(actions(previewImport(here, file, 'replace'))).toEqual([
      'a:replace',
      'b:replace',
      'd:add',
      'c:remove',
    ]);
  });

  it('keeps both sides of a plan for the preview table', () => {
    const [a] = previewImport(here, file, 'merge');
    expect(a).toMatchObject({ incoming: file[0], current: here[0], organisation: 'A' });
  });
});
