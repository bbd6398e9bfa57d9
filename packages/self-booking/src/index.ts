import { JuSelfBooking } from './ju-self-booking.component.js';

JuSelfBooking.define('ju-self-booking');

declare global {
  interface HTMLElementTagNameMap {
    'ju-self-booking': JuSelfBooking;
  }
}

export { JuSelfBooking };
export type { SelfBookingView } from './ju-self-booking.component.js';
export type * from './events.js';
