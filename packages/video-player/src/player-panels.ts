// The player's panels that only show state and send requests back: settings, chapters and the keyboard help.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Formatter, Translate } from '@jobunivers/core';
import { CAPTION_BACKGROUNDS, CAPTION_COLOURS, CAPTION_SIZES, type CaptionSettings } from './caption-settings.js';
import { KEY_HELP, SPEEDS } from './keyboard.js';
import type { PlayerRendition, RenditionKind } from './media-source.js';
import { formatTime } from './time.js';
import type { Cue } from './vtt.js';

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
