import { Type, type Static, type TSchema } from 'typebox';
import { DateTime } from './common.js';
import { Booking, DeskChange } from './booking.js';
import { Notification } from './notification.js';
import { ChatConsoleChange } from './chat.js';

/** The event types a stream can carry. `reset` tells the client to reload its data. */
export const EVENT_TYPES = ['notification.created', 'booking.changed', 'booking.desk-changed', 'chat.console-changed', 'reset'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The envelope of every Server-Sent Event's `data:` line. `id` equals the SSE `id:` line: the server's sequence
 * number, strictly increasing and the same on every server instance.
 */
export function EventEnvelope<Kind extends string, Data extends TSchema>(type: Kind, data: Data, id: string, description: string) {
  return Type.Object(
    {
      id: Type.Integer({ minimum: 0, description: 'The server\'s sequence number of the event (also the SSE `id:`).' }),
      type: Type.Literal(type),
      occurredAt: DateTime,
      data,
    },
    { $id: id, description },
  );
}

export const NotificationCreatedEvent = EventEnvelope(
  'notification.created',
  Notification,
  'NotificationCreatedEvent',
  '`event: notification.created` — a caseworker sent the citizen a notification; `data` is the notification.',
);
export type NotificationCreatedEvent = Static<typeof NotificationCreatedEvent>;

export const BookingChangedEvent = EventEnvelope(
  'booking.changed',
  Booking,
  'BookingChangedEvent',
  '`event: booking.changed` (citizen stream) — the job centre booked, moved or cancelled one of the citizen\'s meetings; `data` is the booking, in the citizen\'s language preference.',
);
export type BookingChangedEvent = Static<typeof BookingChangedEvent>;

export const BookingDeskChangedEvent = EventEnvelope(
  'booking.desk-changed',
  DeskChange,
  'BookingDeskChangedEvent',
  '`event: booking.desk-changed` (caseworker stream) — one of the caseworker\'s bookings changed (by the citizen or the desk), or one of their citizens sent a help request or got a receipt. Reload that item.',
);
export type BookingDeskChangedEvent = Static<typeof BookingDeskChangedEvent>;

export const ChatConsoleChangedEvent = EventEnvelope(
  'chat.console-changed',
  ChatConsoleChange,
  'ChatConsoleChangedEvent',
  '`event: chat.console-changed` (caseworker stream) — the chat queue, one of the caseworker\'s conversations or a colleague\'s presence changed. Reload the console (conversation streams carry the messages themselves).',
);
export type ChatConsoleChangedEvent = Static<typeof ChatConsoleChangedEvent>;

export const ResetEvent = EventEnvelope(
  'reset',
  Type.Object({}, { description: 'Empty.' }),
  'ResetEvent',
  '`event: reset` — the `Last-Event-ID` is older than the server keeps events (or unknown to it): reload your data. `id` is where the stream continues.',
);
export type ResetEvent = Static<typeof ResetEvent>;

export const LiveEvent = Type.Union([NotificationCreatedEvent, BookingChangedEvent, BookingDeskChangedEvent, ChatConsoleChangedEvent, ResetEvent], {
  $id: 'LiveEvent',
  description: 'Any event of `GET /v1/events`, discriminated by `type`.',
});
export type LiveEvent = Static<typeof LiveEvent>;

/** The `retry:` the reference server sends (milliseconds). */
export const SSE_RETRY_MS = 3000;
