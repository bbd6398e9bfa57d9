// The Danish strings of the conversation panel travel with the panel (the message list brings its own), so the launcher's
// first load does not carry them. Added without overwriting, so a host's own wording still wins.
import { getI18n } from '@jobunivers/core';
import { LIVE_CHAT_NAMESPACE } from './register.js';
import daPanel from './da-panel.json';
import { addListStrings } from '../message-list.js';

/** Called when the panel is created: a call, not a bare import, so bundlers keep it. */
export function addPanelStrings(): string {
  addListStrings();
  getI18n().addResourceBundle('da', LIVE_CHAT_NAMESPACE, daPanel, true, false);
  return LIVE_CHAT_NAMESPACE;
}
