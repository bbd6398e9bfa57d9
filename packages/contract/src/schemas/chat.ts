import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Id, Language } from './common.js';

// ---------------------------------------------------------------------------------------------------------
// Live chat. A conversation has its own event stream whose SSE ids are the conversation's sequence numbers
// (1, 2, 3 … with gaps where an item is hidden from the reader, e.g. internal notes from the citizen).
// Everything the server sends arrives on that stream; everything a client sends is a POST. Messages carry a
// client-generated id that is unique per conversation, so a retried POST never makes a second message.

/** A client-generated message id (a UUID, or any 8–64 characters of `[A-Za-z0-9_-]`). */
export const ChatClientId = Type.String({
  $id: 'ChatClientId',
  description: 'A message id the client generates (a UUID) before the first attempt to send; unique per conversation. A retried POST with the same id and text returns the stored message; the same id with a different text is `message-id-reused` (409).',
  minLength: 8,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  examples: ['0d6f1f1e-3c7a-4e0f-9d2b-5b6a7c8d9e0f'],
});
export type ChatClientId = Static<typeof ChatClientId>;

/** The longest message text, in characters (UTF-16 code units). */
export const CHAT_MESSAGE_MAX_LENGTH = 4000;

export const CHAT_STATES = ['queued', 'active', 'closed', 'left-message'] as const;
export const ChatState = Type.Enum(CHAT_STATES, {
  $id: 'ChatState',
  description: '`queued`: waiting for a caseworker. `active`: a caseworker has it. `closed`: ended by either side (no more messages). `left-message`: the citizen left a message outside opening hours; a caseworker answers later (the job centre replies by its usual channels).',
});
export type ChatState = Static<typeof ChatState>;

export const ChatTopic = Type.Object(
  { id: Id, label: Type.String({ minLength: 1, description: 'In the request\'s `Accept-Language` when available, else Danish.' }) },
  { $id: 'ChatTopic', description: 'What the citizen wants to talk about; routes the conversation to a team.' },
);
export type ChatTopic = Static<typeof ChatTopic>;

export const ChatStaff = Type.Object(
  {
    firstName: Type.String({ minLength: 1 }),
    team: Type.String({ minLength: 1, description: 'The team\'s display name.' }),
  },
  { $id: 'ChatStaff', description: 'A caseworker as the citizen sees them: first name and team only.' },
);
export type ChatStaff = Static<typeof ChatStaff>;

export const ChatAttachment = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200, description: 'The file name as uploaded (render as text).' }),
    type: Type.String({ description: 'The media type the server found by reading the file (never the one the client claimed).', examples: ['application/pdf'] }),
    size: Type.Integer({ minimum: 1, description: 'Bytes.' }),
  },
  { $id: 'ChatAttachment', description: 'A file in a conversation, downloadable only by its participants from `GET /v1/chat/conversations/{id}/attachments/{attachmentId}`.' },
);
export type ChatAttachment = Static<typeof ChatAttachment>;

export const Conversation = Type.Object(
  {
    id: Id,
    state: ChatState,
    topic: ChatTopic,
    createdAt: DateTime,
    closedAt: Type.Union([DateTime, Type.Null()]),
    queuePosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '1 = next in line; `null` unless `queued`.' }),
    caseworker: Type.Union([ChatStaff, Type.Null()], { description: 'Who has the conversation; `null` while queued.' }),
    lastSeq: Type.Integer({ minimum: 0, description: 'The conversation\'s newest sequence number visible to the reader.' }),
    readByStaffThrough: Type.Integer({ minimum: 0, description: 'The caseworker has read the citizen\'s messages up to this sequence number.' }),
    readByCitizenThrough: Type.Integer({ minimum: 0, description: 'The citizen has read the caseworker\'s messages up to this sequence number.' }),
    rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()], { description: 'The citizen\'s rating after close, if given.' }),
  },
  { $id: 'Conversation', description: 'A chat conversation as both sides see it (with an `ETag`).' },
);
export type Conversation = Static<typeof Conversation>;

export const CHAT_AUTHORS = ['citizen', 'caseworker', 'system'] as const;
export const ChatAuthor = Type.Enum(CHAT_AUTHORS, { $id: 'ChatAuthor', description: 'Who wrote a message. `system` lines are written by the server ("Mette har overtaget samtalen").' });
export type ChatAuthor = Static<typeof ChatAuthor>;

export const ChatMessage = Type.Object(
  {
    id: ChatClientId,
    seq: Type.Integer({ minimum: 1, description: 'The conversation sequence number (also the SSE `id:` that carried it).' }),
    author: ChatAuthor,
    caseworker: Type.Union([ChatStaff, Type.Null()], { description: 'For `caseworker` messages: who wrote it.' }),
    text: Type.String({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'Plain text. Render as text; make URLs into links only after checking them (http/https).' }),
    attachment: Type.Union([ChatAttachment, Type.Null()]),
    sentAt: DateTime,
  },
  { $id: 'ChatMessage', description: 'One message. `text` may be empty only when there is an attachment.' },
);
export type ChatMessage = Static<typeof ChatMessage>;

export const ChatNote = Type.Object(
  {
    id: ChatClientId,
    seq: Type.Integer({ minimum: 1 }),
    author: ChatStaff,
    text: Type.String({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }),
    createdAt: DateTime,
  },
  { $id: 'ChatNote', description: 'An internal note between caseworkers (also the note of a transfer). Never sent to the citizen.' },
);
export type ChatNote = Static<typeof ChatNote>;

export const ChatReadMark = Type.Object(
  {
    by: Type.Enum(['citizen', 'caseworker'] as const),
    through: Type.Integer({ minimum: 0, description: 'Read up to and including this sequence number.' }),
  },
  { $id: 'ChatReadMark', description: 'One side has read the other side\'s messages up to `through`.' },
);
export type ChatReadMark = Static<typeof ChatReadMark>;

export const ChatTyping = Type.Object(
  { by: Type.Enum(['citizen', 'caseworker'] as const) },
  { $id: 'ChatTyping', description: 'The other side is typing (at most one per 3 s per side; shown for 6 s).' },
);
export type ChatTyping = Static<typeof ChatTyping>;

// ---- Conversation stream events -------------------------------------------------------------------------

/** The event types of `GET /v1/chat/conversations/{id}/events`. */
export const CHAT_EVENT_TYPES = ['chat.message', 'chat.note', 'chat.state', 'chat.read', 'chat.typing', 'reset'] as const;
export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];

function chatEnvelope<Kind extends string, Data extends TSchema>(type: Kind, data: Data, id: string, description: string, withSeq = true) {
  return Type.Object(
    {
      ...(withSeq ? { id: Type.Integer({ minimum: 0, description: 'The conversation sequence number (also the SSE `id:`).' }) } : {}),
      type: Type.Literal(type),
      occurredAt: DateTime,
      data,
    },
    { $id: id, description },
  );
}

export const ChatMessageEvent = chatEnvelope('chat.message', ChatMessage, 'ChatMessageEvent', '`event: chat.message` — a message, from either side or the system.');
export type ChatMessageEvent = Static<typeof ChatMessageEvent>;
export const ChatNoteEvent = chatEnvelope('chat.note', ChatNote, 'ChatNoteEvent', '`event: chat.note` — an internal note (caseworker streams only).');
export type ChatNoteEvent = Static<typeof ChatNoteEvent>;
export const ChatStateEvent = chatEnvelope('chat.state', Conversation, 'ChatStateEvent', '`event: chat.state` — the conversation changed (claimed, transferred, queue position, closed, rated); `data` is the whole conversation.');
export type ChatStateEvent = Static<typeof ChatStateEvent>;
export const ChatReadEvent = chatEnvelope('chat.read', ChatReadMark, 'ChatReadEvent', '`event: chat.read` — one side read the other side\'s messages.');
export type ChatReadEvent = Static<typeof ChatReadEvent>;
export const ChatTypingEvent = chatEnvelope('chat.typing', ChatTyping, 'ChatTypingEvent', '`event: chat.typing` — ephemeral: sent without an SSE `id:` and never replayed.', false);
export type ChatTypingEvent = Static<typeof ChatTypingEvent>;

export const ChatEvent = Type.Union([ChatMessageEvent, ChatNoteEvent, ChatStateEvent, ChatReadEvent, ChatTypingEvent], {
  $id: 'ChatEvent',
  description: 'Any event of a conversation stream, discriminated by `type`. A `Last-Event-ID` the server does not know (e.g. above `lastSeq`) is answered with `event: reset` carrying the conversation\'s `lastSeq` as id: reload the conversation.',
});
export type ChatEvent = Static<typeof ChatEvent>;

// ---- Citizen side -----------------------------------------------------------------------------------------

export const ChatAttachmentRules = Type.Object(
  {
    maxBytes: Type.Integer({ minimum: 1 }),
    types: Type.Array(Type.String(), { description: 'The allowed media types (the server checks the file\'s content, not its name).' }),
  },
  { $id: 'ChatAttachmentRules', description: 'Which files may be attached.' },
);
export type ChatAttachmentRules = Static<typeof ChatAttachmentRules>;

export const ChatStatus = Type.Object(
  {
    availability: Type.Enum(['open', 'busy', 'closed'] as const, { description: '`open`: a caseworker is available (or the queue is short). `busy`: open, but nobody can take a chat now — offer "leave a message". `closed`: outside opening hours.' }),
    queueLength: Type.Integer({ minimum: 0 }),
    nextOpening: Type.Union([DateTime, Type.Null()], { description: 'When `closed`: the next time chat opens (within 14 days), else `null`.' }),
    topics: Type.Array(ChatTopic, { minItems: 1 }),
    attachments: ChatAttachmentRules,
    consentUrl: Type.String({ format: 'uri', description: 'The job centre\'s page on how chats are stored and used (shown before an anonymous chat).' }),
    retentionDays: Type.Integer({ minimum: 1, description: 'How long a conversation is kept after it ends.' }),
  },
  { $id: 'ChatStatus', description: 'Answer of `GET /v1/chat/status` (public): can the citizen chat now? The weekly hours are `openingHours` in `/v1/config`.' },
);
export type ChatStatus = Static<typeof ChatStatus>;

export const ConversationCreate = Type.Object(
  {
    id: Type.Optional(Id),
    topicId: Id,
    mode: Type.Enum(['live', 'message'] as const, { description: '`live`: join the queue (409 `chat-unavailable` when closed or busy). `message`: leave a message (always accepted).' }),
    consent: Type.Optional(Type.Boolean({ description: 'Required and `true` without a citizen token (an anonymous chat).' })),
    firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'How an anonymous citizen wants to be addressed.' })),
    language: Type.Optional(Language),
    message: Type.Optional(Type.Object(
      { id: ChatClientId, text: Type.String({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }) },
      { additionalProperties: false, description: 'The first message, stored with the conversation (required for `mode: message`).' },
    )),
  },
  {
    $id: 'ConversationCreate',
    description: 'Body of `POST /v1/chat/conversations` (`Idempotency-Key` required). With a citizen token the conversation belongs to the citizen, and a citizen has at most one `queued`/`active` conversation (a second create returns it, 200). Without a token the answer carries an `accessToken` for this conversation only.',
    additionalProperties: false,
  },
);
export type ConversationCreate = Static<typeof ConversationCreate>;

export const ConversationSession = Type.Object(
  {
    conversation: Conversation,
    accessToken: Type.Union([Type.String({ minLength: 32 }), Type.Null()], { description: 'Anonymous chats only: a bearer token for this conversation\'s endpoints (keep it in the browser; it ends with the conversation\'s retention). `null` with a citizen token.' }),
  },
  { $id: 'ConversationSession', description: 'Answer of `POST /v1/chat/conversations` (201 new, 200 existing).' },
);
export type ConversationSession = Static<typeof ConversationSession>;

export const ChatMessageCreate = Type.Object(
  {
    id: ChatClientId,
    text: Type.String({ maxLength: CHAT_MESSAGE_MAX_LENGTH }),
    attachmentId: Type.Optional(Id),
  },
  { $id: 'ChatMessageCreate', description: 'Body of `POST /v1/chat/conversations/{id}/messages`: 201 with the new message, 200 with the stored one when `id` was already sent with the same text. Empty `text` needs an `attachmentId`.', additionalProperties: false },
);
export type ChatMessageCreate = Static<typeof ChatMessageCreate>;

export const ChatReadCreate = Type.Object(
  { through: Type.Integer({ minimum: 0 }) },
  { $id: 'ChatReadCreate', description: 'Body of `POST /v1/chat/conversations/{id}/read`: the reader has seen everything up to `through` (a lower value than before changes nothing). 204.', additionalProperties: false },
);
export type ChatReadCreate = Static<typeof ChatReadCreate>;

export const ChatRatingCreate = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { $id: 'ChatRatingCreate', description: 'Body of `PUT /v1/chat/conversations/{id}/rating` (citizen, after close; replaces an earlier rating). 200 with the conversation.', additionalProperties: false },
);
export type ChatRatingCreate = Static<typeof ChatRatingCreate>;

export const ConversationParams = Type.Object({ id: Id }, { $id: 'ConversationParams', description: 'Path parameter `{id}` of a conversation.' });
export type ConversationParams = Static<typeof ConversationParams>;

export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { $id: 'AttachmentParams', description: 'Path parameters of an attachment.' });
export type AttachmentParams = Static<typeof AttachmentParams>;

// ---- Caseworker side ("the console") ------------------------------------------------------------------------

export const CHAT_PRESENCE = ['available', 'away'] as const;
export const ChatPresence = Type.Enum(CHAT_PRESENCE, { $id: 'ChatPresence', description: '`available`: may be offered chats. `away`: keeps own conversations, takes no new ones.' });
export type ChatPresence = Static<typeof ChatPresence>;

export const ChatCitizenRef = Type.Object(
  {
    firstName: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { description: 'The signed-in citizen\'s first name, or the name an anonymous citizen gave; `null` when unknown.' }),
    signedIn: Type.Boolean({ description: '`true` when the citizen used a citizen token (identity known to the job centre).' }),
    language: Language,
  },
  { $id: 'ChatCitizenRef', description: 'The citizen as the caseworker sees them in chat.' },
);
export type ChatCitizenRef = Static<typeof ChatCitizenRef>;

export const ConsoleConversation = Type.Object(
  {
    conversation: Conversation,
    citizen: ChatCitizenRef,
    teamId: Id,
    unread: Type.Integer({ minimum: 0, description: 'Citizen messages after `readByStaffThrough`.' }),
    lastMessageAt: Type.Union([DateTime, Type.Null()]),
    preview: Type.String({ maxLength: 140, description: 'The start of the newest message (for the list).' }),
  },
  { $id: 'ConsoleConversation', description: 'A conversation in the console\'s lists.' },
);
export type ConsoleConversation = Static<typeof ConsoleConversation>;

export const ChatColleague = Type.Object(
  { id: Id, firstName: Type.String({ minLength: 1 }), teamId: Id, presence: ChatPresence, activeChats: Type.Integer({ minimum: 0 }), maxChats: Type.Integer({ minimum: 1 }) },
  { $id: 'ChatColleague', description: 'A caseworker the conversation can be transferred to.' },
);
export type ChatColleague = Static<typeof ChatColleague>;

export const ChatConsole = Type.Object(
  {
    presence: ChatPresence,
    maxChats: Type.Integer({ minimum: 1, maximum: 10, description: 'How many active conversations the caseworker takes at once.' }),
    queue: Type.Array(ConsoleConversation, { description: 'Queued conversations of the caseworker\'s teams (and transferred to them), oldest first.' }),
    mine: Type.Array(ConsoleConversation, { description: 'The caseworker\'s active conversations, and those closed in the last 24 hours; newest activity first.' }),
    messages: Type.Array(ConsoleConversation, { description: 'Left messages (`left-message`) for the caseworker\'s teams, oldest first.' }),
    colleagues: Type.Array(ChatColleague, { description: 'Other caseworkers, by first name.' }),
    teams: Type.Array(Type.Object({ id: Id, name: Type.String({ minLength: 1 }) }), { description: 'Every team (a conversation can be transferred to any).' }),
  },
  { $id: 'ChatConsole', description: 'Answer of `GET /v1/chat/console`.' },
);
export type ChatConsole = Static<typeof ChatConsole>;

export const ChatPresencePut = Type.Object(
  { presence: ChatPresence, maxChats: Type.Integer({ minimum: 1, maximum: 10 }) },
  { $id: 'ChatPresencePut', description: 'Body of `PUT /v1/chat/console/presence`. 200 with the `ChatConsole`.', additionalProperties: false },
);
export type ChatPresencePut = Static<typeof ChatPresencePut>;

export const ChatTransferCreate = Type.Object(
  {
    to: Type.Union([
      Type.Object({ caseworkerId: Id }, { additionalProperties: false }),
      Type.Object({ teamId: Id }, { additionalProperties: false }),
    ], { description: 'A colleague (the conversation becomes theirs, even when away or at their limit — they were asked) or a team (back in the queue, first in line).' }),
    note: Type.String({ minLength: 1, maxLength: 1000, description: 'An internal note for the receiver; the citizen only sees that the conversation moved.' }),
  },
  { $id: 'ChatTransferCreate', description: 'Body of `POST /v1/chat/conversations/{id}/transfer` (the conversation\'s caseworker only). 200 with the conversation.', additionalProperties: false },
);
export type ChatTransferCreate = Static<typeof ChatTransferCreate>;

export const ChatNoteCreate = Type.Object(
  { id: ChatClientId, text: Type.String({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }) },
  { $id: 'ChatNoteCreate', description: 'Body of `POST /v1/chat/conversations/{id}/notes` (caseworkers). 201 new, 200 already stored (same id).', additionalProperties: false },
);
export type ChatNoteCreate = Static<typeof ChatNoteCreate>;

export const CannedReply = Type.Object(
  {
    id: Id,
    title: Type.String({ minLength: 1 }),
    language: Type.Enum(['da', 'en'] as const),
    text: Type.String({ minLength: 1 }),
  },
  { $id: 'CannedReply', description: 'A prepared answer the caseworker can insert and edit before sending.' },
);
export type CannedReply = Static<typeof CannedReply>;

export const CannedReplyList = Type.Object(
  { items: Type.Array(CannedReply) },
  { $id: 'CannedReplyList', description: 'Answer of `GET /v1/chat/canned-replies`: Danish and English, by title.' },
);
export type CannedReplyList = Static<typeof CannedReplyList>;

export const ChatConsoleChange = Type.Object(
  {
    conversationId: Type.Union([Id, Type.Null()], { description: 'The conversation that changed (new, queued, claimed, new citizen message, closed), or `null` for the queue or colleagues as a whole.' }),
  },
  { $id: 'ChatConsoleChange', description: 'Data of `event: chat.console-changed` on the caseworker\'s `GET /v1/events`: reload the console (or that conversation\'s row).' },
);
export type ChatConsoleChange = Static<typeof ChatConsoleChange>;
