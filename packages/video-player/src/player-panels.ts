// The player's panels that only show state and send requests back: settings, chapters and the keyboard help.
// Loaded the first time one of them is opened (a press on its button, or the "?" key), with their Danish strings
// and styles, so the player's first load stays small. The chapter marks on the timeline stay in the player.
import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Formatter, Translate } from '@jobunivers/core';
import { CAPTION_BACKGROUNDS, CAPTION_COLOURS, CAPTION_SIZES, type CaptionSettings } from './caption-settings.js';
import { SPEEDS } from './keyboard.js';
import type { PlayerRendition, RenditionKind } from './media-source.js';
import daStrings from './locales/da-panels.json';
import { addDanishStrings } from './locales/register.js';
import { panelStyles } from './panel.styles.js';
import { formatTime } from './time.js';
import type { Cue } from './vtt.js';

/** Adds the panels' Danish strings (English and Arabic come with the player's whole language files). */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles: CSSResult[] = [panelStyles, css`
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    column-gap: var(--_ju-space-m);
  }

  .downloads,
  .chapters {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .downloads a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_ju-target-size);
  }

  .help {
    max-width: min(36rem, calc(100vw - 2rem));
    border: 2px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
  }

  .help::backdrop {
    background: rgb(0 0 0 / 50%);
  }

  table {
    border-collapse: collapse;
    margin-block-end: var(--_ju-space-m);
  }

  th,
  td {
    padding: var(--_ju-space-xs) var(--_ju-space-s);
    border-block-end: 1px solid var(--_ju-color-border-subtle);
    text-align: start;
  }

  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 0.3em;
    border: 1px solid var(--_ju-color-border);
    border-radius: 3px;
    font: inherit;
    text-align: center;
  }
`];

export interface SettingsView {
  t: Translate;
  format: Formatter;
  rate: number;
  renditions: readonly PlayerRendition[];
  rendition: PlayerRendition | undefined;
  captions: CaptionSettings;
  /** A ready-made transcript to download, if the publisher made one in the caption language. */
  transcriptUrl: string | undefined;
  /** Whether a transcript can be built from the captions. */
  canBuildTranscript: boolean;
  setRate: (rate: number) => void;
  chooseRendition: (kind: RenditionKind) => void;
  setCaptions: (change: Partial<CaptionSettings>) => void;
  downloadTranscript: () => void;
}

function field<T extends string | number>(id: string, label: string, values: readonly T[], current: T, name: (value: T) => string, change: (value: string) => void): TemplateResult {
  return html`
    <div class="ju-field">
      <label class="ju-label" for=${id}>${label}</label>
      <select class="ju-input" id=${id} @change=${(event: Event) => { change((event.target as HTMLSelectElement).value); }}>
        ${values.map((value) => html`<option value=${value} ?selected=${value === current}>${name(value)}</option>`)}
      </select>
    </div>`;
}

export function renderSettings(view: SettingsView): TemplateResult {
  const { t, format, renditions, captions } = view;
  const download = renditions.find((rendition) => rendition.kind === 'standard') ?? view.rendition;
  const size = download?.bytes ? ` (${format.number(download.bytes / 1e6, { maximumFractionDigits: 1 })} MB)` : '';
  return html`
    <section part="settings" class="panel settings" id="settings" aria-labelledby="settings-title">
      <h2 class="panel-title" id="settings-title">${t('control.settings')}</h2>
      <div class="fields">
        ${field('speed', t('settings.speed'), SPEEDS, view.rate, (speed) => `${format.number(speed)}×`, (value) => { view.setRate(Number(value)); })}
        ${renditions.length > 1 ? field('quality', t('settings.quality'), renditions.map((rendition) => rendition.kind), view.rendition?.kind ?? 'standard',
          (kind) => t(`quality.${kind}`), (value) => { view.chooseRendition(value as RenditionKind); }) : nothing}
        ${field('caption-size', t('settings.caption-size'), CAPTION_SIZES, captions.size, (value) => t(`size.${value}`), (value) => { view.setCaptions({ size: value as CaptionSettings['size'] }); })}
        ${field('caption-colour', t('settings.caption-colour'), CAPTION_COLOURS, captions.colour, (value) => t(`colour.${value}`), (value) => { view.setCaptions({ colour: value as CaptionSettings['colour'] }); })}
        ${field('caption-background', t('settings.caption-background'), CAPTION_BACKGROUNDS, captions.background, (value) => t(`background.${value}`), (value) => { view.setCaptions({ background: value as CaptionSettings['background'] }); })}
      </div>
      <h3 class="panel-title">${t('settings.downloads')}</h3>
      <ul class="downloads">
        ${download ? html`<li><a class="ju-link" href=${download.url} download>${t('action.download-video')}${size}</a></li>` : nothing}
        ${view.transcriptUrl ? html`<li><a class="ju-link" href=${view.transcriptUrl} download>${t('action.download-transcript')}</a></li>`
          : view.canBuildTranscript ? html`<li><button type="button" class="ju-button ju-button--quiet" @click=${view.downloadTranscript}>${t('action.download-transcript')}</button></li>` : nothing}
      </ul>
    </section>`;
}

export function renderChapters(t: Translate, chapters: readonly Cue[], current: number, seek: (seconds: number) => void): TemplateResult {
  return html`
    <section part="chapters" class="panel" id="chapters" aria-labelledby="chapters-title">
      <h2 class="panel-title" id="chapters-title">${t('control.chapters')}</h2>
      <ol class="chapters">
        ${chapters.map((chapter, index) => html`
          <li><button type="button" class="line" aria-current=${ifDefined(index === current ? 'true' : undefined)} @click=${() => { seek(chapter.start); }}>
            <span class="line-time" dir="ltr">${formatTime(chapter.start)}</span><span>${chapter.text}</span></button></li>`)}
      </ol>
    </section>`;
}

/** The rows of the help dialog (the keys of keyboard.ts): the keys as shown (`space` is translated) and the row's string key (`keys.<name>`). */
export const KEY_HELP: readonly [keys: readonly string[], name: string][] = [
  [['space', 'k'], 'play'],
  [['←', 'j'], 'back'],
  [['→', 'l'], 'forward'],
  [['↑', '↓'], 'volume'],
  [['m'], 'mute'],
  [['c'], 'captions'],
  [['d'], 'descriptions'],
  [['t'], 'transcript'],
  [['f'], 'fullscreen'],
  [['<', '>'], 'speed'],
  [['Home', 'End'], 'ends'],
  [['0–9'], 'jump'],
  [['?'], 'help'],
];

export function renderHelp(t: Translate): TemplateResult {
  return html`
    <dialog part="help" class="help" aria-labelledby="help-title">
      <h2 class="panel-title" id="help-title">${t('help.title')}</h2>
      <p>${t('help.intro')}</p>
      <table>
        <thead><tr><th scope="col">${t('help.key')}</th><th scope="col">${t('help.action')}</th></tr></thead>
        <tbody>
          ${KEY_HELP.map(([keys, name]) => html`<tr><td>${keys.map((key) => html`<kbd>${key === 'space' ? t('help.space') : key}</kbd> `)}</td><td>${t(`keys.${name}`)}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog"><button class="ju-button">${t('action.close')}</button></form>
    </dialog>`;
}
