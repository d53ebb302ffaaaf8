import { describe, expect, it } from 'vitest';
import { campaignSchema } from '$lib/schema/loop';
import { meetingSchema } from '$lib/schema/meeting';
import { en } from '$lib/i18n/en';
import { translate, type Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';
import { enLoops } from '$lib/i18n/loops-en';
import {
  domainIssue,
  fieldErrors,
  fieldOf,
  hasErrors,
  schemaIssues,
  type FieldMessages,
} from './field-errors';

/** The English messages, as the forms show them. */
const t = (key: MessageKey, params?: Params) => translate({ ...en, ...enLoops }, key, params);

const campaign = (draft: Record<string, unknown>) => ({
  id: 'new',
  planId: 'plan',
  loopId: 'loop',
  name: 'Open day',
  channel: '',
  start: '2026-02-01',
  end: '2026-02-28',
  ...draft,
});

/** The campaign form's fields and plain messages. */
const CAMPAIGN_FIELDS: Record<'name' | 'start' | 'end' | 'budget', FieldMessages> = {
  name: { '*': 'loops.campaign.nameRequired' },
  start: { 'error.notADate': 'loops.campaign.startRequired' },
  end: {
    'error.notADate': 'loops.campaign.endRequired',
    'error.endBeforeStart': 'loops.campaign.endBeforeStart',
  },
  budget: {},
};

describe('fieldErrors', () => {
  it('gives each field of an empty campaign its own plain message', () => {
    const issues = schemaIssues(campaignSchema, campaign({ name: '', start: '', end: '' }));
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({
      name: 'Give the campaign a name.',
      start: 'Fill in the date the campaign starts.',
      end: 'Fill in the date the campaign ends.',
    });
  });

  it('puts a check on the whole row on the field it names', () => {
    const issues = schemaIssues(campaignSchema, campaign({ end: '2026-01-01' }));
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({
      end: 'The campaign ends before it starts.',
    });
  });

  it('keeps the translation of a reason the form has no plain message for', () => {
    const issues = schemaIssues(campaignSchema, campaign({ budget: -5 }));
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({ budget: 'must not be negative' });
  });

  it('puts a domain check of what was typed on its field, with its label', () => {
    const issues = [
      domainIssue('end', { code: 'dateOutOfRange', value: '1999-12-31' }, 'Ends on'),
      ...schemaIssues(campaignSchema, campaign({ end: '1999-12-31' })),
    ];
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({
      end: 'Ends on: 1999-12-31 is outside the years a plan can span (2000–2099)',
    });
  });

  it('shows only the first problem of a field, a domain error before the schema', () => {
    const issues = [
      domainIssue('budget', { code: 'notANumber', value: 'abc' }, 'Budget'),
      { path: 'budget', message: 'error.negative' as const },
    ];
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({
      budget: 'Budget: “abc” is not a number',
    });
  });

  it('leaves out issues of what the form does not show', () => {
    const issues = schemaIssues(campaignSchema, campaign({ id: '', planId: '' }));
    expect(issues.map((i) => i.path)).toEqual(['id', 'planId']);
    expect(fieldErrors(issues, CAMPAIGN_FIELDS, t)).toEqual({});
  });

  it('finds a nested field: the title of one vacancy in a meeting', () => {
    const issues = schemaIssues(meetingSchema, {
      id: 'm',
      planId: 'p',
      date: '',
      vacancies: [
        { title: 'Nurse', team: '' },
        { title: '', team: 'Night' },
      ],
      marketingSupport: '',
      successes: '',
      failures: '',
      lessons: '',
    });
    const fields: Record<'date' | 'vacancies[1]', FieldMessages> = {
      date: { 'error.notADate': 'meetings.dateRequired' },
      'vacancies[1]': {},
    };
    const errors = fieldErrors(issues, fields, t);
    expect(Object.keys(errors)).toEqual(['date', 'vacancies[1]']);
    expect(errors.date).toBe('Fill in the date of the meeting.');
  });
});

describe('fieldOf', () => {
  it('matches the field itself or a path inside it, the longest field first', () => {
    const fields = ['vacancies', 'vacancies[0]', 'date'] as const;
    expect(fieldOf('date', fields)).toBe('date');
    expect(fieldOf('vacancies[0].title', fields)).toBe('vacancies[0]');
    expect(fieldOf('vacancies[1].title', fields)).toBe('vacancies');
    expect(fieldOf('dates', fields)).toBeUndefined();
    expect(fieldOf('id', fields)).toBeUndefined();
  });
});

describe('hasErrors', () => {
  it('is true only when a field has a message', () => {
    expect(hasErrors({})).toBe(false);
    expect(hasErrors({ name: '' })).toBe(false);
    expect(hasErrors({ name: 'Give the campaign a name.' })).toBe(true);
  });
});
