import type { z } from 'zod/mini';
import type { DomainError } from '$lib/domain/result';
import type { Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';
import { describeIssues, type Issue } from '$lib/schema/issues';

/**
 * Form errors per field: a form checks its draft (the schema of the row it writes, plus the
 * domain's parsers and checks), and each field shows its own first problem beside it, in
 * plain words, instead of one line that runs every problem together.
 */

/** A form's message per field, for the fields that have a problem. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The plain message a form gives a field per reason: the reason is the issue's message key
 * (`error.notADate`, `error.tooShort`, `domain.error.negativeValue`…); `*` stands for any
 * reason not listed. A reason without a plain message keeps its own translation.
 */
export type FieldMessages = Partial<Record<MessageKey | '*', MessageKey>>;

type Translate = (key: MessageKey, params?: Params) => string;

/** The issues of `draft` against `schema` (none when it is valid). */
export function schemaIssues(schema: z.ZodMiniType, draft: unknown): Issue[] {
  const result = schema.safeParse(draft, { reportInput: true });
  return result.success ? [] : describeIssues(result.error);
}

/** A domain error (a parser's or a check's) as an issue of one field; `label` names the field. */
export function domainIssue(path: string, error: DomainError, label: string): Issue {
  return {
    path,
    message: `domain.error.${error.code}`,
    params: { field: label, value: error.value ?? '' },
  };
}

/**
 * The form field an issue belongs to: the field whose path is the issue's path or contains it
 * (`vacancies[0]` holds `vacancies[0].title`), the longest such one; none for a path the form
 * does not show.
 */
export function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  let found: F | undefined;
  for (const field of fields) {
    const inside = path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
    if (inside && (found === undefined || field.length > found.length)) found = field;
  }
  return found;
}

/**
 * The first problem of each form field, as the message shown beside it: the form's plain
 * message for its reason where it has one ("Fill in a start date" for an empty date), else
 * the reason's own translation. Issues of anything the form does not show (ids, the loop)
 * are left out: those are the storage's to report when it refuses the row.
 */
export function fieldErrors<F extends string>(
  issues: readonly Issue[],
  messages: Readonly<Record<F, FieldMessages>>,
  t: Translate,
): FieldErrors<F> {
  const fields = Object.keys(messages) as F[];
  const out: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    if (field === undefined || out[field] !== undefined) continue;
    const plain = messages[field][issue.message] ?? messages[field]['*'];
    out[field] = t(plain ?? issue.message, issue.params);
  }
  return out;
}

/** True when some field has a problem. */
export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * Moves the focus to the first field (in `order`, the order on screen) that has a problem,
 * so a keyboard or screen-reader user lands on it and hears its message.
 */
export function focusFirstError<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  idOf: (field: F) => string,
): void {
  const first = order.find((field) => errors[field]);
  if (first !== undefined) document.getElementById(idOf(first))?.focus();
}
