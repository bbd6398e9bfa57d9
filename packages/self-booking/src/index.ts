import { JuBookingDesk } from './desk/ju-booking-desk.component.js';
import { JuSelfBooking } from './ju-self-booking.component.js';

JuSelfBooking.define('ju-self-booking');
JuBookingDesk.define('ju-booking-desk');

declare global {
  interface HTMLElementTagNameMap {
    'ju-self-booking': JuSelfBooking;
    'ju-booking-desk': JuBookingDesk;
  }
}

export { JuSelfBooking, JuBookingDesk };
export type * from './events.js';
