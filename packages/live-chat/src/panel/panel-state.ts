// The panel's state, shared by its views. Views are functions of this state and of the panel's actions.
import type { ChatAttachment, ChatMessage, ChatStatus, Conversation, OpeningHours } from '@jobunivers/contract';
import type { ChatLink, OutgoingMessage } from '../transport/index.js';

/**
 * `loading`: reading the chat's status or resuming a conversation. `unavailable`: the server cannot be reached.
 * `prechat`: topic and consent. `leave`: leave a message (closed, busy, or the citizen chose to). `receipt`: the
 * message was left. `conversation`: queued or active. `ended`: closed; transcript and rating. `gone`: the
 * conversation no longer exists or the token no longer opens it.
 */
export type PanelView = 'loading' | 'unavailable' | 'prechat' | 'leave' | 'receipt' | 'conversation' | 'ended' | 'gone';

export type FieldName = 'topic' | 'firstName' | 'consent' | 'message';

export interface StartForm {
  topicId: string;
  firstName: string;
  consent: boolean;
  message: string;
}

export interface PendingFile {
  file: File;
  error: string | undefined;
}

export interface PanelState {
  view: PanelView;
  status: ChatStatus | undefined;
  hours: OpeningHours | undefined;
  /** A signed-in citizen: no consent line, no first name. */
  signedIn: boolean;
  form: StartForm;
  errors: Partial<Record<FieldName, string>>;
  /** A problem with the whole form or action (network, server), shown as an alert. */
  problem: string | undefined;
  busy: boolean;
  conversation: Conversation | undefined;
  messages: readonly ChatMessage[];
  outbox: readonly OutgoingMessage[];
  link: ChatLink;
  /** The stream was live before and is now reconnecting. */
  reconnecting: boolean;
  draft: string;
  attachment: PendingFile | undefined;
  composerError: string | undefined;
  /** "Mette skriver …" while the caseworker types. */
  typing: string;
  confirmingEnd: boolean;
  receipt: { conversationId: string; at: string } | undefined;
  rating: { score: number | undefined; comment: string; sent: boolean; error: string | undefined };
}

export interface PanelActions {
  edit(change: Partial<StartForm>): void;
  start(event: Event): void;
  leaveMessage(event: Event): void;
  showLeave(): void;
  requestBooking(): void;
  retryStatus(): void;
  draftChanged(text: string): void;
  send(): void;
  chooseFile(file: File | undefined): void;
  removeFile(): void;
  retry(id: string): void;
  discard(id: string): void;
  download(messageId: string, attachment: ChatAttachment): void;
  askEnd(confirming: boolean): void;
  end(): void;
  transcript(): void;
  rate(change: { score?: number; comment?: string }): void;
  sendRating(event: Event): void;
  startOver(): void;
  close(): void;
}
