import { Type, type Static } from 'typebox';
import { DateTime, Id } from './common.js';
import { Page, type PageOf } from './page.js';

/** An https URL, or a path on the host's own site (`/…`, not `//…`). */
export const LINK_PATTERN = '^(https://[^\\s/?#]+[^\\s]*|/(?!/)[^\\s]*)$';

const title = Type.String({
  minLength: 1,
  maxLength: 120,
  pattern: '\\S',
  description: 'A short headline, 1–120 characters (not only white space).',
});
const body = Type.String({
  minLength: 1,
  maxLength: 2000,
  pattern: '\\S',
  description: 'The message, 1–2000 characters of plain text (not only white space).',
});
const link = Type.String({
  maxLength: 2000,
  pattern: LINK_PATTERN,
  description: 'Where to act on it: an `https://` URL or a path on the host\'s site such as `/selvbooking`.',
});

export const Notification = Type.Object(
  {
    id: Id,
    citizenId: Id,
    title,
    body,
    link: Type.Optional(link),
    createdAt: DateTime,
    readAt: Type.Union([DateTime, Type.Null()], { description: 'When the citizen first marked it read, or `null`.' }),
  },
  { $id: 'Notification', description: 'A message from the job centre to one citizen (continuous feedback).' },
);
export type Notification = Static<typeof Notification>;

export const NotificationCreate = Type.Object(
  { title, body, link: Type.Optional(link) },
  {
    $id: 'NotificationCreate',
    description: 'Body of `POST /v1/citizens/{citizenId}/notifications` (caseworker; `Idempotency-Key` required).',
    additionalProperties: false,
  },
);
export type NotificationCreate = Static<typeof NotificationCreate>;

export const NotificationPage = Page(Notification, 'NotificationPage', 'A page of the citizen\'s notifications, newest first.');
export type NotificationPage = PageOf<Notification>;

export const NotificationParams = Type.Object(
  { id: Id },
  { $id: 'NotificationParams', description: 'Path parameters of `/v1/notifications/{id}`.' },
);
export type NotificationParams = Static<typeof NotificationParams>;

export const CitizenParams = Type.Object(
  { citizenId: Id },
  { $id: 'CitizenParams', description: 'Path parameters of `/v1/citizens/{citizenId}/…`.' },
);
export type CitizenParams = Static<typeof CitizenParams>;
