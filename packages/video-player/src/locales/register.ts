import { getI18n, registerNamespace, type Translations } from '@jobunivers/core';
import da from './da.json';

// The player's own Danish strings ship inline (it must render at once); the parts that load on first use (the
// transcript; settings, chapters and the keyboard help) bring their own Danish strings (`addDanishStrings`).
// English and Arabic load whole when an element needs them.
export const VIDEO_PLAYER_NAMESPACE = registerNamespace('video-player', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});

/** Adds a lazily loaded part's Danish strings, without overwriting a host's own wording. */
export function addDanishStrings(strings: Translations): void {
  getI18n().addResourceBundle('da', VIDEO_PLAYER_NAMESPACE, strings, true, false);
}
