import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, buttonNamed, until } from './support/player-helpers.js';
import { expectNotLoaded, readyPlayer, watchBusy } from './support/first-open.js';

describe('<ju-video-player> keyboard help, opened the first time with "?"', () => {
  it('loads the dialog with its Danish strings, opens it modal with the focus on Close, and gives the focus back', async () => {
    const el = await readyPlayer();
    expectNotLoaded(el);
    const opener = buttonNamed(el, 'Undertekster');
    opener.focus();
    const busy = watchBusy(buttonNamed(el, 'Taster'));
    await sendKeys({ press: '?' });
    await until(el, 'dialog[open]');
    busy.stop();
    expect(busy.values).to.deep.equal(['true', null]);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot?.activeElement).to.equal(buttonNamed(el, 'Luk'));
    expect($(el, '#help-title').textContent).to.equal('Taster i videoafspilleren');
    expect($$(el, 'dialog tbody tr').length).to.equal(13);
    expect(getComputedStyle($(el, 'kbd')).display).to.equal('inline-block');
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(opener);
  });
});
