/* global document, window, customElements -- browser globals: this file runs in the page */
// Runs in Chromium (bundled by bench/chat-list.mjs). The chat's message list (<ju-chat-message-list>, shared by
// <ju-live-chat> and <ju-chat-console>) with a 10,000-message conversation, against a plain-Lit list that renders
// every message (the full-render baseline): first render, appending one message, and DOM size.
import { LitElement, html } from 'lit';
import { defineMessageList } from '../../packages/live-chat/src/message-list.ts';
import { alternateRounds, countNodes, median, summary } from './measure.mjs';

defineMessageList();
const MESSAGES = 10_000;
const start = Date.parse('2026-11-02T08:00:00Z');
const caseworker = { firstName: 'Mette', team: 'Team Nord' };
const words = 'Hej jeg har et spørgsmål om min joblog og mine dagpenge kan du se på det https://jobnet.dk/ i morgen tak'.split(' ');

function message(index) {
  const author = index % 3 === 0 ? 'caseworker' : 'citizen';
  const text = Array.from({ length: 4 + (index % 12) }, (_, word) => words[(index + word) % words.length]).join(' ');
  return { id: `m-${String(index).padStart(8, '0')}`, seq: index + 1, author, caseworker: author === 'caseworker' ? caseworker : null, text, attachment: null, sentAt: new Date(start + index * 20_000).toISOString() };
}
const conversation = Array.from({ length: MESSAGES }, (_, index) => message(index));
const time = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** The baseline: the same conversation, every message rendered, in plain Lit (no window, no keys). */
class BenchFullList extends LitElement {
  static properties = { messages: { attribute: false } };
  render() {
    return html`<div role="log" aria-label="Samtale"><ol>${(this.messages ?? []).map((item) => html`<li class=${item.author}><p><b>${item.author === 'caseworker' ? 'Mette' : 'Dig'}</b> <time datetime=${item.sentAt}>${time.format(Date.parse(item.sentAt))}</time></p><p>${item.text}</p></li>`)}</ol></div>`;
  }
}
customElements.define('bench-full-list', BenchFullList);

const stage = document.getElementById('stage');

/** Forces style and layout of the updated DOM, so they are in the figure too (without waiting for a frame). */
const laidOut = (element) => (element.shadowRoot ?? element).firstElementChild?.getBoundingClientRect().height ?? document.body.offsetHeight;

async function round(tag, configure) {
  const element = document.createElement(tag);
  configure(element);
  let t0 = performance.now();
  element.messages = conversation;
  stage.append(element);
  await element.updateComplete;
  laidOut(element);
  const first = performance.now() - t0;
  const nodes = countNodes(element.shadowRoot ?? element);
  const appends = [];
  let messages = conversation;
  for (let index = 0; index < 9; index += 1) {
    messages = [...messages, message(MESSAGES + index)];
    t0 = performance.now();
    element.messages = messages;
    await element.updateComplete;
    laidOut(element);
    appends.push(performance.now() - t0);
  }
  element.remove();
  return { first, append: median(appends), nodes };
}

window.runBench = async (options) => {
  const { widget, baseline } = await alternateRounds(
    options,
    () => round('ju-chat-message-list', (element) => { element.label = 'Samtale'; element.side = 'citizen'; element.t = (key, values) => `${key}${values?.count === undefined ? '' : ` ${String(values.count)}`}`; }),
    () => round('bench-full-list', () => undefined),
  );
  return {
    firstWidget: summary(widget.map((r) => r.first)),
    firstBaseline: summary(baseline.map((r) => r.first)),
    appendWidget: summary(widget.map((r) => r.append)),
    appendBaseline: summary(baseline.map((r) => r.append)),
    nodesWidget: widget[0].nodes,
    nodesBaseline: baseline[0].nodes,
  };
};

document.documentElement.dataset.ready = 'true';
