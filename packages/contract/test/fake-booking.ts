/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * Self-booking for the fake server: one shared calendar (every citizen sees the same caseworker's times, three a
 * day at 10, 11 and 12 UTC), one meeting type with an optional text and a required choice question, holds,
 * bookings, reschedule, cancel, iCalendar, help requests and receipts — correct unless a break says otherwise.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Break } from './fake-server.js';

type FieldError = { pointer: string; code: string };

export interface BookingDeps {
  breaks: ReadonlySet<Break>;
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => undefined;
  problem: (res: ServerResponse, status: number, code: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => undefined;
  invalid: (res: ServerResponse, errors: FieldError[]) => undefined;
  readJson: (req: IncomingMessage, res: ServerResponse) => Promise<{ value: unknown } | undefined>;
  extra: (value: Record<string, unknown>, allowed: string[]) => FieldError[];
  isObject: (value: unknown) => value is Record<string, unknown>;
  idempotency: Map<string, { fingerprint: string; status: number; body: unknown }>;
  /** Citizens assigned to each caseworker, and everyone's first name (for the desk). */
  assigned: Record<string, string[]>;
  firstName: (userId: string) => string;
  /** Whether the desk routes exist (else they answer 404). */
  desk: boolean;
  publish: (userId: string, type: string, data: unknown) => void;
}

interface FakeBooking {
  id: string;
  citizenId: string;
  slotId: string;
  start: string;
  end: string;
  status: 'booked' | 'cancelled';
  answers: { questionId: string; value: string }[];
  sequence: number;
  cancelReason: string | null;
  cancelledBy: 'citizen' | 'caseworker' | null;
  bookedBy: 'citizen' | 'caseworker';
  changeReason: string | null;
  createdAt: string;
  updatedAt: string;
}
interface FakeHold { id: string; citizenId: string; slotId: string; start: string; end: string; expiresAt: number }
type Claim = { kind: 'hold'; holdId: string; citizenId: string; expiresAt: number } | { kind: 'booking'; bookingId: string };

const DAY = 86_400_000;
const HOURS = [10, 11, 12];
const MEETING_TYPE = {
  id: 'mt-meeting', kind: 'in-person', title: 'Samtale på jobcentret', durationMinutes: 60,
  details: { address: 'Torvet 1, 9999 Eksempelby' },
  questions: [
    { id: 'q-topic', kind: 'text', label: 'Hvad vil du tale om?', required: false, maxLength: 500 },
    { id: 'q-help', kind: 'choice', label: 'Har du brug for noget?', required: true, options: [{ id: 'o-nothing', label: 'Nej tak' }, { id: 'o-interpreter', label: 'En tolk' }] },
  ],
} as const;
const REASONS = ['interpreter', 'accessibility', 'other-place', 'phone'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(([01][0-9]|2[0-3]):[0-5][05]|24:00)$/;
interface Rule { meetingTypeId: string; weekday: number; start: string; end: string }
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const utcDate = (time: number): string => new Date(time).toISOString().slice(0, 10);
const ical = (time: string): string => new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function fakeBooking(deps: BookingDeps): { handle(req: IncomingMessage, res: ServerResponse, url: URL, user: { id: string; role: string }): Promise<undefined> } {
  const { breaks, send, problem, invalid, readJson, extra, isObject, idempotency, assigned, firstName } = deps;
  let rules: Rule[] = [1, 2, 3, 4, 5].map((weekday) => ({ meetingTypeId: MEETING_TYPE.id, weekday, start: '11:00', end: '14:00' }));
  let rulesVersion = 1;
  const helpRequests: { id: string; citizenId: string; reasons: unknown; message: string | null; phone: string | null; createdAt: string; handledAt: string | null }[] = [];
  const claims = new Map<string, Claim>();
  const holds = new Map<string, FakeHold>();
  const bookings = new Map<string, FakeBooking>();
  const deadlines = new Map([['citizen-1', utcDate(Date.now() + 10 * DAY)]]);

  const slotAt = (start: number): { id: string; start: string; end: string } => ({ id: `s-${String(start / 60_000)}`, start: new Date(start).toISOString(), end: new Date(start + 3600_000).toISOString() });
  const parseSlot = (id: string): number | undefined => {
    const match = /^s-(\d{1,12})$/.exec(id);
    if (match === null) return undefined;
    const start = Number(match[1]) * 60_000;
    const date = new Date(start);
    return HOURS.includes(date.getUTCHours()) && date.getUTCMinutes() === 0 && start > Date.now() ? start : undefined;
  };
  const taken = (slotId: string, citizenId: string, forListing: boolean): boolean => {
    const claim = claims.get(slotId);
    if (claim === undefined) return false;
    if (claim.kind === 'booking') return true;
    if (forListing && breaks.has('held-slot-visible')) return false;
    return claim.citizenId !== citizenId && claim.expiresAt > Date.now();
  };
  const freeSlots = (citizenId: string, from: string, to: string): { id: string; start: string; end: string }[] => {
    const out = [];
    for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY) {
      for (const hour of HOURS) {
        const start = day + hour * 3600_000;
        const slot = slotAt(start);
        if (start > Date.now() && !taken(slot.id, citizenId, true)) out.push(slot);
      }
    }
    return out;
  };
  const publicBooking = (booking: FakeBooking): unknown => {
    const { id, status, start, end, answers, sequence, cancelReason, cancelledBy, bookedBy, changeReason, createdAt, updatedAt } = booking;
    const { id: typeId, kind, title, durationMinutes, details } = MEETING_TYPE;
    return {
      id, status, meetingType: { id: typeId, kind, title, durationMinutes, details }, start, end, caseworker: { firstName: 'Karen' },
      answers, sequence, bookedBy, changeReason, cancelReason, cancelledBy, createdAt, updatedAt,
    };
  };
  /** booking.changed to the citizen (desk changes), booking.desk-changed to their caseworkers (citizen changes). */
  const announce = (booking: FakeBooking, by: 'citizen' | 'caseworker'): void => {
    if (breaks.has('booking-no-events')) return;
    if (by === 'caseworker') deps.publish(booking.citizenId, 'booking.changed', publicBooking(booking));
    for (const [caseworker, citizens] of Object.entries(assigned)) {
      if (citizens.includes(booking.citizenId)) deps.publish(caseworker, 'booking.desk-changed', { kind: 'booking', id: booking.id });
    }
  };
  const deskBooking = (booking: FakeBooking): unknown => ({ ...(publicBooking(booking) as object), citizen: { id: booking.citizenId, firstName: firstName(booking.citizenId) } });

  /**
   * The start every booking POST shares: a valid Idempotency-Key and a JSON object body (else it answers the
   * problem itself and gives `undefined`). `replayed()` answers a replay or a reused key and returns true;
   * `answer()` sends a document and keeps it for replays of the key.
   */
  const readIdempotentPost = async (req: IncomingMessage, res: ServerResponse, path: string, userId: string): Promise<{
    value: Record<string, unknown>;
    replayed: () => boolean;
    answer: (status: number, document: unknown) => undefined;
  } | undefined> => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,255}$/.test(key)) return problem(res, 400, 'idempotency-key-required');
    const body = await readJson(req, res);
    if (body === undefined) return;
    const value = body.value;
    if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
    const scope = `${userId}|${key}`;
    const fingerprint = `${path}|${JSON.stringify(value)}`;
    const replayed = (): boolean => {
      const previous = idempotency.get(scope);
      if (previous === undefined) return false;
      if (previous.fingerprint !== fingerprint) problem(res, 422, 'idempotency-key-reused');
      else send(res, previous.status, previous.body, { 'idempotent-replayed': 'true' });
      return true;
    };
    const answer = (status: number, document: unknown): undefined => {
      idempotency.set(scope, { fingerprint, status, body: document });
      return send(res, status, document);
    };
    return { value, replayed, answer };
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, user: { id: string; role: string }): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/booking/meeting-types') return send(res, 200, { items: [MEETING_TYPE] });
    if (path.startsWith('/v1/booking/desk/') && !deps.desk) return problem(res, 404, 'not-found');
    if (path.startsWith('/v1/booking/desk/')) return user.role === 'caseworker' ? desk(req, res, url, user) : problem(res, 403, 'forbidden');
    if (user.role !== 'citizen') return problem(res, 403, 'forbidden');

    if (method === 'GET' && path === '/v1/booking/slots') {
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      const errors: FieldError[] = [];
      if (!DATE.test(from)) errors.push({ pointer: '/query/from', code: 'format' });
      if (!DATE.test(to)) errors.push({ pointer: '/query/to', code: 'format' });
      const days = (Date.parse(to) - Date.parse(from)) / DAY;
      if (errors.length === 0 && (days < 0 || days > 62)) errors.push({ pointer: '/query/to', code: 'maximum' });
      if (errors.length > 0) return invalid(res, errors);
      if (url.searchParams.get('meetingTypeId') !== MEETING_TYPE.id) return problem(res, 404, 'not-found');
      return send(res, 200, { timeZone: 'Europe/Copenhagen', deadline: deadlines.get(user.id) ?? null, slots: freeSlots(user.id, from, to), nextAvailable: null });
    }
    if (method === 'GET' && path === '/v1/booking/bookings') {
      const upcoming = url.searchParams.get('when') !== 'past';
      const mine = [...bookings.values()].filter((booking) => booking.citizenId === user.id && (Date.parse(booking.end) > Date.now()) === upcoming);
      mine.sort((a, b) => (Date.parse(a.start) - Date.parse(b.start)) * (upcoming ? 1 : -1));
      return send(res, 200, { items: mine.map(publicBooking), nextCursor: null });
    }
    let match = /^\/v1\/booking\/bookings\/([^/]+)(\/calendar)?$/.exec(path);
    if (method === 'GET' && match !== null) {
      const booking = bookings.get(decodeURIComponent(match[1]));
      if (booking?.citizenId !== user.id) return problem(res, 404, 'not-found');
      if ((match[2] as string | undefined) === undefined) return send(res, 200, publicBooking(booking));
      const cancelled = booking.status === 'cancelled';
      const uid = breaks.has('calendar-uid-unstable') ? `${booking.id}@s${String(booking.sequence)}.fake` : `${booking.id}@fake`;
      const lines = [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fake//Fake//DA', `METHOD:${cancelled ? 'CANCEL' : 'REQUEST'}`, 'BEGIN:VEVENT', `UID:${uid}`,
        `SEQUENCE:${String(booking.sequence)}`, `DTSTAMP:${ical(booking.updatedAt)}`, `DTSTART:${ical(booking.start)}`, `DTEND:${ical(booking.end)}`,
        'SUMMARY:Samtale på jobcentret', `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT', 'END:VCALENDAR',
      ];
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(`${lines.join('\r\n')}\r\n`);
      return;
    }
    if (method === 'DELETE' && (match = /^\/v1\/booking\/holds\/([^/]+)$/.exec(path)) !== null) {
      const found = holds.get(decodeURIComponent(match[1]));
      if (found?.citizenId === user.id) {
        holds.delete(found.id);
        const claim = claims.get(found.slotId);
        if (claim?.kind === 'hold' && claim.holdId === found.id) claims.delete(found.slotId);
      }
      res.writeHead(204);
      res.end();
      return;
    }
    if (method !== 'POST') return problem(res, 405, 'method-not-allowed');

    const post = await readIdempotentPost(req, res, path, user.id);
    if (post === undefined) return;
    const { value, replayed, answer } = post;

    if (path === '/v1/booking/holds') {
      const errors = extra(value, ['slotId', 'meetingTypeId']);
      if (typeof value.slotId !== 'string') errors.push({ pointer: '/slotId', code: 'type' });
      if (typeof value.meetingTypeId !== 'string') errors.push({ pointer: '/meetingTypeId', code: 'type' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const slotId = value.slotId as string;
      const start = parseSlot(slotId);
      if (start === undefined || value.meetingTypeId !== MEETING_TYPE.id) return problem(res, 404, 'not-found');
      if (taken(slotId, user.id, false)) return problem(res, 409, 'slot-unavailable');
      if (breaks.has('racy-claims')) await pause(30);
      for (const [other, claim] of claims) if (claim.kind === 'hold' && claim.citizenId === user.id) claims.delete(other);
      const slot = slotAt(start);
      const created: FakeHold = { id: randomUUID(), citizenId: user.id, slotId, start: slot.start, end: slot.end, expiresAt: Date.now() + 300_000 };
      holds.set(created.id, created);
      claims.set(slotId, { kind: 'hold', holdId: created.id, citizenId: user.id, expiresAt: created.expiresAt });
      return answer(201, { id: created.id, slotId, start: created.start, end: created.end, expiresAt: new Date(created.expiresAt).toISOString() });
    }
    if (path === '/v1/booking/bookings') {
      const errors = extra(value, ['holdId', 'answers']);
      if (typeof value.holdId !== 'string') errors.push({ pointer: '/holdId', code: 'type' });
      const answers = Array.isArray(value.answers) ? (value.answers as unknown[]) : [];
      if (!Array.isArray(value.answers)) errors.push({ pointer: '/answers', code: 'type' });
      answers.forEach((given, index) => {
        const question = MEETING_TYPE.questions.find((candidate) => isObject(given) && candidate.id === given.questionId);
        if (!isObject(given) || typeof given.value !== 'string' || question === undefined) errors.push({ pointer: `/answers/${String(index)}/questionId`, code: 'enum' });
        else if (question.kind === 'choice' && !question.options.some((option) => option.id === given.value)) errors.push({ pointer: `/answers/${String(index)}/value`, code: 'enum' });
      });
      if (!answers.some((given) => isObject(given) && given.questionId === 'q-help')) errors.push({ pointer: '/answers', code: 'required' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const found = holds.get(value.holdId as string);
      if (found?.citizenId !== user.id) return problem(res, 404, 'not-found');
      const claim = claims.get(found.slotId);
      if (claim?.kind !== 'hold' || claim.holdId !== found.id || claim.expiresAt <= Date.now()) return problem(res, 410, 'hold-expired');
      if (breaks.has('racy-claims')) await pause(30);
      const now = new Date().toISOString();
      const created: FakeBooking = {
        id: randomUUID(), citizenId: user.id, slotId: found.slotId, start: found.start, end: found.end, status: 'booked',
        answers: answers as FakeBooking['answers'], sequence: 0, cancelReason: null, cancelledBy: null, bookedBy: 'citizen', changeReason: null, createdAt: now, updatedAt: now,
      };
      bookings.set(created.id, created);
      claims.set(found.slotId, { kind: 'booking', bookingId: created.id });
      announce(created, 'citizen');
      return answer(201, publicBooking(created));
    }
    if ((match = /^\/v1\/booking\/bookings\/([^/]+)\/(reschedule|cancel)$/.exec(path)) !== null) {
      const action = match[2];
      const errors = extra(value, action === 'cancel' ? ['reason'] : ['holdId']);
      if (action === 'reschedule' && typeof value.holdId !== 'string') errors.push({ pointer: '/holdId', code: 'type' });
      if (action === 'cancel' && value.reason !== undefined && (typeof value.reason !== 'string' || value.reason.length > 500)) errors.push({ pointer: '/reason', code: 'maxLength' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const found = bookings.get(decodeURIComponent(match[1]));
      if (found?.citizenId !== user.id) return problem(res, 404, 'not-found');
      if (action === 'cancel') {
        if (found.status === 'booked') {
          Object.assign(found, { status: 'cancelled', sequence: found.sequence + 1, cancelReason: typeof value.reason === 'string' ? value.reason : null, cancelledBy: 'citizen', updatedAt: new Date().toISOString() });
          claims.delete(found.slotId);
          announce(found, 'citizen');
        }
        return answer(200, publicBooking(found));
      }
      if (found.status === 'cancelled') return problem(res, 409, 'booking-cancelled');
      const next = holds.get(value.holdId as string);
      if (next?.citizenId !== user.id) return problem(res, 404, 'not-found');
      const claim = claims.get(next.slotId);
      if (claim?.kind !== 'hold' || claim.holdId !== next.id || claim.expiresAt <= Date.now()) return problem(res, 410, 'hold-expired');
      claims.delete(found.slotId);
      if (breaks.has('reschedule-new-id')) {
        bookings.delete(found.id);
        found.id = randomUUID();
        bookings.set(found.id, found);
      }
      Object.assign(found, { slotId: next.slotId, start: next.start, end: next.end, sequence: found.sequence + 1, updatedAt: new Date().toISOString() });
      claims.set(next.slotId, { kind: 'booking', bookingId: found.id });
      announce(found, 'citizen');
      return answer(200, publicBooking(found));
    }
    if (path === '/v1/booking/help-requests') {
      const errors = extra(value, ['reasons', 'message', 'phone']);
      const reasons = value.reasons;
      if (!Array.isArray(reasons) || reasons.length === 0 || reasons.length > 4 || new Set(reasons).size !== reasons.length) errors.push({ pointer: '/reasons', code: 'minItems' });
      else reasons.forEach((reason, index) => { if (typeof reason !== 'string' || !REASONS.includes(reason)) errors.push({ pointer: `/reasons/${String(index)}`, code: 'enum' }); });
      if (value.message !== undefined && (typeof value.message !== 'string' || value.message.length > 1000)) errors.push({ pointer: '/message', code: 'maxLength' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const created = { id: randomUUID(), citizenId: user.id, reasons, message: typeof value.message === 'string' ? value.message : null, phone: typeof value.phone === 'string' ? value.phone : null, createdAt: new Date().toISOString(), handledAt: null };
      helpRequests.push(created);
      return answer(201, { id: created.id, reasons, message: created.message, createdAt: created.createdAt });
    }
    if (path === '/v1/booking/no-free-time-receipts') {
      const errors = extra(value, ['meetingTypeId', 'deadline']);
      if (typeof value.meetingTypeId !== 'string') errors.push({ pointer: '/meetingTypeId', code: 'type' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      if (value.meetingTypeId !== MEETING_TYPE.id) return problem(res, 404, 'not-found');
      const deadline = deadlines.get(user.id) ?? (typeof value.deadline === 'string' ? value.deadline : undefined);
      if (deadline === undefined) return invalid(res, [{ pointer: '', code: 'deadline' }]);
      const today = utcDate(Date.now());
      if (deadline >= today && freeSlots(user.id, today, deadline).length > 0) return problem(res, 409, 'free-times-exist');
      return answer(201, { id: randomUUID(), meetingTypeId: MEETING_TYPE.id, deadline, issuedAt: new Date().toISOString(), firstAvailable: null });
    }
    return problem(res, 404, 'not-found');
  }

  /** The desk: one shared calendar; a caseworker sees only the citizens assigned to them. */
  async function desk(req: IncomingMessage, res: ServerResponse, url: URL, user: { id: string; role: string }): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const mine = assigned[user.id] ?? [];
    const availability = (): undefined => send(res, 200, { rules: [...rules].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)), exceptions: [] }, { etag: `"a${String(rulesVersion)}"` });
    if (method === 'GET' && path === '/v1/booking/desk/availability') return availability();
    if (method === 'PUT' && path === '/v1/booking/desk/availability/rules') {
      const body = await readJson(req, res);
      if (body === undefined) return;
      const value = body.value;
      if (!isObject(value) || !Array.isArray(value.rules)) return invalid(res, [{ pointer: '/rules', code: 'type' }]);
      const errors = extra(value, ['rules']);
      const given = value.rules as unknown[];
      given.forEach((rule, index) => {
        const at = `/rules/${String(index)}`;
        if (!isObject(rule) || typeof rule.start !== 'string' || typeof rule.end !== 'string' || !TIME.test(rule.start) || !TIME.test(rule.end)) errors.push({ pointer: `${at}/start`, code: 'pattern' });
        else if (rule.start >= rule.end) errors.push({ pointer: `${at}/end`, code: 'minimum' });
        else if (rule.meetingTypeId !== MEETING_TYPE.id) errors.push({ pointer: `${at}/meetingTypeId`, code: 'enum' });
        else if (given.slice(0, index).some((other) => isObject(other) && other.meetingTypeId === rule.meetingTypeId && other.weekday === rule.weekday && (other.start as string) < (rule.end as string) && (other.end as string) > (rule.start as string))) {
          errors.push({ pointer: `${at}/start`, code: 'overlap' });
        }
      });
      if (errors.length > 0) return invalid(res, errors);
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && ifMatch !== `"a${String(rulesVersion)}"` && !breaks.has('desk-stale-if-match-accepted')) return problem(res, 412, 'etag-mismatch');
      const next = given as Rule[];
      if (JSON.stringify(next) !== JSON.stringify(rules)) {
        rules = next.map(({ meetingTypeId, weekday, start, end }) => ({ meetingTypeId, weekday, start, end }));
        rulesVersion++;
      }
      return availability();
    }
    if (method === 'GET' && path === '/v1/booking/desk/citizens') {
      return send(res, 200, { items: mine.map((id) => ({ id, firstName: firstName(id), deadline: deadlines.get(id) ?? null })).sort((a, b) => a.firstName.localeCompare(b.firstName)) });
    }
    if (method === 'GET' && path === '/v1/booking/desk/slots') {
      const citizenId = url.searchParams.get('citizenId') ?? '';
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      if (!DATE.test(from) || !DATE.test(to)) return invalid(res, [{ pointer: '/query/from', code: 'format' }]);
      if (!mine.includes(citizenId) || url.searchParams.get('meetingTypeId') !== MEETING_TYPE.id) return problem(res, 404, 'not-found');
      return send(res, 200, { timeZone: 'Europe/Copenhagen', deadline: deadlines.get(citizenId) ?? null, slots: freeSlots('', from, to), nextAvailable: null });
    }
    if (method === 'GET' && path === '/v1/booking/desk/bookings') {
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      if (!DATE.test(from) || !DATE.test(to)) return invalid(res, [{ pointer: '/query/from', code: 'format' }]);
      const items = [...bookings.values()].filter((booking) => mine.includes(booking.citizenId) && utcDate(Date.parse(booking.start)) >= from && utcDate(Date.parse(booking.start)) <= to);
      return send(res, 200, { items: items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).map(deskBooking) });
    }
    if (method === 'GET' && path === '/v1/booking/desk/requests') {
      const help = helpRequests.filter((item) => mine.includes(item.citizenId)).reverse().map(({ citizenId, ...item }) => ({ ...item, citizen: { id: citizenId, firstName: firstName(citizenId) } }));
      return send(res, 200, { helpRequests: help, receipts: [] });
    }
    let match = /^\/v1\/booking\/desk\/help-requests\/([^/]+)\/handled$/.exec(path);
    if (method === 'POST' && match !== null) {
      const found = helpRequests.find((item) => item.id === decodeURIComponent(match?.[1] ?? '') && mine.includes(item.citizenId));
      if (found === undefined) return problem(res, 404, 'not-found');
      found.handledAt ??= new Date().toISOString();
      const { citizenId, ...item } = found;
      return send(res, 200, { ...item, citizen: { id: citizenId, firstName: firstName(citizenId) } });
    }
    if (method !== 'POST') return problem(res, 405, 'method-not-allowed');
    const post = await readIdempotentPost(req, res, path, user.id);
    if (post === undefined) return;
    const { value, replayed, answer } = post;
    const reasonErrors = (): FieldError[] => (typeof value.reason !== 'string' || value.reason.length < 1 || value.reason.length > 500 ? [{ pointer: '/reason', code: 'required' }] : []);
    if (path === '/v1/booking/desk/bookings') {
      const errors = extra(value, ['citizenId', 'meetingTypeId', 'slotId', 'note']);
      if (typeof value.citizenId !== 'string') errors.push({ pointer: '/citizenId', code: 'type' });
      if (typeof value.slotId !== 'string') errors.push({ pointer: '/slotId', code: 'type' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const citizenId = value.citizenId as string;
      const start = parseSlot(value.slotId as string);
      if (!mine.includes(citizenId) || start === undefined || value.meetingTypeId !== MEETING_TYPE.id) return problem(res, 404, 'not-found');
      const slot = slotAt(start);
      if (taken(slot.id, '', false)) return problem(res, 409, 'slot-unavailable');
      const now = new Date().toISOString();
      const created: FakeBooking = {
        id: randomUUID(), citizenId, slotId: slot.id, start: slot.start, end: slot.end, status: 'booked', answers: [], sequence: 0,
        cancelReason: null, cancelledBy: null, bookedBy: 'caseworker', changeReason: null, createdAt: now, updatedAt: now,
      };
      bookings.set(created.id, created);
      claims.set(slot.id, { kind: 'booking', bookingId: created.id });
      announce(created, 'caseworker');
      return answer(201, deskBooking(created));
    }
    match = /^\/v1\/booking\/desk\/bookings\/([^/]+)\/(move|cancel)$/.exec(path);
    if (match !== null) {
      const action = match[2];
      const errors = [...extra(value, action === 'move' ? ['slotId', 'reason'] : ['reason']), ...reasonErrors()];
      if (action === 'move' && typeof value.slotId !== 'string') errors.push({ pointer: '/slotId', code: 'type' });
      if (errors.length > 0) return invalid(res, errors);
      if (replayed()) return;
      const found = bookings.get(decodeURIComponent(match[1]));
      if (found === undefined || !mine.includes(found.citizenId)) return problem(res, 404, 'not-found');
      const reason = value.reason as string;
      if (action === 'cancel') {
        if (found.status === 'booked') {
          Object.assign(found, { status: 'cancelled', sequence: found.sequence + 1, cancelReason: reason, cancelledBy: 'caseworker', updatedAt: new Date().toISOString() });
          claims.delete(found.slotId);
          announce(found, 'caseworker');
        }
        return answer(200, deskBooking(found));
      }
      if (found.status === 'cancelled') return problem(res, 409, 'booking-cancelled');
      const start = parseSlot(value.slotId as string);
      if (start === undefined) return problem(res, 404, 'not-found');
      const slot = slotAt(start);
      if (taken(slot.id, '', false)) return problem(res, 409, 'slot-unavailable');
      claims.delete(found.slotId);
      Object.assign(found, {
        slotId: slot.id, start: slot.start, end: slot.end, sequence: found.sequence + 1, updatedAt: new Date().toISOString(),
        changeReason: breaks.has('desk-move-without-reason') ? null : reason,
      });
      claims.set(slot.id, { kind: 'booking', bookingId: found.id });
      announce(found, 'caseworker');
      return answer(200, deskBooking(found));
    }
    return problem(res, 404, 'not-found');
  }
  return { handle };
}
