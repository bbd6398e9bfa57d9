import bookingDaFirst from '../src/locales/da.json';
import bookingDaLater from '../src/locales/da-later.json';
import bookingEn from '../src/locales/en.json';
import bookingAr from '../src/locales/ar.json';
import deskDa from '../src/desk/locales/da.json';
import deskEn from '../src/desk/locales/en.json';
import deskAr from '../src/desk/locales/ar.json';
import { itHasCompleteTranslations, itKeepsPartsApart, joinParts } from '../../core/test/support/translation-checks.js';

// Danish ships in two parts: inline, and with the views that load on first use.
const BOOKING_DANISH_PARTS = [bookingDaFirst, bookingDaLater];

describe('self-booking strings', () => {
  itKeepsPartsApart(BOOKING_DANISH_PARTS);
  itHasCompleteTranslations({ da: joinParts(BOOKING_DANISH_PARTS), en: bookingEn, ar: bookingAr });
});

describe('booking-desk strings', () => {
  itHasCompleteTranslations({ da: deskDa, en: deskEn, ar: deskAr });
});
