// The caseworker's side, a separate entry (`@jobunivers/live-chat/console`): citizens' pages never load it.
import { JuChatConsole } from './console/ju-chat-console.component.js';
import { defineMessageList } from './message-list.js';

defineMessageList();
JuChatConsole.define('ju-chat-console');

declare global {
  interface HTMLElementTagNameMap {
    'ju-chat-console': JuChatConsole;
  }
}

export { JuChatConsole };
export type * from './console/events.js';
