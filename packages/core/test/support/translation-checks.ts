// The checks every widget's translations pass (each package's test/locales.test.ts calls them): English and
// Arabic have every Danish key, every CLDR plural form of their language, the Danish placeholders, and no
// empty string; Danish shipped in parts (inline + lazily loaded views) has each key in exactly one part.
import { expect } from '@open-wc/testing';

export type Strings = Record<string, string>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_FORMS: Record<string, string[]> = { da: ['one', 'other'], en: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] };

/** Keys without their plural suffix, and for each plural key the forms it has. */
function shape(strings: Strings): { keys: string[]; plurals: Map<string, string[]> } {
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

/** A widget's Danish strings from its parts, in one object. */
export const joinParts = (parts: readonly Strings[]): Strings => Object.assign({}, ...parts) as Strings;

/** `it`: every key of the Danish parts is in exactly one of them. */
export function itKeepsPartsApart(parts: readonly Strings[]): void {
  it('da: every key in exactly one part', () => {
    const counted = parts.reduce((sum, part) => sum + Object.keys(part).length, 0);
    expect(Object.keys(joinParts(parts))).to.have.length(counted);
  });
}

/** One `it` per language: every Danish key, every CLDR plural form, the same placeholders, nothing empty. */
export function itHasCompleteTranslations(languages: { da: Strings; en: Strings; ar: Strings }): void {
  const danish = shape(languages.da);
  for (const [language, strings] of Object.entries(languages)) {
    it(`${language}: every Danish key, every CLDR plural form, the same placeholders, nothing empty`, () => {
      const own = shape(strings);
      expect(own.keys).to.deep.equal(danish.keys);
      for (const [base, forms] of own.plurals) expect(forms, `${language} ${base}`).to.include.members(REQUIRED_FORMS[language] ?? []);
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${language} ${key}`).to.not.equal('');
        const base = key.replace(PLURAL, '');
        const danishKey = Object.keys(languages.da).find((candidate) => candidate.replace(PLURAL, '') === base && !candidate.endsWith('_one')) ?? base;
        const expected = placeholders(languages.da[danishKey] ?? '').filter((name) => name !== 'count');
        expect(placeholders(text).filter((name) => name !== 'count'), `${language} ${key}`).to.include.members(expected);
      }
    });
  }
}
