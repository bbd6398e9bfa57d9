/* global document, window, customElements -- browser globals: this file runs in the page */
// Runs in Chromium (bundled by bench/run.mjs). Each benchmark pairs a Jobunivers case with a plain-Lit baseline
// measured in the same page and run, so the ratio says what core costs on top of Lit.
import { LitElement, css, html } from 'lit';
import { JuElement, getI18n, loadNamespace, translator } from '@jobunivers/core';
import '@jobunivers/core/define';
import { median } from './measure.mjs';

const COUNT = 200;
const KEY = 'action.retry';

/** The simplest real widget: one translated string in a paragraph. */
class BenchJuElement extends JuElement {
  render() {
    return html`<p part="text">${this.t(KEY)}</p>`;
  }
}
customElements.define('bench-ju-element', BenchJuElement);

/** The baseline: the same template in plain Lit, text given as a property. */
class BenchLitElement extends LitElement {
  static properties = { text: {} };
  static styles = css`:host { display: block; }`;
  constructor() {
    super();
    this.text = 'Prøv igen';
  }
  render() {
    return html`<p part="text">${this.text}</p>`;
  }
}
customElements.define('bench-lit-element', BenchLitElement);

const stage = document.getElementById('stage');
const nextFrame = () => new Promise((resolve) => { setTimeout(resolve, 0); });
const allUpdated = (elements) => Promise.all(elements.map((element) => element.updateComplete));
const textOf = (element) => element.shadowRoot.querySelector('p').textContent;

function mount(wrapperTag, elementTag) {
  const wrapper = document.createElement(wrapperTag);
  for (let index = 0; index < COUNT; index++) wrapper.append(document.createElement(elementTag));
  return wrapper;
}

const summarise = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), rounds: values.length });

/**
 * Runs every case once per round, in turn, so all cases see the same machine load (the median of each case is
 * compared with a baseline measured alongside it, not minutes earlier). A case returns ms, or
 * `{ time, script }` where `script` is the part before style recalculation and layout.
 */
async function interleaved(count, warmup, cases) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, { times: [], scripts: [] }]));
  for (let round = 0; round < warmup + count; round++) {
    for (const [name, once] of Object.entries(cases)) {
      const result = await once();
      if (round >= warmup) {
        samples[name].times.push(typeof result === 'number' ? result : result.time);
        if (typeof result === 'object') samples[name].scripts.push(result.script);
      }
      await nextFrame();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, { times, scripts }]) => [
    name,
    scripts.length > 0 ? { ...summarise(times), scriptMedian: median(scripts) } : summarise(times),
  ]));
}

/** (a) Append 200 elements (in one <ju-provider> for core, one <div> for Lit) until every first render is done. */
async function firstRender(wrapperTag, elementTag) {
  const wrapper = mount(wrapperTag, elementTag);
  const start = performance.now();
  stage.append(wrapper);
  const elements = [...wrapper.children];
  await allUpdated(elements);
  if (wrapperTag === 'ju-provider') await wrapper.updateComplete;
  const script = performance.now() - start;
  wrapper.getBoundingClientRect(); // include style recalculation and layout
  const time = performance.now() - start;
  if (textOf(elements[COUNT - 1]) !== 'Prøv igen') throw new Error(`${elementTag} did not render Danish`);
  wrapper.remove();
  return { time, script };
}

/** (b) 200 rendered JuElements; `<html lang>` flips da ⇄ en; time until all show the new language. */
async function prepareLanguageSwitch() {
  const wrapper = mount('ju-provider', 'bench-ju-element');
  stage.append(wrapper);
  const elements = [...wrapper.children];
  await allUpdated(elements);
  await loadNamespace('en', 'core'); // the lazy English chunk is loaded once, outside the measurement
  const once = async () => {
    const next = document.documentElement.lang === 'da' ? 'en' : 'da';
    const expected = next === 'da' ? 'Prøv igen' : 'Try again';
    const start = performance.now();
    document.documentElement.lang = next;
    await Promise.resolve(); // let the MutationObserver that watches lang attributes run
    await allUpdated(elements);
    wrapper.getBoundingClientRect();
    const time = performance.now() - start;
    if (!elements.every((element) => textOf(element) === expected)) throw new Error(`not every element switched to ${next}`);
    return time;
  };
  return { once, cleanup: () => { document.documentElement.lang = 'da'; wrapper.remove(); } };
}

/** (b) baseline: 200 plain Lit elements get a new text property and re-render. */
async function prepareLitRerender() {
  const wrapper = mount('div', 'bench-lit-element');
  stage.append(wrapper);
  const elements = [...wrapper.children];
  await allUpdated(elements);
  const once = async () => {
    const next = elements[0].text === 'Prøv igen' ? 'Try again' : 'Prøv igen';
    const start = performance.now();
    for (const element of elements) element.text = next;
    await allUpdated(elements);
    wrapper.getBoundingClientRect();
    const time = performance.now() - start;
    if (textOf(elements[COUNT - 1]) !== next) throw new Error('baseline did not re-render');
    return time;
  };
  return { once, cleanup: () => { wrapper.remove(); } };
}

/** (c) Lookups per second in slices of 100 ms; every case gets one slice per round, in turn. */
function lookupsPerSecond(count, cases) {
  const rates = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  const batch = 10_000;
  let sink = 0;
  for (let round = 0; round < count + 2; round++) {
    for (const [name, lookup] of Object.entries(cases)) {
      const start = performance.now();
      let done = 0;
      while (performance.now() - start < 100) {
        for (let index = 0; index < batch; index++) sink += lookup().length;
        done += batch;
      }
      if (round >= 2) rates[name].push(done / ((performance.now() - start) / 1000));
    }
  }
  if (sink === 0) throw new Error('lookups returned nothing');
  return Object.fromEntries(Object.entries(rates).map(([name, values]) => [name, summarise(values)]));
}

window.runBench = async ({ rounds: count, warmup }) => {
  const results = await interleaved(count, warmup, {
    firstRenderJu: () => firstRender('ju-provider', 'bench-ju-element'),
    firstRenderLit: () => firstRender('div', 'bench-lit-element'),
  });

  const languageSwitch = await prepareLanguageSwitch();
  const litRerender = await prepareLitRerender();
  Object.assign(results, await interleaved(count, warmup, { languageSwitch: languageSwitch.once, litRerender: litRerender.once }));
  languageSwitch.cleanup();
  litRerender.cleanup();
  await nextFrame();

  const element = document.createElement('bench-ju-element');
  stage.append(element);
  await element.updateComplete;
  // Cycle through 16 real keys, so neither side is a single constant lookup the JIT can fold away.
  const i18next = getI18n();
  const plain = { ...i18next.getResourceBundle('da', 'core') };
  const keys = Object.keys(plain).filter((key) => !/_(zero|one|two|few|many|other)$/.test(key) && !plain[key].includes('{{')).slice(0, 16);
  if (keys.length !== 16) throw new Error('core has fewer than 16 plain Danish strings');
  let next = 0;
  const key = () => keys[(next = (next + 1) & 15)];
  const fixed = translator('da', ['core']);
  Object.assign(results, lookupsPerSecond(count, {
    lookupElementT: () => element.t(key()),
    lookupTranslator: () => fixed(key()),
    lookupI18next: () => i18next.t(key(), { lng: 'da', ns: 'core' }),
    lookupPlain: () => plain[key()],
  }));
  element.remove();
  return results;
};
document.documentElement.dataset.ready = 'true';
