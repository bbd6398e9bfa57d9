/* global document -- used inside page.evaluate / waitForFunction, which run in the browser */
// Live chat on the demo site, end to end against the reference server, with a citizen and a caseworker in two
// browser contexts: Mette goes available on /medarbejder, Lars starts a chat on /, waits in the queue, Mette
// takes it, they write both ways, Lars loses his network and writes anyway (the message waits on his device and
// arrives when he is back), an unsent draft survives a reload, Mette ends the chat and Lars downloads the
// transcript and rates it. Fails on any console error or CSP violation on either page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';

let server;
let browser;

before(async () => {
  server = await startReferenceServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('live chat between a citizen and a caseworker', { timeout: 180_000 }, () => {
  it('queues, connects, delivers both ways (also after a network loss and a reload), ends with transcript and rating', async () => {
    // The caseworker opens the console and becomes available.
    const desk = await openPage(browser, `${server.url}/medarbejder`);
    await logIn(desk.page, 'Mette');
    const console_ = desk.page.locator('ju-chat-console');
    await console_.getByRole('radio', { name: 'Ledig' }).check();
    await console_.getByText('Din status er Ledig').first().waitFor();

    // The citizen opens the chat from the launcher: a labelled dialog with focus inside.
    const citizen = await openPage(browser, `${server.url}/`);
    await logIn(citizen.page, 'Lars');
    const chat = citizen.page.locator('ju-live-chat');
    await chat.getByRole('button', { name: /Skriv med os/ }).click();
    const dialog = chat.getByRole('dialog', { name: 'Chat med jobcentret' });
    await dialog.waitFor();
    // Signed in: no consent line to tick; the topic is the only question.
    assert.equal(await dialog.getByRole('checkbox').count(), 0, 'a signed-in citizen is not asked for consent');
    await dialog.getByRole('radio', { name: 'Job, CV og ansøgninger' }).check();
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    await dialog.getByText('Du er den næste i køen').first().waitFor();

    // The caseworker sees Lars in the queue (live) and takes the conversation.
    await console_.getByRole('button', { name: /Tag samtalen/ }).first().click();
    await console_.getByText(/Du har samtalen med Lars/).first().waitFor();
    await dialog.getByText('Du skriver med Mette fra Team Nord').first().waitFor();

    // Citizen → caseworker.
    const composer = dialog.getByRole('textbox', { name: 'Skriv en besked' });
    await composer.fill('Hej, jeg har brug for hjælp til mit CV.');
    await composer.press('Enter');
    const log = console_.getByRole('log');
    await log.getByText('Hej, jeg har brug for hjælp til mit CV.').first().waitFor();

    // Caseworker → citizen.
    const reply = console_.getByRole('textbox', { name: 'Svar til Lars' });
    await reply.fill('Hej Lars. Send mig dit CV, så kigger jeg på det i dag.');
    await reply.press('Enter');
    await dialog.getByRole('log').getByText('Hej Lars. Send mig dit CV, så kigger jeg på det i dag.').first().waitFor();

    // The citizen loses the network: the message waits on the device and goes when the network is back.
    await citizen.page.context().setOffline(true);
    await dialog.getByText(/Du er offline/).first().waitFor();
    await composer.fill('Er du der stadig? Mit net driller.');
    await composer.press('Enter');
    await dialog.getByText('Venter på forbindelse').first().waitFor();
    await citizen.page.waitForTimeout(500);
    assert.equal(await log.getByText('Er du der stadig? Mit net driller.').count(), 0, 'nothing can arrive while offline');
    await citizen.page.context().setOffline(false);
    await log.getByText('Er du der stadig? Mit net driller.').first().waitFor({ timeout: 15_000 });

    // A typed but unsent message survives a reload; the conversation comes back with it.
    await composer.fill('Jeg skriver lige færdig');
    await citizen.page.waitForTimeout(1500); // the draft is saved about half a second after typing stops
    await citizen.page.reload();
    await logIn(citizen.page, 'Lars'); // the demo keeps no session; a municipality's page hands the token over again
    await chat.getByRole('button', { name: /Skriv med os/ }).click();
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Skriv en besked' }).inputValue(), 'Jeg skriver lige færdig');
    await dialog.getByRole('log').getByText('Hej Lars. Send mig dit CV, så kigger jeg på det i dag.').first().waitFor();
    // Each message once, after the reload too.
    assert.equal(await dialog.getByRole('log').getByText('Er du der stadig? Mit net driller.').count(), 1);

    // The caseworker ends the chat; the citizen downloads the transcript and rates the chat.
    await console_.getByRole('button', { name: 'Afslut samtalen' }).first().click();
    await console_.getByRole('dialog').getByRole('button', { name: 'Afslut samtalen' }).click();
    await dialog.getByText('Samtalen er slut').first().waitFor();
    const [download] = await Promise.all([
      citizen.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Hent samtalen' }).click(),
    ]);
    const transcript = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(transcript).toString('utf8');
    assert.match(text, /Hej, jeg har brug for hjælp til mit CV\./);
    assert.match(text, /Er du der stadig\? Mit net driller\./);
    await dialog.getByRole('radio', { name: '4 – Godt' }).check();
    await dialog.getByRole('button', { name: 'Send svar' }).click();
    await dialog.getByText('Tak for dit svar.').first().waitFor();

    // Esc closes the dialog and gives focus back to the launcher.
    await citizen.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const focused = await citizen.page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.textContent?.trim() ?? '';
    });
    assert.match(focused, /Skriv med os/);

    assert.deepEqual(desk.problems, []);
    assert.deepEqual(citizen.problems, []);
  });

  it('an anonymous citizen consents before chatting, and "book a meeting instead" leads to the booking', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const chat = page.locator('ju-live-chat');
    await chat.getByRole('button', { name: /Skriv med os/ }).click();
    const dialog = chat.getByRole('dialog', { name: 'Chat med jobcentret' });
    await dialog.getByRole('radio', { name: 'Noget andet' }).check();
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    // Without consent nothing is sent; the error names what is missing and sits on the checkbox.
    const consent = dialog.getByRole('checkbox', { name: /Jeg ved, at jobcentret gemmer chatten/ });
    await dialog.getByText('Sæt kryds, hvis det er i orden, at vi gemmer chatten').first().waitFor();
    assert.match(await consent.getAttribute('aria-describedby') ?? '', /\S/);
    await consent.check();
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    await dialog.getByText(/i køen/).first().waitFor();

    await dialog.getByRole('button', { name: 'Book et møde i stedet' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.querySelector('ju-self-booking') !== null);
    assert.deepEqual(problems, []);
  });
});
