/**
 * Validation against the contract's own JSON Schemas (TypeBox), so the suite checks exactly what the published
 * schemas and `docs/openapi.json` say.
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  Availability,
  Booking,
  BookingChangedEvent,
  BookingDeskChangedEvent,
  BookingPage,
  Config,
  DeskBooking,
  DeskBookingList,
  DeskCitizenList,
  DeskRequests,
  HelpRequest,
  Hold,
  MeetingTypeList,
  NoFreeTimeReceipt,
  SlotList,
  DemoLoginResponse,
  DemoUserList,
  HealthStatus,
  Me,
  Notification,
  NotificationCreatedEvent,
  NotificationPage,
  Problem,
  ResetEvent,
} from '../schemas/index.js';

export const schemas = {
  Availability,
  Booking,
  BookingChangedEvent,
  BookingDeskChangedEvent,
  BookingPage,
  Config,
  DeskBooking,
  DeskBookingList,
  DeskCitizenList,
  DeskRequests,
  HelpRequest,
  Hold,
  MeetingTypeList,
  NoFreeTimeReceipt,
  SlotList,
  DemoLoginResponse,
  DemoUserList,
  HealthStatus,
  Me,
  Notification,
  NotificationCreatedEvent,
  NotificationPage,
  Problem,
  ResetEvent,
} satisfies Record<string, TSchema>;

export type SchemaName = keyof typeof schemas;

/** `undefined` when `value` matches, else the first few errors as `/pointer message; …`. */
export function describeSchemaErrors(schema: TSchema, value: unknown): string | undefined {
  if (Value.Check(schema, value)) return undefined;
  const errors = [...Value.Errors(schema, value)].slice(0, 3);
  if (errors.length === 0) return 'does not match';
  return errors.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');
}
