import { registerNamespace } from '@jobunivers/core';
import da from './da.json';

// Danish ships inline (it must render at once); English and Arabic load when an element needs them.
export const VIDEO_PLAYER_NAMESPACE = registerNamespace('video-player', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});
