// The code the sections need only once the citizen acts (list buttons, the country list, the last sections' lists)
// loads right after the first render. This file's page starts without it, as a slow network would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fieldId } from '../src/editor-context.js';
import { emptyCv } from '../src/model/cv.js';
import { loadSectionTools } from '../src/sections/index.js';
import { $$, byId, text, type SectionHost } from './support/section-host.js';

describe('section editors before their later code has arrived', () => {
  it('show the chosen country alone, and every section\'s frame; a click on "Tilføj" waits for the code and then adds', async () => {
    const el = await fixture<SectionHost>(html`<cv-section-host lang="da" .cv=${emptyCv()}></cv-section-host>`);
    await el.updateComplete;
    const country = byId<HTMLSelectElement>(el, fieldId('contact.countryCode'));
    expect([...country.options].map((option) => option.text)).to.deep.equal(['Vælg', 'Danmark']);
    expect(country.value).to.equal('DK');
    // The last sections have their heading and "Skjul" at once; their lists come with the code.
    expect(text(byId(el, 'cv-section-references'))).to.equal('Referencer');
    expect($$(el, '[data-section="references"] [part="list"]')).to.deep.equal([]);

    byId(el, fieldId('work')).click();
    await waitUntil(() => el.cv.work.items.length === 1, 'the item was not added once the code had loaded');
    await el.updateComplete;
    expect(el.focusRequests.at(-1)).to.equal(fieldId(`work.${el.cv.work.items[0].id}.position`));

    await loadSectionTools();
    el.requestUpdate();
    await el.updateComplete;
    expect(country.options.length).to.be.greaterThan(200);
    expect(country.selectedOptions[0].text).to.equal('Danmark');
    expect($$(el, '[data-section="references"] [part="list"]')).to.have.length(1);
  });
});
