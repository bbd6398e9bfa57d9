// The desk API's shapes (see docs/contract.md, "Booking desk"). Declared here until the contract package
// exports them; the names match the contract's so switching is an import change.
import type { Booking, MeetingType, Slot, SlotList } from '@jobunivers/contract';

export type { MeetingType, Slot, SlotList };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CitizenRef {
  id: string;
  firstName: string;
}

/** A booking of the caseworker, with who it is with. */
export type DeskBooking = Booking & {
  bookedBy: 'citizen' | 'caseworker';
  changeReason: string | null;
  citizen: CitizenRef;
};

export interface AvailabilityRule {
  meetingTypeId: string;
  weekday: Weekday;
  /** "HH:MM", Europe/Copenhagen. */
  start: string;
  end: string;
}

export const EXCEPTION_KINDS = ['holiday', 'sick', 'other'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export interface AvailabilityException {
  /** YYYY-MM-DD */
  date: string;
  kind: ExceptionKind;
  note: string | null;
}

export interface Availability {
  rules: AvailabilityRule[];
  exceptions: AvailabilityException[];
}

export interface DeskCitizen {
  id: string;
  firstName: string;
  deadline: string | null;
}

export interface DeskHelpRequest {
  id: string;
  citizen: CitizenRef;
  reasons: string[];
  message: string | null;
  phone: string | null;
  createdAt: string;
  handledAt: string | null;
}

export interface DeskReceipt {
  id: string;
  citizen: CitizenRef;
  meetingTypeId: string;
  deadline: string;
  issuedAt: string;
  firstAvailable: string | null;
}

export interface DeskRequests {
  helpRequests: DeskHelpRequest[];
  receipts: DeskReceipt[];
}

export interface DeskBookingCreate {
  citizenId: string;
  meetingTypeId: string;
  slotId: string;
  note?: string;
}

/** What `booking.desk-changed` says changed. */
export interface DeskChange {
  kind: 'booking' | 'help-request' | 'receipt';
  id: string;
}
