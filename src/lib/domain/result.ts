/**
 * Domain functions never throw at the user and never return NaN or Infinity: they return a
 * `Result`, whose error carries a code the UI translates (`domain.error.<code>`) and the
 * offending field or value.
 */
export type DomainErrorCode =
  | 'invalidDate'
  | 'emptyDate'
  | 'invertedRange'
  | 'invalidLoopLength'
  | 'invalidLoopIndex'
  | 'unknownKpi'
  | 'notFinite'
  | 'negativeCount'
  | 'notACount'
  | 'invalidStep'
  | 'emptyNumber'
  | 'notANumber'
  | 'wrongDecimalSeparator'
  | 'numberTooLarge'
  | 'dateOutOfRange'
  | 'baselineNotBeforeLoop'
  | 'judgementBeforeLoopEnd'
  | 'judgementTooLate'
  | 'negativeValue'
  | 'percentOverHundred'
  | 'notADuration'
  | 'durationPartOver59';

export type DomainError = { code: DomainErrorCode; field?: string; value?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: DomainErrorCode,
  field?: string,
  value?: unknown,
): Result<T> => ({
  ok: false,
  error: {
    code,
    ...(field ? { field } : {}),
    ...(value !== undefined ? { value: String(value) } : {}),
  },
});
