// The events of <ju-chat-console>. Details carry ids and codes only, never personal data. The names start with
// `ju-chat-console-` so they never mix with the citizen widget's `ju-chat-*` events on a page that has both.

export interface ChatConsoleConversationDetail {
  conversationId: string;
}

export interface ChatConsoleErrorDetail {
  /** The problem `code` from the server (e.g. `already-claimed`) or a client code (`offline`, `network`, …). */
  code: string;
  /** What the console was doing: `load`, `presence`, `claim`, `note`, `transfer`, `close`, `attachment`. */
  action: string;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-chat-console-claimed': ChatConsoleConversationDetail;
    'ju-chat-console-transferred': ChatConsoleConversationDetail;
    'ju-chat-console-closed': ChatConsoleConversationDetail;
    'ju-chat-console-error': ChatConsoleErrorDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-chat-console-claimed': CustomEvent<ChatConsoleConversationDetail>;
    'ju-chat-console-transferred': CustomEvent<ChatConsoleConversationDetail>;
    'ju-chat-console-closed': CustomEvent<ChatConsoleConversationDetail>;
    'ju-chat-console-error': CustomEvent<ChatConsoleErrorDetail>;
  }
}
