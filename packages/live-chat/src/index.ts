import { JuLiveChat } from './ju-live-chat.component.js';

JuLiveChat.define('ju-live-chat');

declare global {
  interface HTMLElementTagNameMap {
    'ju-live-chat': JuLiveChat;
  }
}

export { JuLiveChat };
export type { LiveChatMode } from './panel/panel-bridge.js';
export type * from './events.js';
