import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JoblogEntry } from '../src/model/entry.js';
import { COUNT_ANNOUNCE_DELAY_MS } from '../src/views/index.js';
import { allInShadow, countNodes, generateEntries, inShadow } from './support/views-host.js';
import type { ViewsHost } from './support/views-host.js';

const MANY = generateEntries(10_000);

async function showList(entries: readonly JoblogEntry[], lang = 'da'): Promise<ViewsHost> {
  const el = await fixture<ViewsHost>(html`<views-test-host lang=${lang} .entries=${entries}></views-test-host>`);
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  return el;
}

const rowIds = (el: ViewsHost): string[] => allInShadow(el, '.ju-joblog-row').map((row) => row.dataset['entryId'] ?? '');

async function typeSearch(el: ViewsHost, text: string): Promise<void> {
  const input = inShadow<HTMLInputElement>(el, '#ju-joblog-search');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function choose(el: ViewsHost, selector: string, value: string): Promise<void> {
  const control = inShadow<HTMLSelectElement | HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function scrollTo(el: ViewsHost, top: number): Promise<void> {
  const viewport = inShadow(el, '.ju-joblog-list-viewport');
  viewport.scrollTop = top;
  await waitUntil(() => Math.abs(viewport.scrollTop - top) < 2 || viewport.scrollTop > 0, 'did not scroll');
  await nextFrame();
  await el.updateComplete;
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('the list with 10,000 entries', () => {
  it('keeps the DOM well under 2,000 nodes, and the scroll height is that of all 10,000 rows', async () => {
    const el = await showList(MANY);
    const nodes = countNodes(el.shadowRoot as ShadowRoot);
    expect(nodes).to.be.below(2000);
    const rows = allInShadow(el, '.ju-joblog-row');
    expect(rows.length).to.be.within(5, 60);
    const rowHeight = rows[0]?.getBoundingClientRect().height ?? 0;
    const viewport = inShadow(el, '.ju-joblog-list-viewport');
    expect(viewport.scrollHeight).to.be.closeTo(rowHeight * 10_000, rowHeight);
    expect(rows[0]?.getAttribute('aria-setsize')).to.equal('10000');
    expect(rows[0]?.getAttribute('aria-posinset')).to.equal('1');
    expect(inShadow(el, '.ju-joblog-count').textContent).to.contain('10.000 i alt');
  });

  it('renders the rows that scroll into view, in place, with their position in the whole list', async () => {
    const el = await showList(MANY);
    const rowHeight = allInShadow(el, '.ju-joblog-row')[0]?.getBoundingClientRect().height ?? 0;
    await scrollTo(el, rowHeight * 5000);
    const expected = el.views.listResultIds[5000] ?? '';
    const row = inShadow(el, `.ju-joblog-row[data-entry-id="${expected}"]`);
    expect(row.getAttribute('aria-posinset')).to.equal('5001');
    const viewport = inShadow(el, '.ju-joblog-list-viewport');
    const top = row.getBoundingClientRect().top - viewport.getBoundingClientRect().top;
    expect(Math.abs(top)).to.be.below(2);
    expect(rowIds(el)).not.to.include(el.views.listResultIds[0]);
    expect(countNodes(el.shadowRoot as ShadowRoot)).to.be.below(2000);

    await scrollTo(el, viewport.scrollHeight);
    const ids = rowIds(el);
    expect(ids[ids.length - 1]).to.equal(el.views.listResultIds[9999]);
    expect(allInShadow(el, '.ju-joblog-row').at(-1)?.getAttribute('aria-posinset')).to.equal('10000');
  });

  it('keeps rows in the natural Tab order beyond the first window', async () => {
    await setViewport({ width: 800, height: 400 });
    const el = await showList(MANY.slice(0, 200));
    const firstButton = inShadow(el, '.ju-joblog-row-open');
    firstButton.focus();
    const initiallyRendered = allInShadow(el, '.ju-joblog-row').length;
    for (let step = 1; step <= initiallyRendered + 5; step++) {
      await sendKeys({ press: 'Tab' });
      await nextFrame();
      await el.updateComplete;
      const focused = el.shadowRoot?.activeElement?.closest<HTMLElement>('.ju-joblog-row');
      expect(focused?.dataset['entryId'], `after ${String(step)} Tab presses`).to.equal(el.views.listResultIds[step]);
    }
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await nextFrame();
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.closest<HTMLElement>('.ju-joblog-row')?.dataset['entryId']).to.equal(el.views.listResultIds[initiallyRendered + 4]);
  });

  it('searches title, employer and town, and announces the count once typing pauses', async () => {
    const el = await showList(MANY);
    await typeSearch(el, 'kok');
    await typeSearch(el, 'kok vejle');
    const expected = MANY.filter((entry) => /kok/i.test(entry.title) && /vejle/i.test(`${entry.employer} ${entry.town}`)).map((entry) => entry.id);
    expect([...el.views.listResultIds].sort()).to.deep.equal([...expected].sort());
    expect(expected.length).to.be.above(0);
    expect(el.announcements).to.deep.equal([]);
    await aTimeout(COUNT_ANNOUNCE_DELAY_MS + 100);
    expect(el.announcements).to.deep.equal([`${expected.length.toLocaleString('da-DK')} passer ud af 10.000`]);
    expect(inShadow(el, '.ju-joblog-count').textContent).to.contain(`${expected.length.toLocaleString('da-DK')} passer ud af 10.000`);
  });

  it('filters by status, type and date range together', async () => {
    const el = await showList(MANY);
    await choose(el, '#ju-joblog-filter-status', 'interview');
    await choose(el, '#ju-joblog-filter-type', 'application');
    await choose(el, '#ju-joblog-filter-from', '2026-10-01');
    await choose(el, '#ju-joblog-filter-to', '2026-10-31');
    const expected = MANY.filter((entry) => entry.status === 'interview' && entry.type === 'application' && entry.date >= '2026-10-01' && entry.date <= '2026-10-31');
    expect(expected.length).to.be.above(0);
    expect([...el.views.listResultIds].sort()).to.deep.equal(expected.map((entry) => entry.id).sort());
    for (const status of allInShadow(el, '.ju-joblog-status')) expect(status.textContent).to.equal('Samtale');
  });

  it('sorts by title A to Å and by employer, and by date newest first by default', async () => {
    const el = await showList(MANY);
    const byDate = [...MANY].sort((a, b) => (a.date < b.date ? 1 : -1));
    expect(MANY.find((entry) => entry.id === el.views.listResultIds[0])?.date).to.equal(byDate[0]?.date);
    expect(MANY.find((entry) => entry.id === el.views.listResultIds[9999])?.date).to.equal(byDate[9999]?.date);

    await choose(el, '#ju-joblog-sort', 'title');
    await choose(el, '#ju-joblog-sort-direction', 'asc');
    const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
    const titles = el.views.listResultIds.map((id) => MANY.find((entry) => entry.id === id)?.title ?? '');
    expect(titles).to.deep.equal([...titles].sort((a, b) => collator.compare(a, b)));
    expect(titles[0]).to.match(/^Buschauffør \d+$/);
    expect(titles.at(-1)).to.match(/^Tømrer \d+$/);
    const shown = allInShadow(el, '.ju-joblog-row-open').map((button) => button.textContent);
    expect(shown.slice(0, 3)).to.deep.equal(titles.slice(0, 3));

    await choose(el, '#ju-joblog-sort', 'employer');
    await choose(el, '#ju-joblog-sort-direction', 'desc');
    const employers = el.views.listResultIds.map((id) => MANY.find((entry) => entry.id === id)?.employer ?? '');
    // Danish order: "Aa" is "Å", the last letter.
    expect([...new Set(employers)]).to.deep.equal(['Aarhus Kommune', 'Vejle Kommune', 'Salling Group', 'Novo Nordisk', 'Netto', 'Lego', 'ISS', 'DSV', 'Coop', 'Arriva']);
  });

  it('sorts by deadline with entries without a deadline last', async () => {
    const el = await showList(MANY.slice(0, 100));
    await choose(el, '#ju-joblog-sort', 'deadline');
    await choose(el, '#ju-joblog-sort-direction', 'asc');
    const deadlines = el.views.listResultIds.map((id) => MANY.find((entry) => entry.id === id)?.deadline ?? null);
    const withDeadline = deadlines.filter((deadline) => deadline !== null);
    expect(withDeadline).to.deep.equal([...withDeadline].sort());
    expect(deadlines.slice(withDeadline.length).every((deadline) => deadline === null)).to.equal(true);
  });

  it('shows what the citizen needs on a row: title, employer, town, date, status, a near deadline', async () => {
    const [first] = generateEntries(1);
    const entry: JoblogEntry = { ...first, title: 'Lagermedarbejder', employer: 'Salling Group', town: 'Vejle', date: '2026-11-20', deadline: '2026-11-27', status: 'applied' };
    const closed: JoblogEntry = { ...entry, id: 'closed', status: 'closed', outcome: 'hired', deadline: null, date: '2026-11-01' };
    const el = await showList([entry, closed]);
    const [row, closedRow] = allInShadow(el, '.ju-joblog-row');
    expect(row.querySelector('.ju-joblog-row-open')?.textContent).to.equal('Lagermedarbejder');
    expect(row.querySelector('.ju-joblog-row-where')?.textContent).to.equal('Salling Group, Vejle');
    expect(row.textContent).to.contain('20. nov. 2026');
    expect(row.querySelector('.ju-joblog-status')?.textContent).to.equal('Søgt');
    expect(row.querySelector('.ju-joblog-deadline')?.textContent).to.equal('Frist om 2 dage');
    expect(closedRow.querySelector('.ju-joblog-status')?.textContent).to.equal('Afsluttet: Fik jobbet');
    expect(closedRow.querySelector('.ju-joblog-deadline')).to.equal(null);
  });

  it('opens an entry with its row button, passing the button for focus to return to', async () => {
    const el = await showList(MANY.slice(0, 10));
    const button = inShadow(el, '.ju-joblog-row-open');
    button.click();
    expect(el.opened).to.have.length(1);
    expect(el.opened[0]?.entryId).to.equal(MANY[0]?.id);
    expect(el.opened[0]?.opener).to.equal(button);
  });

  it('says kindly when the log is empty or nothing matches', async () => {
    const el = await showList([]);
    expect(inShadow(el, '.ju-joblog-empty').textContent).to.contain('Din joblog er tom endnu');
    el.entries = MANY.slice(0, 10);
    await el.updateComplete;
    await typeSearch(el, 'zzzz');
    expect(inShadow(el, '.ju-joblog-empty').textContent).to.contain('Ingen passer til din søgning');
  });

  it('picks up a new entry at once (new array identity), in sorted place', async () => {
    const el = await showList(MANY);
    const [template] = generateEntries(1);
    const added: JoblogEntry = { ...template, id: 'just-added', title: 'Nyeste job', date: '2026-11-26' };
    el.entries = [...MANY, added];
    await el.updateComplete;
    expect(el.views.listResultIds[0]).to.equal('just-added');
    expect(rowIds(el)[0]).to.equal('just-added');
  });

  it('keeps focus and the typed text in the search field while the results change', async () => {
    const el = await showList(MANY);
    const input = inShadow<HTMLInputElement>(el, '#ju-joblog-search');
    input.focus();
    await sendKeys({ type: 'lager' });
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).to.equal(input);
    expect(input.value).to.equal('lager');
    expect(el.views.listResultIds.length).to.equal(MANY.filter((entry) => entry.title.startsWith('Lager')).length);
  });

  for (const [width, fontSize] of [[320, '1rem'], [800, '1rem'], [800, '1.25rem'], [320, '1.25rem']] as const) {
    it(`never clips a row's text at ${String(width)} px with ${fontSize} text (rows grow with the text)`, async () => {
      await setViewport({ width, height: 700 });
      const [first] = generateEntries(1);
      const long: JoblogEntry = { ...first, id: 'long', title: 'Social- og sundhedsassistent til nattevagter', employer: 'Region Syddanmark', town: 'Sønderborg', deadline: '2026-11-26', status: 'applied' };
      const el = await fixture<ViewsHost>(html`<views-test-host lang="da" .entries=${[long, ...MANY.slice(0, 20)]}></views-test-host>`);
      const settle = async (): Promise<void> => {
        for (let frame = 0; frame < 2; frame++) {
          await nextFrame();
          await el.updateComplete;
        }
      };
      await settle();
      // The text grows after the list was measured (a reader's text size): it notices (ResizeObserver) and re-measures.
      el.style.setProperty('--ju-font-size', fontSize);
      await settle();
      for (const row of allInShadow(el, '.ju-joblog-row')) {
        expect(row.scrollHeight, row.dataset['entryId']).to.be.at.most(row.clientHeight + 1);
        for (const part of row.querySelectorAll<HTMLElement>('.ju-joblog-row-facts, .ju-joblog-row-main')) expect(part.scrollHeight).to.be.at.most(part.clientHeight + 1);
      }
      const rowHeight = allInShadow(el, '.ju-joblog-row')[0]?.getBoundingClientRect().height ?? 0;
      expect(inShadow(el, '.ju-joblog-list-viewport').scrollHeight).to.be.closeTo(rowHeight * 21, 2);
    });
  }

  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await showList(MANY.slice(0, 50));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const form = inShadow(el, '.ju-joblog-list-controls');
    expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
    for (const button of allInShadow(el, '.ju-joblog-row-open').slice(0, 3)) expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });
});

/** Reads layout, so a timing includes the browser's style and layout work, not only Lit's. */
function forceLayout(element: HTMLElement): number {
  return element.getBoundingClientRect().height;
}

describe('the list is fast', () => {
  it('filters 10,000 entries at least 5× faster than rendering all 10,000 rows (figures in the log)', async () => {
    const el = await showList(MANY);
    const timeFilter = async (text: string): Promise<number> => {
      const start = performance.now();
      await typeSearch(el, text);
      forceLayout(inShadow(el, '.ju-joblog-list-viewport'));
      return performance.now() - start;
    };
    const filterTimes: number[] = [];
    for (const text of ['kok', 'lager', 'vejle', 'a', '', 'tømrer 1']) filterTimes.push(await timeFilter(text));
    const sortStart = performance.now();
    await choose(el, '#ju-joblog-sort', 'title');
    forceLayout(inShadow(el, '.ju-joblog-list-viewport'));
    const sortTime = performance.now() - sortStart;
    const [template] = generateEntries(1);
    const addStart = performance.now();
    el.entries = [...MANY, { ...template, id: 'timed-add', title: 'Tømrer 1, tilføjet lige nu', date: '2026-11-26' }];
    await el.updateComplete;
    forceLayout(inShadow(el, '.ju-joblog-list-viewport'));
    const addTime = performance.now() - addStart;
    expect(el.views.listResultIds).to.include('timed-add');
    const nodes = countNodes(el.shadowRoot as ShadowRoot);

    const baseline = await fixture<ViewsHost>(html`<views-test-host lang="da"></views-test-host>`);
    await baseline.updateComplete;
    const start = performance.now();
    baseline.entries = MANY;
    baseline.allRows = true;
    await baseline.updateComplete;
    forceLayout(baseline.shadowRoot?.querySelector('ol') as HTMLElement);
    const fullRender = performance.now() - start;
    expect(baseline.shadowRoot?.querySelectorAll('li').length).to.equal(10_000);

    const median = [...filterTimes].sort((a, b) => a - b)[Math.floor(filterTimes.length / 2)] ?? Infinity;
    console.log(`[views timing] full render of 10,000 rows: ${fullRender.toFixed(0)} ms; filter median ${median.toFixed(1)} ms (${filterTimes.map((time) => time.toFixed(1)).join(', ')}); sort by title ${sortTime.toFixed(1)} ms; add one entry ${addTime.toFixed(1)} ms; DOM nodes ${String(nodes)}; ratio ${(fullRender / median).toFixed(0)}×`);
    expect(fullRender / median).to.be.at.least(5);
    expect(fullRender / sortTime).to.be.at.least(5);
    expect(fullRender / addTime).to.be.at.least(5);
  });
});
