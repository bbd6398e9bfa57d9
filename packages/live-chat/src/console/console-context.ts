import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import type { Formatter, Politeness } from '@jobunivers/core';
import type { LocalStore } from '@jobunivers/core/store';
import type { ChatCitizenRef, ConsoleConversation } from '@jobunivers/contract';
import type { ConsoleApi } from './console-api.js';

/** What the console element hands its parts: translations, formatting, the API and the one announcer. */
export interface ConsoleContext {
  readonly host: ReactiveControllerHost & HTMLElement;
  t(key: string, options?: TOptions): string;
  readonly format: Formatter;
  /** `undefined` when no usable `api` is configured. */
  readonly api: ConsoleApi | undefined;
  readonly apiUrl: URL | undefined;
  token(): string | undefined;
  language(): string;
  /** Where the open conversation's unsent messages are kept (shared by every conversation). */
  store(): Promise<LocalStore<unknown>>;
  announce(message: string, politeness?: Politeness): void;
  /** A plain-language sentence for the error, saying what to do next. */
  describe(error: unknown): string;
  /** Tells the host page that something failed (`ju-chat-console-error`). */
  failed(error: unknown, action: string): void;
  /** Moves focus to the element matching `selector` in the shadow root once the next render is done. */
  focus(selector: string): void;
}

/** The problem `code` of an API error, or `unknown`; never personal data. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown';
}

/** The citizen as the caseworker addresses them: their first name, or "Anonym". */
export function citizenName(context: ConsoleContext, citizen: ChatCitizenRef): string {
  return citizen.firstName ?? context.t('citizen.anonymous');
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "arabisk" for `ar` in Danish: the citizen's language in the caseworker's. */
export function languageName(context: ConsoleContext, code: string): string {
  const locale = context.format.locale;
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Ahmed · Ydelser · arabisk": who, about what, in which language. */
export function describeEntry(context: ConsoleContext, entry: ConsoleConversation): string {
  return [citizenName(context, entry.citizen), entry.conversation.topic.label, languageName(context, entry.citizen.language)].join(' · ');
}
