/**
 * The `detail` of every `ju-*` event, by event name. Widget packages add theirs by augmenting this interface:
 *
 * ```ts
 * declare module '@jobunivers/core' {
 *   interface JuEventDetailMap { 'ju-booking-confirmed': { bookingId: string } }
 * }
 * ```
 * Details carry ids and codes, never personal data.
 */
export interface JuEventDetailMap {
  /** The server answered 401: the host should hand over a fresh token (set `token` on the provider or widget). */
  'ju-auth-required': AuthRequiredDetail;
}

export interface AuthRequiredDetail {
  /** The problem `code` the server gave, e.g. `token-expired`. */
  code: string;
}

export type JuEventName = keyof JuEventDetailMap;
export type JuEvent<K extends JuEventName> = CustomEvent<JuEventDetailMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-auth-required': JuEvent<'ju-auth-required'>;
  }
}
