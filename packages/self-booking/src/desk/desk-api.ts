import type { ApiClient } from '@jobunivers/core';
import type { LocalDate } from '../dates.js';
import type {
  Availability,
  AvailabilityRule,
  DeskBooking,
  DeskBookingCreate,
  DeskCitizen,
  DeskHelpRequest,
  DeskRequests,
  ExceptionKind,
  MeetingType,
  SlotList,
} from './types.js';

/** The availability document and the ETag to send back with the next change of its rules. */
export interface VersionedAvailability {
  availability: Availability;
  etag: string | undefined;
}

const id = (value: string): string => encodeURIComponent(value);

/** Typed calls of the desk API (`/v1/booking/desk/…`) over the element's API client. */
export class DeskApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  async meetingTypes(): Promise<MeetingType[]> {
    return (await this.#client.get<{ items: MeetingType[] }>('v1/booking/meeting-types')).data.items;
  }

  async bookings(from: LocalDate, to: LocalDate): Promise<DeskBooking[]> {
    return (await this.#client.get<{ items: DeskBooking[] }>('v1/booking/desk/bookings', { query: { from, to } })).data.items;
  }

  async citizens(): Promise<DeskCitizen[]> {
    return (await this.#client.get<{ items: DeskCitizen[] }>('v1/booking/desk/citizens')).data.items;
  }

  async slots(citizenId: string, meetingTypeId: string, from: LocalDate, to: LocalDate): Promise<SlotList> {
    return (await this.#client.get<SlotList>('v1/booking/desk/slots', { query: { citizenId, meetingTypeId, from, to } })).data;
  }

  async book(body: DeskBookingCreate, idempotencyKey: string): Promise<DeskBooking> {
    return (await this.#client.post<DeskBooking>('v1/booking/desk/bookings', body, { idempotencyKey })).data;
  }

  async move(bookingId: string, slotId: string, reason: string, idempotencyKey: string): Promise<DeskBooking> {
    const path = `v1/booking/desk/bookings/${id(bookingId)}/move`;
    return (await this.#client.post<DeskBooking>(path, { slotId, reason }, { idempotencyKey })).data;
  }

  async cancel(bookingId: string, reason: string, idempotencyKey: string): Promise<DeskBooking> {
    const path = `v1/booking/desk/bookings/${id(bookingId)}/cancel`;
    return (await this.#client.post<DeskBooking>(path, { reason }, { idempotencyKey })).data;
  }

  async availability(): Promise<VersionedAvailability> {
    const response = await this.#client.get<Availability>('v1/booking/desk/availability');
    return { availability: response.data, etag: response.etag };
  }

  async saveRules(rules: AvailabilityRule[], etag: string | undefined): Promise<VersionedAvailability> {
    const options = etag === undefined ? {} : { ifMatch: etag };
    const response = await this.#client.put<Availability>('v1/booking/desk/availability/rules', { rules }, options);
    return { availability: response.data, etag: response.etag };
  }

  async closeDay(date: LocalDate, kind: ExceptionKind, note: string): Promise<VersionedAvailability> {
    const body = note === '' ? { kind } : { kind, note };
    const response = await this.#client.put<Availability>(`v1/booking/desk/availability/exceptions/${id(date)}`, body);
    return { availability: response.data, etag: response.etag };
  }

  async reopenDay(date: LocalDate): Promise<VersionedAvailability> {
    const response = await this.#client.delete<Availability>(`v1/booking/desk/availability/exceptions/${id(date)}`);
    return { availability: response.data, etag: response.etag };
  }

  async requests(): Promise<DeskRequests> {
    return (await this.#client.get<DeskRequests>('v1/booking/desk/requests')).data;
  }

  async markHandled(helpRequestId: string, idempotencyKey: string): Promise<DeskHelpRequest> {
    const path = `v1/booking/desk/help-requests/${id(helpRequestId)}/handled`;
    return (await this.#client.post<DeskHelpRequest>(path, {}, { idempotencyKey })).data;
  }
}
