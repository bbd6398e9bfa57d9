import { expect } from '@open-wc/testing';
import { itHasCompleteTranslations, itKeepsPartsApart, type Strings } from '../../core/test/support/translation-checks.js';
import { DANISH_PARTS, STRINGS } from './support/section-host.js';

// The character count says "one character" and "two characters" in words in Arabic, without the number: it is checked
// on its own below; every other string goes through the shared checks.
const COUNT = /^section\.profile\.count_/;
const withoutCount = (strings: Strings): Strings => Object.fromEntries(Object.entries(strings).filter(([key]) => !COUNT.test(key)));

// The sections' Danish ships in three parts (inline; the help texts, loaded when idle; the strings of the code that
// loads right after the first render); English and Arabic are whole.
describe('section strings (da, en, ar)', () => {
  itKeepsPartsApart([DANISH_PARTS.inline, DANISH_PARTS.help, DANISH_PARTS.later]);
  itHasCompleteTranslations({ da: withoutCount(STRINGS.da), en: withoutCount(STRINGS.en), ar: withoutCount(STRINGS.ar) });

  it('counts the profile\'s characters in every plural form of each language', () => {
    const forms = (strings: Strings): string[] => Object.keys(strings).filter((key) => COUNT.test(key)).map((key) => key.replace(COUNT, '')).sort();
    expect(forms(STRINGS.da)).to.deep.equal(['one', 'other']);
    expect(forms(STRINGS.en)).to.deep.equal(['one', 'other']);
    expect(forms(STRINGS.ar)).to.deep.equal(['few', 'many', 'one', 'other', 'two', 'zero']);
    for (const strings of [STRINGS.da, STRINGS.en]) expect(strings['section.profile.count_other']).to.include('{{number}}');
  });

  it('ships inline every heading and label, and leaves help texts for later', () => {
    const inline = Object.keys(DANISH_PARTS.inline);
    for (const key of ['contact', 'work', 'volunteer', 'references', 'custom']) expect(inline).to.include(`section.${key}.heading`);
    expect(inline).to.include.members(['section.work.position', 'section.common.tips', 'section.languages.levelHint']);
    const help = Object.keys(DANISH_PARTS.help);
    expect(help).to.include.members(['section.work.intro', 'section.work.tip1', 'section.work.example', 'section.work.positionHint', 'section.languages.levels.A1', 'section.drivingLicences.meaning.B']);
    expect(inline.filter((key) => /\.(intro|tip\d|example)$|Hint$|\.levels\.[ABC]\d$|\.meaning\./.test(key) && key !== 'section.languages.levelHint')).to.deep.equal([]);
  });
});
