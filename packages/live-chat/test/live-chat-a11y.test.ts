import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { JuLiveChat } from '../src/index.js';
import type { FakeChatServer } from './support/fake-chat-server.js';
import { $, $$, API, freshServer, list, openChat, renderChat, startChat, stopServer, text, until, write } from './support/chat-helpers.js';

let server: FakeChatServer;

beforeEach(async () => {
  server = await freshServer();
});

afterEach(async () => {
  await stopServer();
  await setViewport({ width: 800, height: 600 });
});

const HEADINGS = { da: 'Chat med jobcentret', en: 'Chat with the job centre', ar: 'محادثة مع مركز التوظيف' };

for (const language of ['da', 'en', 'ar'] as const) {
  describe(`<ju-live-chat> passes axe in every state (${language})`, () => {
    const render = (): Promise<JuLiveChat> => renderChat(html`<ju-live-chat api=${API} lang=${language}></ju-live-chat>`);

    it('launcher, pre-chat and its errors', async () => {
      const el = await render();
      await expect(el).to.be.accessible();
      await openChat(el, 'input[name="topic"]');
      expect($(el, '#chat-title').textContent).to.equal(HEADINGS[language]);
      if (language === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
      await until(el, '.error-summary');
      await expect(el).to.be.accessible();
    });

    it('leave a message and the receipt', async () => {
      server.status.availability = 'busy';
      const el = await render();
      await openChat(el, '#field-message');
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, 'input[name="topic"]').click();
      $<HTMLInputElement>(el, '#field-consent').click();
      const field = $<HTMLTextAreaElement>(el, '#field-message');
      field.value = 'Hej';
      field.dispatchEvent(new Event('input'));
      $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
      await until(el, '.receipt');
      await expect(el).to.be.accessible();
    });

    it('queued, chatting (with a failed message and a link), offline, ended and rated', async () => {
      const el = await render();
      await startChat(el);
      await expect(el).to.be.accessible();
      const id = [...server.conversations.keys()][0];
      server.claim(id);
      server.caseworkerSays(id, 'Se https://jobnet.dk');
      server.caseworkerTyping(id);
      server.fail(`POST /v1/chat/conversations/${id}/messages`, { status: 400, code: 'invalid-request' });
      await write(el, 'Hej');
      await waitUntil(() => list(el).shadowRoot.querySelector('.failed') !== null, 'no failed message');
      await expect(el).to.be.accessible();
      server.dropStreams();
      window.dispatchEvent(new Event('offline'));
      await expect(el).to.be.accessible();
      server.close(id);
      await until(el, '.rating');
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, '#score-5').click();
      $<HTMLButtonElement>(el, '.rating button[type="submit"]').click();
      await until(el, '#rating-thanks');
      await expect(el).to.be.accessible();
    });

    it('the server cannot be reached', async () => {
      server.fail('GET /v1/chat/status', 'network', true);
      const el = await render();
      await openChat(el);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<ju-live-chat> on small screens and with the keyboard only', () => {
  it('fills a 320 px wide screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await renderChat();
    await startChat(el);
    const dialog = $(el, 'dialog');
    const box = dialog.getBoundingClientRect();
    expect(box.width).to.be.at.most(320);
    expect(box.height).to.be.at.most(640);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth + 1);
    const composer = $(el, '[part~="composer"]').getBoundingClientRect();
    expect(composer.bottom).to.be.at.most(640);
  });

  it('every control in the conversation is a native control that takes focus', async () => {
    const el = await renderChat();
    await startChat(el);
    const controls = $$(el, 'dialog button, dialog textarea, dialog input:not([hidden]), dialog a');
    expect(controls.length).to.be.greaterThan(4);
    for (const control of controls) {
      control.focus();
      expect(el.shadowRoot!.activeElement, control.outerHTML.slice(0, 60)).to.equal(control);
    }
    expect(text(el)).to.contain('Tryk Enter for at sende');
  });
});
