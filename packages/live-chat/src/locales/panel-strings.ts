// The Danish strings of the conversation panel and the message list travel with the panel, so the launcher's
// first load does not carry them. Added without overwriting, so a host's own wording still wins.
import { getI18n } from '@jobunivers/core';
import { LIVE_CHAT_NAMESPACE } from './register.js';
import daPanel from './da-panel.json';

/** Called when the panel (or the console's message list) is created: a call, not a bare import, so bundlers keep it. */
export function addPanelStrings(): string {
  getI18n().addResourceBundle('da', LIVE_CHAT_NAMESPACE, daPanel, true, false);
  return LIVE_CHAT_NAMESPACE;
}
