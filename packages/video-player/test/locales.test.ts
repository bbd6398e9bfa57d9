import daMain from '../src/locales/da.json';
import daPanels from '../src/locales/da-panels.json';
import daTranscript from '../src/locales/da-transcript.json';
import daYoutube from '../src/locales/da-youtube.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';
import { itHasCompleteTranslations, itKeepsPartsApart, joinParts } from '../../core/test/support/translation-checks.js';

// Danish comes in parts: the player's own strings, and those of each part that loads on first use.
const DANISH_PARTS = [daMain, daPanels, daTranscript, daYoutube];

describe('video-player strings', () => {
  itKeepsPartsApart(DANISH_PARTS);
  itHasCompleteTranslations({ da: joinParts(DANISH_PARTS), en, ar });
});
