// A small in-memory desk server for <ju-booking-desk>: stories and component tests use the same fixtures.
// It answers only requests under its own base URL, so it can sit in front of the real fetch for a whole page.
import type {
  Availability,
  AvailabilityRule,
  DeskBooking,
  DeskCitizen,
  DeskRequests,
  MeetingType,
  Slot,
} from '../../packages/self-booking/src/desk/types.js';
import { addDays, isoWeekday, localDateOf, mondayOf, today } from '../../packages/self-booking/src/dates.js';

export const DESK_FAKE_API = 'https://desk.jobcenter.example/api/';

/** What the fake server saw of one request. */
export interface FakeRequest {
  method: string;
  url: URL;
  /** The path below the base URL, e.g. `v1/booking/desk/bookings`. */
  path: string;
  headers: Headers;
  body: unknown;
}

/** Answers a request itself (return a Response) or lets the fake handle it (return undefined). */
export type FakeOverride = (request: FakeRequest) => Response | undefined | Promise<Response | undefined>;

const copenhagenClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant (ISO, UTC) of a Copenhagen wall-clock time on a date. */
export function copenhagenInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  for (const offset of [1, 2]) {
    const instant = new Date(Date.UTC(year, month - 1, day, hours - offset, minutes));
    if (copenhagenClock.format(instant) === time && localDateOf(instant) === date) return instant.toISOString();
  }
  return new Date(Date.UTC(year, month - 1, day, hours - 1, minutes)).toISOString();
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ status, code, title: code, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

const MEETING_TYPES: MeetingType[] = [
  { id: 'mt-fysisk', kind: 'in-person', title: 'Samtale på jobcentret', durationMinutes: 45, details: { address: 'Torvet 1, 9999 Eksempelby' }, questions: [] },
  { id: 'mt-telefon', kind: 'phone', title: 'Telefonsamtale', durationMinutes: 30, details: { phone: 'Vi ringer til dig' }, questions: [] },
];

const CITIZENS: DeskCitizen[] = [
  { id: 'citizen-ahmed', firstName: 'Ahmed', deadline: null },
  { id: 'citizen-mette', firstName: 'Mette', deadline: null },
  { id: 'citizen-sara', firstName: 'Sara', deadline: null },
];

const SLOT_TIMES = ['09:00', '10:00', '13:00'];

export interface DeskFakeOptions {
  /** Start with no bookings, rules, closed days or requests. */
  empty?: boolean;
}

/** A stateful fake of the desk API; mutate its fields to set up a scene. */
export class DeskFakeApi {
  readonly base: string;
  readonly requests: FakeRequest[] = [];
  /** Checked first, in order; the first Response wins. */
  overrides: FakeOverride[] = [];
  meetingTypes: MeetingType[] = structuredClone(MEETING_TYPES);
  citizens: DeskCitizen[] = structuredClone(CITIZENS);
  bookings: DeskBooking[] = [];
  availability: Availability = { rules: [], exceptions: [] };
  version = 1;
  deskRequests: DeskRequests = { helpRequests: [], receipts: [] };
  #streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  #nextId = 1;
  #eventId = 100;

  constructor(base = DESK_FAKE_API, options: DeskFakeOptions = {}) {
    this.base = base;
    if (!options.empty) this.#seed();
  }

  get etag(): string {
    return `"availability-${String(this.version)}"`;
  }

  /** Puts the fake in front of `window.fetch`; requests to other URLs go to the real one. Returns the undo. */
  install(): () => void {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back exactly as found, and called with window
    const original = window.fetch;
    const real = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => original.call(window, input, init);
    const fake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      if (!url.href.startsWith(this.base)) return real(input, init);
      return this.handle(url, init ?? {});
    };
    window.fetch = fake;
    return () => {
      if (window.fetch === fake) window.fetch = original;
      for (const stream of this.#streams) stream.close();
      this.#streams.clear();
    };
  }

  /** Sends an event to every open `GET /v1/events` stream. */
  pushEvent(event: string, data: unknown): void {
    const id = ++this.#eventId;
    const text = `id: ${String(id)}\nevent: ${event}\ndata: ${JSON.stringify({ id, type: event, occurredAt: new Date().toISOString(), data })}\n\n`;
    for (const stream of this.#streams) stream.enqueue(new TextEncoder().encode(text));
  }

  /** Ends every open event stream, as a server restart or a proxy timeout would. */
  closeStreams(): void {
    for (const stream of this.#streams) stream.close();
    this.#streams.clear();
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  /** The requests whose method and path match. */
  sent(method: string, path: string | RegExp): FakeRequest[] {
    return this.requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)));
  }

  async handle(url: URL, init: RequestInit): Promise<Response> {
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      url,
      path: url.pathname.slice(new URL(this.base).pathname.length),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    this.requests.push(request);
    for (const override of this.overrides) {
      const response = await override(request);
      if (response) return response;
    }
    if (request.headers.get('Authorization') === null) return problem(401, 'token-missing');
    return this.#route(request, init.signal ?? undefined);
  }

  #route(request: FakeRequest, signal: AbortSignal | undefined): Response {
    const { method, path, url } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = (name: string): string => url.searchParams.get(name) ?? '';
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === 'v1/events') return this.#stream(signal);
    if (method === 'GET' && path === 'v1/booking/meeting-types') return json(200, { items: this.meetingTypes });
    if (method === 'GET' && path === 'v1/booking/desk/citizens') return json(200, { items: this.citizens });
    if (method === 'GET' && path === 'v1/booking/desk/requests') return json(200, this.deskRequests);
    if (method === 'GET' && path === 'v1/booking/desk/availability') return json(200, this.availability, { ETag: this.etag });
    if (method === 'GET' && path === 'v1/booking/desk/bookings') {
      const from = query('from');
      const to = query('to');
      const items = this.bookings
        .filter((booking) => localDateOf(booking.start) >= from && localDateOf(booking.start) <= to)
        .sort((a, b) => a.start.localeCompare(b.start));
      return json(200, { items });
    }
    if (method === 'GET' && path === 'v1/booking/desk/slots') {
      return json(200, { timeZone: 'Europe/Copenhagen', deadline: null, slots: this.slots(query('meetingTypeId'), query('from'), query('to')), nextAvailable: null });
    }
    if (method === 'POST' && path === 'v1/booking/desk/bookings') {
      const slot = this.#slot(String(body['slotId']), String(body['meetingTypeId']));
      const citizen = this.citizens.find((item) => item.id === body['citizenId']);
      if (!slot || !citizen) return problem(409, 'slot-unavailable');
      const booking = this.#booking(citizen, String(body['meetingTypeId']), slot.start, slot.end, 'caseworker');
      this.bookings.push(booking);
      return json(201, booking);
    }
    if (method === 'POST' && (match = /^v1\/booking\/desk\/bookings\/([^/]+)\/(move|cancel)$/.exec(path))) {
      const booking = this.bookings.find((item) => item.id === match?.[1]);
      if (!booking) return problem(404, 'not-found');
      if (match[2] === 'cancel') {
        if (booking.status === 'booked') Object.assign(booking, { status: 'cancelled', cancelledBy: 'caseworker', cancelReason: body['reason'], sequence: booking.sequence + 1 });
        return json(200, booking);
      }
      if (booking.status === 'cancelled') return problem(409, 'booking-cancelled');
      const slot = this.#slot(String(body['slotId']), booking.meetingType.id);
      if (!slot) return problem(409, 'slot-unavailable');
      Object.assign(booking, { start: slot.start, end: slot.end, changeReason: body['reason'], sequence: booking.sequence + 1 });
      return json(200, booking);
    }
    if (method === 'PUT' && path === 'v1/booking/desk/availability/rules') {
      const ifMatch = request.headers.get('If-Match');
      if (ifMatch !== null && ifMatch !== this.etag) return problem(412, 'precondition-failed');
      const rules = (body['rules'] ?? []) as AvailabilityRule[];
      const errors = rules.flatMap((rule, index) => (rule.start >= rule.end ? [{ pointer: `/rules/${String(index)}/end`, code: 'time-order' }] : []));
      if (errors.length > 0) return problem(400, 'invalid-request', { errors });
      this.availability = { ...this.availability, rules };
      this.version += 1;
      return json(200, this.availability, { ETag: this.etag });
    }
    if ((method === 'PUT' || method === 'DELETE') && (match = /^v1\/booking\/desk\/availability\/exceptions\/(\d{4}-\d{2}-\d{2})$/.exec(path))) {
      const date = match[1];
      const others = this.availability.exceptions.filter((exception) => exception.date !== date);
      if (method === 'PUT') {
        if (date < today()) return problem(400, 'invalid-request');
        const kind = body['kind'] as 'holiday' | 'sick' | 'other';
        others.push({ date, kind, note: typeof body['note'] === 'string' ? body['note'] : null });
      }
      this.availability = { ...this.availability, exceptions: others.sort((a, b) => a.date.localeCompare(b.date)) };
      this.version += 1;
      return json(200, this.availability, { ETag: this.etag });
    }
    if (method === 'POST' && (match = /^v1\/booking\/desk\/help-requests\/([^/]+)\/handled$/.exec(path))) {
      const help = this.deskRequests.helpRequests.find((item) => item.id === match?.[1]);
      if (!help) return problem(404, 'not-found');
      help.handledAt ??= new Date().toISOString();
      return json(200, help);
    }
    return problem(404, 'not-found');
  }

  /** Free times of a meeting type between two dates: weekdays at 09, 10 and 13, minus closed days and bookings. */
  slots(meetingTypeId: string, from: string, to: string): Slot[] {
    const type = this.meetingTypes.find((item) => item.id === meetingTypeId);
    if (!type || !from || !to) return [];
    const slots: Slot[] = [];
    const now = Date.now();
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (isoWeekday(date) > 5 || this.availability.exceptions.some((exception) => exception.date === date)) continue;
      for (const time of SLOT_TIMES) {
        const start = copenhagenInstant(date, time);
        if (new Date(start).getTime() <= now) continue;
        if (this.bookings.some((booking) => booking.status === 'booked' && booking.start === start)) continue;
        const end = new Date(new Date(start).getTime() + type.durationMinutes * 60_000).toISOString();
        slots.push({ id: `slot-${date}-${time.replace(':', '')}-${type.id}`, start, end });
      }
    }
    return slots;
  }

  #slot(slotId: string, meetingTypeId: string): Slot | undefined {
    const match = /^slot-(\d{4}-\d{2}-\d{2})-/.exec(slotId);
    if (!match?.[1]) return undefined;
    return this.slots(meetingTypeId, match[1], match[1]).find((slot) => slot.id === slotId);
  }

  #booking(citizen: { id: string; firstName: string }, meetingTypeId: string, start: string, end: string, bookedBy: 'citizen' | 'caseworker'): DeskBooking {
    const type = this.meetingTypes.find((item) => item.id === meetingTypeId) ?? MEETING_TYPES[0];
    const meetingType = { id: type.id, kind: type.kind, title: type.title, durationMinutes: type.durationMinutes, details: type.details };
    const now = new Date().toISOString();
    return {
      id: `booking-${String(this.#nextId++)}`,
      status: 'booked',
      meetingType,
      start,
      end,
      caseworker: { firstName: 'Lone' },
      answers: [],
      sequence: 0,
      cancelReason: null,
      cancelledBy: null,
      createdAt: now,
      updatedAt: now,
      bookedBy,
      changeReason: null,
      citizen: { id: citizen.id, firstName: citizen.firstName },
    };
  }

  /** Adds a booking at a Copenhagen date and time. */
  addBooking(citizenId: string, meetingTypeId: string, date: string, time: string, bookedBy: 'citizen' | 'caseworker' = 'citizen'): DeskBooking {
    const citizen = this.citizens.find((item) => item.id === citizenId) ?? { id: citizenId, firstName: citizenId };
    const type = this.meetingTypes.find((item) => item.id === meetingTypeId);
    const start = copenhagenInstant(date, time);
    const end = new Date(new Date(start).getTime() + (type?.durationMinutes ?? 30) * 60_000).toISOString();
    const booking = this.#booking(citizen, meetingTypeId, start, end, bookedBy);
    this.bookings.push(booking);
    return booking;
  }

  #seed(): void {
    const todayDate = today();
    const monday = mondayOf(todayDate);
    this.addBooking('citizen-sara', 'mt-fysisk', monday, '09:00');
    this.addBooking('citizen-ahmed', 'mt-telefon', addDays(monday, 1), '10:00', 'caseworker');
    const cancelled = this.addBooking('citizen-mette', 'mt-fysisk', addDays(monday, 2), '13:00');
    Object.assign(cancelled, { status: 'cancelled', cancelledBy: 'citizen', cancelReason: 'Jeg er syg.', sequence: 1 });
    this.addBooking('citizen-mette', 'mt-telefon', addDays(monday, 3), '09:00');
    // Today is closed (the caseworker is ill), and a meeting later today needs a new time.
    this.addBooking('citizen-ahmed', 'mt-fysisk', todayDate, '23:00');
    this.availability = {
      rules: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { meetingTypeId: 'mt-fysisk', weekday: weekday, start: '09:00', end: '12:00' },
        { meetingTypeId: 'mt-telefon', weekday: weekday, start: '13:00', end: '15:00' },
      ]),
      exceptions: [
        { date: todayDate, kind: 'sick', note: null },
        { date: addDays(todayDate, 14), kind: 'holiday', note: 'Kursus i Aarhus' },
      ],
    };
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    this.deskRequests = {
      helpRequests: [
        { id: 'help-1', citizen: { id: 'citizen-ahmed', firstName: 'Ahmed' }, reasons: ['interpreter', 'phone'], message: 'Jeg taler kun lidt dansk.', phone: '+45 12 34 56 78', createdAt: hourAgo, handledAt: null },
        { id: 'help-2', citizen: { id: 'citizen-sara', firstName: 'Sara' }, reasons: ['accessibility'], message: null, phone: null, createdAt: hourAgo, handledAt: hourAgo },
      ],
      receipts: [
        { id: 'receipt-1', citizen: { id: 'citizen-mette', firstName: 'Mette' }, meetingTypeId: 'mt-fysisk', deadline: addDays(todayDate, 8), issuedAt: hourAgo, firstAvailable: copenhagenInstant(addDays(todayDate, 20), '09:00') },
      ],
    };
  }

  #stream(signal: AbortSignal | undefined): Response {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    const streams = this.#streams;
    const body = new ReadableStream<Uint8Array>({
      start(started) {
        controller = started;
        streams.add(started);
        started.enqueue(new TextEncoder().encode('retry: 3000\n\n'));
      },
      cancel() {
        if (controller) streams.delete(controller);
      },
    });
    signal?.addEventListener('abort', () => {
      if (!controller) return;
      streams.delete(controller);
      try {
        controller.error(signal.reason);
      } catch {
        // already closed
      }
    }, { once: true });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }
}

const served = new Map<string, DeskFakeApi>();
let routerInstalled = false;

/**
 * Serves `fake` from now on (stories): one router sits in front of `fetch` for every served fake, and serving a
 * new fake at the same base replaces the old one, so each story render starts from fresh data.
 */
export function serveDeskFake(fake: DeskFakeApi): DeskFakeApi {
  served.set(fake.base, fake);
  if (routerInstalled) return fake;
  routerInstalled = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with window below
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    for (const [base, target] of served) if (url.href.startsWith(base)) return target.handle(url, init ?? {});
    return original.call(window, input, init);
  };
  return fake;
}
