import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, until } from './support/player-helpers.js';
import { expectNotLoaded, readyPlayer, watchBusy } from './support/first-open.js';

describe('<ju-video-player> settings, opened the first time by keyboard', () => {
  it('loads the panel with its Danish strings and styles; the button is busy meanwhile and keeps the focus', async () => {
    const el = await readyPlayer();
    expectNotLoaded(el);
    const button = $<HTMLButtonElement>(el, 'button[aria-controls="settings"]');
    button.focus();
    const busy = watchBusy(button);
    await sendKeys({ press: 'Enter' });
    await until(el, '#caption-size');
    busy.stop();
    expect(busy.values).to.deep.equal(['true', null]);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot?.activeElement).to.equal(button);
    expect($(el, '#settings-title').textContent).to.equal('Indstillinger');
    expect($(el, 'label[for="caption-size"]').textContent).to.equal('Størrelse på undertekster');
    expect(getComputedStyle($(el, '.fields')).display).to.equal('grid');
    expect(getComputedStyle($(el, '[part~="settings"]')).borderTopStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part~="settings"]')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });
});
