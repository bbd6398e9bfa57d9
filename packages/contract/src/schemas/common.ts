import { Type, type Static } from 'typebox';

/** An opaque id: 1–64 characters of `[A-Za-z0-9_-]`. */
export const Id = Type.String({
  $id: 'Id',
  description: 'An opaque id: 1–64 characters of `[A-Za-z0-9_-]`. Clients never parse it.',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  examples: ['citizen-1'],
});
export type Id = Static<typeof Id>;

/** An RFC 3339 time with offset, e.g. `2026-03-04T14:30:00+01:00`. */
export const DateTime = Type.String({
  $id: 'DateTime',
  description: 'An RFC 3339 time with offset, e.g. `2026-03-04T14:30:00+01:00` or `2026-03-04T13:30:00.000Z`.',
  format: 'date-time',
  examples: ['2026-03-04T14:30:00+01:00'],
});
export type DateTime = Static<typeof DateTime>;

/** A calendar date `YYYY-MM-DD`, meant in Europe/Copenhagen. */
export const CalendarDate = Type.String({
  $id: 'CalendarDate',
  description: 'A calendar date `YYYY-MM-DD`, meant in Europe/Copenhagen.',
  format: 'date',
  examples: ['2026-12-24'],
});
export type CalendarDate = Static<typeof CalendarDate>;

/** A local wall-clock time `HH:MM` (24-hour), meant in Europe/Copenhagen. */
export const LocalTime = Type.String({
  $id: 'LocalTime',
  description: 'A wall-clock time `HH:MM` (24-hour clock), meant in Europe/Copenhagen.',
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  examples: ['08:00'],
});
export type LocalTime = Static<typeof LocalTime>;

/** The languages every widget ships. */
export const LANGUAGES = ['da', 'en', 'ar'] as const;
export const Language = Type.Enum(LANGUAGES, {
  $id: 'Language',
  description: 'A language every widget ships: Danish (`da`, the default), English (`en`) or Arabic (`ar`, right to left).',
});
export type Language = Static<typeof Language>;

/** The two roles of the contract. */
export const ROLES = ['citizen', 'caseworker'] as const;
export const Role = Type.Enum(ROLES, {
  $id: 'Role',
  description: 'Who the user is: a `citizen` (borger) or a `caseworker` (sagsbehandler).',
});
export type Role = Static<typeof Role>;

/** The pattern of an `Idempotency-Key` header: 1–255 characters of `[A-Za-z0-9_.:-]`. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{1,255}$';
export const IdempotencyKey = Type.String({
  $id: 'IdempotencyKey',
  description: 'A client-generated key (a UUID) that makes a create safe to retry: 1–255 characters of `[A-Za-z0-9_.:-]`.',
  minLength: 1,
  maxLength: 255,
  pattern: IDEMPOTENCY_KEY_PATTERN,
  examples: ['5f0c8a52-8f2e-4a53-9f43-2d7f0e1b6c11'],
});
export type IdempotencyKey = Static<typeof IdempotencyKey>;

/** A strong entity tag, `"<version>"`. */
export const ETag = Type.String({
  $id: 'ETag',
  description: 'A strong entity tag: the document version in double quotes, e.g. `"3"`.',
  pattern: '^"[0-9]+"$',
  examples: ['"3"'],
});
export type ETag = Static<typeof ETag>;
