import { Type, type Static } from 'typebox';
import { CalendarDate, DateTime, Id } from './common.js';
import { Page, type PageOf } from './page.js';

/** A slot id: opaque, 1–200 characters of `[A-Za-z0-9_-]` (the server encodes who and when in it). */
export const SlotId = Type.String({
  $id: 'SlotId',
  description: 'An opaque slot id (1–200 characters of `[A-Za-z0-9_-]`). Clients never parse it.',
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_-]{1,200}$',
});
export type SlotId = Static<typeof SlotId>;

export const MEETING_KINDS = ['in-person', 'phone', 'video'] as const;
export const MeetingKind = Type.Enum(MEETING_KINDS, { $id: 'MeetingKind', description: 'How the meeting takes place.' });
export type MeetingKind = Static<typeof MeetingKind>;

export const QuestionOption = Type.Object(
  { id: Id, label: Type.String({ minLength: 1 }) },
  { $id: 'QuestionOption', description: 'One choice of a `choice` question.' },
);
export type QuestionOption = Static<typeof QuestionOption>;

export const Question = Type.Object(
  {
    id: Id,
    kind: Type.Enum(['text', 'choice'], { description: '`text` (free text up to `maxLength`) or `choice` (one of `options`, answered with the option id).' }),
    label: Type.String({ minLength: 1 }),
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, description: 'For `text`: the longest answer.' })),
    options: Type.Optional(Type.Array(QuestionOption, { description: 'Only for `choice`.' })),
  },
  { $id: 'Question', description: 'A question the citizen answers when booking.' },
);
export type Question = Static<typeof Question>;

export const MeetingDetails = Type.Object(
  {
    address: Type.Optional(Type.String()),
    bring: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    video: Type.Optional(Type.String()),
  },
  { $id: 'MeetingDetails', description: 'Practical details; only the keys that apply to the kind.' },
);
export type MeetingDetails = Static<typeof MeetingDetails>;

const meetingTypeFields = {
  id: Id,
  kind: MeetingKind,
  title: Type.String({ minLength: 1 }),
  durationMinutes: Type.Integer({ minimum: 1 }),
  details: MeetingDetails,
};

export const MeetingType = Type.Object(
  { ...meetingTypeFields, questions: Type.Array(Question) },
  { $id: 'MeetingType', description: 'A kind of meeting the citizen can book. Texts in the request\'s `Accept-Language` when available, else Danish.' },
);
export type MeetingType = Static<typeof MeetingType>;

export const BookedMeetingType = Type.Object(meetingTypeFields, { $id: 'BookedMeetingType', description: 'A `MeetingType` without its questions (inside a `Booking`).' });
export type BookedMeetingType = Static<typeof BookedMeetingType>;

export const MeetingTypeList = Type.Object(
  { items: Type.Array(MeetingType) },
  { $id: 'MeetingTypeList', description: 'Answer of `GET /v1/booking/meeting-types`.' },
);
export type MeetingTypeList = Static<typeof MeetingTypeList>;

export const SlotsQuery = Type.Object(
  { meetingTypeId: Id, from: CalendarDate, to: CalendarDate },
  { $id: 'SlotsQuery', description: 'Query of `GET /v1/booking/slots`; `to - from` is at most 62 days.' },
);
export type SlotsQuery = Static<typeof SlotsQuery>;

export const Slot = Type.Object(
  { id: SlotId, start: DateTime, end: DateTime },
  { $id: 'Slot', description: 'A free time.' },
);
export type Slot = Static<typeof Slot>;

export const SlotList = Type.Object(
  {
    timeZone: Type.Literal('Europe/Copenhagen'),
    deadline: Type.Union([CalendarDate, Type.Null()], { description: 'The last date the citizen should book by, or `null`.' }),
    slots: Type.Array(Slot),
    nextAvailable: Type.Union([CalendarDate, Type.Null()], { description: 'The first date after `to` with a free slot (within 6 months), or `null`.' }),
  },
  { $id: 'SlotList', description: 'Answer of `GET /v1/booking/slots`.' },
);
export type SlotList = Static<typeof SlotList>;

export const HoldCreate = Type.Object(
  { slotId: SlotId, meetingTypeId: Id },
  { $id: 'HoldCreate', description: 'Body of `POST /v1/booking/holds` (`Idempotency-Key` required).', additionalProperties: false },
);
export type HoldCreate = Static<typeof HoldCreate>;

export const Hold = Type.Object(
  { id: Id, slotId: SlotId, start: DateTime, end: DateTime, expiresAt: DateTime },
  { $id: 'Hold', description: 'A short reservation of a slot (5 minutes by default), hidden from everyone else.' },
);
export type Hold = Static<typeof Hold>;

export const Answer = Type.Object(
  { questionId: Id, value: Type.String({ maxLength: 2000, description: 'The text, or the option id of a `choice` question.' }) },
  { $id: 'Answer', description: 'The answer to one question.', additionalProperties: false },
);
export type Answer = Static<typeof Answer>;

export const BookingCreate = Type.Object(
  { holdId: Id, answers: Type.Array(Answer, { maxItems: 50 }) },
  { $id: 'BookingCreate', description: 'Body of `POST /v1/booking/bookings` (`Idempotency-Key` required).', additionalProperties: false },
);
export type BookingCreate = Static<typeof BookingCreate>;

export const BookingReschedule = Type.Object(
  { holdId: Id },
  { $id: 'BookingReschedule', description: 'Body of `POST /v1/booking/bookings/{id}/reschedule` (`Idempotency-Key` required).', additionalProperties: false },
);
export type BookingReschedule = Static<typeof BookingReschedule>;

export const BookingCancel = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { $id: 'BookingCancel', description: 'Body of `POST /v1/booking/bookings/{id}/cancel` (`Idempotency-Key` required).', additionalProperties: false },
);
export type BookingCancel = Static<typeof BookingCancel>;

/** Who booked a meeting: the citizen themselves or the job centre on their behalf. */
export const BOOKED_BY = ['citizen', 'caseworker'] as const;

const bookingFields = {
  id: Id,
  status: Type.Enum(['booked', 'cancelled']),
  meetingType: BookedMeetingType,
  start: DateTime,
  end: DateTime,
  caseworker: Type.Object({ firstName: Type.String({ minLength: 1 }) }),
  answers: Type.Array(Answer),
  sequence: Type.Integer({ minimum: 0, description: 'The iCalendar `SEQUENCE`: 0, plus one for every reschedule, move or cancel.' }),
  bookedBy: Type.Enum(BOOKED_BY, { description: '`citizen` (self-booked) or `caseworker` (booked by the job centre on the citizen\'s behalf).' }),
  changeReason: Type.Union([Type.String(), Type.Null()], { description: 'The reason the job centre gave for its latest move of the booking, or `null`.' }),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  cancelledBy: Type.Union([Type.Enum(['citizen', 'caseworker']), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const Booking = Type.Object(bookingFields, { $id: 'Booking', description: 'A booked (or cancelled) meeting of the citizen.' });
export type Booking = Static<typeof Booking>;

export const BookingPage = Page(Booking, 'BookingPage', 'A page of the citizen\'s bookings: upcoming by `start` ascending, past descending.');
export type BookingPage = PageOf<Booking>;

export const BookingListQuery = Type.Object(
  {
    when: Type.Optional(Type.Enum(['upcoming', 'past'], { default: 'upcoming' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  },
  { $id: 'BookingListQuery', description: 'Query of `GET /v1/booking/bookings`.' },
);
export type BookingListQuery = Static<typeof BookingListQuery>;

export const IdParams = Type.Object({ id: Id }, { $id: 'IdParams', description: 'Path parameter `{id}`.' });
export type IdParams = Static<typeof IdParams>;

export const HELP_REASONS = ['interpreter', 'accessibility', 'other-place', 'phone'] as const;
const helpReasons = Type.Array(Type.Enum(HELP_REASONS), { minItems: 1, maxItems: 4, uniqueItems: true });

export const HelpRequestCreate = Type.Object(
  {
    reasons: helpReasons,
    message: Type.Optional(Type.String({ maxLength: 1000 })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[+0-9 ()-]{1,40}$' })),
  },
  { $id: 'HelpRequestCreate', description: 'Body of `POST /v1/booking/help-requests` (`Idempotency-Key` required).', additionalProperties: false },
);
export type HelpRequestCreate = Static<typeof HelpRequestCreate>;

export const HelpRequest = Type.Object(
  { id: Id, reasons: helpReasons, message: Type.Union([Type.String(), Type.Null()]), createdAt: DateTime },
  { $id: 'HelpRequest', description: 'A request for help to book; the caseworker sees it on their desk.' },
);
export type HelpRequest = Static<typeof HelpRequest>;

export const NoFreeTimeReceiptCreate = Type.Object(
  { meetingTypeId: Id, deadline: Type.Optional(CalendarDate) },
  {
    $id: 'NoFreeTimeReceiptCreate',
    description:
      'Body of `POST /v1/booking/no-free-time-receipts` (`Idempotency-Key` required). `deadline` is the one the host page gave the widget; it is used only when the job centre has set none for the citizen (the server\'s own deadline wins).',
    additionalProperties: false,
  },
);
export type NoFreeTimeReceiptCreate = Static<typeof NoFreeTimeReceiptCreate>;

export const NoFreeTimeReceipt = Type.Object(
  {
    id: Id,
    meetingTypeId: Id,
    deadline: CalendarDate,
    issuedAt: DateTime,
    firstAvailable: Type.Union([DateTime, Type.Null()], { description: 'The start of the first free time after the deadline (within 6 months), or `null`.' }),
  },
  { $id: 'NoFreeTimeReceipt', description: 'Dated proof that no time was free before the deadline.' },
);
export type NoFreeTimeReceipt = Static<typeof NoFreeTimeReceipt>;

// ---------------------------------------------------------------------------------------------------------
// Self-booking, job-centre side ("the desk"): the caseworker's availability, bookings, help requests, receipts.

/** `HH:MM` from 00:00 to 24:00 on a 5-minute grid. */
export const DESK_TIME_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][05]|24:00)$';
const deskTime = Type.String({ pattern: DESK_TIME_PATTERN, description: '`HH:MM` (00:00–24:00, on a 5-minute grid), Europe/Copenhagen.' });

export const AvailabilityRule = Type.Object(
  {
    meetingTypeId: Id,
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    start: deskTime,
    end: deskTime,
  },
  { $id: 'AvailabilityRule', description: 'Weekly opening hours of one meeting type on one weekday; slots of the meeting type\'s duration are laid out from `start`.', additionalProperties: false },
);
export type AvailabilityRule = Static<typeof AvailabilityRule>;

export const AVAILABILITY_EXCEPTION_KINDS = ['holiday', 'sick', 'other'] as const;
export const AvailabilityExceptionKind = Type.Enum(AVAILABILITY_EXCEPTION_KINDS, { $id: 'AvailabilityExceptionKind', description: 'Why a day is closed.' });
export type AvailabilityExceptionKind = Static<typeof AvailabilityExceptionKind>;

export const AvailabilityException = Type.Object(
  { date: CalendarDate, kind: AvailabilityExceptionKind, note: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]) },
  { $id: 'AvailabilityException', description: 'A closed day: no new slots; bookings already on it stay.' },
);
export type AvailabilityException = Static<typeof AvailabilityException>;

export const Availability = Type.Object(
  {
    rules: Type.Array(AvailabilityRule, { description: 'Sorted by weekday, start, meetingTypeId.' }),
    exceptions: Type.Array(AvailabilityException, { description: 'From today on, sorted by date.' }),
  },
  { $id: 'Availability', description: 'The caseworker\'s weekly rules and closed days (with an `ETag`).' },
);
export type Availability = Static<typeof Availability>;

export const AvailabilityRulesPut = Type.Object(
  { rules: Type.Array(AvailabilityRule, { maxItems: 200 }) },
  { $id: 'AvailabilityRulesPut', description: 'Body of `PUT /v1/booking/desk/availability/rules`: all weekly rules, replacing the current ones.', additionalProperties: false },
);
export type AvailabilityRulesPut = Static<typeof AvailabilityRulesPut>;

export const AvailabilityExceptionPut = Type.Object(
  { kind: AvailabilityExceptionKind, note: Type.Optional(Type.String({ maxLength: 200 })) },
  { $id: 'AvailabilityExceptionPut', description: 'Body of `PUT /v1/booking/desk/availability/exceptions/{date}`.', additionalProperties: false },
);
export type AvailabilityExceptionPut = Static<typeof AvailabilityExceptionPut>;

export const DateParams = Type.Object({ date: CalendarDate }, { $id: 'DateParams', description: 'Path parameter `{date}`.' });
export type DateParams = Static<typeof DateParams>;

export const DeskCitizenRef = Type.Object(
  { id: Id, firstName: Type.String({ minLength: 1 }) },
  { $id: 'DeskCitizenRef', description: 'The citizen a desk item belongs to (first name only).' },
);
export type DeskCitizenRef = Static<typeof DeskCitizenRef>;

export const DeskBooking = Type.Object(
  { ...bookingFields, citizen: DeskCitizenRef },
  { $id: 'DeskBooking', description: 'A `Booking` as the caseworker sees it: every field of the citizen\'s document plus the citizen.' },
);
export type DeskBooking = Static<typeof DeskBooking>;

export const DeskBookingList = Type.Object(
  { items: Type.Array(DeskBooking) },
  { $id: 'DeskBookingList', description: 'Answer of `GET /v1/booking/desk/bookings`: booked and cancelled, sorted by start.' },
);
export type DeskBookingList = Static<typeof DeskBookingList>;

export const DeskBookingsQuery = Type.Object(
  { from: CalendarDate, to: CalendarDate },
  { $id: 'DeskBookingsQuery', description: 'Query of `GET /v1/booking/desk/bookings`: local dates, inclusive, `to - from` at most 42 days.' },
);
export type DeskBookingsQuery = Static<typeof DeskBookingsQuery>;

export const DeskCitizen = Type.Object(
  { id: Id, firstName: Type.String({ minLength: 1 }), deadline: Type.Union([CalendarDate, Type.Null()], { description: 'The citizen\'s booking deadline, or `null`.' }) },
  { $id: 'DeskCitizen', description: 'A citizen assigned to the caseworker.' },
);
export type DeskCitizen = Static<typeof DeskCitizen>;

export const DeskCitizenList = Type.Object(
  { items: Type.Array(DeskCitizen) },
  { $id: 'DeskCitizenList', description: 'Answer of `GET /v1/booking/desk/citizens`, sorted by first name.' },
);
export type DeskCitizenList = Static<typeof DeskCitizenList>;

export const DeskSlotsQuery = Type.Object(
  { citizenId: Id, meetingTypeId: Id, from: CalendarDate, to: CalendarDate },
  { $id: 'DeskSlotsQuery', description: 'Query of `GET /v1/booking/desk/slots`; `to - from` is at most 62 days.' },
);
export type DeskSlotsQuery = Static<typeof DeskSlotsQuery>;

const deskReason = Type.String({ minLength: 1, maxLength: 500, description: 'Shown to the citizen.' });

export const DeskBookingCreate = Type.Object(
  { citizenId: Id, meetingTypeId: Id, slotId: SlotId, note: Type.Optional(Type.String({ maxLength: 500, description: 'An internal note of the job centre; not shown to the citizen.' })) },
  { $id: 'DeskBookingCreate', description: 'Body of `POST /v1/booking/desk/bookings` (`Idempotency-Key` required).', additionalProperties: false },
);
export type DeskBookingCreate = Static<typeof DeskBookingCreate>;

export const DeskBookingMove = Type.Object(
  { slotId: SlotId, reason: deskReason },
  { $id: 'DeskBookingMove', description: 'Body of `POST /v1/booking/desk/bookings/{id}/move` (`Idempotency-Key` required).', additionalProperties: false },
);
export type DeskBookingMove = Static<typeof DeskBookingMove>;

export const DeskBookingCancel = Type.Object(
  { reason: deskReason },
  { $id: 'DeskBookingCancel', description: 'Body of `POST /v1/booking/desk/bookings/{id}/cancel` (`Idempotency-Key` required).', additionalProperties: false },
);
export type DeskBookingCancel = Static<typeof DeskBookingCancel>;

export const DeskHelpRequest = Type.Object(
  {
    id: Id,
    citizen: DeskCitizenRef,
    reasons: helpReasons,
    message: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    handledAt: Type.Union([DateTime, Type.Null()], { description: 'When the caseworker marked it handled, or `null`.' }),
  },
  { $id: 'DeskHelpRequest', description: 'A citizen\'s request for help to book, as the caseworker sees it.' },
);
export type DeskHelpRequest = Static<typeof DeskHelpRequest>;

export const DeskReceipt = Type.Object(
  {
    id: Id,
    citizen: DeskCitizenRef,
    meetingTypeId: Id,
    deadline: CalendarDate,
    issuedAt: DateTime,
    firstAvailable: Type.Union([DateTime, Type.Null()]),
  },
  { $id: 'DeskReceipt', description: 'A no-free-time receipt issued to one of the caseworker\'s citizens.' },
);
export type DeskReceipt = Static<typeof DeskReceipt>;

export const DeskRequests = Type.Object(
  { helpRequests: Type.Array(DeskHelpRequest, { maxItems: 100 }), receipts: Type.Array(DeskReceipt, { maxItems: 100 }) },
  { $id: 'DeskRequests', description: 'Answer of `GET /v1/booking/desk/requests`: newest first, at most 100 of each.' },
);
export type DeskRequests = Static<typeof DeskRequests>;

export const DESK_CHANGE_KINDS = ['booking', 'help-request', 'receipt'] as const;
export const DeskChange = Type.Object(
  { kind: Type.Enum(DESK_CHANGE_KINDS), id: Id },
  { $id: 'DeskChange', description: 'What changed on the caseworker\'s desk: a booking, a help request or a receipt, by id.' },
);
export type DeskChange = Static<typeof DeskChange>;
