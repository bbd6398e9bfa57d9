import { registerNamespace, type Translations } from '@jobunivers/core';
import previewDa from '../locales/preview.da.json';
import viewerDa from '../locales/viewer.da.json';
import { sectionStrings } from '../sections/strings.js';

/** The viewer's strings and the preview's, flat (`viewer.heading`, `preview.print`) as i18n wants them. */
export const viewerStrings = (...files: object[]): Translations => Object.assign({}, ...files.map((file) => sectionStrings(file))) as Translations;

const load = (files: Promise<{ default: object }>[]): Promise<Translations> =>
  Promise.all(files).then((modules) => viewerStrings(...modules.map((module) => module.default)));

// Danish ships inline (the default must render at once); English and Arabic load when an element needs them.
export const CV_VIEWER_NAMESPACE = registerNamespace('cv-viewer', {
  da: viewerStrings(viewerDa, previewDa),
  en: () => load([import('../locales/viewer.en.json'), import('../locales/preview.en.json')]),
  ar: () => load([import('../locales/viewer.ar.json'), import('../locales/preview.ar.json')]),
});
