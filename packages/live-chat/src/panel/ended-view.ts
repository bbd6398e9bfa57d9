// After the conversation: transcript download, an optional 1–5 rating with a comment, and a thank-you.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ViewContext } from './start-views.js';

const SCORES = [1, 2, 3, 4, 5];

export function renderEnded({ state, actions, t }: ViewContext): TemplateResult {
  const rating = state.rating;
  return html`
    <h3 class="view-heading" tabindex="-1">${t('ended.heading')}</h3>
    <p>${t('ended.text')}</p>
    <p><button type="button" class="ju-button ju-button--secondary" @click=${actions.transcript}>${t('ended.transcript')}</button></p>
    ${state.problem === undefined ? nothing : html`<p class="ju-message ju-message--error" role="alert">${state.problem}</p>`}
    ${rating.sent
      ? html`<p class="ju-message ju-message--success" id="rating-thanks" tabindex="-1">${t('rating.thanks')}</p>`
      : html`<form class="rating" novalidate @submit=${actions.sendRating}>
          <fieldset class="ju-field" aria-describedby=${rating.error === undefined ? 'rating-hint' : 'rating-hint rating-error'}>
            <legend class="ju-label">${t('rating.question')}</legend>
            <p class="ju-hint" id="rating-hint">${t('rating.hint')}</p>
            ${rating.error === undefined ? nothing : html`<p class="ju-error-text" id="rating-error">${rating.error}</p>`}
            <div class="scores">
              ${SCORES.map((score) => html`<label class="choice score">
                <input type="radio" name="score" id=${`score-${String(score)}`} value=${score} .checked=${live(rating.score === score)}
                  @change=${() => { actions.rate({ score }); }}>
                <span>${t(`rating.score${String(score)}`)}</span>
              </label>`)}
            </div>
          </fieldset>
          <div class="ju-field">
            <label class="ju-label" for="rating-comment">${t('rating.comment')}</label>
            <textarea class="ju-input" id="rating-comment" rows="3" maxlength="1000" .value=${live(rating.comment)}
              @input=${(event: Event) => { actions.rate({ comment: (event.target as HTMLTextAreaElement).value }); }}></textarea>
          </div>
          <button type="submit" class="ju-button" aria-disabled=${state.busy ? 'true' : 'false'}>${t('rating.send')}</button>
        </form>`}
    <p><button type="button" class="ju-button ju-button--quiet" @click=${actions.startOver}>${t('ended.new')}</button></p>`;
}
