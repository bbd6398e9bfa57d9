import { registerNamespace, type Translations } from '@jobunivers/core';
import viewerDa from '../locales/viewer.da.json';
import { flattenStrings } from '../views/view-strings.js';

/**
 * Strings nested for reading, flat for i18n (`viewer.heading`, `views.list.search`); later files win, so the viewer's
 * caseworker wording of the meter and the views ("Borgeren mangler 1 denne uge") replaces the citizen's
 * ("1 mere denne uge, så er du godt med") where it has one.
 */
export const mergeStrings = (...files: object[]): Translations => Object.assign({}, ...files.map((file) => flattenStrings(file))) as Translations;

const load = (files: Promise<{ default: object }>[]): Promise<Translations> =>
  Promise.all(files).then((modules) => mergeStrings(...modules.map((module) => module.default)));

// Danish ships inline for the list (the default must render at once); an opened joblog brings the rest of its Danish
// strings (joblog-detail.ts). English and Arabic load whole when an element needs them.
export const JOBLOG_VIEWER_NAMESPACE = registerNamespace('joblog-viewer', {
  da: mergeStrings(viewerDa),
  en: () => load([import('../locales/model.en.json'), import('../locales/views.en.json'), import('../locales/viewer.en.json'), import('./locales/detail.en.json')]),
  ar: () => load([import('../locales/model.ar.json'), import('../locales/views.ar.json'), import('../locales/viewer.ar.json'), import('./locales/detail.ar.json')]),
});
