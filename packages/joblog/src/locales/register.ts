import { registerNamespace, type Translations } from '@jobunivers/core';
import { flattenStrings } from '../views/view-strings.js';
import modelDa from './model.da.json';
import shellDa from './da.json';

/** One namespace from the package's locale files (the model's and views' are nested for reading, as `flattenStrings` explains); later files win. */
const merge = (...files: object[]): Translations => Object.assign({}, ...files.map((file) => flattenStrings(file))) as Translations;

type JsonModule = Promise<{ default: object }>;
const load = (files: JsonModule[]): Promise<Translations> => Promise.all(files).then((modules) => merge(...modules.map((module) => module.default)));

// Danish ships inline (the default must render at once): the shell's strings and the model's that the first render
// uses (model.da.json: the requirement meter, the reminders). The parts that load on demand bring theirs
// (shell/lazy-strings.ts): the dialogs the rest of the model's (model-dialogs.da.json), the views their own.
// English and Arabic load whole, every file of the package at once, when an element needs them.
export const JOBLOG_NAMESPACE = registerNamespace('joblog', {
  da: merge(modelDa, shellDa),
  en: () => load([import('./model.en.json'), import('./model-dialogs.en.json'), import('./views.en.json'), import('./en.json')]),
  ar: () => load([import('./model.ar.json'), import('./model-dialogs.ar.json'), import('./views.ar.json'), import('./ar.json')]),
});
