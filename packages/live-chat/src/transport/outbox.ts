// The messages this device wrote that the conversation has not delivered back yet, kept in the local store so
// a reload, a crash or a lost connection loses nothing. Only what still has to be sent (or was refused) is
// stored; a message the server has stored lives on in memory until its echo arrives on the stream.
import type { LocalStore } from '@jobunivers/core/store';
import type { OutgoingMessage } from './types.js';

const storeKey = (api: URL, conversationId: string): string => `outbox ${api.href} ${conversationId}`;

export class Outbox {
  readonly #store: LocalStore<unknown>;
  readonly #key: string;
  #items: OutgoingMessage[] = [];
  /** The last write to the device's store failed: what is waiting lives only in memory. */
  lastSaveFailed = false;
  /** Writes are chained so the store always ends with the newest state. */
  #writing: Promise<void> = Promise.resolve();

  constructor(store: LocalStore<unknown>, api: URL, conversationId: string) {
    this.#store = store;
    this.#key = storeKey(api, conversationId);
  }

  get items(): readonly OutgoingMessage[] {
    return this.#items;
  }

  /** Loads what an earlier page left; anything that was in flight is sent again (with the same id). */
  async restore(): Promise<void> {
    const saved = await this.#store.get(this.#key).catch(() => undefined);
    if (!Array.isArray(saved)) return;
    const known = new Set(this.#items.map((item) => item.id));
    const restored = (saved as OutgoingMessage[])
      .filter((item) => typeof item.id === 'string' && typeof item.text === 'string' && !known.has(item.id))
      .map((item): OutgoingMessage => ({ ...item, state: item.state === 'failed' ? 'failed' : 'queued' }));
    this.#items = [...restored, ...this.#items];
  }

  async add(item: OutgoingMessage): Promise<void> {
    this.#items = [...this.#items, item];
    await this.save();
  }

  find(id: string): OutgoingMessage | undefined {
    return this.#items.find((item) => item.id === id);
  }

  /** The oldest message waiting to be sent. */
  next(): OutgoingMessage | undefined {
    return this.#items.find((item) => item.state === 'queued');
  }

  update(id: string, change: Partial<OutgoingMessage>): void {
    this.#items = this.#items.map((item) => (item.id === id ? { ...item, ...change } : item));
  }

  remove(id: string): boolean {
    const before = this.#items.length;
    this.#items = this.#items.filter((item) => item.id !== id);
    return this.#items.length !== before;
  }

  /**
   * Writes what still has to be sent. Never rejects: a store that is closing (the chat was reset in another tab)
   * or refusing writes leaves the messages in memory, where they are still sent; `lastSaveFailed` says so.
   */
  save(): Promise<void> {
    const pending = this.#items.filter((item) => item.state !== 'sent').map((item) => ({ ...item, state: item.state === 'sending' ? 'queued' : item.state }));
    const write = async (): Promise<void> => {
      try {
        if (pending.length === 0) await this.#store.delete(this.#key);
        else await this.#store.put(this.#key, pending);
        this.lastSaveFailed = false;
      } catch {
        this.lastSaveFailed = true;
      }
    };
    this.#writing = this.#writing.then(write);
    return this.#writing;
  }

  async clear(): Promise<void> {
    this.#items = [];
    await this.save();
  }
}
