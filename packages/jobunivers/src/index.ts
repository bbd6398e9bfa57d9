/**
 * `jobunivers`: the all-in-one drop-in. One `<script type="module" src="…/jobunivers.js">` registers every
 * Jobunivers element and exposes the helpers a host page needs. Languages other than Danish stay in separate
 * chunk files beside jobunivers.js and load only when an element needs them.
 */

// ── Elements ────────────────────────────────────────────────────────────────────────────────────────────────
// Every package that registers tags is imported here for its side effect. A new widget adds exactly one line,
// e.g. `import '@jobunivers/self-booking';` (or a `defineWhenUsed` line for a widget most pages do not use),
// plus a `dependencies` entry in package.json and a budget in bench/budgets.json.
import '@jobunivers/core/define';
import '@jobunivers/self-booking';
import '@jobunivers/live-chat';
import { defineWhenUsed } from './define-when-used.js';

// Widgets for job-centre staff load only on pages that use them: citizens' pages never download them.
defineWhenUsed('ju-booking-desk', () => import('@jobunivers/self-booking/desk'));
defineWhenUsed('ju-chat-console', () => import('@jobunivers/live-chat/console'));
// The video library and player are big enough to matter and live on few pages: they load where they are used.
defineWhenUsed('ju-video-library', () => import('@jobunivers/video-library'));
defineWhenUsed('ju-video-player', () => import('@jobunivers/video-player'));
// The CV builder keeps the citizen's CV on the device and loads its PDF writer only on export.
defineWhenUsed('ju-cv-builder', () => import('@jobunivers/cv-builder'));
defineWhenUsed('ju-cv-viewer', () => import('@jobunivers/cv-builder/viewer'));
// The joblog keeps the citizen's applications on the device; its PDF report and CSV import load on use.
defineWhenUsed('ju-joblog', () => import('@jobunivers/joblog'));
defineWhenUsed('ju-joblog-viewer', () => import('@jobunivers/joblog/viewer'));

// ── Host API ────────────────────────────────────────────────────────────────────────────────────────────────
// What a host page may call after `import { … } from '…/jobunivers.js'`: strings and languages at runtime,
// and the classes for `instanceof` checks or subclassing.
export {
  JuElement,
  JuProvider,
  VERSION,
  addLanguage,
  addTranslations,
  onTranslationsChanged,
  supportedLanguages,
  type JuConfig,
  type JuTheme,
  type LanguageInfo,
  type Translations,
} from '@jobunivers/core';
