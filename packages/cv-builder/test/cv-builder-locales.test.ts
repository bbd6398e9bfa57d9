import { expect } from '@open-wc/testing';
import { itKeepsPartsApart } from '../../core/test/support/translation-checks.js';
import ar from '../src/locales/ar.json';
import checksDa from '../src/locales/checks.da.json';
import completenessDa from '../src/locales/completeness.da.json';
import da from '../src/locales/da.json';
import dialogsDa from '../src/locales/dialogs.da.json';
import en from '../src/locales/en.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (keys: string[]): Set<string> => new Set(keys.map((key) => key.replace(PLURAL, '')));
// Danish in parts: inline, with the dialogs (and the preview, sync and "changed in another window"), with the checks,
// with the completeness panel.
const danish = { ...da, ...dialogsDa, ...checksDa, ...completenessDa } as Record<string, string>;

describe('the shell\'s strings', () => {
  itKeepsPartsApart([da, dialogsDa, checksDa, completenessDa]);

  it('English and Arabic have every Danish string, and nothing else', () => {
    const keys = base(Object.keys(danish));
    expect([...base(Object.keys(en))].sort()).to.deep.equal([...keys].sort());
    expect([...base(Object.keys(ar))].sort()).to.deep.equal([...keys].sort());
  });

  it('plural strings have Danish/English one and other, and all six Arabic forms', () => {
    const plurals = [...base(Object.keys(danish).filter((key) => PLURAL.test(key)))];
    expect(plurals.length).to.be.greaterThan(5);
    for (const key of plurals) {
      for (const form of ['one', 'other']) {
        expect(danish[`${key}_${form}`], `da ${key}_${form}`).to.be.a('string');
        expect((en as Record<string, string>)[`${key}_${form}`], `en ${key}_${form}`).to.be.a('string');
      }
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect((ar as Record<string, string>)[`${key}_${form}`], `ar ${key}_${form}`).to.be.a('string');
    }
  });

  it('keeps every {{placeholder}} in each translation, and translates (no Danish copied)', () => {
    for (const [key, text] of Object.entries(danish)) {
      const wanted = (text.match(/\{\{\w+\}\}/g) ?? []).sort();
      for (const [name, strings] of [['en', en], ['ar', ar]] as const) {
        const translated = (strings as Record<string, string | undefined>)[key] ?? (strings as Record<string, string | undefined>)[key.replace(/_one$/, '_other')];
        if (translated === undefined) continue;
        const found = (translated.match(/\{\{\w+\}\}/g) ?? []).sort();
        if (!key.endsWith('_one')) expect(found, `${name} ${key}`).to.deep.equal(wanted);
        if (text.length > 20 && !/^(CV|PDF|Europass)\b/.test(text)) expect(translated, `${name} ${key} is a copy of the Danish`).not.to.equal(text);
      }
    }
  });
});
