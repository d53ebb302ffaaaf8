import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckReceiver, sendCheck, STAGES, type CheckMessage } from './check-messages';

const FIXTURE = readFileSync('tests/fixtures/backups/v1-example.json', 'utf8');
const fileOf = (text: string) => ({
  name: 'b.json',
  size: text.length,
  text: () => Promise.resolve(text),
});

/** Everything the worker sends for `file`, asking for every chunk. */
async function conversation(file: ReturnType<typeof fileOf>): Promise<CheckMessage[]> {
  const sent: CheckMessage[] = [];
  await sendCheck(
    { file, limit: 1e9 },
    (m) => sent.push(structuredClone(m)),
    () => Promise.resolve(),
  );
  return sent;
}

describe('sendCheck and CheckReceiver', () => {
  it('report an unexpected failure of the worker as an error on the page', async () => {
    const file = { name: 'b.json', size: 10, text: () => Promise.reject(new Error('disk gone')) };
    const sent = await conversation(file as ReturnType<typeof fileOf>);
    expect(sent.at(-1)).toEqual({ type: 'failed', message: 'Error: disk gone' });
    const receiver = new CheckReceiver();
    expect(() => sent.forEach((m) => receiver.take(m))).toThrow('disk gone');
  });

  it('never answers a file whose rows did not all arrive', async () => {
    const sent = await conversation(fileOf(FIXTURE));
    const receiver = new CheckReceiver();
    const withoutOneChunk = sent.filter((m, i) => !(m.type === 'rows' && i === sent.length - 2));
    expect(withoutOneChunk).toHaveLength(sent.length - 1);
    expect(() => withoutOneChunk.forEach((m) => receiver.take(m))).toThrow('ended early');
  });

  it('send progress at most once per percent, rising to the end of the check', async () => {
    const sent = await conversation(fileOf(FIXTURE));
    const fractions = sent.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    const percents = fractions.map((f) => Math.floor(f * 100));
    expect(new Set(percents).size).toBe(percents.length);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeCloseTo(STAGES.checked);
  });
});
