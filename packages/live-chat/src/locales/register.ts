import { registerNamespace } from '@jobunivers/core';
import da from './da.json';

// Only the launcher's Danish strings ship inline (the launcher must stay tiny); the panel brings the rest of the
// Danish strings itself (`panel-strings.ts`). English and Arabic load whole when an element needs them.
export const LIVE_CHAT_NAMESPACE = registerNamespace('live-chat', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});
