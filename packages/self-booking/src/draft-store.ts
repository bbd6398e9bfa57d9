// What the citizen has typed or started, kept on this device so a reload, a crash or a lost connection loses
// nothing: the held time, the answers, and the idempotency keys of writes that may have reached the server.
import { openLocalStore, type LocalStore } from '@jobunivers/core/store';
import type { Hold } from './booking-api.js';

export interface BookingDraft {
  meetingTypeId?: string;
  hold?: Hold & { meetingTypeId: string };
  /** The booking being moved, when the hold is for a reschedule. */
  rescheduleOf?: string;
  /** Answers by question id. */
  answers: Record<string, string>;
  /** The Idempotency-Key of the confirm (or reschedule) of this hold; set when first sent. */
  submitKey?: string;
  cancel?: { bookingId: string; reason: string; key: string };
  help?: { reasons: string[]; message: string; phone: string; key: string };
}

export interface CachedContact {
  name: string;
  phone: string;
}

type Record_ = BookingDraft | CachedContact;

/** One store per api URL (a device may talk to more than one job centre). Writes are coalesced. */
export class DraftStore {
  readonly #store: Promise<LocalStore<Record_>>;
  readonly #scope: string;
  #pending: BookingDraft | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(scope: string) {
    this.#scope = scope;
    this.#store = openLocalStore<Record_>('self-booking');
  }

  async persistent(): Promise<boolean> {
    return (await this.#store).persistent;
  }

  async load(): Promise<BookingDraft> {
    const value = await (await this.#store).get(`draft:${this.#scope}`);
    return value !== undefined && 'answers' in value ? value : { answers: {} };
  }

  /** Saves within 250 ms; `flush()` saves at once (before a write that must survive a crash). */
  save(draft: BookingDraft): void {
    this.#pending = structuredClone(draft);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { void this.flush(); }, 250);
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    const draft = this.#pending;
    this.#pending = undefined;
    if (draft !== undefined) await (await this.#store).put(`draft:${this.#scope}`, draft);
  }

  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending = undefined;
    const store = await this.#store;
    await store.delete(`draft:${this.#scope}`);
    await store.delete(`contact:${this.#scope}`);
  }

  async contact(): Promise<CachedContact | undefined> {
    const value = await (await this.#store).get(`contact:${this.#scope}`);
    return value !== undefined && 'phone' in value ? value : undefined;
  }

  async saveContact(contact: CachedContact): Promise<void> {
    await (await this.#store).put(`contact:${this.#scope}`, contact);
  }
}
