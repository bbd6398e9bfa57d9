import { registerNamespace, type Translations } from '@jobunivers/core';
import { sectionStrings } from '../sections/strings.js';
import shellDa from './da.json';
import modelDa from './model.da.json';
import sectionsDa from './sections.da.json';

/** One namespace from the package's locale files (some nested for reading, as `sectionStrings` explains). */
const merge = (...files: object[]): Translations => Object.assign({}, ...files.map((file) => sectionStrings(file))) as Translations;

type JsonModule = Promise<{ default: object }>;
const load = (files: JsonModule[]): Promise<Translations> => Promise.all(files).then((modules) => merge(...modules.map((module) => module.default)));

// Danish ships inline (the default must render at once), except the strings of the shell's parts that load on
// demand (dialogs, the preview pane), which come with them (shell/dialog-strings.ts).
// English and Arabic load whole, every file of the package at once, when an element needs them.
export const CV_BUILDER_NAMESPACE = registerNamespace('cv-builder', {
  da: merge(sectionsDa, modelDa, shellDa),
  en: () => load([import('./sections.en.json'), import('./model.en.json'), import('./preview.en.json'), import('./en.json')]),
  ar: () => load([import('./sections.ar.json'), import('./model.ar.json'), import('./preview.ar.json'), import('./ar.json')]),
});
