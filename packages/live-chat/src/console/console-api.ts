import type { ApiClient } from '@jobunivers/core';
import type {
  CannedReply,
  ChatConsole,
  ChatNote,
  ChatPresence,
  ChatTransferCreate,
  Conversation,
} from '@jobunivers/contract';

const conversationPath = (id: string, action: string): string => `v1/chat/conversations/${encodeURIComponent(id)}/${action}`;

/**
 * Typed calls of the console API over the element's API client. Writes carry an `Idempotency-Key`, so a
 * transient failure is retried without doing the thing twice.
 */
export class ConsoleApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** The absolute URL of the caseworker's own event stream (`GET /v1/events`). */
  eventsUrl(): URL {
    return this.#client.url('v1/events');
  }

  async console(): Promise<ChatConsole> {
    return (await this.#client.get<ChatConsole>('v1/chat/console')).data;
  }

  async presence(presence: ChatPresence, maxChats: number): Promise<ChatConsole> {
    return (await this.#client.put<ChatConsole>('v1/chat/console/presence', { presence, maxChats })).data;
  }

  async cannedReplies(): Promise<CannedReply[]> {
    return (await this.#client.get<{ items: CannedReply[] }>('v1/chat/canned-replies')).data.items;
  }

  async claim(conversationId: string): Promise<Conversation> {
    return (await this.#client.post<Conversation>(conversationPath(conversationId, 'claim'), {}, { idempotencyKey: true })).data;
  }

  async close(conversationId: string): Promise<Conversation> {
    return (await this.#client.post<Conversation>(conversationPath(conversationId, 'close'), {}, { idempotencyKey: true })).data;
  }

  async transfer(conversationId: string, body: ChatTransferCreate): Promise<Conversation> {
    return (await this.#client.post<Conversation>(conversationPath(conversationId, 'transfer'), body, { idempotencyKey: true })).data;
  }

  /** An attached file, fetched with the caseworker's token (attachments have no public address). */
  async attachment(conversationId: string, attachmentId: string): Promise<Blob> {
    const path = conversationPath(conversationId, `attachments/${encodeURIComponent(attachmentId)}`);
    return (await this.#client.get<Blob>(path, { responseType: 'blob' })).data;
  }

  /** The note's own id makes a retried POST safe (the server answers the stored note). */
  async note(conversationId: string, id: string, text: string): Promise<ChatNote> {
    return (await this.#client.post<ChatNote>(conversationPath(conversationId, 'notes'), { id, text }, { idempotencyKey: id })).data;
  }
}
