// For the tests that open a panel that loads on first use (settings, chapters, the keyboard help). Each such test
// is in a file of its own: every test file runs in a fresh page, where the panel has not been loaded yet.
import { expect, html } from '@open-wc/testing';
import type { JuVideoPlayer } from '../../src/index.js';
import { CLIP, FIXTURES, renderReady } from './player-helpers.js';

/** A player with captions and chapters, ready to play. */
export function readyPlayer(): Promise<JuVideoPlayer> {
  return renderReady(html`
    <ju-video-player src=${CLIP} label="Sådan bruger du jobloggen" lang="da">
      <track kind="captions" srclang="da" label="Dansk" src=${`${FIXTURES}captions.da.vtt`}>
      <track kind="chapters" srclang="da" label="Dansk" src=${`${FIXTURES}chapters.da.vtt`}>
    </ju-video-player>`);
}

/** Records every value `button`'s aria-busy takes, from now on. */
export function watchBusy(button: HTMLElement): { values: (string | null)[]; stop: () => void } {
  const values: (string | null)[] = [];
  const observer = new MutationObserver(() => { values.push(button.getAttribute('aria-busy')); });
  observer.observe(button, { attributes: true, attributeFilter: ['aria-busy'] });
  return { values, stop: () => { observer.disconnect(); } };
}

/** The panel has not been loaded in this page yet: nothing of it is in the player. */
export function expectNotLoaded(el: JuVideoPlayer): void {
  expect(el.shadowRoot?.querySelector('dialog, [part~="settings"], [part~="chapters"]'), 'panels not loaded yet').to.equal(null);
}
