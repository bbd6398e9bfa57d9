/** Text as an i18n key and its parameters: the model never holds interface text, only what to say. */
export interface Message {
  key: string;
  /** Counts and dates are whole numbers or ISO strings, so they read right in every language; user text is given as is. */
  params: Record<string, number | string>;
}
