/* global document, window, customElements, MutationObserver -- browser globals: this file runs in the page */
// Runs in Chromium (bundled by bench/video-library.mjs). <ju-video-library> over a 500-video catalogue (answered by
// the component tests' in-page fake server, so the figures are the widget's, not the network's), against a plain-Lit
// list that renders all 500 cards at once (the full-render baseline): first render, showing 24 more, DOM size.
import { LitElement, html } from 'lit';
import '../../packages/video-library/src/index.ts';
import { FakeVideoServer, manyVideos } from '../../packages/video-library/test/support/fake-video-server.ts';
import { alternateRounds, countNodes, summary } from './measure.mjs';

const VIDEOS = 500;
const API = 'https://api.bench.invalid/';
const server = new FakeVideoServer({ videos: manyVideos(VIDEOS), playlists: [] });
server.install();
const catalogue = server.videos.map((video) => video.summary);
const clock = (seconds) => `${String(Math.floor(seconds / 60))}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** The baseline: every card of the catalogue rendered at once, in plain Lit (no paging, no keys). */
class BenchFullCatalogue extends LitElement {
  static properties = { videos: { attribute: false } };
  render() {
    return html`<ul>${(this.videos ?? []).map((video) => html`<li><article>
      <h4><button type="button">${video.title}</button></h4>
      <div class="poster"></div>
      <p>${clock(video.duration)} · ${video.topic.label}</p>
      <p>For: ${video.targetGroups.map((group) => group.label).join(', ')}<br>Tale: dansk</p>
      <ul><li>Undertekster: dansk, engelsk</li></ul>
    </article></li>`)}</ul>`;
  }
}
customElements.define('bench-full-catalogue', BenchFullCatalogue);

const stage = document.getElementById('stage');

/** Resolves once `count` cards are in the widget (checked on every DOM change), style and layout included. */
function cards(element, count) {
  return new Promise((resolve, reject) => {
    const found = () => element.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0;
    let observer;
    const timer = window.setTimeout(() => { observer?.disconnect(); reject(new Error(`only ${String(found())} of ${String(count)} cards after 10 s`)); }, 10_000);
    const check = () => {
      if (found() < count) return false;
      observer?.disconnect();
      window.clearTimeout(timer);
      document.body.getBoundingClientRect();
      resolve();
      return true;
    };
    if (check()) return;
    observer = new MutationObserver(check);
    // The shadow root may not exist yet on the first call: watch the element until it does.
    observer.observe(element.shadowRoot ?? element, { childList: true, subtree: true });
    if (!element.shadowRoot) void element.updateComplete.then(() => { observer.observe(element.shadowRoot, { childList: true, subtree: true }); check(); });
  });
}

/** After the next frame has been rendered. */
const settledFrame = () => new Promise((resolve) => { window.requestAnimationFrame(() => { window.setTimeout(resolve, 0); }); });

async function widgetRound() {
  const element = document.createElement('ju-video-library');
  element.setAttribute('api', API);
  let t0 = performance.now();
  stage.append(element);
  await cards(element, 24);
  const first = performance.now() - t0;
  // Show all 500 ("Vis flere videoer" until the end), timing the last click: 24 more onto 476.
  let shown = 24;
  let more = 0;
  while (shown < VIDEOS) {
    // Let the previous page's cards be painted first, so this click is not charged for them.
    await settledFrame();
    const button = element.shadowRoot.querySelector('[part~="more"]');
    t0 = performance.now();
    button.click();
    shown = Math.min(VIDEOS, shown + 24);
    await cards(element, shown);
    more = performance.now() - t0;
  }
  const nodes = countNodes(element.shadowRoot);
  element.remove();
  return { first, more, nodes };
}

async function baselineRound() {
  const element = document.createElement('bench-full-catalogue');
  let t0 = performance.now();
  element.videos = catalogue;
  stage.append(element);
  await element.updateComplete;
  document.body.getBoundingClientRect();
  const first = performance.now() - t0;
  // The same "24 more" for the baseline: a new array, the whole list rendered again.
  element.videos = catalogue.slice(0, VIDEOS - 24);
  await element.updateComplete;
  await settledFrame();
  t0 = performance.now();
  element.videos = catalogue;
  await element.updateComplete;
  document.body.getBoundingClientRect();
  const more = performance.now() - t0;
  const nodes = countNodes(element.shadowRoot);
  element.remove();
  return { first, more, nodes };
}

window.runBench = async (options) => {
  const { widget, baseline } = await alternateRounds(options, widgetRound, baselineRound);
  return {
    firstWidget: summary(widget.map((r) => r.first)),
    firstBaseline: summary(baseline.map((r) => r.first)),
    moreWidget: summary(widget.map((r) => r.more)),
    moreBaseline: summary(baseline.map((r) => r.more)),
    nodesWidget: widget[0].nodes,
    nodesBaseline: baseline[0].nodes,
  };
};

document.documentElement.dataset.ready = 'true';
