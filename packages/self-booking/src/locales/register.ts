import { registerNamespace } from '@jobunivers/core';
import da from './da.json';

// Danish ships inline (the default must render at once); other languages load when an element needs them.
export const SELF_BOOKING_NAMESPACE = registerNamespace('self-booking', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});
