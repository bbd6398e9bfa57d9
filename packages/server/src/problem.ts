// Every error leaves the server as RFC 9457 problem+json with a stable `code` (docs/contract.md).
import { PROBLEM_STATUS, problemType, type FieldError, type Problem, type ProblemCode } from '@jobunivers/contract';

export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly options: { detail?: string; errors?: FieldError[]; retryAfter?: number; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'ProblemError';
    this.status = PROBLEM_STATUS[code];
  }
}

type Texts = Record<ProblemCode, string>;

const TITLES: Record<'da' | 'en', Texts> = {
  en: {
    'malformed-json': 'The request body is not valid JSON',
    'invalid-request': 'The request does not match the contract',
    'idempotency-key-required': 'An Idempotency-Key header is required',
    'invalid-cursor': 'The page cursor is not valid',
    unauthenticated: 'You need to log in',
    'token-invalid': 'The login token is not valid',
    'token-expired': 'The login has expired',
    'token-audience': 'The login token is for another service',
    forbidden: 'You may not do this',
    'not-found': 'Not found',
    'method-not-allowed': 'This method is not allowed here',
    'idempotency-key-in-use': 'The same request is still being processed',
    'slot-unavailable': 'This time is no longer free',
    'booking-cancelled': 'The booking is cancelled',
    'free-times-exist': 'There are free times before the deadline',
    'chat-unavailable': 'Nobody can chat right now',
    'message-id-reused': 'This message id was used for another message',
    'conversation-closed': 'The conversation has ended',
    'already-claimed': 'A colleague already took this conversation',
    'chat-limit-reached': 'You have as many chats as your limit allows',
    'hold-expired': 'The hold on this time ran out',
    'etag-mismatch': 'The document changed since you read it',
    'payload-too-large': 'The request body is too large',
    'unsupported-media-type': 'The request body must be JSON',
    'idempotency-key-reused': 'This Idempotency-Key was used for another request',
    'precondition-required': 'An If-Match header is required',
    'rate-limited': 'Too many requests',
    internal: 'Something went wrong on our side',
    unavailable: 'The service is temporarily unavailable',
  },
  da: {
    'malformed-json': 'Forespørgslen er ikke gyldig JSON',
    'invalid-request': 'Forespørgslen passer ikke til kontrakten',
    'idempotency-key-required': 'Forespørgslen mangler en Idempotency-Key',
    'invalid-cursor': 'Sidemarkøren er ikke gyldig',
    unauthenticated: 'Du skal logge ind',
    'token-invalid': 'Dit login er ikke gyldigt',
    'token-expired': 'Dit login er udløbet',
    'token-audience': 'Dit login gælder en anden tjeneste',
    forbidden: 'Du må ikke gøre dette',
    'not-found': 'Findes ikke',
    'method-not-allowed': 'Metoden er ikke tilladt her',
    'idempotency-key-in-use': 'Den samme forespørgsel er ved at blive behandlet',
    'slot-unavailable': 'Tiden er ikke længere ledig',
    'booking-cancelled': 'Aftalen er aflyst',
    'free-times-exist': 'Der er ledige tider før fristen',
    'chat-unavailable': 'Der er ingen, der kan chatte lige nu',
    'message-id-reused': 'Dette besked-id er brugt til en anden besked',
    'conversation-closed': 'Samtalen er afsluttet',
    'already-claimed': 'En kollega har allerede taget samtalen',
    'chat-limit-reached': 'Du har så mange chats, som din grænse tillader',
    'hold-expired': 'Din reservation af tiden er udløbet',
    'etag-mismatch': 'Dokumentet er ændret, siden du hentede det',
    'payload-too-large': 'Forespørgslen er for stor',
    'unsupported-media-type': 'Forespørgslen skal være JSON',
    'idempotency-key-reused': 'Denne Idempotency-Key er brugt til en anden forespørgsel',
    'precondition-required': 'Forespørgslen mangler If-Match',
    'rate-limited': 'For mange forespørgsler',
    internal: 'Der gik noget galt hos os',
    unavailable: 'Tjenesten er midlertidigt utilgængelig',
  },
};

/** Picks Danish or English from an `Accept-Language` header (English is the fallback for everyone else). */
export function problemLanguage(acceptLanguage: string | undefined): 'da' | 'en' {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'da' || tag.startsWith('da-')) return 'da';
    if (tag === 'en' || tag.startsWith('en-') || tag === '*') return 'en';
  }
  return 'en';
}

export function problemBody(code: ProblemCode, language: 'da' | 'en', detail?: string, errors?: FieldError[]): Problem {
  return {
    type: problemType(code),
    title: TITLES[language][code],
    status: PROBLEM_STATUS[code],
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A TypeBox (ajv-style) validation error as Fastify hands it to the error handler. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const PART_PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };

/** Turns validator errors into the contract's `errors[]`: one entry per field, JSON Pointers, no values echoed. */
export function fieldErrors(issues: readonly ValidationIssue[], part: string | undefined): FieldError[] {
  const prefix = PART_PREFIX[part ?? 'body'] ?? '';
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, code: string, detail: string) => {
    const full = `${prefix}${pointer}`;
    if (seen.has(full)) return;
    seen.add(full);
    out.push({ pointer: full, code, detail });
  };
  for (const issue of issues) {
    const params = issue.params ?? {};
    if (issue.keyword === 'required') {
      const missing = (params.requiredProperties ?? (params.missingProperty === undefined ? [] : [params.missingProperty])) as unknown[];
      for (const name of missing) add(`${issue.instancePath}/${escapePointer(String(name))}`, 'required', 'This field is required.');
    } else if (issue.keyword === 'additionalProperties') {
      const extra = (params.additionalProperties ?? (params.additionalProperty === undefined ? [] : [params.additionalProperty])) as unknown[];
      for (const name of extra) add(`${issue.instancePath}/${escapePointer(String(name))}`, 'additionalProperties', 'This field is not part of the contract.');
    } else if (issue.keyword === 'boolean' && (issue.schemaPath ?? '').endsWith('/additionalProperties')) {
      add(issue.instancePath, 'additionalProperties', 'This field is not part of the contract.');
    }
  }
  // Within a union (anyOf) report the first concrete reason, not every branch.
  for (const issue of issues) {
    if (['required', 'additionalProperties', 'boolean', 'anyOf', 'oneOf'].includes(issue.keyword)) continue;
    add(issue.instancePath, issue.keyword, issue.message ?? 'Does not match the schema.');
  }
  for (const issue of issues) {
    if (issue.keyword === 'anyOf' || issue.keyword === 'oneOf') add(issue.instancePath, issue.keyword, issue.message ?? 'Does not match the schema.');
  }
  return out;
}
