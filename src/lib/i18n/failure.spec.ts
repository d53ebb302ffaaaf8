import { describe, expect, it } from 'vitest';
import { en } from './en';
import { failureText } from './failure';
import { translate } from './format';
import type { Issue } from '$lib/schema/issues';

const i18n = {
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(en, key, params),
  issue: (issue: Issue) => `${issue.path}: ${translate(en, issue.message, issue.params)}`,
};

describe('failureText', () => {
  it('lists the fields and reasons of refused data', () => {
    const refused = Object.assign(new Error('Invalid plans record'), {
      issues: [{ path: 'organisation', message: 'error.tooShort', params: { minimum: 1 } }],
    });
    expect(failureText(refused, i18n)).toBe(
      `organisation: ${translate(en, 'error.tooShort', { minimum: 1 })}`,
    );
  });

  it('words the known failures in the user’s language, not the code’s', () => {
    const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
    expect(failureText(new Error('unavailable'), i18n)).toBe(en['failure.unavailable']);
    expect(failureText(named('WrongPlanError'), i18n)).toBe(en['failure.wrongPlan']);
    expect(failureText(named('PlanNotFoundError'), i18n)).toBe(en['failure.planGone']);
    expect(failureText(named('QuotaExceededError'), i18n)).toBe(en['failure.diskFull']);
  });

  it('keeps the browser’s name and message for anything unexpected', () => {
    const odd = Object.assign(new Error('The transaction was aborted'), { name: 'AbortError' });
    expect(failureText(odd, i18n)).toBe(
      'unexpected error (AbortError: The transaction was aborted)',
    );
    expect(failureText('boom', i18n)).toBe('unexpected error (boom)');
  });
});
