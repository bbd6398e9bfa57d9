// The shared message list: `<ju-chat-message-list>`, used by `<ju-live-chat>`'s panel and `<ju-chat-console>`.
// Registering is a call (`defineMessageList()`), so importing this module has no side effects.
import { JuChatMessageList, type AttachmentRequestDetail, type MessageListRequestDetail } from './message-list/ju-chat-message-list.component.js';

/** Registers `<ju-chat-message-list>` (once; a second copy of Jobunivers on the page keeps the first). */
export function defineMessageList(): void {
  if (customElements.get('ju-chat-message-list') === undefined) customElements.define('ju-chat-message-list', JuChatMessageList);
}

declare global {
  interface HTMLElementTagNameMap {
    'ju-chat-message-list': JuChatMessageList;
  }
  interface GlobalEventHandlersEventMap {
    'ju-chat-retry': CustomEvent<MessageListRequestDetail>;
    'ju-chat-discard': CustomEvent<MessageListRequestDetail>;
    'ju-chat-attachment': CustomEvent<AttachmentRequestDetail>;
    'ju-chat-newest-seen': Event;
  }
}

export { JuChatMessageList, MESSAGE_WINDOW, type ChatSide } from './message-list/ju-chat-message-list.component.js';
export type { AttachmentRequestDetail, MessageListRequestDetail };
export { splitLinks, checkedLink, type TextPart } from './message-list/message-text.js';
export { addListStrings } from './locales/list-strings.js';
