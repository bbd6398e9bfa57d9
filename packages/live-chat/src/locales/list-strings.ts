// The Danish strings of the message list travel with the list (the panel and the console both use it), so
// neither the launcher's first load nor the console carries the panel's strings for them. Added without
// overwriting, so a host's own wording still wins.
import { getI18n } from '@jobunivers/core';
import { LIVE_CHAT_NAMESPACE } from './register.js';
import daList from './da-list.json';

/** Registers the list's Danish strings and answers their namespace (a call, not a bare import, so bundlers keep it). */
export function addListStrings(): string {
  getI18n().addResourceBundle('da', LIVE_CHAT_NAMESPACE, daList, true, false);
  return LIVE_CHAT_NAMESPACE;
}
