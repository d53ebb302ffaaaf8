import { describe, expect, it } from 'vitest';
import { FileFlow } from './file-flow.svelte';

/** A flow with one phase of its own and something read from the file, as the imports have. */
class TestFlow extends FileFlow<'reading' | 'done', number> {
  read: string | undefined;

  choose(file: { name: string; size: number }): number {
    const run = this.begin(file);
    this.read = file.name.toUpperCase();
    this.phase = 'reading';
    return run;
  }

  failFor(run: number, error: unknown): void {
    this.fail(error, run);
  }

  isCurrent(run: number): boolean {
    return this.current(run);
  }

  protected clear(): void {
    this.read = undefined;
  }
}

describe('FileFlow', () => {
  it('starts on a chosen file with its name and size, forgetting the last one', () => {
    const flow = new TestFlow();
    flow.choose({ name: 'a.csv', size: 10 });
    flow.percent = 60;
    flow.result = 3;
    flow.choose({ name: 'b.csv', size: 20 });
    expect(flow.fileName).toBe('b.csv');
    expect(flow.fileSize).toBe(20);
    expect(flow.percent).toBe(0);
    expect(flow.result).toBeUndefined();
    expect(flow.read).toBe('B.CSV');
  });

  it('knows which file is the latest, so an earlier answer is dropped', () => {
    const flow = new TestFlow();
    const first = flow.choose({ name: 'a.csv', size: 1 });
    const second = flow.choose({ name: 'b.csv', size: 1 });
    expect(flow.isCurrent(first)).toBe(false);
    expect(flow.isCurrent(second)).toBe(true);
  });

  it('records a failure of the latest file, and ignores one of an earlier file', () => {
    const flow = new TestFlow();
    const first = flow.choose({ name: 'a.csv', size: 1 });
    const second = flow.choose({ name: 'b.csv', size: 1 });
    flow.failFor(first, new Error('late'));
    expect(flow.phase).toBe('reading');
    expect(flow.failure).toBeUndefined();
    const error = new Error('now');
    flow.failFor(second, error);
    expect(flow.phase).toBe('failed');
    expect(flow.failure).toBe(error);
  });

  it('reset forgets the file, its progress, result, failure and what was read', () => {
    const flow = new TestFlow();
    const run = flow.choose({ name: 'a.csv', size: 1 });
    flow.percent = 40;
    flow.failFor(run, new Error('x'));
    flow.reset();
    expect(flow.phase).toBe('idle');
    expect(flow.percent).toBe(0);
    expect(flow.failure).toBeUndefined();
    expect(flow.read).toBeUndefined();
  });
});
