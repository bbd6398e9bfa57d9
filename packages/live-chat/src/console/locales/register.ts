import { registerNamespace } from '@jobunivers/core';
import da from './da.json';

// Danish ships inline (the default must render at once); other languages load when an element needs them.
export const CHAT_CONSOLE_NAMESPACE = registerNamespace('chat-console', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});
