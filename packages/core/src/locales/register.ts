import { registerNamespace } from '../i18n.js';
import da from './da.json';

// Danish ships inline (the default must render at once); other languages load when an element needs them.
export const CORE_NAMESPACE = registerNamespace('core', {
  da,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
});
