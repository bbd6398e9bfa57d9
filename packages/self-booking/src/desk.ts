// The caseworker's side, a separate entry (`@jobunivers/self-booking/desk`): citizens' pages never load it.
import { JuBookingDesk } from './desk/ju-booking-desk.component.js';

JuBookingDesk.define('ju-booking-desk');

declare global {
  interface HTMLElementTagNameMap {
    'ju-booking-desk': JuBookingDesk;
  }
}

export { JuBookingDesk };
export type * from './events.js';
