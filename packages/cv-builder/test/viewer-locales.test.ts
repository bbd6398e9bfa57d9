import { expect } from '@open-wc/testing';
import previewDa from '../src/locales/preview.da.json';
import previewEn from '../src/locales/preview.en.json';
import previewAr from '../src/locales/preview.ar.json';
import viewerDa from '../src/locales/viewer.da.json';
import viewerEn from '../src/locales/viewer.en.json';
import viewerAr from '../src/locales/viewer.ar.json';
import { viewerStrings } from '../src/viewer/locales.js';
import { PREVIEW_LABELS } from '../src/preview/labels.js';
import { itHasCompleteTranslations } from '../../core/test/support/translation-checks.js';

describe('cv-viewer strings', () => {
  itHasCompleteTranslations({
    da: viewerStrings(viewerDa, previewDa),
    en: viewerStrings(viewerEn, previewEn),
    ar: viewerStrings(viewerAr, previewAr),
  });

  it('groups each file\'s keys under its own top-level key', () => {
    for (const [file, group] of [[previewDa, 'preview'], [previewEn, 'preview'], [previewAr, 'preview'], [viewerDa, 'viewer'], [viewerEn, 'viewer'], [viewerAr, 'viewer']] as const) {
      expect(Object.keys(file)).to.deep.equal([group]);
    }
    expect(viewerStrings(viewerDa)['viewer.heading']).to.equal('CV’er delt med jobcentret');
  });

  it('has the CV\'s own labels in Danish and English with the same shape, and no empty one', () => {
    const shape = (value: unknown, path = ''): string[] =>
      value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`)) : [path];
    expect(shape(PREVIEW_LABELS.en)).to.deep.equal(shape(PREVIEW_LABELS.da));
    const leaves = (value: unknown): unknown[] => (value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value]);
    for (const label of [...leaves(PREVIEW_LABELS.da), ...leaves(PREVIEW_LABELS.en)]) expect(String(label).trim()).to.not.equal('');
  });
});
