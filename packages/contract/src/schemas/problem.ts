import { Type, type Static } from 'typebox';

/**
 * Every stable problem `code` of the contract with its HTTP status. Clients switch on `code`, never on
 * `title` or `detail`.
 */
export const PROBLEM_STATUS = {
  'malformed-json': 400,
  'invalid-request': 400,
  'idempotency-key-required': 400,
  'invalid-cursor': 400,
  unauthenticated: 401,
  'token-invalid': 401,
  'token-expired': 401,
  'token-audience': 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'idempotency-key-in-use': 409,
  'slot-unavailable': 409,
  'booking-cancelled': 409,
  'free-times-exist': 409,
  'chat-unavailable': 409,
  'message-id-reused': 409,
  'conversation-closed': 409,
  'already-claimed': 409,
  'chat-limit-reached': 409,
  'hold-expired': 410,
  'etag-mismatch': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'idempotency-key-reused': 422,
  'precondition-required': 428,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** The stable problem codes, in the order of the contract's table. */
export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as readonly ProblemCode[];

/** `type` of a problem: `urn:jobunivers:problem:<code>`. */
export const PROBLEM_TYPE_PREFIX = 'urn:jobunivers:problem:';

export function problemType(code: ProblemCode): `urn:jobunivers:problem:${ProblemCode}` {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}

export const ProblemCodeSchema = Type.Enum(Object.keys(PROBLEM_STATUS) as ProblemCode[], {
  $id: 'ProblemCode',
  description: 'The stable, machine-readable reason of a problem. New codes may be added; treat an unknown code by its status.',
});

export const FieldError = Type.Object(
  {
    pointer: Type.String({
      description:
        'A JSON Pointer into the request body (`/language`, `` for the whole body), or `/query/<name>`, `/params/<name>`, `/headers/<name>`.',
      examples: ['/language'],
    }),
    code: Type.String({
      description: 'The JSON Schema keyword that failed (`required`, `type`, `enum`, `pattern`, `minLength`, `maxLength`, `format`, `additionalProperties` for an unknown field, …).',
      examples: ['enum'],
    }),
    detail: Type.Optional(Type.String({ description: 'A human explanation (no personal data).' })),
  },
  { $id: 'FieldError', description: 'One problem with one field of the request.' },
);
export type FieldError = Static<typeof FieldError>;

export const Problem = Type.Object(
  {
    type: Type.String({ description: '`urn:jobunivers:problem:<code>`.', examples: ['urn:jobunivers:problem:etag-mismatch'] }),
    title: Type.String({ description: 'A short human summary, in the request\'s `Accept-Language` when the server can. Never personal data.' }),
    status: Type.Integer({ description: 'The HTTP status code.', minimum: 400, maximum: 599 }),
    code: ProblemCodeSchema,
    detail: Type.Optional(Type.String({ description: 'A human explanation of this occurrence. Never personal data.' })),
    errors: Type.Optional(Type.Array(FieldError, { description: 'The field problems of an `invalid-request`.' })),
  },
  {
    $id: 'Problem',
    description: 'An RFC 9457 problem (`application/problem+json`). Every error of the contract has this shape.',
  },
);
export type Problem = Static<typeof Problem>;
