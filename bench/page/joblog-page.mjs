/* global document, window, InputEvent -- browser globals: this file runs in the page */
// Runs in Chromium (bundled by bench/joblog.mjs). The joblog's list view — the same `JoblogViews` controller and row
// template `<ju-joblog>` renders, in a small host that stands in for the shell — with 10,000 entries, against a
// plain-Lit list that renders every entry with the same row template (the full-render baseline): first render,
// typing a search, changing the sort, adding one entry, and DOM size.
import { html } from 'lit';
import { JuElement, registerNamespace, sharedStyles } from '@jobunivers/core';
import { newEntry } from '../../packages/joblog/src/model/entry.ts';
import { searchText, sortKey } from '../../packages/joblog/src/model/text.ts';
import { addDays } from '../../packages/joblog/src/model/weeks.ts';
import { JoblogViews, flattenStrings, renderListRow, viewStyles } from '../../packages/joblog/src/views/index.ts';
import viewStringsDa from '../../packages/joblog/src/locales/views.da.json';
import { JoblogStore } from '../../packages/joblog/src/storage/entry-store.ts';
import '../../packages/joblog/src/index.ts';
import { alternateRounds, countNodes, median, summary } from './measure.mjs';

const ENTRIES = 10_000;
const TODAY = '2026-11-25';
const SEARCH = 'kok';
const SORT_KEY = 'title';
const namespace = registerNamespace('joblog-bench', { da: flattenStrings(viewStringsDa) });

const TITLES = ['Lagermedarbejder', 'Pædagogmedhjælper', 'Buschauffør', 'Kok', 'Social- og sundhedshjælper', 'Butiksassistent', 'Tømrer', 'Rengøringsassistent', 'Elektriker', 'Kundeservicemedarbejder'];
const EMPLOYERS = ['Salling Group', 'Vejle Kommune', 'Arriva', 'Coop', 'DSV', 'Novo Nordisk', 'Aarhus Kommune', 'ISS', 'Netto', 'Café Åen'];
const TOWNS = [['7100', 'Vejle'], ['8000', 'Aarhus C'], ['5000', 'Odense C'], ['2100', 'København Ø'], ['9000', 'Aalborg']];
const STATUSES = ['saved', 'applied', 'interview', 'closed'];
const OUTCOMES = ['rejected', 'hired', 'withdrew'];
const NOTES = ['', 'Ring til Mette', 'Sagde "vi vender tilbage"', '', 'Samtale i Kolding', ''];

/** Entry `index` of the generated joblog: a tenth are activities, statuses rotate, three entries a day back in time. */
function entry(index) {
  const isActivity = index % 10 === 9;
  const date = addDays(TODAY, -Math.floor(index / 3));
  const base = newEntry(new Date(`${date}T10:00:00Z`), date, isActivity ? 'activity' : 'application');
  const [postalCode, town] = TOWNS[index % TOWNS.length];
  const status = isActivity ? 'closed' : STATUSES[index % 4];
  const outcome = status === 'closed' && !isActivity ? OUTCOMES[index % 3] : null;
  return {
    ...base,
    id: `entry-${String(index).padStart(5, '0')}`,
    title: isActivity ? `Jobmesse ${String(index)}` : `${TITLES[index % TITLES.length]} ${String(index)}`,
    employer: EMPLOYERS[(index * 7) % EMPLOYERS.length],
    postalCode,
    town,
    status,
    outcome,
    history: [{ status, outcome, on: date }],
    deadline: index % 5 === 0 ? addDays(date, 14) : null,
    notes: NOTES[index % NOTES.length],
  };
}
const joblog = Array.from({ length: ENTRIES }, (_, index) => entry(index));

/** What both hosts hand the row template: the shell's view context, without a shell. */
function context(host) {
  return {
    entries: host.entries,
    today: TODAY,
    readOnly: false,
    headingLevel: 2,
    t: (key, options) => host.t(key, options),
    format: host.format,
    lang: 'da',
    open: () => undefined,
    changeStatus: () => undefined,
    announce: () => undefined,
  };
}

/** The widget's list: `JoblogViews` rendering the list view, as `<ju-joblog>` does (windowed rows, prepared index). */
class BenchJoblogList extends JuElement {
  static namespace = namespace;
  static styles = [sharedStyles, viewStyles];
  static properties = { entries: { attribute: false } };

  constructor() {
    super();
    this.entries = [];
    this.views = new JoblogViews(this);
  }

  render() {
    return html`<h2>Din joblog</h2>${this.views.render('list', context(this))}`;
  }
}
BenchJoblogList.define('bench-joblog-list');

const collator = new Intl.Collator('da');

/** The baseline: every entry as a row (same template), search and sort done afresh on each change, no window, no keys. */
class BenchFullJoblogList extends JuElement {
  static namespace = namespace;
  static styles = [sharedStyles, viewStyles];
  static properties = { entries: { attribute: false }, search: { attribute: false }, sortBy: { attribute: false } };

  constructor() {
    super();
    this.entries = [];
    this.search = '';
    this.sortBy = 'date';
  }

  render() {
    const ctx = context(this);
    const query = searchText(this.search.trim());
    const shown = query === '' ? [...this.entries] : this.entries.filter((item) => searchText([item.title, item.employer, item.postalCode, item.town, item.source, item.notes].join('\n')).includes(query));
    if (this.sortBy === 'title') shown.sort((a, b) => collator.compare(sortKey(a.title), sortKey(b.title)));
    else shown.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return html`<h2>Din joblog</h2><ol class="ju-joblog-rows" role="list">${shown.map((item, index) => renderListRow(ctx, item, index + 1, shown.length))}</ol>`;
  }
}
BenchFullJoblogList.define('bench-full-joblog-list');

const stage = document.getElementById('stage');

/** Until the element has no update pending (the list measures its rows after a render and may render once more). */
async function settled(element) {
  do {
    await element.updateComplete;
    await Promise.resolve();
  } while (element.isUpdatePending);
}

/** Forces style and layout of the updated DOM, so they are in the figure too (without waiting for a frame). */
const laidOut = (element) => {
  for (const child of element.shadowRoot.children) child.getBoundingClientRect();
  return document.body.offsetHeight;
};

/** Times `change` until the element has rendered it and the browser has laid it out. */
async function timed(element, change) {
  const t0 = performance.now();
  change();
  await settled(element);
  laidOut(element);
  return performance.now() - t0;
}

const newcomer = (round) => ({ ...entry(ENTRIES + round), id: `added-${String(round)}`, date: TODAY, title: 'Kok i Café Åen' });

function field(element, selector) {
  const found = element.shadowRoot.querySelector(selector);
  if (found === null) throw new Error(`the list has no ${selector}`);
  return found;
}

let rounds = 0;

async function widgetRound() {
  rounds += 1;
  const element = document.createElement('bench-joblog-list');
  const first = await timed(element, () => { element.entries = joblog; stage.append(element); });
  const nodes = countNodes(element.shadowRoot);
  const search = field(element, '#ju-joblog-search');
  const filter = await timed(element, () => {
    search.value = SEARCH;
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: SEARCH }));
  });
  const filteredRows = element.views.listResultIds.length;
  await timed(element, () => {
    search.value = '';
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
  });
  const sortField = field(element, '#ju-joblog-sort');
  const sort = await timed(element, () => {
    sortField.value = SORT_KEY;
    sortField.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  });
  const add = await timed(element, () => { element.entries = [...element.entries, newcomer(rounds)]; });
  const rowsAfterAdd = element.views.listResultIds.length;
  element.remove();
  return { first, filter, sort, add, nodes, filteredRows, rowsAfterAdd };
}

async function baselineRound() {
  rounds += 1;
  const element = document.createElement('bench-full-joblog-list');
  const first = await timed(element, () => { element.entries = joblog; stage.append(element); });
  const nodes = countNodes(element.shadowRoot);
  const filter = await timed(element, () => { element.search = SEARCH; });
  const filteredRows = element.shadowRoot.querySelectorAll('.ju-joblog-row').length;
  await timed(element, () => { element.search = ''; });
  const sort = await timed(element, () => { element.sortBy = SORT_KEY; });
  const add = await timed(element, () => { element.entries = [...element.entries, newcomer(rounds)]; });
  const rowsAfterAdd = element.shadowRoot.querySelectorAll('.ju-joblog-row').length;
  element.remove();
  return { first, filter, sort, add, nodes, filteredRows, rowsAfterAdd };
}

window.runBench = async (options) => {
  const { widget, baseline } = await alternateRounds(options, widgetRound, baselineRound);
  const figures = {};
  for (const measure of ['first', 'filter', 'sort', 'add']) {
    figures[`${measure}Widget`] = summary(widget.map((r) => r[measure]));
    figures[`${measure}Baseline`] = summary(baseline.map((r) => r[measure]));
  }
  return {
    ...figures,
    nodesWidget: median(widget.map((r) => r.nodes)),
    nodesBaseline: median(baseline.map((r) => r.nodes)),
    // Both must show the same result, or the comparison is not fair.
    filteredRows: { widget: widget[0].filteredRows, baseline: baseline[0].filteredRows },
    rowsAfterAdd: { widget: widget[0].rowsAfterAdd, baseline: baseline[0].rowsAfterAdd },
  };
};

/**
 * The whole `<ju-joblog>` (meter, reminders, toolbar, list) on a browser store holding the same 10,000 entries: how
 * long until the first rows show (opening IndexedDB, reading every entry, loading the views), and the DOM size.
 */
window.runWholeWidget = async () => {
  const name = `bench-${String(Date.now())}`;
  const store = await JoblogStore.open({ name });
  await store.putMany(joblog);
  store.close();
  const element = document.createElement('ju-joblog');
  element.setAttribute('store-name', name);
  const t0 = performance.now();
  stage.append(element);
  for (let waited = 0; element.shadowRoot?.querySelector('.ju-joblog-row') == null; waited += 5) {
    if (waited > 30_000) throw new Error('<ju-joblog> showed no rows within 30 s');
    await new Promise((resolve) => { setTimeout(resolve, 5); });
  }
  await settled(element);
  laidOut(element);
  const firstRows = performance.now() - t0;
  const nodes = countNodes(element.shadowRoot);
  const reminders = element.shadowRoot.querySelectorAll('[part~="reminder"]').length;
  await element.reset();
  element.remove();
  return { firstRows, nodes, reminders };
};

document.documentElement.dataset.ready = 'true';
