import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './fixtures/test-card.js';
import type { TestCard } from './fixtures/test-card.js';

const region = (el: HTMLElement, politeness: 'polite' | 'assertive'): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>(`[aria-live="${politeness}"]`);

/** Records every change of a region's content, so a test can count announcements. */
function watchRegion(target: HTMLElement): { changes: () => number; stop: () => void } {
  let count = 0;
  const observer = new MutationObserver((records) => {
    count += records.length > 0 ? 1 : 0;
  });
  observer.observe(target, { childList: true, characterData: true, subtree: true });
  return {
    changes: () => {
      count += observer.takeRecords().length > 0 ? 1 : 0;
      return count;
    },
    stop: () => { observer.disconnect(); },
  };
}

const delay = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function announced(target: HTMLElement, text: string): Promise<void> {
  await waitUntil(() => target.textContent === text, `region never read "${text}" (has "${target.textContent}")`, { timeout: 2000 });
}

describe('Announcer', () => {
  it('puts both live regions in the widget’s shadow root as soon as it is connected, before any message', () => {
    const el = document.createElement('ju-test-card');
    document.body.append(el);
    try {
      // Synchronously after connecting: no update cycle, no message yet.
      const polite = region(el, 'polite');
      const assertive = region(el, 'assertive');
      expect(polite, 'polite region').to.exist;
      expect(assertive, 'assertive region').to.exist;
      expect(polite!.getRootNode()).to.equal(el.shadowRoot);
      expect(polite!.textContent).to.equal('');
      expect(assertive!.textContent).to.equal('');
    } finally {
      el.remove();
    }
  });

  it('keeps the live regions after the widget renders its content', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="da"></ju-test-card>`);
    await el.updateComplete;

    expect(el.shadowRoot!.querySelector('h2')).to.exist;
    expect(region(el, 'polite')).to.exist;
    expect(region(el, 'assertive')).to.exist;
  });

  it('marks the polite region as a status and the assertive one as an alert, each read as a whole', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const polite = region(el, 'polite')!;
    const assertive = region(el, 'assertive')!;

    expect(polite.getAttribute('role')).to.equal('status');
    expect(polite.getAttribute('aria-atomic')).to.equal('true');
    expect(assertive.getAttribute('role')).to.equal('alert');
    expect(assertive.getAttribute('aria-atomic')).to.equal('true');
  });

  it('reads a polite message in the polite region only', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    el.say('Kladden er gemt');

    await announced(region(el, 'polite')!, 'Kladden er gemt');
    expect(region(el, 'assertive')!.textContent).to.equal('');
  });

  it('reads an assertive message in the alert region only', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    el.say('Din reservation udløber om 1 minut', true);

    await announced(region(el, 'assertive')!, 'Din reservation udløber om 1 minut');
    expect(region(el, 'polite')!.textContent).to.equal('');
  });

  it('joins a burst of messages into one announcement', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const polite = region(el, 'polite')!;
    const watcher = watchRegion(polite);
    el.say('Ny besked fra Jobcenter');
    el.say('Ny besked fra Jobcenter Aarhus');
    el.say('3 ulæste beskeder');

    await announced(polite, 'Ny besked fra Jobcenter Ny besked fra Jobcenter Aarhus 3 ulæste beskeder');
    await delay(300);
    expect(watcher.changes()).to.equal(1);
    expect(polite.textContent).to.equal('Ny besked fra Jobcenter Ny besked fra Jobcenter Aarhus 3 ulæste beskeder');
    watcher.stop();
  });

  it('reads a polite and an assertive message given together each in its own region', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    el.say('Gemt');
    el.say('Forbindelsen er tabt', true);

    await announced(region(el, 'polite')!, 'Gemt');
    await announced(region(el, 'assertive')!, 'Forbindelsen er tabt');
  });

  it('announces a repeated identical message again by replacing the text node', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const polite = region(el, 'polite')!;
    el.say('Tiden er taget');
    await announced(polite, 'Tiden er taget');
    const firstNode = polite.firstChild;

    const watcher = watchRegion(polite);
    el.say('Tiden er taget');
    await waitUntil(() => polite.firstChild !== firstNode, 'the repeated message was not written again', { timeout: 2000 });

    expect(polite.textContent).to.equal('Tiden er taget');
    expect(polite.childNodes).to.have.length(1);
    expect(watcher.changes()).to.be.at.least(1);
    watcher.stop();
  });

  it('replaces the previous announcement instead of appending to it', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const polite = region(el, 'polite')!;
    el.say('Første');
    await announced(polite, 'Første');
    el.say('Anden');

    await announced(polite, 'Anden');
  });

  it('ignores empty and whitespace-only messages', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const polite = region(el, 'polite')!;
    const watcher = watchRegion(polite);
    el.say('');
    el.say('   \n ');
    await delay(300);

    expect(watcher.changes()).to.equal(0);
    expect(polite.textContent).to.equal('');
    watcher.stop();
  });

  it('trims surrounding whitespace from a message', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    el.say('  Gemt \n');

    await announced(region(el, 'polite')!, 'Gemt');
  });

  it('hides the regions visually while keeping them in the accessibility tree', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    el.say('Gemt');
    el.say('Fejl', true);
    await announced(region(el, 'assertive')!, 'Fejl');

    for (const politeness of ['polite', 'assertive'] as const) {
      const target = region(el, politeness)!;
      const style = getComputedStyle(target);
      const box = target.getBoundingClientRect();
      expect(box.width, `${politeness} width`).to.be.at.most(1);
      expect(box.height, `${politeness} height`).to.be.at.most(1);
      expect(style.overflow).to.equal('hidden');
      expect(style.position).to.equal('absolute');
      // Present for screen readers: not display:none, not visibility:hidden, not aria-hidden.
      expect(style.display).not.to.equal('none');
      expect(style.visibility).to.equal('visible');
      expect(target.closest('[aria-hidden="true"]')).to.equal(null);
      expect(target.hidden).to.equal(false);
    }
  });

  it('keeps a single pair of regions when the widget is moved in the page', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const parent = el.parentElement!;
    const other = document.createElement('section');
    document.body.append(other);
    try {
      other.append(el);
      parent.append(el);

      expect(el.shadowRoot!.querySelectorAll('[aria-live]')).to.have.length(2);
      el.say('Flyttet');
      await announced(region(el, 'polite')!, 'Flyttet');
    } finally {
      other.remove();
    }
  });

  it('does not read a message queued just before the widget was removed into the page later', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    const parent = el.parentElement!;
    el.say('Forældet besked');
    el.remove();
    await delay(300);
    parent.append(el);
    await delay(300);

    expect(region(el, 'polite')!.textContent).to.equal('');
  });

  it('gives each widget its own regions', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><ju-test-card></ju-test-card><ju-test-card></ju-test-card></div>`);
    const [first, second] = wrapper.querySelectorAll('ju-test-card');
    first.say('Kun i den første');

    await announced(region(first, 'polite')!, 'Kun i den første');
    expect(region(second, 'polite')!.textContent).to.equal('');
  });
});
