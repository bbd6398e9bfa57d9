// Wake-ups of live-chat conversation streams. A stream subscribes to its conversation and, when woken, reads the
// conversation's new items from the database itself (like ./sse.ts), so a signal carries no data: only the
// conversation id, or `typing:<conversationId>:<by>` for the ephemeral typing indicator, which is never stored.
// SQLite (one process): an in-process fan-out after commit. PostgreSQL: NOTIFY on the chat channel, sent inside
// the writing transaction (so delivered only on commit) and heard by every instance on its own LISTEN connection.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ListenConnection } from './listen-connection.js';

export const CHAT_CHANNEL = 'jobunivers_chat';

export type ChatSide = 'citizen' | 'caseworker';

/** What a conversation's listeners hear: new rows to read, or the other side is typing. */
export type ChatSignal = { kind: 'wake' } | { kind: 'typing'; by: ChatSide };

export type ChatSignalListener = (signal: ChatSignal) => void;

export interface ChatSignals {
  /** Queues a wake-up inside the writing transaction (PostgreSQL sends it on commit). */
  wakeInTransaction(trx: Transaction<Database>, conversationId: string): Promise<void>;
  /** After that transaction committed: the in-process implementation wakes its listeners now. */
  committed(conversationIds: Iterable<string>): void;
  /** Sends an ephemeral typing signal right away (not stored). */
  typing(conversationId: string, by: ChatSide): Promise<void>;
  subscribe(conversationId: string, listener: ChatSignalListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Listener bookkeeping shared by both implementations. */
class ChatListeners {
  private readonly byConversation = new Map<string, Set<ChatSignalListener>>();

  add(conversationId: string, listener: ChatSignalListener): () => void {
    let set = this.byConversation.get(conversationId);
    if (set === undefined) {
      set = new Set();
      this.byConversation.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      const current = this.byConversation.get(conversationId);
      if (current === undefined) return;
      current.delete(listener);
      if (current.size === 0) this.byConversation.delete(conversationId);
    };
  }

  deliver(conversationId: string, signal: ChatSignal): void {
    for (const listener of [...(this.byConversation.get(conversationId) ?? [])]) {
      try {
        listener(signal);
      } catch {
        // one broken stream must not stop the others
      }
    }
  }

  wakeEveryone(): void {
    for (const conversationId of [...this.byConversation.keys()]) this.deliver(conversationId, { kind: 'wake' });
  }
}

export class InProcessChatSignals implements ChatSignals {
  private readonly listeners = new ChatListeners();

  wakeInTransaction(): Promise<void> {
    return Promise.resolve();
  }

  committed(conversationIds: Iterable<string>): void {
    for (const id of new Set(conversationIds)) this.listeners.deliver(id, { kind: 'wake' });
  }

  typing(conversationId: string, by: ChatSide): Promise<void> {
    this.listeners.deliver(conversationId, { kind: 'typing', by });
    return Promise.resolve();
  }

  subscribe(conversationId: string, listener: ChatSignalListener): () => void {
    return this.listeners.add(conversationId, listener);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Parses a NOTIFY payload: `<conversationId>` or `typing:<conversationId>:<by>`. */
export function parseChatPayload(payload: string): { conversationId: string; signal: ChatSignal } | undefined {
  if (!payload.startsWith('typing:')) return payload === '' ? undefined : { conversationId: payload, signal: { kind: 'wake' } };
  const [, conversationId = '', by = ''] = payload.split(':');
  if (conversationId === '' || (by !== 'citizen' && by !== 'caseworker')) return undefined;
  return { conversationId, signal: { kind: 'typing', by } };
}

export class PostgresChatSignals implements ChatSignals {
  private readonly listeners = new ChatListeners();
  private readonly connection: ListenConnection;

  constructor(options: { url: string; onError?: (error: unknown) => void }) {
    this.connection = new ListenConnection({
      url: options.url,
      channel: CHAT_CHANNEL,
      onNotification: (payload) => {
        const parsed = parseChatPayload(payload);
        if (parsed !== undefined) this.listeners.deliver(parsed.conversationId, parsed.signal);
      },
      // Notifications sent while we were away are lost: let every stream look for new rows.
      onReconnected: () => { this.listeners.wakeEveryone(); },
      onError: options.onError,
    });
  }

  async wakeInTransaction(trx: Transaction<Database>, conversationId: string): Promise<void> {
    await sql`select pg_notify(${CHAT_CHANNEL}, ${conversationId})`.execute(trx);
  }

  committed(): void {
    // Delivered through LISTEN, also to this instance.
  }

  async typing(conversationId: string, by: ChatSide): Promise<void> {
    const client = this.connection.client;
    if (client === undefined) {
      this.listeners.deliver(conversationId, { kind: 'typing', by }); // at least this instance's streams
      return;
    }
    await client.query('select pg_notify($1, $2)', [CHAT_CHANNEL, `typing:${conversationId}:${by}`]);
  }

  subscribe(conversationId: string, listener: ChatSignalListener): () => void {
    return this.listeners.add(conversationId, listener);
  }

  start(): Promise<void> {
    return this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
