import { getI18n, registerNamespace, type Translations } from '@jobunivers/core';
import { sectionStrings } from '../sections/strings.js';
import shellDa from './da.json';
import sectionsDa from './sections.da.json';

/** One namespace from the package's locale files (some nested for reading, as `sectionStrings` explains). */
const merge = (...files: object[]): Translations => Object.assign({}, ...files.map((file) => sectionStrings(file))) as Translations;

// Danish ships inline (the default must render at once), except what is needed only later, which loads with the
// parts that need it: the dialogs', the preview's and sync's strings (shell/dialog-strings.ts), the problems,
// import messages and "Tjek mit CV" (shell/check-strings.ts), the completeness panel's
// (shell/completeness-panel.ts), the help texts (`loadHelp`), and what only the
// section code loaded after the first render uses (sections/deferred.ts, added by the shell).
// English and Arabic load whole, every file of the package in one chunk, when an element needs them.
export const CV_BUILDER_NAMESPACE = registerNamespace('cv-builder', {
  da: merge(sectionsDa, shellDa),
  en: () => import('./all.en.js').then((module) => merge(...module.files)),
  ar: () => import('./all.ar.js').then((module) => merge(...module.files)),
});

/** Adds Danish strings that arrived with a part loaded on demand. A host's own wording is never overwritten. */
export function addDanishStrings(...files: object[]): void {
  getI18n().addResourceBundle('da', CV_BUILDER_NAMESPACE, merge(...files), true, false);
}

let help: Promise<void> | undefined;

/**
 * The help texts in Danish (`help.da.ts`): the sections' intros, tips and examples, what each language level and
 * driving licence category means, and the completeness panel's folded texts — nothing anyone needs before the
 * editor is on screen. The shell loads them when the browser is idle after the first render, or at once when a
 * `<details>` is opened; until then those places show their short labels alone. A failed load (offline) is tried
 * again next time.
 */
export function loadHelp(): Promise<void> {
  help ??= import('./help.da.js').then((module) => { addDanishStrings(module.sectionsHelp, module.completenessFolded); }, (error: unknown) => {
    help = undefined;
    throw error;
  });
  return help;
}
