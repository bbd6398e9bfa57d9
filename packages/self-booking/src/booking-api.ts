// The citizen's booking calls of the contract (docs/contract.md "Self-booking"), typed. Only types come from
// @jobunivers/contract; nothing of it ends up in the bundle.
import type { ApiClient } from '@jobunivers/core';
import type { Answer, Booking, BookingPage, Config, HelpRequest, HelpRequestCreate, Hold, MeetingType, MeetingTypeList, NoFreeTimeReceipt, SlotList } from '@jobunivers/contract';
import type { LocalDate } from './dates.js';

export type { Answer, Booking, Config, HelpRequest, HelpRequestCreate, Hold, MeetingType, NoFreeTimeReceipt, SlotList };
export type { Slot } from '@jobunivers/contract';

export class BookingApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  async config(): Promise<Config> {
    return (await this.#client.get<Config>('v1/config')).data;
  }

  async meetingTypes(): Promise<MeetingType[]> {
    return (await this.#client.get<MeetingTypeList>('v1/booking/meeting-types')).data.items;
  }

  async slots(meetingTypeId: string, from: LocalDate, to: LocalDate, signal?: AbortSignal): Promise<SlotList> {
    const options = signal === undefined ? { query: { meetingTypeId, from, to } } : { query: { meetingTypeId, from, to }, signal };
    return (await this.#client.get<SlotList>('v1/booking/slots', options)).data;
  }

  async hold(slotId: string, meetingTypeId: string): Promise<Hold> {
    return (await this.#client.post<Hold>('v1/booking/holds', { slotId, meetingTypeId }, { idempotencyKey: true })).data;
  }

  async releaseHold(holdId: string): Promise<void> {
    await this.#client.delete(`v1/booking/holds/${encodeURIComponent(holdId)}`);
  }

  /** `key` is kept by the caller across reloads, so a resubmit returns the same booking. */
  async book(holdId: string, answers: Answer[], key: string): Promise<Booking> {
    return (await this.#client.post<Booking>('v1/booking/bookings', { holdId, answers }, { idempotencyKey: key })).data;
  }

  async reschedule(bookingId: string, holdId: string, key: string): Promise<Booking> {
    return (await this.#client.post<Booking>(`v1/booking/bookings/${encodeURIComponent(bookingId)}/reschedule`, { holdId }, { idempotencyKey: key })).data;
  }

  async cancel(bookingId: string, reason: string, key: string): Promise<Booking> {
    const body = reason.trim() === '' ? {} : { reason: reason.trim() };
    return (await this.#client.post<Booking>(`v1/booking/bookings/${encodeURIComponent(bookingId)}/cancel`, body, { idempotencyKey: key })).data;
  }

  async upcoming(cursor?: string): Promise<BookingPage> {
    return (await this.#client.get<BookingPage>('v1/booking/bookings', { query: { when: 'upcoming', limit: 20, cursor } })).data;
  }

  async calendarFile(bookingId: string): Promise<Blob> {
    return (await this.#client.get<Blob>(`v1/booking/bookings/${encodeURIComponent(bookingId)}/calendar`, { responseType: 'blob' })).data;
  }

  async askForHelp(request: HelpRequestCreate, key: string): Promise<HelpRequest> {
    return (await this.#client.post<HelpRequest>('v1/booking/help-requests', request, { idempotencyKey: key })).data;
  }

  /** `deadline` is sent only when it came from the host (the server's own deadline wins). */
  async receipt(meetingTypeId: string, deadline: LocalDate | undefined, key: string): Promise<NoFreeTimeReceipt> {
    const body = deadline === undefined ? { meetingTypeId } : { meetingTypeId, deadline };
    return (await this.#client.post<NoFreeTimeReceipt>('v1/booking/no-free-time-receipts', body, { idempotencyKey: key })).data;
  }
}
