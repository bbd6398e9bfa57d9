// `@jobunivers/live-chat/panel`: the conversation panel of <ju-live-chat>, loaded by the launcher on first open.
import { defineMessageList } from './message-list.js';
import { addPanelStrings } from './locales/panel-strings.js';
import { LiveChatPanel } from './panel/live-chat-panel.js';
import type { ChatPanel, PanelBridge } from './panel/panel-bridge.js';

export { panelStyles } from './panel/panel.styles.js';

/** Creates the panel as a controller of the launcher element. */
export function createPanel(bridge: PanelBridge): ChatPanel {
  addPanelStrings();
  defineMessageList();
  return new LiveChatPanel(bridge);
}
