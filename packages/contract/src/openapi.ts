// Builds the OpenAPI 3.1 document of the contract from the TypeBox schemas. Every schema with an `$id` becomes
// a named component and is referenced, never inlined, so generated clients get one type per concept.
import type { TSchema } from 'typebox';
import { IdempotencyKey, ETag } from './schemas/common.js';
import { Config } from './schemas/config.js';
import { DemoLoginRequest, DemoLoginResponse, DemoUserList } from './schemas/demo.js';
import { HealthStatus } from './schemas/health.js';
import { Me, PreferencesUpdate } from './schemas/me.js';
import { Notification, NotificationCreate, NotificationPage } from './schemas/notification.js';
import { PageQuery } from './schemas/page.js';
import {
  Availability, AvailabilityExceptionPut, AvailabilityRulesPut, Booking, BookingCancel, BookingCreate, BookingPage, BookingReschedule,
  DeskBooking, DeskBookingCancel, DeskBookingCreate, DeskBookingList, DeskBookingMove, DeskCitizenList, DeskHelpRequest, DeskRequests,
  Hold, HoldCreate, HelpRequest, HelpRequestCreate, MeetingTypeList, NoFreeTimeReceipt, NoFreeTimeReceiptCreate, SlotList,
} from './schemas/booking.js';
import {
  CannedReplyList, ChatAttachment, ChatConsole, ChatEvent, ChatMessage, ChatMessageCreate, ChatNote, ChatNoteCreate, ChatPresencePut, ChatRatingCreate, ChatReadCreate,
  ChatStatus, ChatTransferCreate, Conversation, ConversationCreate, ConversationSession,
} from './schemas/chat.js';
import { LiveEvent, ResetEvent, SSE_RETRY_MS } from './schemas/events.js';
import {
  LanguageCode, Playlist, PlaylistList, Video, VideoFilters, VideoKind, VideoLength, VideoPage, VideoProgress, VideoProgressList, VideoProgressUpdate, VideoQuery,
} from './schemas/video.js';
import { PROBLEM_STATUS, Problem, problemType, type ProblemCode } from './schemas/problem.js';
import { CV_MAX_BYTES, CvShare, CvShareConsent, JsonResume, SharedCvList } from './schemas/cv.js';
import {
  JOBLOG_FEED_LIMIT, JOBLOG_LIMITS, JOBLOG_MAX_ENTRIES, JoblogEntry, JoblogEntryBody, JoblogEtagMismatch, JoblogFeed, JoblogFeedQuery, JoblogRequirement, JoblogShare, JoblogShareConsent,
  SharedJoblogList, SharedJoblogQuery,
} from './schemas/joblog.js';

/** The contract's version (`info.version` of the OpenAPI document). */
export const CONTRACT_VERSION = '1.0.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: JsonObject;
  jsonSchemaDialect: string;
  servers: Json[];
  tags: Json[];
  paths: Record<string, JsonObject>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
  security: Json[];
}

const ref = (kind: string, name: string): JsonObject => ({ $ref: `#/components/${kind}/${name}` });

/** Turns a TypeBox schema into plain JSON, moving every nested `$id` schema into `components.schemas`. */
class SchemaRegistry {
  readonly schemas: Record<string, JsonObject> = {};

  /** Registers `schema` (which must have an `$id`) and answers a `$ref` to it. */
  use(schema: TSchema): JsonObject {
    const plain = JSON.parse(JSON.stringify(schema)) as JsonObject;
    const id = plain.$id;
    if (typeof id !== 'string') throw new Error('Only schemas with an $id can be referenced.');
    this.register(plain);
    return ref('schemas', id);
  }

  private register(plain: JsonObject): void {
    const id = plain.$id as string;
    const rest: JsonObject = { ...plain };
    delete rest.$id;
    const body = this.replaceNested(rest) as JsonObject;
    if (id in this.schemas && JSON.stringify(this.schemas[id]) !== JSON.stringify(body)) {
      throw new Error(`Two different schemas use the $id "${id}".`);
    }
    this.schemas[id] = body;
  }

  private replaceNested(value: Json): Json {
    if (Array.isArray(value)) return value.map((item) => this.replaceNested(item));
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.$id === 'string') {
      this.register(value);
      return ref('schemas', value.$id);
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.replaceNested(item);
    return out;
  }
}

const problemExample = (code: ProblemCode, title: string, detail?: string): JsonObject => ({
  type: problemType(code),
  title,
  status: PROBLEM_STATUS[code],
  code,
  ...(detail === undefined ? {} : { detail }),
});

interface ProblemResponseSpec {
  name: string;
  description: string;
  codes: ProblemCode[];
  title: string;
  headers?: string[];
  /** The body's schema when it carries more than a `Problem` (default: `Problem`). */
  schema?: TSchema;
}

const PROBLEM_RESPONSES: ProblemResponseSpec[] = [
  { name: 'BadRequest', codes: ['malformed-json', 'invalid-request'], title: 'The request does not match the contract', description: 'The body is not JSON (`malformed-json`), or the body, query, path or a header does not match the schema, including unknown fields (`invalid-request`, with `errors`).' },
  { name: 'BadRequestOrCursor', codes: ['invalid-request', 'invalid-cursor'], title: 'The request does not match the contract', description: 'A query parameter does not match the schema (`invalid-request`) or the `cursor` was not issued by this server or expired (`invalid-cursor`).' },
  { name: 'BadCreateRequest', codes: ['malformed-json', 'invalid-request', 'idempotency-key-required'], title: 'The request does not match the contract', description: '`malformed-json`, `invalid-request` (with `errors`), or `idempotency-key-required` when the `Idempotency-Key` header is missing or invalid.' },
  { name: 'Unauthenticated', codes: ['unauthenticated', 'token-invalid', 'token-expired', 'token-audience'], title: 'Log in again', description: 'No bearer token (`unauthenticated`), or it is malformed, badly signed, for an unknown user or missing claims (`token-invalid`), expired (`token-expired`) or for another audience (`token-audience`). Carries `WWW-Authenticate: Bearer` (with `error="invalid_token"` unless `unauthenticated`).', headers: ['WWW-Authenticate'] },
  { name: 'Forbidden', codes: ['forbidden'], title: 'Your role may not do this', description: 'The role may not do this (a citizen calling a caseworker endpoint).' },
  { name: 'NotFound', codes: ['not-found'], title: 'Not found', description: 'No such resource, or it belongs to someone else (the server never reveals that it exists).' },
  { name: 'IdempotencyKeyInUse', codes: ['idempotency-key-in-use'], title: 'The same request is still being processed', description: 'A request with the same `Idempotency-Key` is being processed right now; retry after `Retry-After` seconds.', headers: ['Retry-After'] },
  { name: 'SlotConflict', codes: ['slot-unavailable', 'idempotency-key-in-use'], title: 'This time is no longer free', description: 'The time was booked or is held by someone else (`slot-unavailable`: pick another), or the same `Idempotency-Key` is being processed (`idempotency-key-in-use`, with `Retry-After`).', headers: ['Retry-After'] },
  { name: 'BookingCancelledConflict', codes: ['booking-cancelled', 'idempotency-key-in-use'], title: 'The booking is cancelled', description: 'A cancelled booking cannot be rescheduled (`booking-cancelled`: book a new time), or the same `Idempotency-Key` is being processed (`idempotency-key-in-use`, with `Retry-After`).', headers: ['Retry-After'] },
  { name: 'DeskMoveConflict', codes: ['slot-unavailable', 'booking-cancelled', 'idempotency-key-in-use'], title: 'The booking cannot be moved there', description: 'The new time is booked or held (`slot-unavailable`: pick another), the booking is cancelled (`booking-cancelled`), or the same `Idempotency-Key` is being processed (`idempotency-key-in-use`, with `Retry-After`).', headers: ['Retry-After'] },
  { name: 'FreeTimesExist', codes: ['free-times-exist', 'idempotency-key-in-use'], title: 'There are free times before the deadline', description: 'A receipt is only issued when no time is free before the deadline (`free-times-exist`: book one of them), or the same `Idempotency-Key` is being processed (`idempotency-key-in-use`, with `Retry-After`).', headers: ['Retry-After'] },
  { name: 'ChatCreateConflict', codes: ['chat-unavailable', 'idempotency-key-in-use'], title: 'Nobody can chat right now', description: 'A `live` conversation while the chat is closed or busy (`chat-unavailable`: leave a message with `mode: message` instead), or the same `Idempotency-Key` is being processed (`idempotency-key-in-use`, with `Retry-After`).', headers: ['Retry-After'] },
  { name: 'MessageConflict', codes: ['message-id-reused', 'conversation-closed'], title: 'This message cannot be sent', description: 'The message `id` was already used for another text (`message-id-reused`: give every new message a new id), or the conversation has ended (`conversation-closed`).' },
  { name: 'ConversationClosed', codes: ['conversation-closed'], title: 'The conversation has ended', description: 'The conversation is closed: nothing more can be added to it.' },
  { name: 'ClaimConflict', codes: ['already-claimed', 'chat-limit-reached'], title: 'You cannot take this conversation', description: 'Another caseworker took it first, or it is no longer queued for your team (`already-claimed`: reload the console), or you already have `maxChats` active conversations (`chat-limit-reached`).' },
  { name: 'HoldExpired', codes: ['hold-expired'], title: 'The hold on this time ran out', description: 'The hold ran out before the booking was confirmed; the time may still be free: hold it again.' },
  { name: 'EtagMismatch', codes: ['etag-mismatch'], title: 'The document changed since you read it', description: '`If-Match` does not match the current version; nothing was changed.' },
  { name: 'PayloadTooLarge', codes: ['payload-too-large'], title: 'The request body is too large', description: 'The body is larger than 64 KiB.' },
  { name: 'UnsupportedMediaType', codes: ['unsupported-media-type'], title: 'Send JSON', description: 'A write whose `Content-Type` is not `application/json`.' },
  { name: 'AttachmentTooLarge', codes: ['payload-too-large'], title: 'The file is too large', description: 'The file is larger than `attachments.maxBytes` of `GET /v1/chat/status`.' },
  { name: 'AttachmentType', codes: ['unsupported-media-type'], title: 'This kind of file cannot be attached', description: 'The file is not one of `attachments.types` of `GET /v1/chat/status`, or its content is not what its `Content-Type` says (the server reads the file; a renamed or relabelled file is refused).' },
  { name: 'IdempotencyKeyReused', codes: ['idempotency-key-reused'], title: 'This Idempotency-Key was used for another request', description: 'The `Idempotency-Key` was used before with a different request (method, path or body).' },
  { name: 'PreconditionRequired', codes: ['precondition-required'], title: 'If-Match is required', description: 'An update without `If-Match`.' },
  { name: 'CvEtagMismatch', codes: ['etag-mismatch'], title: 'The CV changed since you read it', description: 'The `If-Match` version is not the current one (another device saved first), or `If-None-Match: *` was sent and a CV exists already. Nothing was changed: `GET /v1/me/cv` for the current version and its `ETag`, show the citizen both, and send the result with that `ETag`.' },
  { name: 'CvPreconditionRequired', codes: ['precondition-required'], title: 'If-Match or If-None-Match: * is required', description: 'A `PUT /v1/me/cv` with neither `If-Match: "<version>"` (update) nor `If-None-Match: *` (create).' },
  { name: 'CvPayloadTooLarge', codes: ['payload-too-large'], title: 'The CV is too large', description: `The body is larger than ${String(CV_MAX_BYTES / 1024)} KiB.` },
  { name: 'JoblogBadRequest', codes: ['malformed-json', 'invalid-request'], title: 'The entry does not match the contract', description: `The body is not JSON (\`malformed-json\`), or a field does not match the schema, the body's \`id\` is not the path's, a date is not a day of the calendar, both \`If-Match\` and \`If-None-Match\` were sent (\`invalid-request\`, with \`errors\`). Also \`invalid-request\` with one error \`{ "pointer": "", "code": "maxItems" }\` when a new entry would make the joblog hold more than ${JOBLOG_MAX_ENTRIES.toLocaleString('en')} entries (nothing is saved; changing and deleting entries still work).` },
  { name: 'JoblogEtagMismatch', codes: ['etag-mismatch'], title: 'The entry changed since you read it', schema: JoblogEtagMismatch, description: 'The `If-Match` version is not the current one (another device saved or deleted it first), there is no entry with this id, or `If-None-Match: *` was sent and the entry exists with other content. Nothing was changed. The problem carries `current`, the server\'s copy (the entry, a tombstone or `null`): show the citizen both and send the result with `If-Match: "<current.version>"` (or `If-None-Match: *` to save a deleted entry again).' },
  { name: 'JoblogPreconditionRequired', codes: ['precondition-required'], title: 'If-Match or If-None-Match: * is required', description: 'A `PUT` of an entry with neither `If-None-Match: *` (create) nor `If-Match: "<version>"` (replace), or a `DELETE` without `If-Match`.' },
  { name: 'RateLimited', codes: ['rate-limited'], title: 'Too many requests', description: 'Too many requests from this client; retry after `Retry-After` seconds.', headers: ['Retry-After'] },
  { name: 'Internal', codes: ['internal'], title: 'Something went wrong on the server', description: 'An unexpected error. Nothing was written.' },
  { name: 'Unavailable', codes: ['unavailable'], title: 'The service is temporarily unavailable', description: 'E.g. the database is down; retry after `Retry-After` seconds.', headers: ['Retry-After'] },
];

const STATUS_OF: Record<string, number> = Object.fromEntries(
  PROBLEM_RESPONSES.map((spec) => [spec.name, PROBLEM_STATUS[spec.codes[0] ?? 'internal']]),
);

/** Problem responses every `/v1` operation can answer. */
const COMMON_PROBLEMS = ['RateLimited', 'Internal', 'Unavailable'];

function responsesWithProblems(success: JsonObject, problems: string[]): JsonObject {
  const out: JsonObject = { ...success };
  for (const name of [...problems, ...COMMON_PROBLEMS]) {
    const status = String(STATUS_OF[name]);
    if (status in out) throw new Error(`Two problem responses for ${status}.`);
    out[status] = ref('responses', name);
  }
  return out;
}

export function buildOpenApiDocument(): OpenApiDocument {
  const registry = new SchemaRegistry();
  const json = (schema: TSchema): JsonObject => ({ 'application/json': { schema: registry.use(schema) } });
  const problemRef = registry.use(Problem);

  const headers: Record<string, JsonObject> = {
    ETag: { description: 'The document\'s strong entity tag, `"<version>"`.', schema: registry.use(ETag) },
    'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
    'WWW-Authenticate': { description: '`Bearer` or `Bearer error="invalid_token"`.', schema: { type: 'string' } },
    'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.', schema: { type: 'string', enum: ['true'] } },
    'Content-Disposition': { description: '`attachment` with the file name (`filename*=UTF-8\'\'…`): a download, never shown inline.', schema: { type: 'string', pattern: '^attachment\\b' } },
    'X-Content-Type-Options': { description: '`nosniff`: the browser uses the `Content-Type` the server found and never guesses.', schema: { type: 'string', enum: ['nosniff'] } },
  };

  const responses: Record<string, JsonObject> = {
    NotModified: { description: 'Not modified: the `If-None-Match` tag is current.', headers: { ETag: ref('headers', 'ETag') } },
  };
  for (const spec of PROBLEM_RESPONSES) {
    const examples: JsonObject = {};
    for (const code of spec.codes) examples[code] = { value: problemExample(code, spec.title) };
    const response: JsonObject = {
      description: `${spec.description} Codes: ${spec.codes.map((code) => `\`${code}\``).join(', ')}.`,
      content: { 'application/problem+json': { schema: spec.schema === undefined ? problemRef : registry.use(spec.schema), examples } },
    };
    if (spec.headers) response.headers = Object.fromEntries(spec.headers.map((name) => [name, ref('headers', name)]));
    responses[spec.name] = response;
  }

  const parameters: Record<string, JsonObject> = {
    Limit: { name: 'limit', in: 'query', required: false, description: 'Items per page, 1–100 (default 20).', schema: JSON.parse(JSON.stringify(PageQuery.properties.limit)) as JsonObject },
    Cursor: { name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of the previous page, as is.', schema: JSON.parse(JSON.stringify(PageQuery.properties.cursor)) as JsonObject },
    NotificationId: { name: 'id', in: 'path', required: true, description: 'The notification\'s id.', schema: ref('schemas', 'Id') },
    BookingId: { name: 'id', in: 'path', required: true, description: 'The booking\'s id.', schema: ref('schemas', 'Id') },
    HoldId: { name: 'id', in: 'path', required: true, description: 'The hold\'s id.', schema: ref('schemas', 'Id') },
    CitizenId: { name: 'citizenId', in: 'path', required: true, description: 'The citizen\'s id.', schema: ref('schemas', 'Id') },
    IfMatchOptional: { name: 'If-Match', in: 'header', required: false, description: 'The `ETag` you read; when sent and stale: `412 etag-mismatch` and nothing changes. Without it the write applies to the current version.', schema: registry.use(ETag) },
    HelpRequestId: { name: 'id', in: 'path', required: true, description: 'The help request\'s id.', schema: ref('schemas', 'Id') },
    ExceptionDate: { name: 'date', in: 'path', required: true, description: 'The closed day, `YYYY-MM-DD` (Europe/Copenhagen).', schema: ref('schemas', 'CalendarDate') },
    IfMatch: { name: 'If-Match', in: 'header', required: true, description: 'The `ETag` you read. Without it: `428 precondition-required`; stale: `412 etag-mismatch`.', schema: registry.use(ETag) },
    IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'An `ETag` you hold: `304 Not Modified` when it is still current.', schema: { type: 'string' } },
    IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: true, description: 'A client-generated key (a UUID), scoped to the user and kept at least 24 hours. The same key with the same request answers the original response with `Idempotent-Replayed: true`.', schema: registry.use(IdempotencyKey) },
    LastEventId: { name: 'Last-Event-ID', in: 'header', required: false, description: 'The `id` of the last event the client processed; the server first replays every later event for the user.', schema: { type: 'string', pattern: '^[0-9]{1,18}$' } },
    ConversationId: { name: 'id', in: 'path', required: true, description: 'The conversation\'s id.', schema: ref('schemas', 'Id') },
    AttachmentId: { name: 'attachmentId', in: 'path', required: true, description: 'The attachment\'s id (from `ChatAttachment.id`).', schema: ref('schemas', 'Id') },
    ChatLastEventId: { name: 'Last-Event-ID', in: 'header', required: false, description: 'The conversation sequence number of the last event the client processed (`0`: everything). Later events follow in order, none twice; an id above the conversation\'s `lastSeq` (or not a number) gets `event: reset`.', schema: { type: 'string' } },
    AcceptLanguage: { name: 'Accept-Language', in: 'header', required: false, description: 'The language of problem `title` and `detail` (when the server can).', schema: { type: 'string' } },
  };
  registry.use(Config); // Id is registered through Me below; this keeps Config first-class too.

  const etagHeaders = { ETag: ref('headers', 'ETag') };
  const tag = (name: string) => [name];

  const paths: Record<string, JsonObject> = {
    '/v1/config': {
      get: {
        operationId: 'getConfig', tags: tag('config'), security: [],
        summary: 'The municipality\'s settings (public)',
        description: 'What the widgets show before anyone logs in. Cacheable; send `If-None-Match` to revalidate.',
        parameters: [ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The configuration.', headers: etagHeaders, content: json(Config) },
          304: ref('responses', 'NotModified'),
        }, []),
      },
    },
    '/v1/me': {
      get: {
        operationId: 'getMe', tags: tag('me'),
        summary: 'The authenticated user',
        parameters: [ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The user, with an `ETag` for `PUT /v1/me/preferences`.', headers: etagHeaders, content: json(Me) },
          304: ref('responses', 'NotModified'),
        }, ['Unauthenticated']),
      },
    },
    '/v1/me/preferences': {
      put: {
        operationId: 'putPreferences', tags: tag('me'),
        summary: 'Replace the user\'s preferences',
        description: 'Needs `If-Match` with the `ETag` of `GET /v1/me`. Answers the new `/v1/me` document and its new `ETag`.',
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: { required: true, content: json(PreferencesUpdate) },
        responses: responsesWithProblems({
          200: { description: 'The updated user.', headers: etagHeaders, content: json(Me) },
        }, ['BadRequest', 'Unauthenticated', 'EtagMismatch', 'PayloadTooLarge', 'UnsupportedMediaType', 'PreconditionRequired']),
      },
    },
    '/v1/notifications': {
      get: {
        operationId: 'listNotifications', tags: tag('notifications'),
        summary: 'The citizen\'s notifications, newest first',
        parameters: [ref('parameters', 'Limit'), ref('parameters', 'Cursor')],
        responses: responsesWithProblems({
          200: { description: 'A page of notifications.', content: json(NotificationPage) },
        }, ['BadRequestOrCursor', 'Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/notifications/{id}': {
      get: {
        operationId: 'getNotification', tags: tag('notifications'),
        summary: 'One of the citizen\'s notifications',
        parameters: [ref('parameters', 'NotificationId')],
        responses: responsesWithProblems({
          200: { description: 'The notification.', content: json(Notification) },
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/notifications/{id}/read': {
      post: {
        operationId: 'markNotificationRead', tags: tag('notifications'),
        summary: 'Mark a notification read',
        description: 'No body. Repeating it is harmless: `readAt` keeps the time of the first call.',
        parameters: [ref('parameters', 'NotificationId')],
        responses: responsesWithProblems({
          200: { description: 'The notification.', content: json(Notification) },
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/citizens/{citizenId}/notifications': {
      post: {
        operationId: 'createNotification', tags: tag('notifications'),
        summary: 'Send a notification to an assigned citizen (caseworker)',
        description: 'Publishes `notification.created` to the citizen\'s event stream. `404` for a citizen not assigned to the caseworker.',
        parameters: [ref('parameters', 'CitizenId'), ref('parameters', 'IdempotencyKey')],
        requestBody: { required: true, content: json(NotificationCreate) },
        responses: responsesWithProblems({
          201: {
            description: 'Created (or, with `Idempotent-Replayed: true`, the original answer to the same request).',
            headers: { 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') },
            content: json(Notification),
          },
        }, ['BadCreateRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'IdempotencyKeyInUse', 'PayloadTooLarge', 'UnsupportedMediaType', 'IdempotencyKeyReused']),
      },
    },
    '/v1/events': {
      get: {
        operationId: 'streamEvents', tags: tag('events'),
        summary: 'Live updates for the authenticated user (Server-Sent Events)',
        description: [
          `Starts with \`retry: ${String(SSE_RETRY_MS)}\`. Each event has \`id:\` (the server's sequence number, strictly increasing and the same on every instance), \`event:\` (the type) and \`data:\` (a \`LiveEvent\` as JSON).`,
          'With `Last-Event-ID` the server first sends every later event for the user, in order and none twice, then live ones; when the id is older than the server keeps events (at least 24 hours) it sends `event: reset` and the client reloads its data.',
          'A comment line `: keep-alive` comes at least every 25 seconds. Read it with `fetch` so the token never goes into a URL.',
        ].join('\n\n'),
        parameters: [ref('parameters', 'LastEventId')],
        responses: responsesWithProblems({
          200: {
            description: 'An endless `text/event-stream`; each `data:` line is a `LiveEvent`.',
            content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: registry.use(LiveEvent) } },
          },
        }, ['Unauthenticated']),
      },
    },
    ...bookingPaths(json),
    ...deskPaths(json),
    ...chatPaths(json, registry),
    ...chatConsolePaths(json),
    ...videoPaths(json, registry),
    ...cvPaths(json, registry),
    ...joblogPaths(json),
    '/v1/demo/users': {
      get: {
        operationId: 'listDemoUsers', tags: tag('demo'), security: [],
        summary: 'The fictional demo users (demo mode only)',
        description: 'Exists only when the server runs in demo mode; otherwise `404 not-found`.',
        responses: responsesWithProblems({ 200: { description: 'The demo users.', content: json(DemoUserList) } }, ['NotFound']),
      },
    },
    '/v1/demo/login': {
      post: {
        operationId: 'demoLogin', tags: tag('demo'), security: [],
        summary: 'Get a token for a demo user (demo mode only)',
        description: 'Exists only when the server runs in demo mode; otherwise `404 not-found`.',
        requestBody: { required: true, content: json(DemoLoginRequest) },
        responses: responsesWithProblems({ 200: { description: 'A token and the user.', content: json(DemoLoginResponse) } }, ['BadRequest', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
    },
    '/health/live': {
      get: {
        operationId: 'healthLive', tags: tag('health'), security: [],
        summary: 'The process runs',
        responses: { 200: { description: 'Alive.', content: json(HealthStatus) } },
      },
    },
    '/health/ready': {
      get: {
        operationId: 'healthReady', tags: tag('health'), security: [],
        summary: 'The database answers',
        responses: {
          200: { description: 'Ready.', content: json(HealthStatus) },
          503: ref('responses', 'Unavailable'),
        },
      },
    },
  };

  // Every operation takes Accept-Language for the language of problem titles.
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item) as JsonObject[]) {
      const list = (operation.parameters ?? []) as Json[];
      operation.parameters = [...list, ref('parameters', 'AcceptLanguage')];
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Jobunivers contract',
      version: CONTRACT_VERSION,
      summary: 'The HTTP contract between the <ju-*> widgets and any back end.',
      description: 'Generated from the JSON Schemas in `packages/contract`. The rules the schemas cannot say are in `docs/contract.md`: problem details, authentication, idempotency, ETags, cursors and Server-Sent Events.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '{api}', description: 'Where the host points the widgets (`api` attribute).', variables: { api: { default: 'http://127.0.0.1:8080' } } }],
    tags: [
      { name: 'config', description: 'Public municipality settings.' },
      { name: 'me', description: 'The authenticated user.' },
      { name: 'notifications', description: 'Continuous feedback from the job centre.' },
      { name: 'events', description: 'Live updates (Server-Sent Events).' },
      { name: 'booking', description: 'Self-booking (citizen side).' },
      { name: 'booking-desk', description: 'Self-booking (job-centre side): the caseworker\'s availability, bookings and requests.' },
      { name: 'chat', description: 'Live chat (citizen side). The conversation endpoints take a citizen token or, for an anonymous chat, the conversation\'s `accessToken` as the bearer token; caseworkers use them too.' },
      { name: 'chat-console', description: 'Live chat (job-centre side): the console, presence, claiming, transfer, internal notes and canned replies (caseworker tokens only).' },
      { name: 'videos', description: 'The video library: guidance videos and recorded webinars, searchable down to the sentence that is said, with playlists and the citizen\'s progress. The catalogue is public; a citizen token adds `progress`.' },
      { name: 'cv', description: 'The citizen\'s CV as a JSON Resume 1.2.1 document (our additions under `x-jobunivers`), versioned with ETags, and the consent to share a read-only copy with the job centre; the caseworker\'s read-only view of the CVs shared with them.' },
      { name: 'joblog', description: 'The citizen\'s joblog: applications and other job-search activities, one resource per entry with its own version (ETag), synced through a change feed with tombstones; the requirement the job centre agreed; the consent to share a read-only copy with the job centre; the caseworker\'s read-only view with the requirement meter\'s numbers.' },
      { name: 'demo', description: 'Demo mode only.' },
      { name: 'health', description: 'Liveness and readiness (outside `/v1`).' },
    ],
    paths,
    components: {
      schemas: sortKeys(registry.schemas),
      parameters,
      headers,
      responses,
      securitySchemes: {
        bearer: {
          type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
          description: 'A JWT minted by the host\'s back end: `sub` (user id), `role` (`citizen` | `caseworker`), `aud` (default `jobunivers`), `exp`, `iat`, and `iss` when the server is configured with one. On the `/v1/chat/conversations/{id}…` endpoints also the `accessToken` of an anonymous chat (opaque, for that conversation only).',
        },
      },
    },
    security: [{ bearer: [] }],
  };
}

/** The self-booking paths (citizen side). */
function bookingPaths(json: (schema: TSchema) => JsonObject): Record<string, JsonObject> {
  const tags = ['booking'];
  const createProblems = ['BadCreateRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType', 'IdempotencyKeyReused'];
  const created = (description: string, schema: TSchema, status = 201): JsonObject => ({
    [status]: {
      description: `${description} (or, with \`Idempotent-Replayed: true\`, the original answer to the same request).`,
      headers: { 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') },
      content: json(schema),
    },
  });
  const key = ref('parameters', 'IdempotencyKey');
  const bookingId = ref('parameters', 'BookingId');
  return {
    '/v1/booking/meeting-types': {
      get: {
        operationId: 'listMeetingTypes', tags, summary: 'The meeting types the citizen can book (citizen or caseworker)',
        description: 'Texts in the request\'s `Accept-Language` when the server has them, else Danish.',
        responses: responsesWithProblems({ 200: { description: 'The meeting types.', content: json(MeetingTypeList) } }, ['Unauthenticated']),
      },
    },
    '/v1/booking/slots': {
      get: {
        operationId: 'listSlots', tags, summary: 'Free times for a meeting type',
        description: 'Free times of the caseworkers who may meet this citizen, from availability minus bookings minus live holds (the citizen\'s own hold stays visible to them). `to - from` is at most 62 days.',
        parameters: [
          { name: 'meetingTypeId', in: 'query', required: true, schema: ref('schemas', 'Id') },
          { name: 'from', in: 'query', required: true, schema: ref('schemas', 'CalendarDate') },
          { name: 'to', in: 'query', required: true, schema: ref('schemas', 'CalendarDate') },
        ],
        responses: responsesWithProblems({ 200: { description: 'The free times.', content: json(SlotList) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/booking/holds': {
      post: {
        operationId: 'createHold', tags, summary: 'Hold a free time for a few minutes',
        description: 'A citizen has at most one live hold: a new hold releases the previous one.',
        parameters: [key],
        requestBody: { required: true, content: json(HoldCreate) },
        responses: responsesWithProblems(created('The hold', Hold), [...createProblems, 'SlotConflict']),
      },
    },
    '/v1/booking/holds/{id}': {
      delete: {
        operationId: 'releaseHold', tags, summary: 'Release a hold',
        description: 'Releasing twice (or an unknown hold) is harmless.',
        parameters: [ref('parameters', 'HoldId')],
        responses: responsesWithProblems({ 204: { description: 'Released.' } }, ['BadRequest', 'Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/booking/bookings': {
      get: {
        operationId: 'listBookings', tags, summary: 'The citizen\'s bookings',
        parameters: [
          { name: 'when', in: 'query', required: false, description: '`upcoming` (default, by `start` ascending) or `past` (descending).', schema: { type: 'string', enum: ['upcoming', 'past'], default: 'upcoming' } },
          ref('parameters', 'Limit'), ref('parameters', 'Cursor'),
        ],
        responses: responsesWithProblems({ 200: { description: 'A page of bookings.', content: json(BookingPage) } }, ['BadRequestOrCursor', 'Unauthenticated', 'Forbidden']),
      },
      post: {
        operationId: 'createBooking', tags, summary: 'Book the held time',
        description: 'The hold becomes the booking in one transaction.',
        parameters: [key],
        requestBody: { required: true, content: json(BookingCreate) },
        responses: responsesWithProblems(created('The booking', Booking), [...createProblems, 'IdempotencyKeyInUse', 'HoldExpired']),
      },
    },
    '/v1/booking/bookings/{id}': {
      get: {
        operationId: 'getBooking', tags, summary: 'One of the citizen\'s bookings',
        parameters: [bookingId],
        responses: responsesWithProblems({ 200: { description: 'The booking.', content: json(Booking) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/booking/bookings/{id}/calendar': {
      get: {
        operationId: 'getBookingCalendar', tags, summary: 'The booking as iCalendar (RFC 5545)',
        description: '`UID` `<id>@<server host>` stable per booking, `SEQUENCE` = `sequence`, `METHOD:REQUEST`, or `METHOD:CANCEL` with `STATUS:CANCELLED`; `DTSTART`/`DTEND` in UTC.',
        parameters: [bookingId],
        responses: responsesWithProblems({ 200: { description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/booking/bookings/{id}/reschedule': {
      post: {
        operationId: 'rescheduleBooking', tags, summary: 'Move a booking to a held time',
        description: 'Atomic: the old time is released only in the transaction that books the new one; if anything fails the old booking stands. `sequence` + 1.',
        parameters: [bookingId, key],
        requestBody: { required: true, content: json(BookingReschedule) },
        responses: responsesWithProblems(created('The booking', Booking, 200), [...createProblems, 'BookingCancelledConflict', 'HoldExpired']),
      },
    },
    '/v1/booking/bookings/{id}/cancel': {
      post: {
        operationId: 'cancelBooking', tags, summary: 'Cancel a booking',
        description: 'Releases the time; `status: cancelled`, `sequence` + 1. Cancelling a cancelled booking answers it unchanged.',
        parameters: [bookingId, key],
        requestBody: { required: true, content: json(BookingCancel) },
        responses: responsesWithProblems(created('The booking', Booking, 200), [...createProblems, 'IdempotencyKeyInUse']),
      },
    },
    '/v1/booking/help-requests': {
      post: {
        operationId: 'createHelpRequest', tags, summary: 'Ask the job centre for help to book',
        parameters: [key],
        requestBody: { required: true, content: json(HelpRequestCreate) },
        responses: responsesWithProblems(created('The help request', HelpRequest), [...createProblems, 'IdempotencyKeyInUse']),
      },
    },
    '/v1/booking/no-free-time-receipts': {
      post: {
        operationId: 'createNoFreeTimeReceipt', tags, summary: 'Dated proof that no time was free before the deadline',
        description: 'The deadline is the job centre\'s for the citizen; only when it has set none, the body\'s `deadline` (from the host page) is used. Without either: `400 invalid-request`.',
        parameters: [key],
        requestBody: { required: true, content: json(NoFreeTimeReceiptCreate) },
        responses: responsesWithProblems(created('The receipt', NoFreeTimeReceipt), [...createProblems, 'FreeTimesExist']),
      },
    },
  };
}

/** The self-booking paths (job-centre side, caseworker tokens only). */
function deskPaths(json: (schema: TSchema) => JsonObject): Record<string, JsonObject> {
  const tags = ['booking-desk'];
  const readProblems = ['Unauthenticated', 'Forbidden'];
  const writeProblems = ['BadCreateRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType', 'IdempotencyKeyReused'];
  const answered = (description: string, schema: TSchema, status = 200): JsonObject => ({
    [status]: {
      description: `${description} (or, with \`Idempotent-Replayed: true\`, the original answer to the same request).`,
      headers: { 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') },
      content: json(schema),
    },
  });
  const availabilityAnswer = { 200: { description: 'The caseworker\'s availability and its new `ETag`.', headers: { ETag: ref('headers', 'ETag') }, content: json(Availability) } };
  const key = ref('parameters', 'IdempotencyKey');
  const bookingId = ref('parameters', 'BookingId');
  const dateQuery = (name: string) => ({ name, in: 'query', required: true, schema: ref('schemas', 'CalendarDate') });
  return {
    '/v1/booking/desk/availability': {
      get: {
        operationId: 'getDeskAvailability', tags, summary: 'The caseworker\'s weekly rules and closed days',
        description: 'Rules sorted by weekday, start, meetingTypeId; exceptions from today on, sorted by date. Carries an `ETag` for `If-Match` on the availability writes.',
        responses: responsesWithProblems({ 200: { description: 'The availability.', headers: { ETag: ref('headers', 'ETag') }, content: json(Availability) } }, readProblems),
      },
    },
    '/v1/booking/desk/availability/rules': {
      put: {
        operationId: 'putDeskAvailabilityRules', tags, summary: 'Replace the caseworker\'s weekly rules',
        description: 'All rules in one transaction (at most 200). `400 invalid-request` with `errors[]` at `/rules/<i>/…` for start not before end, a time off the 5-minute grid, an unknown `meetingTypeId`, or two rules of one meeting type overlapping on one weekday. Existing bookings are never touched. No `Idempotency-Key`: a PUT is naturally idempotent.',
        parameters: [ref('parameters', 'IfMatchOptional')],
        requestBody: { required: true, content: json(AvailabilityRulesPut) },
        responses: responsesWithProblems(availabilityAnswer, ['BadRequest', 'Unauthenticated', 'Forbidden', 'EtagMismatch', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
    },
    '/v1/booking/desk/availability/exceptions/{date}': {
      put: {
        operationId: 'putDeskAvailabilityException', tags, summary: 'Close a day',
        description: 'No new slots on that day. Bookings already on it stay (the desk lists them as needing a move). A date before today: `400 invalid-request`.',
        parameters: [ref('parameters', 'ExceptionDate'), ref('parameters', 'IfMatchOptional')],
        requestBody: { required: true, content: json(AvailabilityExceptionPut) },
        responses: responsesWithProblems(availabilityAnswer, ['BadRequest', 'Unauthenticated', 'Forbidden', 'EtagMismatch', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
      delete: {
        operationId: 'deleteDeskAvailabilityException', tags, summary: 'Open a closed day again',
        description: 'Deleting twice (or a day that was never closed) is harmless.',
        parameters: [ref('parameters', 'ExceptionDate'), ref('parameters', 'IfMatchOptional')],
        responses: responsesWithProblems(availabilityAnswer, ['BadRequest', 'Unauthenticated', 'Forbidden', 'EtagMismatch']),
      },
    },
    '/v1/booking/desk/bookings': {
      get: {
        operationId: 'listDeskBookings', tags, summary: 'The caseworker\'s bookings starting in a date range',
        description: 'Booked and cancelled, sorted by start. `from` and `to` are local dates, both included; `to - from` is at most 42 days.',
        parameters: [dateQuery('from'), dateQuery('to')],
        responses: responsesWithProblems({ 200: { description: 'The bookings.', content: json(DeskBookingList) } }, ['BadRequest', ...readProblems]),
      },
      post: {
        operationId: 'createDeskBooking', tags, summary: 'Book a free time on behalf of an assigned citizen',
        description: 'The slot must be one of the caseworker\'s own free times (`GET /v1/booking/desk/slots`); a live hold of anyone or a booking: `409 slot-unavailable`. Decided by the same database claim as citizen bookings. `bookedBy: caseworker`, `answers: []`. Publishes `booking.changed` to the citizen.',
        parameters: [key],
        requestBody: { required: true, content: json(DeskBookingCreate) },
        responses: responsesWithProblems(answered('The booking', DeskBooking, 201), [...writeProblems, 'SlotConflict']),
      },
    },
    '/v1/booking/desk/bookings/{id}/move': {
      post: {
        operationId: 'moveDeskBooking', tags, summary: 'Move one of the caseworker\'s bookings to another of their free times',
        description: 'Atomic: the old time is released only in the transaction that claims the new one. Same id, `sequence` + 1, `changeReason` = `reason`. Publishes `booking.changed` to the citizen. `409 slot-unavailable` or `409 booking-cancelled`.',
        parameters: [bookingId, key],
        requestBody: { required: true, content: json(DeskBookingMove) },
        responses: responsesWithProblems(answered('The booking', DeskBooking), [...writeProblems, 'DeskMoveConflict']),
      },
    },
    '/v1/booking/desk/bookings/{id}/cancel': {
      post: {
        operationId: 'cancelDeskBooking', tags, summary: 'Cancel one of the caseworker\'s bookings',
        description: 'Releases the time; `status: cancelled`, `cancelledBy: caseworker`, `cancelReason` = `reason`, `sequence` + 1. Cancelling a cancelled booking answers it unchanged. Publishes `booking.changed` to the citizen.',
        parameters: [bookingId, key],
        requestBody: { required: true, content: json(DeskBookingCancel) },
        responses: responsesWithProblems(answered('The booking', DeskBooking), [...writeProblems, 'IdempotencyKeyInUse']),
      },
    },
    '/v1/booking/desk/citizens': {
      get: {
        operationId: 'listDeskCitizens', tags, summary: 'The citizens assigned to the caseworker',
        description: 'Sorted by first name, with each citizen\'s booking deadline.',
        responses: responsesWithProblems({ 200: { description: 'The citizens.', content: json(DeskCitizenList) } }, readProblems),
      },
    },
    '/v1/booking/desk/slots': {
      get: {
        operationId: 'listDeskSlots', tags, summary: 'The caseworker\'s free times for one assigned citizen',
        description: 'Same shape as the citizen\'s `SlotList` (with the citizen\'s deadline), but only this caseworker\'s times, and a time anyone holds is not free. `to - from` is at most 62 days. A citizen not assigned to the caseworker: `404`.',
        parameters: [{ name: 'citizenId', in: 'query', required: true, schema: ref('schemas', 'Id') }, { name: 'meetingTypeId', in: 'query', required: true, schema: ref('schemas', 'Id') }, dateQuery('from'), dateQuery('to')],
        responses: responsesWithProblems({ 200: { description: 'The free times.', content: json(SlotList) } }, ['BadRequest', ...readProblems, 'NotFound']),
      },
    },
    '/v1/booking/desk/requests': {
      get: {
        operationId: 'listDeskRequests', tags, summary: 'Help requests and no-free-time receipts of the caseworker\'s citizens',
        description: 'Newest first, at most 100 of each.',
        responses: responsesWithProblems({ 200: { description: 'The requests and receipts.', content: json(DeskRequests) } }, readProblems),
      },
    },
    '/v1/booking/desk/help-requests/{id}/handled': {
      post: {
        operationId: 'markDeskHelpRequestHandled', tags, summary: 'Mark a help request handled',
        description: 'No body. Repeating it is harmless: `handledAt` keeps the time of the first call. A help request of a citizen not assigned to the caseworker: `404`.',
        parameters: [ref('parameters', 'HelpRequestId')],
        responses: responsesWithProblems({ 200: { description: 'The help request.', content: json(DeskHelpRequest) } }, ['BadRequest', ...readProblems, 'NotFound']),
      },
    },
  };
}

/** The live-chat paths (citizen side; the conversation endpoints are shared with caseworkers). */
function chatPaths(json: (schema: TSchema) => JsonObject, registry: SchemaRegistry): Record<string, JsonObject> {
  const tags = ['chat'];
  const id = ref('parameters', 'ConversationId');
  const reading = ['BadRequest', 'Unauthenticated', 'NotFound'];
  const writing = ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType'];
  const conversation = (description: string): JsonObject => ({ 200: { description, content: json(Conversation) } });
  const session = (description: string): JsonObject => ({
    description: `${description} (or, with \`Idempotent-Replayed: true\`, the answer to the same request again; an anonymous replay carries a working \`accessToken\`, which may be a new one).`,
    headers: { 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') },
    content: json(ConversationSession),
  });
  // OpenAPI 3.1: raw bytes are a string schema with the media type, no encoding.
  const files = Object.fromEntries(['application/pdf', 'image/png', 'image/jpeg'].map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
  return {
    '/v1/chat/status': {
      get: {
        operationId: 'getChatStatus', tags, security: [],
        summary: 'Can the citizen chat now? (public)',
        description: 'Topics, queue length, the next opening when closed, the attachment rules and the consent page. Texts in the request\'s `Accept-Language` when the server has them, else Danish. Not cached (`Cache-Control: no-store`).',
        responses: responsesWithProblems({ 200: { description: 'The status.', content: json(ChatStatus) } }, []),
      },
    },
    '/v1/chat/conversations': {
      post: {
        operationId: 'createConversation', tags, security: [{}, { bearer: [] }],
        summary: 'Start a conversation, or leave a message',
        description: [
          'With a citizen token the conversation is the citizen\'s, and a citizen has at most one `queued`/`active` conversation: a second create answers it (`200`). Without a token it is anonymous: `consent: true` is required (`400 invalid-request` at `/consent`) and the answer carries the conversation\'s `accessToken`. A caseworker token: `403 forbidden`.',
          '`mode: live` joins the queue (`409 chat-unavailable` when the chat is closed or busy); `mode: message` leaves a message (`state: left-message`), always accepted, with the first message in `message`. Publishes `chat.console-changed` to the team\'s caseworkers.',
        ].join('\n\n'),
        parameters: [ref('parameters', 'IdempotencyKey')],
        requestBody: { required: true, content: json(ConversationCreate) },
        responses: responsesWithProblems({ 201: session('The new conversation'), 200: session('The citizen\'s open conversation') }, ['BadCreateRequest', 'Unauthenticated', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType', 'IdempotencyKeyReused', 'ChatCreateConflict']),
      },
    },
    '/v1/chat/conversations/current': {
      get: {
        operationId: 'getCurrentConversation', tags,
        summary: 'The citizen\'s queued or active conversation',
        description: 'A signed-in citizen coming back (another tab, a reload) finds their open chat here. None: `404 not-found`. A caseworker: `403 forbidden`.',
        responses: responsesWithProblems({ 200: { description: 'The conversation.', headers: { ETag: ref('headers', 'ETag') }, content: json(Conversation) } }, ['Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/chat/conversations/{id}': {
      get: {
        operationId: 'getConversation', tags,
        summary: 'One conversation (participants only)',
        description: 'The citizen (their token, or the conversation\'s `accessToken`) and caseworkers who may see it. Anyone else: `404 not-found` (never a hint that it exists). The messages come on the conversation\'s stream.',
        parameters: [id, ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The conversation, with an `ETag`.', headers: { ETag: ref('headers', 'ETag') }, content: json(Conversation) },
          304: ref('responses', 'NotModified'),
        }, reading),
      },
    },
    '/v1/chat/conversations/{id}/events': {
      get: {
        operationId: 'streamConversation', tags,
        summary: 'The conversation\'s live stream (Server-Sent Events)',
        description: [
          'Every event\'s `id:` is the conversation\'s sequence number: strictly increasing, with gaps where an item is hidden from the reader. `Last-Event-ID: 0` (or none) sends the whole conversation first; a later id sends exactly the events after it, in order and none twice, then live ones. An id the server does not know (above `lastSeq`, or not a number) gets `event: reset` whose id is the reader\'s `lastSeq`: reload the conversation and continue from there.',
          '`chat.note` reaches caseworker streams only. `chat.typing` is ephemeral: it has no `id:` and is never replayed. A comment line `: keep-alive` comes at least every 25 seconds.',
        ].join('\n\n'),
        parameters: [id, ref('parameters', 'ChatLastEventId')],
        responses: responsesWithProblems({
          200: {
            description: 'An endless `text/event-stream`; each `data:` line is a `ChatEvent` (or a `ResetEvent`).',
            content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: { anyOf: [registry.use(ChatEvent), registry.use(ResetEvent)] } } },
          },
        }, reading),
      },
    },
    '/v1/chat/conversations/{id}/messages': {
      post: {
        operationId: 'sendChatMessage', tags,
        summary: 'Send a message (retry-safe by its client id)',
        description: 'The message `id` is generated by the client before the first attempt, so a retry never makes a second message: the same `id` and text answers the stored message (`200`); the same `id` with another text is `409 message-id-reused`. A closed conversation: `409 conversation-closed`. A caseworker writes only in a conversation they have claimed (`403 forbidden` otherwise). Too many messages in a short time: `429` with `Retry-After`. No `Idempotency-Key` is needed.',
        parameters: [id],
        requestBody: { required: true, content: json(ChatMessageCreate) },
        responses: responsesWithProblems({
          201: { description: 'The new message (also on the stream as `chat.message`).', content: json(ChatMessage) },
          200: { description: 'The message stored before under this `id` (a retry).', content: json(ChatMessage) },
        }, [...writing, 'MessageConflict']),
      },
    },
    '/v1/chat/conversations/{id}/read': {
      post: {
        operationId: 'markChatRead', tags,
        summary: 'Mark the other side\'s messages read',
        description: 'Up to and including `through`; a lower value than before changes nothing. Publishes `chat.read` when it moves.',
        parameters: [id],
        requestBody: { required: true, content: json(ChatReadCreate) },
        responses: responsesWithProblems({ 204: { description: 'Marked.' } }, writing),
      },
    },
    '/v1/chat/conversations/{id}/typing': {
      post: {
        operationId: 'signalChatTyping', tags,
        summary: 'The sender is typing',
        description: 'No body. The other side gets `chat.typing` (without an id; at most one per 3 seconds per side, more are dropped).',
        parameters: [id],
        responses: responsesWithProblems({ 204: { description: 'Sent (or dropped by the throttle).' } }, reading),
      },
    },
    '/v1/chat/conversations/{id}/close': {
      post: {
        operationId: 'closeConversation', tags,
        summary: 'End the conversation (either side)',
        description: 'The citizen, or the caseworker who has it (a queued or left message: any caseworker of the team). Closing a closed conversation answers it unchanged. Publishes `chat.state` and `chat.console-changed`.',
        parameters: [id],
        responses: responsesWithProblems(conversation('The closed conversation.'), ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/chat/conversations/{id}/rating': {
      put: {
        operationId: 'rateConversation', tags,
        summary: 'Rate the conversation (citizen, after close)',
        description: 'Replaces an earlier rating. Before the conversation is closed: `400 invalid-request`. A caseworker: `403 forbidden`.',
        parameters: [id],
        requestBody: { required: true, content: json(ChatRatingCreate) },
        responses: responsesWithProblems(conversation('The conversation with its rating.'), writing),
      },
    },
    '/v1/chat/conversations/{id}/transcript': {
      get: {
        operationId: 'getChatTranscript', tags,
        summary: 'The conversation as a text file',
        description: 'The messages as the citizen saw them (never the notes), with times in Europe/Copenhagen, as a download.',
        parameters: [id],
        responses: responsesWithProblems({
          200: { description: 'The transcript.', headers: { 'Content-Disposition': ref('headers', 'Content-Disposition') }, content: { 'text/plain': { schema: { type: 'string' } } } },
        }, reading),
      },
    },
    '/v1/chat/conversations/{id}/attachments': {
      post: {
        operationId: 'uploadChatAttachment', tags,
        summary: 'Upload a file to send with a message',
        description: 'The raw file is the body, with its own `Content-Type` (one of `attachments.types` of `GET /v1/chat/status`) and `Content-Disposition: attachment; filename*=UTF-8\'\'<name>`. The server reads the file: when its content is not what the `Content-Type` says, `415 unsupported-media-type`. Larger than `attachments.maxBytes`: `413`. Then send a message with `attachmentId`. A closed conversation: `409 conversation-closed`.',
        parameters: [id, { name: 'Content-Disposition', in: 'header', required: false, description: '`attachment; filename*=UTF-8\'\'<percent-encoded name>` (the name shown to the other side).', schema: { type: 'string' } }],
        requestBody: { required: true, content: files },
        responses: responsesWithProblems({ 201: { description: 'The stored file.', content: json(ChatAttachment) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'ConversationClosed', 'AttachmentTooLarge', 'AttachmentType']),
      },
    },
    '/v1/chat/conversations/{id}/attachments/{attachmentId}': {
      get: {
        operationId: 'downloadChatAttachment', tags,
        summary: 'Download a file of the conversation (participants only)',
        description: 'Always a download (`Content-Disposition: attachment`) with `X-Content-Type-Options: nosniff`, so a browser never renders or runs it. Anyone outside the conversation: `404 not-found`.',
        parameters: [id, ref('parameters', 'AttachmentId')],
        responses: responsesWithProblems({
          200: {
            description: 'The file.',
            headers: { 'Content-Disposition': ref('headers', 'Content-Disposition'), 'X-Content-Type-Options': ref('headers', 'X-Content-Type-Options') },
            content: files,
          },
        }, reading),
      },
    },
  };
}

/** The video library paths: the public catalogue (a citizen token adds progress) and the citizen's progress. */
function videoPaths(json: (schema: TSchema) => JsonObject, registry: SchemaRegistry): Record<string, JsonObject> {
  const tags = ['videos'];
  const optionalToken: Json[] = [{}, { bearer: [] }];
  const plain = (schema: TSchema): JsonObject => JSON.parse(JSON.stringify(schema)) as JsonObject;
  const query = (name: keyof typeof VideoQuery.properties, description: string, schema: JsonObject): JsonObject => ({ name, in: 'query', required: false, description, schema });
  const videoId: JsonObject = { name: 'id', in: 'path', required: true, description: 'The video\'s id.', schema: ref('schemas', 'Id') };
  const languageNote = 'Titles, descriptions and labels in the request\'s `Accept-Language` when the catalogue has them, else Danish.';
  const tokenNote = 'Public: no token needed. With a citizen token every video carries the citizen\'s `progress` (`null` otherwise); an invalid token is `401` as everywhere.';
  return {
    '/v1/videos': {
      get: {
        operationId: 'listVideos', tags, security: optionalToken,
        summary: 'The catalogue: search and filter (public)',
        description: [
          `Without \`q\`: newest first (\`publishedAt\`), \`matches\` empty. With \`q\`: titles, descriptions and every caption cue are searched with stemming (Danish: "udfylder" finds "udfylde" and "udfyldt"); any of the words may match, stop words ("jeg", "og") never match on their own, and videos where more (and rarer) words occur come first. Each item then carries up to 5 \`matches\`, best first: a \`transcript\` match has \`start\`/\`end\` (play from \`start\` to land on the sentence) and \`marks\` (UTF-16 ranges of the matching words in \`text\`).`,
          `Filters combine with AND, also with \`q\`. Cursor pages: pass \`nextCursor\` back as is with the same filters. ${languageNote} ${tokenNote}`,
          'Media and track URLs in answers are absolute or relative to the API base (`media/videos/<id>/video.mp4`). The reference server serves them at `/media/videos/…` with HTTP range requests (`206` + `Content-Range`, `416` past the end), `X-Content-Type-Options: nosniff`, caching, and `Access-Control-Allow-Origin: *`; WebVTT as `text/vtt; charset=utf-8`.',
        ].join('\n\n'),
        parameters: [
          query('q', 'Search words (1–200 characters).', plain(VideoQuery.properties.q)),
          query('topic', 'A topic id (from `GET /v1/videos/filters`).', ref('schemas', 'Id')),
          query('targetGroup', 'A target group id, e.g. `dagpenge`.', ref('schemas', 'Id')),
          query('language', 'The spoken language.', registry.use(LanguageCode)),
          query('length', 'A length band.', registry.use(VideoLength)),
          query('kind', '`guide` or `webinar`.', registry.use(VideoKind)),
          ref('parameters', 'Limit'),
          ref('parameters', 'Cursor'),
        ],
        responses: responsesWithProblems({ 200: { description: 'A page of videos.', content: json(VideoPage) } }, ['BadRequestOrCursor', 'Unauthenticated']),
      },
    },
    '/v1/videos/filters': {
      get: {
        operationId: 'getVideoFilters', tags, security: [],
        summary: 'What the catalogue can be filtered by, with counts (public)',
        description: `Only values that occur, with the number of videos each. ${languageNote}`,
        responses: responsesWithProblems({ 200: { description: 'The facets.', content: json(VideoFilters) } }, []),
      },
    },
    '/v1/videos/{id}': {
      get: {
        operationId: 'getVideo', tags, security: optionalToken,
        summary: 'One video with everything a player needs (public)',
        description: `Renditions (standard, small, audio; with sizes), WebVTT tracks (captions, chapters, descriptions) and ready-made transcripts. An unknown id: \`404 not-found\`. ${languageNote} ${tokenNote}`,
        parameters: [videoId],
        responses: responsesWithProblems({ 200: { description: 'The video.', content: json(Video) } }, ['BadRequest', 'Unauthenticated', 'NotFound']),
      },
    },
    '/v1/videos/{id}/progress': {
      put: {
        operationId: 'putVideoProgress', tags,
        summary: 'Save where the citizen is and what they have seen (citizen)',
        description: [
          '`position` replaces the stored one (clipped to the duration). `watched` is merged as a union with the stored ranges (clipped to `[0, duration]`, sorted, touching and overlapping ranges joined), so a retry, an out-of-order write or two devices writing at once never lose watched seconds; no `Idempotency-Key` is needed.',
          '`completed` becomes true when it was true, when the body says `completed: true` (e.g. the whole transcript was read), or when `watchedSeconds` ≥ 90 % of the duration; it never goes back, and `completedAt` is set once.',
          'A range with `end < start`, a negative number or more than 1000 ranges: `400 invalid-request` pointing at the range. No token: `401`; a caseworker: `403 forbidden`; an unknown video: `404 not-found`.',
        ].join('\n\n'),
        parameters: [videoId],
        requestBody: { required: true, content: json(VideoProgressUpdate) },
        responses: responsesWithProblems({ 200: { description: 'The stored progress.', content: json(VideoProgress) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
    },
    '/v1/me/video-progress': {
      get: {
        operationId: 'listVideoProgress', tags,
        summary: 'Everything the citizen has started or completed (citizen)',
        description: 'Most recently updated first ("continue watching"). A caseworker: `403 forbidden`.',
        responses: responsesWithProblems({ 200: { description: 'The progress.', content: json(VideoProgressList) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/video-playlists': {
      get: {
        operationId: 'listVideoPlaylists', tags, security: optionalToken,
        summary: 'Learning paths the job centre recommends (public)',
        description: `Each playlist lists its videos in order; with a citizen token \`completed\` counts the ones the citizen has completed ("2 af 5 set"). ${languageNote} ${tokenNote}`,
        responses: responsesWithProblems({ 200: { description: 'The playlists.', content: json(PlaylistList) } }, ['Unauthenticated']),
      },
    },
    '/v1/video-playlists/{id}': {
      get: {
        operationId: 'getVideoPlaylist', tags, security: optionalToken,
        summary: 'One playlist (public)',
        description: `An unknown id: \`404 not-found\`. ${languageNote} ${tokenNote}`,
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The playlist\'s id.', schema: ref('schemas', 'Id') }],
        responses: responsesWithProblems({ 200: { description: 'The playlist.', content: json(Playlist) } }, ['BadRequest', 'Unauthenticated', 'NotFound']),
      },
    },
  };
}

/** The CV paths: the citizen's own CV and its sharing, and the caseworker's read-only view of shared CVs. */
function cvPaths(json: (schema: TSchema) => JsonObject, registry: SchemaRegistry): Record<string, JsonObject> {
  const tags = ['cv'];
  const etagHeaders = { ETag: ref('headers', 'ETag') };
  const citizenId: JsonObject = { name: 'citizenId', in: 'path', required: true, description: 'The citizen\'s id (from `GET /v1/cvs`).', schema: ref('schemas', 'Id') };
  const ifMatch: JsonObject = { name: 'If-Match', in: 'header', required: false, description: 'Update: the `ETag` you read, `"<version>"`. Stale: `412 etag-mismatch` and nothing changes. Send this or `If-None-Match: *`.', schema: registry.use(ETag) };
  const ifNoneMatchStar: JsonObject = { name: 'If-None-Match', in: 'header', required: false, description: 'Create: `*` (only if the citizen has no CV yet; when one exists: `412 etag-mismatch`). Send this or `If-Match`.', schema: { type: 'string', enum: ['*'] } };
  return {
    '/v1/me/cv': {
      get: {
        operationId: 'getMyCv', tags,
        summary: 'The citizen\'s CV (citizen)',
        description: 'The document exactly as it was last stored, with its `ETag`. No CV yet: `404 not-found`. A caseworker: `403 forbidden`.',
        parameters: [ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The CV.', headers: etagHeaders, content: json(JsonResume) },
          304: ref('responses', 'NotModified'),
        }, ['Unauthenticated', 'Forbidden', 'NotFound']),
      },
      put: {
        operationId: 'putMyCv', tags,
        summary: 'Create or replace the citizen\'s CV (citizen)',
        description: [
          'The body is the whole JSON Resume document; it replaces the stored one and is answered exactly as stored (every unknown field and `x-jobunivers` unchanged).',
          'Exactly one precondition: `If-None-Match: *` creates the first CV (`412 etag-mismatch` when one exists), `If-Match: "<version>"` replaces that version (`412 etag-mismatch` when another device saved in between — the database decides, so of two writes with the same `If-Match` exactly one succeeds). Neither: `428 precondition-required`.',
          `A standard field of the wrong type, or a date not \`YYYY\`, \`YYYY-MM\` or \`YYYY-MM-DD\`: \`400 invalid-request\` with pointers such as \`/work/0/startDate\`. Bodies up to ${String(CV_MAX_BYTES / 1024)} KiB; larger: \`413 payload-too-large\`. No \`Idempotency-Key\`: a retried PUT with the old \`If-Match\` answers 412, and the client compares the current document with its own.`,
        ].join('\n\n'),
        parameters: [ifMatch, ifNoneMatchStar],
        requestBody: { required: true, content: json(JsonResume) },
        responses: responsesWithProblems({
          200: { description: 'The stored CV and its new `ETag`.', headers: etagHeaders, content: json(JsonResume) },
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'CvEtagMismatch', 'CvPayloadTooLarge', 'UnsupportedMediaType', 'CvPreconditionRequired']),
      },
      delete: {
        operationId: 'deleteMyCv', tags,
        summary: 'Delete the citizen\'s CV and its sharing (citizen)',
        description: 'Deleting removes the stored CV and withdraws any sharing (the job centre no longer sees it). Deleting when there is none is harmless. With `If-Match`, only that version is deleted (stale: `412 etag-mismatch`).',
        parameters: [ref('parameters', 'IfMatchOptional')],
        responses: responsesWithProblems({ 204: { description: 'Deleted (or there was none).' } }, ['Unauthenticated', 'Forbidden', 'EtagMismatch']),
      },
    },
    '/v1/me/cv/share': {
      get: {
        operationId: 'getMyCvShare', tags,
        summary: 'Whether the citizen shares the CV with the job centre (citizen)',
        description: 'Without a CV: `{ "shared": false, "sharedAt": null }`.',
        responses: responsesWithProblems({ 200: { description: 'The sharing.', content: json(CvShare) } }, ['Unauthenticated', 'Forbidden']),
      },
      put: {
        operationId: 'shareMyCv', tags,
        summary: 'Share a read-only copy with the job centre (citizen\'s consent)',
        description: 'The citizen\'s caseworkers then see the CV as it is stored, every later save included, until the citizen withdraws the consent or deletes the CV. Sharing again keeps the first `sharedAt`. No CV yet: `404 not-found` (save it first).',
        requestBody: { required: true, content: json(CvShareConsent) },
        responses: responsesWithProblems({ 200: { description: 'Shared.', content: json(CvShare) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
      delete: {
        operationId: 'unshareMyCv', tags,
        summary: 'Withdraw the consent: the job centre no longer sees the CV (citizen)',
        description: 'At once: `GET /v1/cvs/{citizenId}` answers `404` from then on. Withdrawing when not shared (or without a CV) is harmless.',
        responses: responsesWithProblems({ 200: { description: 'Not shared.', content: json(CvShare) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/cvs': {
      get: {
        operationId: 'listSharedCvs', tags,
        summary: 'The CVs shared with the job centre by the caseworker\'s citizens (caseworker)',
        description: 'Only citizens assigned to the caseworker who share their CV now, most recently updated first. A citizen: `403 forbidden`.',
        responses: responsesWithProblems({ 200: { description: 'The shared CVs.', content: json(SharedCvList) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/cvs/{citizenId}': {
      get: {
        operationId: 'getSharedCv', tags,
        summary: 'A shared CV, read-only (caseworker)',
        description: 'The CV as the citizen stored it, with its `ETag`. `404 not-found` when the citizen is not assigned to the caseworker, has no CV, or does not share it (or withdrew the consent). A citizen: `403 forbidden`.',
        parameters: [citizenId, ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The CV.', headers: etagHeaders, content: json(JsonResume) },
          304: ref('responses', 'NotModified'),
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
  };
}

/** The joblog paths: the citizen's entries (change feed, per-entry writes), requirement and sharing; the caseworker's view. */
function joblogPaths(json: (schema: TSchema) => JsonObject): Record<string, JsonObject> {
  const tags = ['joblog'];
  const etagHeaders = { ETag: ref('headers', 'ETag') };
  const plain = (schema: TSchema): JsonObject => JSON.parse(JSON.stringify(schema)) as JsonObject;
  const entryId: JsonObject = { name: 'id', in: 'path', required: true, description: 'The entry\'s id (the client makes it, a UUID; unique per citizen).', schema: ref('schemas', 'Id') };
  const citizenId: JsonObject = { name: 'citizenId', in: 'path', required: true, description: 'The citizen\'s id (from `GET /v1/joblogs`).', schema: ref('schemas', 'Id') };
  const limit: JsonObject = { name: 'limit', in: 'query', required: false, description: `Changes per page, 1–${String(JOBLOG_FEED_LIMIT.max)} (default ${String(JOBLOG_FEED_LIMIT.default)}).`, schema: plain(JoblogFeedQuery.properties.limit) };
  const since: JsonObject = { name: 'since', in: 'query', required: false, description: 'The `nextCursor` of an earlier page, as is. Without it: from the beginning (the whole joblog).', schema: plain(JoblogFeedQuery.properties.since) };
  const cursor: JsonObject = { name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of an earlier page, as is. Without it: from the beginning.', schema: plain(SharedJoblogQuery.properties.cursor) };
  const ifMatchEntry: JsonObject = { name: 'If-Match', in: 'header', required: false, description: 'Replace: the entry\'s `ETag`, `"<version>"` (`*`: whatever version is live). Stale: `412 etag-mismatch` with `current`. Send this or `If-None-Match: *`.', schema: { type: 'string' } };
  const ifNoneMatchStar: JsonObject = { name: 'If-None-Match', in: 'header', required: false, description: 'Create: `*` (a new id, or one whose entry was deleted). When the entry exists with other content: `412 etag-mismatch` with `current`. Send this or `If-Match`.', schema: { type: 'string', enum: ['*'] } };
  const feedDescription = [
    'A page of the change feed: every entry created, changed or deleted after the cursor, **each id once, as it is now, in the order of its last change**; a deleted entry is a tombstone `{ "id", "deleted": true, "version" }`.',
    'Start without a cursor and follow `nextCursor` until `hasMore` is `false`: that is the whole joblog. Keep the last `nextCursor` (it is never `null`) and ask with it later: the answer is exactly what changed since. The feed never skips a change, also one that was being saved while a page was read (servers order each citizen\'s changes in the database), and never gives the same version twice.',
    '`invalid-cursor` when the cursor was not issued by this server.',
  ].join('\n\n');
  return {
    '/v1/me/joblog/entries': {
      get: {
        operationId: 'getMyJoblogChanges', tags,
        summary: 'The citizen\'s joblog as a change feed (citizen)',
        description: feedDescription,
        parameters: [since, limit],
        responses: responsesWithProblems({ 200: { description: 'A page of changes.', content: json(JoblogFeed) } }, ['BadRequestOrCursor', 'Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/me/joblog/entries/{id}': {
      get: {
        operationId: 'getMyJoblogEntry', tags,
        summary: 'One entry (citizen)',
        description: 'The entry as stored, with its `ETag`; `If-None-Match` with it → `304`. Unknown or deleted: `404 not-found`.',
        parameters: [entryId, ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The entry.', headers: etagHeaders, content: json(JoblogEntry) },
          304: ref('responses', 'NotModified'),
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
      put: {
        operationId: 'putMyJoblogEntry', tags,
        summary: 'Create or replace one entry (citizen)',
        description: [
          'The body is the whole entry (`id` equal to the path\'s); it replaces the stored one and is answered as stored, with `version` and the `ETag`.',
          'Exactly one precondition: `If-None-Match: *` creates (a new id, or one that was deleted: it gets the next version), `If-Match: "<version>"` replaces that version. The database decides, so of two writes with the same `If-Match` exactly one succeeds. Neither: `428 precondition-required`; both: `400`.',
          '`412 etag-mismatch` carries `current`, the server\'s copy. **A retry is answered as done**: when the entry already is exactly the body (the first attempt was saved but its answer lost), the answer is `200` with the current version, nothing is written and the feed gets no change.',
          `Each field is checked (enums, lengths, \`YYYY-MM-DD\` dates that exist, \`http(s)\` links or empty, \`hoursPerWeek\` 0–80 or \`null\`, at most ${String(JOBLOG_LIMITS.history)} history items, notes up to ${String(JOBLOG_LIMITS.notes)} characters); unknown fields are \`400\`. A joblog holds at most ${JOBLOG_MAX_ENTRIES.toLocaleString('en')} entries.`,
        ].join('\n\n'),
        parameters: [entryId, ifMatchEntry, ifNoneMatchStar],
        requestBody: { required: true, content: json(JoblogEntryBody) },
        responses: responsesWithProblems({
          200: { description: 'The stored entry and its `ETag`.', headers: etagHeaders, content: json(JoblogEntry) },
        }, ['JoblogBadRequest', 'Unauthenticated', 'Forbidden', 'JoblogEtagMismatch', 'PayloadTooLarge', 'UnsupportedMediaType', 'JoblogPreconditionRequired']),
      },
      delete: {
        operationId: 'deleteMyJoblogEntry', tags,
        summary: 'Delete one entry (citizen)',
        description: 'Needs `If-Match: "<version>"` (`428` without). The entry becomes a tombstone in the feed with the next version; nothing of its content is kept. Stale: `412 etag-mismatch` with `current`. An entry that is deleted already (or never existed): `204`, nothing changes.',
        parameters: [entryId, { ...ifMatchEntry, required: true, description: 'The entry\'s `ETag` (`*`: whatever version is live). Stale: `412 etag-mismatch` with `current`.' }],
        responses: responsesWithProblems({ 204: { description: 'Deleted (or gone already).' } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'JoblogEtagMismatch', 'JoblogPreconditionRequired']),
      },
    },
    '/v1/me/joblog/requirement': {
      get: {
        operationId: 'getMyJoblogRequirement', tags,
        summary: 'The requirement the job centre agreed with the citizen (citizen)',
        description: 'With its `ETag` (`If-None-Match` → `304`). None agreed: `404 not-found` (a widget then uses what the host page sets, or shows no meter).',
        parameters: [ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The requirement.', headers: etagHeaders, content: json(JoblogRequirement) },
          304: ref('responses', 'NotModified'),
        }, ['Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/me/joblog/share': {
      get: {
        operationId: 'getMyJoblogShare', tags,
        summary: 'Whether the citizen shares the joblog with the job centre (citizen)',
        responses: responsesWithProblems({ 200: { description: 'The sharing.', content: json(JoblogShare) } }, ['Unauthenticated', 'Forbidden']),
      },
      put: {
        operationId: 'shareMyJoblog', tags,
        summary: 'Share a read-only copy with the job centre (citizen\'s consent)',
        description: 'The citizen\'s caseworkers then see the joblog as it is stored, every later change included, until the citizen withdraws the consent. An empty joblog may be shared. Sharing again keeps the first `sharedAt`.',
        requestBody: { required: true, content: json(JoblogShareConsent) },
        responses: responsesWithProblems({ 200: { description: 'Shared.', content: json(JoblogShare) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
      delete: {
        operationId: 'unshareMyJoblog', tags,
        summary: 'Withdraw the consent: the job centre no longer sees the joblog (citizen)',
        description: 'At once: `GET /v1/joblogs/{citizenId}/entries` answers `404` and the citizen is no longer listed. Withdrawing when not shared is harmless; the joblog itself stays.',
        responses: responsesWithProblems({ 200: { description: 'Not shared.', content: json(JoblogShare) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/joblogs': {
      get: {
        operationId: 'listSharedJoblogs', tags,
        summary: 'The joblogs shared with the job centre by the caseworker\'s citizens (caseworker)',
        description: 'Only citizens assigned to the caseworker who share their joblog now, most recently changed first, each with the requirement meter\'s numbers: entries that count this ISO week (Europe/Copenhagen) and the average per week over the requirement\'s window (see `SharedJoblog`). A citizen: `403 forbidden`.',
        responses: responsesWithProblems({ 200: { description: 'The shared joblogs.', content: json(SharedJoblogList) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/joblogs/{citizenId}/entries': {
      get: {
        operationId: 'getSharedJoblogChanges', tags,
        summary: 'A shared joblog, read-only, as a change feed (caseworker)',
        description: `The same feed as the citizen's \`GET /v1/me/joblog/entries\`, paged with \`cursor\`. \`404 not-found\` when the citizen is not assigned to the caseworker or does not share the joblog (or withdrew the consent). A citizen: \`403 forbidden\`.\n\n${feedDescription}`,
        parameters: [citizenId, cursor, limit],
        responses: responsesWithProblems({ 200: { description: 'A page of changes.', content: json(JoblogFeed) } }, ['BadRequestOrCursor', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
    '/v1/joblogs/{citizenId}/requirement': {
      get: {
        operationId: 'getJoblogRequirement', tags,
        summary: 'A citizen\'s requirement (caseworker)',
        description: 'For a citizen assigned to the caseworker, shared or not. None agreed, or not assigned: `404 not-found`.',
        parameters: [citizenId, ref('parameters', 'IfNoneMatch')],
        responses: responsesWithProblems({
          200: { description: 'The requirement.', headers: etagHeaders, content: json(JoblogRequirement) },
          304: ref('responses', 'NotModified'),
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
      put: {
        operationId: 'putJoblogRequirement', tags,
        summary: 'Agree a requirement with an assigned citizen (caseworker)',
        description: 'Sets or replaces the requirement: applications per week, part-time scale, the window of the average, exempt weeks (`YYYY-Www` with a reason) and whether activities count. The citizen reads it at `GET /v1/me/joblog/requirement`. Not assigned: `404`. Send `If-Match` with the ETag you read to replace it, or `If-None-Match: *` to agree the first one (when one exists already — a colleague was quicker — `412 etag-mismatch` and nothing changes); both at once: `400`. With neither, the write applies to whatever is current.',
        parameters: [citizenId, ref('parameters', 'IfMatchOptional'), { name: 'If-None-Match', in: 'header', required: false, description: '`*`: save only when no requirement is agreed yet; otherwise `412 etag-mismatch`.', schema: { type: 'string', enum: ['*'] } }],
        requestBody: { required: true, content: json(JoblogRequirement) },
        responses: responsesWithProblems({
          200: { description: 'The stored requirement and its `ETag`.', headers: etagHeaders, content: json(JoblogRequirement) },
        }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'EtagMismatch', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
      delete: {
        operationId: 'deleteJoblogRequirement', tags,
        summary: 'End the agreed requirement (caseworker)',
        description: 'The citizen then has none (`404` at `GET /v1/me/joblog/requirement`). Harmless when there is none. Not assigned: `404`.',
        parameters: [citizenId],
        responses: responsesWithProblems({ 204: { description: 'No requirement now.' } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound']),
      },
    },
  };
}

/** The live-chat console paths (caseworker tokens only). */
function chatConsolePaths(json: (schema: TSchema) => JsonObject): Record<string, JsonObject> {
  const tags = ['chat-console'];
  const id = ref('parameters', 'ConversationId');
  const writing = ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType'];
  return {
    '/v1/chat/console': {
      get: {
        operationId: 'getChatConsole', tags,
        summary: 'The caseworker\'s queue, conversations, left messages and colleagues',
        description: 'A citizen token: `403 forbidden`. Reload it when `chat.console-changed` arrives on `GET /v1/events`.',
        responses: responsesWithProblems({ 200: { description: 'The console.', content: json(ChatConsole) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
    '/v1/chat/console/presence': {
      put: {
        operationId: 'putChatPresence', tags,
        summary: 'Set presence and the number of chats at once',
        description: '`available` caseworkers are offered chats; `away` keep their own conversations and take no new ones. Publishes `chat.console-changed` to colleagues. A PUT is naturally idempotent (no `Idempotency-Key`).',
        requestBody: { required: true, content: json(ChatPresencePut) },
        responses: responsesWithProblems({ 200: { description: 'The console.', content: json(ChatConsole) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType']),
      },
    },
    '/v1/chat/conversations/{id}/claim': {
      post: {
        operationId: 'claimConversation', tags,
        summary: 'Take a queued conversation',
        description: 'No body. The database decides: when caseworkers claim at once, exactly one gets it and the others `409 already-claimed`. Claiming one you already have answers it again. At your `maxChats`: `409 chat-limit-reached`. Publishes `chat.state` (and a system message) to the conversation and `chat.console-changed` to the team.',
        parameters: [id],
        responses: responsesWithProblems({ 200: { description: 'The conversation, `active` with you as its caseworker.', content: json(Conversation) } }, ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'ClaimConflict']),
      },
    },
    '/v1/chat/conversations/{id}/transfer': {
      post: {
        operationId: 'transferConversation', tags,
        summary: 'Hand the conversation to a colleague or a team',
        description: 'Only the caseworker who has it (`403 forbidden` otherwise). To a colleague: it becomes theirs at once. To a team: back in the queue, first in line. The `note` is an internal note for the receiver; the citizen only sees that the conversation moved. A closed conversation: `409 conversation-closed`.',
        parameters: [id],
        requestBody: { required: true, content: json(ChatTransferCreate) },
        responses: responsesWithProblems({ 200: { description: 'The conversation.', content: json(Conversation) } }, [...writing, 'ConversationClosed']),
      },
    },
    '/v1/chat/conversations/{id}/notes': {
      post: {
        operationId: 'createChatNote', tags,
        summary: 'Write an internal note (never shown to the citizen)',
        description: 'Retry-safe by its client `id` like a message. Reaches caseworker streams as `chat.note`, never the citizen\'s stream or the transcript.',
        parameters: [id],
        requestBody: { required: true, content: json(ChatNoteCreate) },
        responses: responsesWithProblems({
          201: { description: 'The new note.', content: json(ChatNote) },
          200: { description: 'The note stored before under this `id`.', content: json(ChatNote) },
        }, writing),
      },
    },
    '/v1/chat/canned-replies': {
      get: {
        operationId: 'listCannedReplies', tags,
        summary: 'Prepared answers (Danish and English)',
        responses: responsesWithProblems({ 200: { description: 'The canned replies, by title.', content: json(CannedReplyList) } }, ['Unauthenticated', 'Forbidden']),
      },
    },
  };
}

function sortKeys<Value>(record: Record<string, Value>): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The document as the committed `docs/openapi.json` text: two-space indent and a final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
