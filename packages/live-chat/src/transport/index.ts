// `@jobunivers/live-chat/transport`: the loss-proof chat transport on its own, for vendors who build their own
// chat UI on the contract. No framework, no DOM needed (it listens to online/visibility events when there is one).
export { ChatConnection, newMessageId } from './chat-connection.js';
export type { ChatConnectionOptions, ChatLink, ChatStreamEvent, OutgoingMessage } from './types.js';
