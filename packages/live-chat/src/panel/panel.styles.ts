import { css } from 'lit';

export const panelStyles = [css`
  .dialog {
    width: var(--ju-live-chat-panel-width, 24rem);
    max-width: calc(100vw - 2 * var(--_ju-space-m));
    height: var(--ju-live-chat-panel-height, min(40rem, 85dvh));
    max-height: calc(100dvh - 2 * var(--_ju-space-m));
    margin: auto var(--_ju-space-m) var(--_ju-space-m) auto;
    padding: 0;
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 25%);
    overflow: hidden;
  }

  :host(:dir(rtl)) .dialog {
    margin: auto auto var(--_ju-space-m) var(--_ju-space-m);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 30%);
  }

  .dialog[open] {
    display: flex;
    flex-direction: column;
  }

  /* Narrow screens: the whole screen, sized to the visual viewport so the composer stays above the keyboard. */
  @media (max-width: 600px) {
    .dialog {
      width: 100vw;
      max-width: 100vw;
      height: var(--_ju-live-chat-viewport-height, 100dvh);
      max-height: var(--_ju-live-chat-viewport-height, 100dvh);
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }

  .panel {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    background: var(--_ju-color-surface);
  }

  .panel.inline {
    height: var(--ju-live-chat-panel-height, min(40rem, 85dvh));
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ju-space-s);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border-block-end: 1px solid var(--_ju-color-border-subtle);
  }

  .header h2 {
    margin: 0;
    font-size: var(--_ju-font-size-large);
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-s);
    flex: 1 1 auto;
    min-height: 0;
    padding: var(--_ju-space-m);
    overflow-y: auto;
  }

  .body.view-conversation {
    overflow: hidden;
    padding: var(--_ju-space-s);
  }

  .body p,
  .body h3 {
    margin: 0;
  }

  .view-heading {
    font-size: var(--_ju-font-size-large);
  }

  .quiet,
  .link {
    color: var(--_ju-color-text-subtle);
  }

  .link {
    padding: var(--_ju-space-xs) var(--_ju-space-s);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-warning-surface);
    color: var(--_ju-color-text);
  }

  .hours {
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .hours ul {
    margin: 0;
    padding-inline-start: var(--_ju-space-l);
  }

  .hours-title {
    font-weight: var(--_ju-font-weight-bold);
  }

  .start-form,
  .rating {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-m);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_ju-space-s);
    min-height: var(--_ju-target-size);
    padding-block: var(--_ju-space-xs);
    cursor: pointer;
  }

  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_ju-color-primary);
  }

  .actions,
  .composer-actions,
  .end {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    align-items: center;
  }

  .composer-actions {
    justify-content: flex-end;
  }

  .error-summary {
    padding: var(--_ju-space-m);
    border: 3px solid var(--_ju-color-error);
    border-radius: var(--_ju-radius);
  }

  .error-summary-title {
    font-weight: var(--_ju-font-weight-bold);
  }

  .error-summary ul {
    margin: var(--_ju-space-s) 0 0;
    padding-inline-start: var(--_ju-space-l);
  }

  .receipt {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_ju-space-xs) var(--_ju-space-m);
    margin: 0;
  }

  .receipt dt {
    font-weight: var(--_ju-font-weight-bold);
  }

  .receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .queue {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-s);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-info-surface);
  }

  .list {
    flex: 1 1 auto;
    min-height: 6rem;
  }

  .composer {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-xs);
  }

  .composer textarea {
    width: 100%;
    resize: vertical;
    min-height: var(--_ju-target-size);
    max-height: 40dvh;
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ju-space-s);
  }

  .end {
    justify-content: flex-end;
  }

  .scores {
    display: flex;
    flex-direction: column;
  }

  @media (forced-colors: active) {
    .dialog,
    .hours,
    .queue,
    .link {
      border: 1px solid CanvasText;
    }
  }
`];
