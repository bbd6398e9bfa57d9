import { expect } from '@open-wc/testing';
import daMain from '../src/locales/da.json';
import daDetail from '../src/locales/da-detail.json';
import daFilters from '../src/locales/da-filters.json';
import daMatch from '../src/locales/da-match.json';
import daPlaylists from '../src/locales/da-playlists.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_FORMS: Record<string, string[]> = { da: ['one', 'other'], en: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] };
// Danish ships in parts: the catalogue's strings inline, each lazily loaded view's with its chunk.
const LATER: Record<string, Record<string, string>> = { 'detail.': daDetail, 'filters.': daFilters, 'match.': daMatch, playlist: daPlaylists };
const da: Record<string, string> = { ...daMain, ...daDetail, ...daFilters, ...daMatch, ...daPlaylists };
const danishStrings = da;

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

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('video-library strings', () => {
  const danish = shape(danishStrings);

  it('da: the parts do not overlap, and each lazily loaded part holds only its view\'s strings', () => {
    const counted = Object.keys(daMain).length + Object.values(LATER).reduce((sum, part) => sum + Object.keys(part).length, 0);
    expect(Object.keys(da)).to.have.length(counted);
    for (const [prefix, part] of Object.entries(LATER)) expect(Object.keys(part).every((key) => key.startsWith(prefix)), prefix).to.equal(true);
  });

  for (const [language, strings] of Object.entries({ da, en, ar }) as [keyof typeof REQUIRED_FORMS, Record<string, string>][]) {
    it(`${language}: every Danish key, every CLDR plural form, the same placeholders, nothing empty`, () => {
      const own = shape(strings);
      expect(own.keys).to.deep.equal(danish.keys);
      for (const [base, forms] of own.plurals) expect(forms, `${language} ${base}`).to.include.members(REQUIRED_FORMS[language] ?? []);
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${language} ${key}`).to.not.equal('');
        const base = key.replace(PLURAL, '');
        const danishKey = Object.keys(danishStrings).find((candidate) => candidate.replace(PLURAL, '') === base && !candidate.endsWith('_one')) ?? base;
        const expected = placeholders(danishStrings[danishKey] ?? '').filter((name) => name !== 'count');
        expect(placeholders(text).filter((name) => name !== 'count'), `${language} ${key}`).to.include.members(expected);
      }
    });
  }
});
