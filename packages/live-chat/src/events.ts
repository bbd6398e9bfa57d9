// The public events of <ju-live-chat>. Details carry ids and counts only, never message text or names.

export interface ChatMessageIdDetail {
  /** The message's client-generated id (the same on both sides). */
  messageId: string;
}

export interface ChatUnreadDetail {
  /** Messages from the job centre the citizen has not seen yet (0 when the conversation is open on screen). */
  count: number;
}

export interface ChatConversationDetail {
  conversationId: string;
}

export interface ChatBookingRequestDetail {
  /** The conversation the citizen was waiting in, or `null` when there was none. */
  conversationId: string | null;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-chat-opened': Record<string, never>;
    'ju-chat-closed': Record<string, never>;
    'ju-chat-message-sent': ChatMessageIdDetail;
    'ju-chat-message-received': ChatMessageIdDetail;
    'ju-chat-unread-changed': ChatUnreadDetail;
    'ju-chat-ended': ChatConversationDetail;
    'ju-chat-request-booking': ChatBookingRequestDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-chat-opened': CustomEvent<Record<string, never>>;
    'ju-chat-closed': CustomEvent<Record<string, never>>;
    'ju-chat-message-sent': CustomEvent<ChatMessageIdDetail>;
    'ju-chat-message-received': CustomEvent<ChatMessageIdDetail>;
    'ju-chat-unread-changed': CustomEvent<ChatUnreadDetail>;
    'ju-chat-ended': CustomEvent<ChatConversationDetail>;
    'ju-chat-request-booking': CustomEvent<ChatBookingRequestDetail>;
  }
}
