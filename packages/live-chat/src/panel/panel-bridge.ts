// What the launcher hands the panel, and what the panel gives back. Type-only for the launcher, so the panel's
// code stays out of the launcher's chunk.
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Announcer, Formatter, JuEventDetailMap, JuEventName, Translate } from '@jobunivers/core';

export type LiveChatMode = 'dialog' | 'inline';

export interface PanelBridge {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly announcer: Announcer;
  t: Translate;
  /** A plain-language sentence for any error (the element's `describeError`). */
  describeError: (error: unknown) => string;
  format: () => Formatter;
  language: () => string;
  api: () => string | undefined;
  token: () => string | undefined;
  topic: () => string | undefined;
  mode: () => LiveChatMode;
  /** Whether the dialog is (meant to be) open; always true inline. */
  isOpen: () => boolean;
  /** The panel asks to close (Esc, the close button): the launcher closes, emits and returns focus. */
  requestClose: () => void;
  unreadChanged: (count: number) => void;
  emit: <K extends JuEventName>(name: K, detail: JuEventDetailMap[K]) => void;
}

export interface ChatPanel {
  render(): TemplateResult;
  /** The api or token changed (e.g. the host handed over the citizen's token after a reload): look for the conversation again. */
  credentialsChanged(): void;
  /** Forget the conversation, the draft and unsent messages on this device; back to the start. */
  reset(): Promise<void>;
}
