// What survives a reload on this device: which conversation (and, for an anonymous chat, its access token) and
// the text being written. Unsent messages are the transport's (its outbox lives in the same store).
import { openLocalStore, type LocalStore } from '@jobunivers/core/store';

export interface StoredSession {
  apiUrl: string;
  conversationId: string;
  /** The anonymous conversation's bearer token; `null` for a signed-in citizen. */
  accessToken: string | null;
}

const SESSION = 'session';
const draftKey = (conversationId: string): string => `draft ${conversationId}`;
const DRAFT_DELAY_MS = 400;

export class SessionStore {
  readonly ready: Promise<LocalStore<unknown>>;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingDraft: (() => Promise<void>) | undefined;

  constructor() {
    this.ready = openLocalStore<unknown>('live-chat');
  }

  async session(apiUrl: string): Promise<StoredSession | undefined> {
    const saved = await (await this.ready).get(SESSION);
    if (!isSession(saved) || saved.apiUrl !== apiUrl) return undefined;
    return saved;
  }

  async saveSession(session: StoredSession): Promise<void> {
    await (await this.ready).put(SESSION, session);
  }

  async draft(conversationId: string): Promise<string> {
    const saved = await (await this.ready).get(draftKey(conversationId));
    return typeof saved === 'string' ? saved : '';
  }

  /** Keeps the draft, a moment after the last keystroke (and at once on `flush()`). */
  saveDraft(conversationId: string, text: string): void {
    clearTimeout(this.#draftTimer);
    this.#pendingDraft = async () => {
      const store = await this.ready;
      if (text === '') await store.delete(draftKey(conversationId));
      else await store.put(draftKey(conversationId), text);
    };
    this.#draftTimer = setTimeout(() => { void this.flush(); }, DRAFT_DELAY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.#draftTimer);
    const pending = this.#pendingDraft;
    this.#pendingDraft = undefined;
    await pending?.();
  }

  /** Forgets the session and the draft (the transport clears its own outbox). */
  async forget(conversationId: string | undefined): Promise<void> {
    clearTimeout(this.#draftTimer);
    this.#pendingDraft = undefined;
    const store = await this.ready;
    await store.delete(SESSION);
    if (conversationId !== undefined) await store.delete(draftKey(conversationId));
  }
}

function isSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return typeof candidate.apiUrl === 'string' && typeof candidate.conversationId === 'string' && (typeof candidate.accessToken === 'string' || candidate.accessToken === null);
}
