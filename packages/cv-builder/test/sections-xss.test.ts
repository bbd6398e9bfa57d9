import { expect } from '@open-wc/testing';
import { fieldId } from '../src/editor-context.js';
import { $$, byId, fullCv, renderHost, text, typeInto, type SectionHost } from './support/section-host.js';

// What people paste by accident and what attackers try: markup, script, event handlers, URLs, template and
// i18next syntax ({{…}} interpolation, $t() nesting) — everything must stay text.
const PAYLOADS = [
  '<img src=x onerror="window.__cvXss=(window.__cvXss||0)+1">',
  '<script>window.__cvXss=(window.__cvXss||0)+1</script>',
  '"><svg onload="window.__cvXss=(window.__cvXss||0)+1"></svg>',
  '\'><iframe srcdoc="<script>parent.__cvXss=1</script>"></iframe>',
  'javascript:window.__cvXss=(window.__cvXss||0)+1',
  '{{label}} {{own}} ${window.__cvXss=1} $t(section.common.delete)',
  '<a href="javascript:alert(1)">klik</a>',
];

declare global {
  interface Window { __cvXss?: number }
}

const dangerous = (el: SectionHost): Element[] =>
  $$(el, 'script, img, iframe, object, embed, a, [onerror], [onload], [onclick], [srcdoc], svg:not(.handle svg)');

describe('section editors: what the citizen types stays text', () => {
  afterEach(() => { delete window.__cvXss; });

  it('in every text field of every section, and in the item names built from it', async () => {
    const el = await renderHost({ cv: fullCv() });
    const svgBefore = $$(el, 'svg').length;
    const fields = $$<HTMLInputElement | HTMLTextAreaElement>(el, 'input:not([type=checkbox]), textarea').map((field) => field.id);
    expect(fields.length).to.be.greaterThan(60);
    for (const payload of PAYLOADS) {
      for (const id of fields) {
        const field = el.shadowRoot?.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
        if (field === null) continue; // a year field that a date of the same payload has hidden
        await typeInto(el, field, payload);
      }
      await new Promise((resolve) => setTimeout(resolve, 50)); // give an injected handler the chance to run
      expect(dangerous(el), payload).to.deep.equal([]);
      expect($$(el, 'svg').length).to.equal(svgBefore);
      expect(window.__cvXss, payload).to.equal(undefined);
      // The names of items show the payload as typed: no interpolation, no nesting.
      const job = el.cv.work.items[0];
      expect(job.position).to.equal(payload);
      expect(text($$(el, 'fieldset.item').find((item) => item.dataset['item'] === job.id)?.querySelector('legend')))
        .to.equal(text(document.createTextNode(`Erhvervserfaring 1: ${payload}, ${payload}`)));
      expect(byId<HTMLInputElement>(el, fieldId(`work.${job.id}.position`)).value).to.equal(payload);
    }
  });

  it('in Arabic too (right to left), with the same result', async () => {
    const el = await renderHost({ cv: fullCv(), lang: 'ar', sections: ['custom', 'references'] });
    for (const field of $$<HTMLInputElement | HTMLTextAreaElement>(el, 'input:not([type=checkbox]), textarea')) {
      await typeInto(el, field, PAYLOADS[0]);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dangerous(el)).to.deep.equal([]);
    expect(window.__cvXss).to.equal(undefined);
  });
});
