// One conversation's Server-Sent Events stream (GET /v1/chat/conversations/{id}/events). The SSE id is the
// conversation's sequence number. It subscribes before it reads, and every wake-up reads the items after the
// last one sent from the database, so replay and live delivery can neither skip nor repeat an item. Without
// Last-Event-ID it replays the conversation from the start; an id above the conversation's last sequence number
// (or not a number) gets `event: reset` carrying the reader's `lastSeq`. Notes never reach a citizen's stream.
// Typing signals are written without an `id:` and never replayed.
import type { ServerResponse } from 'node:http';
import type { Conversation } from '@jobunivers/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChatSide, ChatSignal, ChatSignals } from '../events/chat-signals.js';
import { parseLastEventId, SseResponse } from '../events/sse-response.js';
import { loadConversation, loadTopics, type ItemRow, type Viewer } from './store.js';
import { pickText, type ChatLanguage } from './texts.js';

const BATCH = 200;

export interface ChatStreamOptions {
  db: Kysely<Database>;
  signals: ChatSignals;
  conversationId: string;
  viewer: Viewer;
  language: ChatLanguage;
  response: ServerResponse;
  lastEventId: string | undefined;
  keepAliveMs: number;
  onEnd: (reason: string) => void;
}

const EVENT_TYPE: Record<ItemRow['kind'], string> = { message: 'chat.message', note: 'chat.note', state: 'chat.state', read: 'chat.read' };

/**
 * Reads started because of one wake-up signal, shared by every stream of the conversation that the same signal
 * woke and that asks for the same items (same visibility, same position): a message to a conversation with a
 * thousand open streams costs one query, not a thousand. Only reads started after the signal are shared — the
 * signal comes after the commit, so each of them sees the new items.
 */
const readsBySignal = new WeakMap<ChatSignal, Map<string, Promise<ItemRow[]>>>();
/** Each row's SSE text per reader language (rows shared by streams are the same objects). */
const chunks = new WeakMap<ItemRow, Map<string, string>>();

export class ChatStream {
  private lastSent = 0;
  private reading = false;
  private readAgain = false;
  /** The wake-up the next read answers (its reads may be shared); `undefined` for reads of this stream alone. */
  private wakeSignal: ChatSignal | undefined;
  private started = false;
  private topicLabels = new Map<string, string>();
  private readonly sse: SseResponse;

  constructor(private readonly options: ChatStreamOptions) {
    this.sse = new SseResponse(options);
  }

  private get ownSide(): ChatSide {
    return this.options.viewer === 'citizen' ? 'citizen' : 'caseworker';
  }

  async start(): Promise<void> {
    const { signals, conversationId, db } = this.options;
    this.sse.open();
    this.sse.onCleanup(signals.subscribe(conversationId, (signal) => { this.onSignal(signal); }));
    // The keep-alive also reads: a wake-up lost with a broken LISTEN connection is caught up within one interval.
    this.sse.startKeepAlive(() => {
      if (this.started) void this.read();
    });

    for (const topic of await loadTopics(db)) this.topicLabels.set(topic.id, pickText(topic.labels, this.options.language));
    const row = await loadConversation(db, conversationId);
    if (row === undefined) {
      this.end('conversation deleted');
      return;
    }
    const readerLast = this.options.viewer === 'citizen' ? row.last_public_seq : row.last_seq;
    const requested = parseLastEventId(this.options.lastEventId);
    if (requested === undefined) {
      this.lastSent = 0; // no resume point: the whole conversation
    } else if (requested === 'invalid' || requested > row.last_seq) {
      this.lastSent = readerLast;
      const envelope = { id: readerLast, type: 'reset', occurredAt: new Date().toISOString(), data: {} };
      this.sse.write(`id: ${String(readerLast)}\nevent: reset\ndata: ${JSON.stringify(envelope)}\n\n`);
    } else {
      this.lastSent = requested;
    }
    this.started = true;
    await this.read();
  }

  private onSignal(signal: ChatSignal): void {
    if (signal.kind === 'typing') {
      if (signal.by === this.ownSide) return;
      const envelope = { type: 'chat.typing', occurredAt: new Date().toISOString(), data: { by: signal.by } };
      this.sse.write(`event: chat.typing\ndata: ${JSON.stringify(envelope)}\n\n`);
      return;
    }
    if (this.started) void this.read(signal);
  }

  /** Sends every stored item after the last one sent. Concurrent wake-ups collapse into one more pass. */
  private async read(signal?: ChatSignal): Promise<void> {
    if (this.sse.isEnded()) return;
    this.wakeSignal = signal;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.readAgain = false;
        for (;;) {
          const wake = this.wakeSignal;
          const rows = await this.items(wake);
          for (const row of rows) {
            if (this.sse.isEnded()) return;
            if (row.seq <= this.lastSent) continue;
            this.sse.write(this.chunk(row));
            this.lastSent = row.seq;
          }
          if (rows.length < BATCH) break;
        }
      } while (this.shouldReadAgain());
    } catch {
      this.end('database error');
    } finally {
      this.reading = false;
    }
  }

  /** The items after the last one sent, in one batch; shared with the other streams the same wake-up woke. */
  private items(wake: ChatSignal | undefined): Promise<ItemRow[]> {
    const citizen = this.options.viewer === 'citizen';
    const query = (): Promise<ItemRow[]> => {
      let select = this.options.db
        .selectFrom('chat_items')
        .selectAll()
        .where('conversation_id', '=', this.options.conversationId)
        .where('seq', '>', this.lastSent);
      if (citizen) select = select.where('visibility', '=', 'all');
      return select.orderBy('seq', 'asc').limit(BATCH).execute();
    };
    if (wake === undefined) return query();
    let shared = readsBySignal.get(wake);
    if (shared === undefined) {
      shared = new Map();
      readsBySignal.set(wake, shared);
    }
    const key = `${citizen ? 'all' : 'staff'} ${String(this.lastSent)}`;
    let rows = shared.get(key);
    if (rows === undefined) {
      rows = query();
      shared.set(key, rows);
    }
    return rows;
  }

  private chunk(row: ItemRow): string {
    let byLanguage = chunks.get(row);
    if (byLanguage === undefined) {
      byLanguage = new Map();
      chunks.set(row, byLanguage);
    }
    let text = byLanguage.get(this.options.language);
    if (text === undefined) {
      text = `id: ${String(row.seq)}\nevent: ${EVENT_TYPE[row.kind]}\ndata: ${JSON.stringify(this.envelope(row))}\n\n`;
      byLanguage.set(this.options.language, text);
    }
    return text;
  }

  private envelope(row: ItemRow): unknown {
    let data = JSON.parse(row.data) as unknown;
    if (row.kind === 'state') {
      // The snapshot's topic is in the conversation's language; the reader gets it in theirs.
      const conversation = data as Conversation;
      data = { ...conversation, topic: { id: conversation.topic.id, label: this.topicLabels.get(conversation.topic.id) ?? conversation.topic.label } };
    }
    return { id: row.seq, type: EVENT_TYPE[row.kind], occurredAt: row.created_at, data };
  }

  private shouldReadAgain(): boolean {
    return this.readAgain && !this.sse.isEnded();
  }

  end(reason: string): void {
    this.sse.end(reason);
  }
}
