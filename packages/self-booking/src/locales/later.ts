// The Danish strings of the views that load on first use ("my meetings", "help to book") travel with them, so
// the widget's first load does not carry them. Added without overwriting, so a host's own wording still wins;
// English and Arabic keep every string in their lazily loaded files.
import { getI18n } from '@jobunivers/core';
import { SELF_BOOKING_NAMESPACE } from './register.js';
import daLater from './da-later.json';

/** Called at the top of each lazily loaded view (a call, not a bare import, so bundlers keep it). */
export function addLaterStrings(): void {
  getI18n().addResourceBundle('da', SELF_BOOKING_NAMESPACE, daLater, true, false);
}
