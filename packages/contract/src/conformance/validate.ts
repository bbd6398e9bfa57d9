/**
 * Validation against the contract's own JSON Schemas (TypeBox), so the suite checks exactly what the published
 * schemas and `docs/openapi.json` say.
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import * as contract from '../schemas/index.js';

/** The schemas a rule may name, e.g. `expectJson(res, 200, 'Booking')`. */
const SCHEMA_NAMES = [
  'Availability',
  'Booking',
  'BookingChangedEvent',
  'CannedReplyList',
  'ChatAttachment',
  'ChatConsole',
  'ChatConsoleChangedEvent',
  'ChatMessage',
  'ChatMessageEvent',
  'ChatNoteEvent',
  'ChatReadEvent',
  'ChatStateEvent',
  'ChatStatus',
  'Conversation',
  'ConversationSession',
  'BookingDeskChangedEvent',
  'BookingPage',
  'Config',
  'DeskBooking',
  'DeskBookingList',
  'DeskCitizenList',
  'DeskRequests',
  'HelpRequest',
  'Hold',
  'MeetingTypeList',
  'NoFreeTimeReceipt',
  'SlotList',
  'DemoLoginResponse',
  'DemoUserList',
  'HealthStatus',
  'Me',
  'Notification',
  'NotificationCreatedEvent',
  'NotificationPage',
  'Problem',
  'ResetEvent',
] as const satisfies readonly (keyof typeof contract)[];

export type SchemaName = (typeof SCHEMA_NAMES)[number];

function pickSchemas(): Record<SchemaName, TSchema> {
  const picked: Partial<Record<SchemaName, TSchema>> = {};
  for (const name of SCHEMA_NAMES) picked[name] = contract[name];
  return picked as Record<SchemaName, TSchema>;
}

export const schemas = pickSchemas();

/** `undefined` when `value` matches, else the first few errors as `/pointer message; …`. */
export function describeSchemaErrors(schema: TSchema, value: unknown): string | undefined {
  if (Value.Check(schema, value)) return undefined;
  const errors = [...Value.Errors(schema, value)].slice(0, 3);
  if (errors.length === 0) return 'does not match';
  return errors.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');
}
