import { Type, type Static, type TSchema } from 'typebox';
import { DateTime } from './common.js';
import { Notification } from './notification.js';

/** The event types a stream can carry. `reset` tells the client to reload its data. */
export const EVENT_TYPES = ['notification.created', 'reset'] as const;
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

export const ResetEvent = EventEnvelope(
  'reset',
  Type.Object({}, { description: 'Empty.' }),
  'ResetEvent',
  '`event: reset` — the `Last-Event-ID` is older than the server keeps events (or unknown to it): reload your data. `id` is where the stream continues.',
);
export type ResetEvent = Static<typeof ResetEvent>;

export const LiveEvent = Type.Union([NotificationCreatedEvent, ResetEvent], {
  $id: 'LiveEvent',
  description: 'Any event of `GET /v1/events`, discriminated by `type`.',
});
export type LiveEvent = Static<typeof LiveEvent>;

/** The `retry:` the reference server sends (milliseconds). */
export const SSE_RETRY_MS = 3000;
