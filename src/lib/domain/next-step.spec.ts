import { describe, expect, it } from 'vitest';
import { nextStep, type HubLoop } from './next-step';

const loop = (index: number, start: string, end: string, over: Partial<HubLoop> = {}): HubLoop => ({
  index,
  range: { start, end },
  planned: true,
  wizardStep: 4,
  ...over,
});
const one = loop(1, '2027-01-01', '2027-02-28');
const two = loop(2, '2027-03-01', '2027-04-30');

describe('nextStep', () => {
  it('asks to finish the five steps of a loop not fully planned, where the user left off', () => {
    const r = nextStep([{ ...one, planned: false, wizardStep: 2 }], '2026-12-01', false);
    expect(r?.step).toEqual({ kind: 'finishSteps', loop: 1, step: 2 });
  });

  it('before loop 1 starts, waits for it (the 0-meting is entered meanwhile)', () => {
    const r = nextStep([one], '2026-12-01', false);
    expect(r?.step).toEqual({ kind: 'waitStart', loop: 1, start: '2027-01-01' });
    expect(r?.startNext).toBe('early');
  });

  it('while a loop runs, asks for its numbers; the next loop only starts early', () => {
    const r = nextStep([one], '2027-02-28', false);
    expect(r?.step).toEqual({ kind: 'enterNumbers', loop: 1, end: '2027-02-28' });
    expect(r).toMatchObject({ startNext: 'early', next: 2 });
  });

  it('once a loop has ended, offers its results and the next loop', () => {
    const r = nextStep([one], '2027-03-01', true);
    expect(r?.step).toEqual({ kind: 'readResults', loop: 1 });
    expect(r).toMatchObject({ startNext: 'now', next: 2 });
    expect(nextStep([one], '2027-03-01', false)?.step).toEqual({ kind: 'noNumbers', loop: 1 });
  });

  it('with the next loop planned ahead, keeps asking for the running loop’s numbers', () => {
    const r = nextStep([one, two], '2027-02-10', false);
    expect(r?.step).toEqual({ kind: 'enterNumbers', loop: 1, end: '2027-02-28' });
    expect(r?.next).toBe(3);
  });

  it('has nothing to say for a plan without loops', () => {
    expect(nextStep([], '2027-01-01', false)).toBeNull();
  });
});
