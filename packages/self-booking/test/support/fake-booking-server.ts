// An in-browser stand-in for the booking part of the contract, for component tests and stories: it answers
// `fetch` like the reference server (JSON, problem+json, idempotency keys) and records every request.
import type { Booking, HelpRequest, Hold, MeetingType, NoFreeTimeReceipt, Slot } from '@jobunivers/contract';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
  headers: Headers;
}

export interface FakeBookingServerOptions {
  /** No free time before this date (YYYY-MM-DD); default tomorrow. */
  firstFreeDate?: string;
  /** No free time after this date; default half a year ahead. */
  lastFreeDate?: string;
  /** Free times per weekday; default 6. */
  slotsPerDay?: number;
  /** The deadline the "job centre" set for the citizen. */
  deadline?: string | null;
  /** How long holds last; default 5 minutes. */
  holdMs?: number;
  /** Answer every request after this many ms (default 0). */
  latencyMs?: number;
}

type Failure = { status: number; code: string } | 'network' | 'never';

const DAY = 24 * 3600e3;
const localDate = (time: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);

export const MEETING_TYPES: MeetingType[] = [
  {
    id: 'mt-fysisk', kind: 'in-person', title: 'Samtale på jobcentret', durationMinutes: 45,
    details: { address: 'Torvet 1, 9999 Eksempelby', bring: 'Dit CV, hvis du har et' },
    questions: [
      { id: 'q-topic', kind: 'text', label: 'Hvad vil du gerne tale om?', required: false, maxLength: 500 },
      { id: 'q-needs', kind: 'choice', label: 'Har du brug for noget til samtalen?', required: true, options: [{ id: 'o-none', label: 'Nej tak' }, { id: 'o-interpreter', label: 'En tolk' }] },
    ],
  },
  { id: 'mt-telefon', kind: 'phone', title: 'Samtale i telefonen', durationMinutes: 30, details: { phone: 'Vi ringer til dig på det nummer, vi har' }, questions: [] },
];

export class FakeBookingServer {
  readonly requests: RecordedRequest[] = [];
  readonly bookings: Booking[] = [];
  readonly holds = new Map<string, Hold & { meetingTypeId: string }>();
  /** Failures by "METHOD /path" (path without query); each is used once unless `sticky`. */
  readonly failures = new Map<string, { failure: Failure; sticky: boolean }>();
  readonly options: Required<FakeBookingServerOptions>;
  readonly #taken = new Set<string>();
  readonly #replies = new Map<string, { status: number; body: unknown }>();
  #seq = 0;

  constructor(options: FakeBookingServerOptions = {}) {
    const now = Date.now();
    this.options = {
      firstFreeDate: localDate(now + DAY),
      lastFreeDate: localDate(now + 180 * DAY),
      slotsPerDay: 6,
      deadline: null,
      holdMs: 5 * 60_000,
      latencyMs: 0,
      ...options,
    };
  }

  /** Marks a slot as booked by someone else. */
  take(slotId: string): void {
    this.#taken.add(slotId);
  }

  fail(route: string, failure: Failure, sticky = false): void {
    this.failures.set(route, { failure, sticky });
  }

  /** Replaces `window.fetch`; returns the function that puts the real one back. */
  install(): () => void {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => this.fetch(input, init);
    return () => { window.fetch = original; };
  }

  slotsBetween(meetingTypeId: string, from: string, to: string): Slot[] {
    const type = MEETING_TYPES.find((candidate) => candidate.id === meetingTypeId);
    if (type === undefined) return [];
    const slots: Slot[] = [];
    const start = from > this.options.firstFreeDate ? from : this.options.firstFreeDate;
    const end = to < this.options.lastFreeDate ? to : this.options.lastFreeDate;
    for (let day = Date.parse(`${start}T00:00:00Z`); day <= Date.parse(`${end}T00:00:00Z`); day += DAY) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let index = 0; index < this.options.slotsPerDay; index += 1) {
        const startAt = day + 8 * 3600e3 + index * type.durationMinutes * 60_000;
        const id = `s-${new Date(day).toISOString().slice(0, 10)}-${String(index)}`;
        if (this.#taken.has(id)) continue;
        slots.push({ id, start: new Date(startAt).toISOString(), end: new Date(startAt + type.durationMinutes * 60_000).toISOString() });
      }
    }
    return slots;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const headers = new Headers(init.headers);
    this.requests.push({ method, path, query: url.searchParams, body, headers });
    if (this.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const route = `${method} ${path}`;
    const failure = this.failures.get(route) ?? this.failures.get(`${method} *`);
    if (failure !== undefined) {
      if (!failure.sticky) this.failures.delete(this.failures.has(route) ? route : `${method} *`);
      if (failure.failure === 'network') throw new TypeError('Failed to fetch');
      if (failure.failure === 'never') return new Promise<Response>(() => undefined);
      return problem(failure.failure.status, failure.failure.code);
    }
    if (!/^Bearer .+/.test(headers.get('Authorization') ?? '') && path !== '/v1/config') return problem(401, 'unauthenticated');
    if (method === 'GET' && path === '/v1/events') return this.#eventStream(init.signal ?? undefined);
    const key = headers.get('Idempotency-Key');
    if (key !== null) {
      const replay = this.#replies.get(key);
      if (replay !== undefined) return json(replay.status, replay.body);
    }
    const answer = this.#answer(method, path, url.searchParams, body ?? {});
    if (key !== null && answer.status < 500) this.#replies.set(key, answer);
    if (answer.body instanceof Blob) return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.body.type } });
    return answer.status >= 400 ? problem(answer.status, (answer.body as { code: string }).code) : json(answer.status, answer.body);
  };

  #answer(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): { status: number; body: unknown } {
    const problemOf = (status: number, code: string) => ({ status, body: { code } });
    if (method === 'GET' && path === '/v1/config') {
      return { status: 200, body: { municipality: { name: 'Jobcenter Eksempelby', phone: '+4570000000', email: 'jobcenter@eksempelby.dk', website: 'https://eksempelby.dk', address: 'Torvet 1' } } };
    }
    if (method === 'GET' && path === '/v1/booking/meeting-types') return { status: 200, body: { items: MEETING_TYPES } };
    if (method === 'GET' && path === '/v1/booking/slots') {
      const to = query.get('to') ?? '';
      const type = query.get('meetingTypeId') ?? '';
      const after = this.slotsBetween(type, localDate(Date.parse(`${to}T12:00:00Z`) + DAY), localDate(Date.parse(`${to}T12:00:00Z`) + 183 * DAY)).at(0);
      return {
        status: 200,
        body: { timeZone: 'Europe/Copenhagen', deadline: this.options.deadline, slots: this.slotsBetween(type, query.get('from') ?? '', to), nextAvailable: after === undefined ? null : localDate(Date.parse(after.start)) },
      };
    }
    if (method === 'POST' && path === '/v1/booking/holds') {
      const slotId = String(body['slotId']);
      const meetingTypeId = String(body['meetingTypeId']);
      if (this.#taken.has(slotId)) return problemOf(409, 'slot-unavailable');
      const date = /^s-(\d{4}-\d{2}-\d{2})-/.exec(slotId)?.[1];
      const slot = date === undefined ? undefined : this.slotsBetween(meetingTypeId, date, date).find((candidate) => candidate.id === slotId);
      if (slot === undefined) return problemOf(404, 'not-found');
      const hold = { id: `hold-${String(++this.#seq)}`, slotId, start: slot.start, end: slot.end, expiresAt: new Date(Date.now() + this.options.holdMs).toISOString(), meetingTypeId };
      this.holds.set(hold.id, hold);
      const wire: Hold = { id: hold.id, slotId, start: slot.start, end: slot.end, expiresAt: hold.expiresAt };
      return { status: 201, body: wire };
    }
    const holdMatch = /^\/v1\/booking\/holds\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && holdMatch !== null) {
      this.holds.delete(decodeURIComponent(holdMatch[1]));
      return { status: 204, body: undefined };
    }
    if (method === 'POST' && path === '/v1/booking/bookings') {
      const hold = this.holds.get(String(body['holdId']));
      if (hold === undefined) return problemOf(404, 'not-found');
      if (Date.parse(hold.expiresAt) <= Date.now()) return problemOf(410, 'hold-expired');
      const type = MEETING_TYPES.find((candidate) => candidate.id === hold.meetingTypeId) ?? MEETING_TYPES[0];
      const bookedType = withoutQuestions(type);
      const at = new Date().toISOString();
      const booking: Booking = {
        id: `booking-${String(++this.#seq)}`, status: 'booked', meetingType: bookedType, start: hold.start, end: hold.end, caseworker: { firstName: 'Mette' },
        answers: (body['answers'] as Booking['answers'] | undefined) ?? [], sequence: 0, cancelReason: null, cancelledBy: null, bookedBy: 'citizen', changeReason: null, createdAt: at, updatedAt: at,
      };
      this.#taken.add(hold.slotId);
      this.holds.delete(hold.id);
      this.bookings.push(booking);
      return { status: 201, body: booking };
    }
    if (method === 'GET' && path === '/v1/booking/bookings') {
      return { status: 200, body: { items: this.bookings.filter((booking) => Date.parse(booking.end) > Date.now()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)), nextCursor: null } };
    }
    const bookingMatch = /^\/v1\/booking\/bookings\/([^/]+)\/(calendar|cancel|reschedule)$/.exec(path);
    if (bookingMatch !== null) {
      const booking = this.bookings.find((candidate) => candidate.id === decodeURIComponent(bookingMatch[1]));
      if (booking === undefined) return problemOf(404, 'not-found');
      if (bookingMatch[2] === 'calendar') {
        const text = `BEGIN:VCALENDAR\r\nMETHOD:${booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}\r\nBEGIN:VEVENT\r\nUID:${booking.id}@fake\r\nSEQUENCE:${String(booking.sequence)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
        return { status: 200, body: new Blob([text], { type: 'text/calendar' }) };
      }
      if (bookingMatch[2] === 'cancel') {
        if (booking.status === 'booked') Object.assign(booking, { status: 'cancelled', sequence: booking.sequence + 1, cancelReason: (body['reason'] as string | undefined) ?? null, cancelledBy: 'citizen' });
        return { status: 200, body: booking };
      }
      if (booking.status === 'cancelled') return problemOf(409, 'booking-cancelled');
      const hold = this.holds.get(String(body['holdId']));
      if (hold === undefined) return problemOf(404, 'not-found');
      if (Date.parse(hold.expiresAt) <= Date.now()) return problemOf(410, 'hold-expired');
      Object.assign(booking, { start: hold.start, end: hold.end, sequence: booking.sequence + 1 });
      this.#taken.add(hold.slotId);
      this.holds.delete(hold.id);
      return { status: 200, body: booking };
    }
    if (method === 'POST' && path === '/v1/booking/help-requests') {
      const request: HelpRequest = { id: `help-${String(++this.#seq)}`, reasons: body['reasons'] as HelpRequest['reasons'], message: (body['message'] as string | undefined) ?? null, createdAt: new Date().toISOString() };
      return { status: 201, body: request };
    }
    if (method === 'POST' && path === '/v1/booking/no-free-time-receipts') {
      const deadline = this.options.deadline ?? (body['deadline'] as string | undefined);
      if (deadline === undefined) return problemOf(400, 'invalid-request');
      if (this.options.firstFreeDate <= deadline) return problemOf(409, 'free-times-exist');
      const first = this.slotsBetween(String(body['meetingTypeId']), this.options.firstFreeDate, this.options.lastFreeDate).at(0);
      const receipt: NoFreeTimeReceipt = { id: `receipt-${String(++this.#seq)}`, meetingTypeId: String(body['meetingTypeId']), deadline, issuedAt: new Date().toISOString(), firstAvailable: first?.start ?? null };
      return { status: 201, body: receipt };
    }
    return problemOf(404, 'not-found');
  }

  readonly #streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  #eventId = 0;

  /** Sends an event to every open `GET /v1/events` stream, in the contract's envelope. */
  pushEvent(type: string, data: unknown): void {
    this.#eventId += 1;
    const text = `id: ${String(this.#eventId)}\nevent: ${type}\ndata: ${JSON.stringify({ type, data })}\n\n`;
    for (const stream of this.#streams) stream.enqueue(new TextEncoder().encode(text));
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  #eventStream(signal: AbortSignal | undefined): Response {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (start) => {
        controller = start;
        this.#streams.add(start);
        start.enqueue(new TextEncoder().encode(': connected\n\n'));
      },
      cancel: () => { if (controller !== undefined) this.#streams.delete(controller); },
    });
    signal?.addEventListener('abort', () => { if (controller !== undefined) this.#streams.delete(controller); });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }

  /** Books a time directly (as if booked earlier), for "my meetings". */
  seedBooking(daysAhead = 3): Booking {
    const date = localDate(Date.now() + daysAhead * DAY);
    const slot = this.slotsBetween('mt-telefon', date, localDate(Date.now() + (daysAhead + 7) * DAY)).at(0);
    if (slot === undefined) throw new Error('no slot to seed');
    const meetingType = withoutQuestions(MEETING_TYPES[1]);
    const at = new Date().toISOString();
    const booking: Booking = {
      id: `booking-${String(++this.#seq)}`, status: 'booked', meetingType, start: slot.start, end: slot.end, caseworker: { firstName: 'Mette' }, answers: [],
      sequence: 0, cancelReason: null, cancelledBy: null, bookedBy: 'citizen', changeReason: null, createdAt: at, updatedAt: at,
    };
    this.#taken.add(slot.id);
    this.bookings.push(booking);
    return booking;
  }
}

function withoutQuestions({ id, kind, title, durationMinutes, details }: MeetingType): Booking['meetingType'] {
  return { id, kind, title, durationMinutes, details };
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `https://jobunivers.dk/problems/${code}`, title: code, status, code }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}
