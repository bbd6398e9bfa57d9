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

export const Booking = Type.Object(
  {
    id: Id,
    status: Type.Enum(['booked', 'cancelled']),
    meetingType: BookedMeetingType,
    start: DateTime,
    end: DateTime,
    caseworker: Type.Object({ firstName: Type.String({ minLength: 1 }) }),
    answers: Type.Array(Answer),
    sequence: Type.Integer({ minimum: 0, description: 'The iCalendar `SEQUENCE`: 0, plus one for every reschedule or cancel.' }),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    cancelledBy: Type.Union([Type.Enum(['citizen', 'caseworker']), Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Booking', description: 'A booked (or cancelled) meeting of the citizen.' },
);
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
  { meetingTypeId: Id },
  { $id: 'NoFreeTimeReceiptCreate', description: 'Body of `POST /v1/booking/no-free-time-receipts` (`Idempotency-Key` required).', additionalProperties: false },
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
