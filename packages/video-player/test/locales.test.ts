import { expect } from '@open-wc/testing';
import daMain from '../src/locales/da.json';
import daPanels from '../src/locales/da-panels.json';
import daTranscript from '../src/locales/da-transcript.json';
import daYoutube from '../src/locales/da-youtube.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_FORMS: Record<string, string[]> = { da: ['one', 'other'], en: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] };

function shape(strings: Record<string, string>): { keys: string[]; plurals: Map<string, string[]> } {
  const plurals = new Map<string, string[]>();
  const keys = new Set<string>();
  for (const key of Object.keys(strings)) {
    const match = PLURAL.exec(key);
    const base = match === null ? key : key.slice(0, match.index);
    keys.add(base);
    if (match !== null) plurals.set(base, [...(plurals.get(base) ?? []), match[1]]);
  }
  return { keys: [...keys].sort(), plurals };
}

// Danish comes in parts: the player's own strings, and those of each part that loads on first use.
const DANISH_PARTS: Record<string, string>[] = [daMain, daPanels, daTranscript, daYoutube];
const da: Record<string, string> = Object.assign({}, ...DANISH_PARTS) as Record<string, string>;

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('video-player strings', () => {
  const danish = shape(da);
  it('da: every key in exactly one part', () => {
    expect(DANISH_PARTS.reduce((count, part) => count + Object.keys(part).length, 0)).to.equal(Object.keys(da).length);
  });
  for (const [language, strings] of Object.entries({ da, en, ar }) as [string, Record<string, string>][]) {
    it(`${language}: every Danish key, every CLDR plural form, the same placeholders, nothing empty`, () => {
      const own = shape(strings);
      expect(own.keys).to.deep.equal(danish.keys);
      for (const [base, forms] of own.plurals) expect(forms, `${language} ${base}`).to.include.members(REQUIRED_FORMS[language] ?? []);
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${language} ${key}`).to.not.equal('');
        const base = key.replace(PLURAL, '');
        const danishKey = Object.keys(da).find((candidate) => candidate.replace(PLURAL, '') === base && !candidate.endsWith('_one')) ?? base;
        const expected = placeholders(da[danishKey] ?? '').filter((name) => name !== 'count');
        expect(placeholders(text).filter((name) => name !== 'count'), `${language} ${key}`).to.include.members(expected);
      }
    });
  }
});
