import { expect } from '@open-wc/testing';
import { languageName, rememberingTranslate, type Translate } from '../src/view.js';

describe('video library view helpers', () => {
  it('rememberingTranslate asks once per key and options, and tells different options apart', () => {
    const asked: string[] = [];
    const t: Translate = (key, options) => {
      asked.push(key);
      return `${key}:${JSON.stringify(options ?? {})}`;
    };
    const remembering = rememberingTranslate(t);
    expect(remembering('card.language', { language: 'dansk' })).to.equal('card.language:{"language":"dansk"}');
    expect(remembering('card.language', { language: 'dansk' })).to.equal('card.language:{"language":"dansk"}');
    expect(remembering('card.language', { language: 'engelsk' })).to.equal('card.language:{"language":"engelsk"}');
    expect(remembering('card.accessibility')).to.equal('card.accessibility:{}');
    expect(remembering('card.accessibility')).to.equal('card.accessibility:{}');
    expect(asked).to.deep.equal(['card.language', 'card.language', 'card.accessibility']);
  });

  it('languageName names a language in the reader\'s language, the same on every call', () => {
    expect(languageName('da', 'da')).to.equal('dansk');
    expect(languageName('da', 'da')).to.equal('dansk');
    expect(languageName('da', 'en')).to.equal('Danish');
  });
});
