import { createContext } from '@lit/context';

/** Colour themes the widgets ship; `auto` follows the reader's system setting. */
export type JuTheme = 'light' | 'dark' | 'contrast' | 'auto';
export const THEMES: readonly JuTheme[] = ['light', 'dark', 'contrast', 'auto'];

/** What `<ju-provider>` hands to every widget inside it. */
export interface JuConfig {
  /** Base URL of a server that implements the Jobunivers contract (`…/v1/…` is appended). */
  api?: string | undefined;
  /** The citizen's or caseworker's bearer token; handed over as a property, never an attribute. */
  token?: string | undefined;
  theme?: JuTheme | undefined;
}

export const juConfigContext = createContext<JuConfig>(Symbol.for('jobunivers.config'));
