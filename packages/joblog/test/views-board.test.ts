import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JoblogEntry, Status } from '../src/model/entry.js';
import { BOARD_COLUMN_LIMIT } from '../src/views/board-view.js';
import { allInShadow, generateEntries, inShadow } from './support/views-host.js';
import type { ViewsHost } from './support/views-host.js';

function application(id: string, title: string, status: Status, date = '2026-11-20'): JoblogEntry {
  const [template] = generateEntries(1);
  return { ...template, id, title, status, outcome: null, date, type: 'application', activityKind: null, deadline: null };
}

const BOARD = [
  application('a', 'Lagermedarbejder', 'applied', '2026-11-24'),
  application('b', 'Kok', 'applied', '2026-11-20'),
  application('c', 'Buschauffør', 'interview'),
  application('d', 'Tømrer', 'saved'),
  { ...application('e', 'Jobmesse i Vejle', 'closed'), type: 'activity' as const, activityKind: 'job-fair' as const },
];

async function showBoard(entries: readonly JoblogEntry[], options: { readOnly?: boolean; lang?: string } = {}): Promise<ViewsHost> {
  const el = await fixture<ViewsHost>(html`<views-test-host view="board" lang=${options.lang ?? 'da'} ?read-only=${options.readOnly ?? false} .entries=${entries}></views-test-host>`);
  await el.views.ready('board');
  await el.updateComplete;
  return el;
}

const column = (el: ViewsHost, status: Status): HTMLElement => inShadow(el, `[data-column="${status}"]`);
const cardIds = (el: ViewsHost, status: Status): string[] => [...column(el, status).querySelectorAll<HTMLElement>('.ju-joblog-card')].map((card) => card.dataset['entryId'] ?? '');
const card = (el: ViewsHost, id: string): HTMLElement => inShadow(el, `.ju-joblog-card[data-entry-id="${id}"]`);
const focusedCard = (el: ViewsHost): string | undefined => el.shadowRoot?.activeElement?.closest<HTMLElement>('.ju-joblog-card')?.dataset['entryId'];

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('the board', () => {
  it('shows applications in the columns Gemt, Søgt, Samtale, Afsluttet, newest first; activities stay out', async () => {
    const el = await showBoard(BOARD);
    expect(allInShadow(el, '.ju-joblog-column-heading').map((heading) => heading.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['Gemt (1)', 'Søgt (2)', 'Samtale (1)', 'Afsluttet (0)']);
    expect(cardIds(el, 'applied')).to.deep.equal(['a', 'b']);
    expect(cardIds(el, 'closed')).to.deep.equal([]);
    expect(inShadow(el, '[data-column="closed"] .ju-joblog-column-empty').textContent).to.equal('Ingen her lige nu.');
  });

  it('moves a card with the keyboard: Flyt → Flyt til Samtale; asks the shell to save, and focus follows the card', async () => {
    const el = await showBoard(BOARD);
    const move = card(el, 'a').querySelector<HTMLButtonElement>('.ju-joblog-card-move');
    move?.focus();
    expect(move?.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(move?.getAttribute('aria-expanded')).to.equal('true');
    const options = [...card(el, 'a').querySelectorAll<HTMLButtonElement>('[data-move-to]')].map((button) => button.textContent.trim());
    expect(options).to.deep.equal(['Flyt til Gemt', 'Flyt til Samtale', 'Flyt til Afsluttet']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.textContent.trim()).to.equal('Flyt til Samtale');
    await sendKeys({ press: 'Enter' });
    expect(el.statusChanges).to.deep.equal([{ entryId: 'a', status: 'interview', outcome: null }]);
    expect(el.announcements, 'the shell announces once saved; the board adds nothing').to.deep.equal([]);
    await waitUntil(() => cardIds(el, 'interview').includes('a'), 'the card did not move');
    await el.updateComplete;
    expect(cardIds(el, 'applied')).to.deep.equal(['b']);
    expect(focusedCard(el)).to.equal('a');
    expect(el.shadowRoot?.activeElement?.classList.contains('ju-joblog-card-move')).to.equal(true);
  });

  it('keeps focus waiting while the save is slow, then follows the card', async () => {
    const el = await showBoard(BOARD);
    el.saveDelay = 300;
    card(el, 'b').querySelector<HTMLButtonElement>('.ju-joblog-card-move')?.click();
    await el.updateComplete;
    card(el, 'b').querySelector<HTMLButtonElement>('[data-move-to="saved"]')?.click();
    await waitUntil(() => cardIds(el, 'saved').includes('b'), 'the card did not move', { timeout: 2000 });
    await el.updateComplete;
    expect(focusedCard(el)).to.equal('b');
  });

  it('asks how it ended before closing, then saves the outcome', async () => {
    const el = await showBoard(BOARD);
    card(el, 'c').querySelector<HTMLButtonElement>('.ju-joblog-card-move')?.click();
    await el.updateComplete;
    card(el, 'c').querySelector<HTMLButtonElement>('[data-move-to="closed"]')?.click();
    await el.updateComplete;
    await nextFrame();
    expect(el.statusChanges).to.deep.equal([]);
    const fieldset = card(el, 'c').querySelector('.ju-joblog-outcome');
    expect(fieldset?.querySelector('legend')?.textContent).to.equal('Hvordan endte det?');
    expect(el.shadowRoot?.activeElement?.getAttribute('data-outcome')).to.equal('rejected');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(el.statusChanges).to.deep.equal([{ entryId: 'c', status: 'closed', outcome: 'hired' }]);
    await waitUntil(() => cardIds(el, 'closed').includes('c'));
    await el.updateComplete;
    expect(focusedCard(el)).to.equal('c');
    expect(card(el, 'c').textContent).to.contain('Fik jobbet');
  });

  it('Escape closes the outcome choice and the menu without saving, and focus returns to Flyt', async () => {
    const el = await showBoard(BOARD);
    card(el, 'c').querySelector<HTMLButtonElement>('.ju-joblog-card-move')?.click();
    await el.updateComplete;
    card(el, 'c').querySelector<HTMLButtonElement>('[data-move-to="closed"]')?.click();
    await el.updateComplete;
    await nextFrame();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(card(el, 'c').querySelector('.ju-joblog-outcome')).to.equal(null);
    expect(el.shadowRoot?.activeElement?.classList.contains('ju-joblog-card-move')).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(card(el, 'c').querySelector('.ju-joblog-card-move')?.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot?.activeElement?.classList.contains('ju-joblog-card-move')).to.equal(true);
    expect(el.statusChanges).to.deep.equal([]);
  });

  it('moves a card by drag and drop onto another column', async () => {
    const el = await showBoard(BOARD);
    const dataTransfer = new DataTransfer();
    card(el, 'd').dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
    await el.updateComplete;
    const target = column(el, 'applied');
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer });
    target.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(target.classList.contains('ju-joblog-column--drop')).to.equal(true);
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    card(el, 'd').dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true, dataTransfer }));
    expect(el.statusChanges).to.deep.equal([{ entryId: 'd', status: 'applied', outcome: null }]);
    await waitUntil(() => cardIds(el, 'applied').includes('d'));
    await el.updateComplete;
    expect(column(el, 'applied').classList.contains('ju-joblog-column--drop')).to.equal(false);
  });

  it('dropping on Afsluttet asks for the outcome first', async () => {
    const el = await showBoard(BOARD);
    const dataTransfer = new DataTransfer();
    card(el, 'b').dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
    column(el, 'closed').dispatchEvent(new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    column(el, 'closed').dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    await el.updateComplete;
    expect(el.statusChanges).to.deep.equal([]);
    card(el, 'b').querySelector<HTMLButtonElement>('[data-outcome="withdrew"]')?.click();
    expect(el.statusChanges).to.deep.equal([{ entryId: 'b', status: 'closed', outcome: 'withdrew' }]);
  });

  it('shows the newest cards of a big column with "Vis alle (n)", and all of them on request', async () => {
    const many = generateEntries(1000).filter((entry) => entry.type === 'application');
    const el = await showBoard(many);
    const applied = many.filter((entry) => entry.status === 'applied');
    expect(cardIds(el, 'applied')).to.have.length(BOARD_COLUMN_LIMIT);
    expect(cardIds(el, 'applied')[0]).to.equal(applied[0]?.id);
    const showAll = column(el, 'applied').querySelector<HTMLButtonElement>('.ju-joblog-show-all');
    expect(showAll?.textContent.trim()).to.equal(`Vis alle (${String(applied.length)})`);
    showAll?.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(cardIds(el, 'applied')).to.have.length(applied.length);
    expect(column(el, 'applied').querySelector('.ju-joblog-show-all')).to.equal(null);
    expect(focusedCard(el), 'focus goes to the first card that was not shown before').to.equal(applied[BOARD_COLUMN_LIMIT]?.id);
  });

  it('in read-only mode (the caseworker) shows no moves and cards cannot be dragged', async () => {
    const el = await showBoard(BOARD, { readOnly: true });
    expect(allInShadow(el, '.ju-joblog-card-move')).to.have.length(0);
    expect(allInShadow(el, '.ju-joblog-card[draggable="true"]')).to.have.length(0);
    const dataTransfer = new DataTransfer();
    card(el, 'd').dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer });
    column(el, 'applied').dispatchEvent(over);
    column(el, 'applied').dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    expect(over.defaultPrevented).to.equal(false);
    expect(el.statusChanges).to.deep.equal([]);
    card(el, 'd').querySelector<HTMLButtonElement>('.ju-joblog-card-open')?.click();
    expect(el.opened.map((open) => open.entryId)).to.deep.equal(['d']);
  });

  it('fits 320 px as one column after another, with 44 px targets', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await showBoard(BOARD);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const button of allInShadow(el, '.ju-joblog-card-move, .ju-joblog-card-open')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });
});
