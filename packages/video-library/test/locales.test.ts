import { expect } from '@open-wc/testing';
import daMain from '../src/locales/da.json';
import daDetail from '../src/locales/da-detail.json';
import daFilters from '../src/locales/da-filters.json';
import daMatch from '../src/locales/da-match.json';
import daPlaylists from '../src/locales/da-playlists.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';
import { itHasCompleteTranslations, itKeepsPartsApart, joinParts } from '../../core/test/support/translation-checks.js';

// Danish ships in parts: the catalogue's strings inline, each lazily loaded view's with its chunk.
const LATER: Record<string, Record<string, string>> = { 'detail.': daDetail, 'filters.': daFilters, 'match.': daMatch, playlist: daPlaylists };
const DANISH_PARTS = [daMain, ...Object.values(LATER)];

describe('video-library strings', () => {
  itKeepsPartsApart(DANISH_PARTS);

  it('da: each lazily loaded part holds only its view\'s strings', () => {
    for (const [prefix, part] of Object.entries(LATER)) expect(Object.keys(part).every((key) => key.startsWith(prefix)), prefix).to.equal(true);
  });

  itHasCompleteTranslations({ da: joinParts(DANISH_PARTS), en, ar });
});
