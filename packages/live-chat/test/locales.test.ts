import { expect } from '@open-wc/testing';
import daLauncher from '../src/locales/da.json';
import daPanel from '../src/locales/da-panel.json';
import daList from '../src/locales/da-list.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';
import { itHasCompleteTranslations, itKeepsPartsApart, joinParts } from '../../core/test/support/translation-checks.js';

// Danish ships in parts: the launcher's strings inline, the panel's with the panel, the list's with the list.
const DANISH_PARTS = [daLauncher, daPanel, daList];

describe('live-chat strings', () => {
  it('da: the launcher\'s inline strings are only the launcher\'s', () => {
    expect(Object.keys(daLauncher).every((key) => key.startsWith('launcher.'))).to.equal(true);
  });
  itKeepsPartsApart(DANISH_PARTS);
  itHasCompleteTranslations({ da: joinParts(DANISH_PARTS), en, ar });
});
