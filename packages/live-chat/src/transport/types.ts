import type { ChatAttachment, ChatMessage, ChatNote, ChatReadMark, ChatTyping, Conversation } from '@jobunivers/contract';
import type { LocalStore } from '@jobunivers/core/store';

/** How the conversation's event stream is doing. `offline`: the device says it has no network. */
export type ChatLink = 'connecting' | 'live' | 'offline' | 'stopped';

/**
 * A message this device wrote that the conversation stream has not yet delivered back.
 * `queued`: waiting for its turn or for the network (kept on the device). `sending`: a POST is in flight.
 * `sent`: the server stored it (it has a `seq`); the stream will deliver it and it leaves the outbox.
 * `failed`: the server refused it for good (`error` is the problem code); `retry(id)` or `discard(id)`.
 */
export interface OutgoingMessage {
  id: string;
  text: string;
  attachment: ChatAttachment | null;
  /** When it was written, on this device (ISO). */
  writtenAt: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  /** For `sent`: the server's sequence number. */
  seq?: number;
  /** For `failed`: the problem code (`conversation-closed`, `invalid-request`, `message-id-reused`, …). */
  error?: string;
}

/** What the conversation stream delivers, in sequence order; each message and note exactly once. */
export type ChatStreamEvent =
  | { type: 'chat.message'; seq: number; data: ChatMessage }
  | { type: 'chat.note'; seq: number; data: ChatNote }
  | { type: 'chat.state'; seq: number; data: Conversation }
  | { type: 'chat.read'; seq: number; data: ChatReadMark }
  | { type: 'chat.typing'; data: ChatTyping };

export interface ChatConnectionOptions {
  /** The api base URL (the `api` attribute), e.g. `https://jobcenter.example/api/`. */
  api: URL;
  conversationId: string;
  /** The bearer token: a citizen's or caseworker's token, or an anonymous conversation's `accessToken`. */
  token: () => string | undefined;
  /** Where queued messages survive reloads and crashes (`openLocalStore('live-chat')` in browsers). */
  store: LocalStore<unknown>;
  /** Resume the stream after this sequence number (0 = replay the whole conversation). */
  afterSeq?: number;
  /** Stream events in order, each message/note once. */
  onEvent: (event: ChatStreamEvent) => void;
  /** The server does not know where we were (e.g. the conversation was restored from an older copy): reload it. */
  onReset: () => void;
  /** `link` or `outbox` changed: render. */
  onChange: () => void;
  /** The stream or a send stopped for an answer retrying cannot fix (401/403/404): sign in again or reload. */
  onFatal?: (status: number) => void;
  /** Defaults to the global `fetch`; tests pass their own. */
  fetch?: typeof fetch;
  /** `Accept-Language` for server texts (system messages). */
  language?: () => string;
}
