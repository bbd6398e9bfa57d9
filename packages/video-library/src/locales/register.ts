import { getI18n, registerNamespace, type Translations } from '@jobunivers/core';
import da from './da.json';

// The catalogue's Danish strings ship inline (the default must render at once); the views that load later bring
// their own Danish strings (`addDanishStrings`). English and Arabic load whole when an element needs them.
export const VIDEO_LIBRARY_NAMESPACE = registerNamespace('video-library', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});

/** Adds a lazily loaded view's Danish strings, without overwriting a host's own wording. */
export function addDanishStrings(strings: Translations): void {
  getI18n().addResourceBundle('da', VIDEO_LIBRARY_NAMESPACE, strings, true, false);
}
