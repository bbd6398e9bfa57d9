// The desk API's shapes come from the contract, as types only (they add nothing to the bundle).
export type {
  Availability,
  AvailabilityException,
  AvailabilityExceptionKind as ExceptionKind,
  AvailabilityRule,
  DeskBooking,
  DeskBookingCreate,
  DeskChange,
  DeskCitizen,
  DeskCitizenRef as CitizenRef,
  DeskHelpRequest,
  DeskReceipt,
  DeskRequests,
  MeetingType,
  Slot,
  SlotList,
} from '@jobunivers/contract';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The kinds of closed day, in the order the form offers them (mirrors the contract's AVAILABILITY_EXCEPTION_KINDS). */
export const EXCEPTION_KINDS = ['holiday', 'sick', 'other'] as const;
