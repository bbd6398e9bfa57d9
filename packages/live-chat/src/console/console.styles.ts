import { css } from 'lit';

export const consoleStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_cc-gap: var(--ju-chat-console-gap, var(--_ju-space-m));
    --_cc-accent: var(--ju-chat-console-accent, var(--_ju-color-primary));
    padding: var(--_ju-space-s);
  }

  h2,
  h3,
  h4,
  p {
    margin: 0 0 var(--_ju-space-s);
    line-height: 1.25;
  }

  h2 {
    font-size: var(--_ju-font-size-large);
  }

  h3 {
    font-size: calc(var(--_ju-font-size) * 1.125);
  }

  h4 {
    font-size: var(--_ju-font-size);
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  .cc-header,
  .cc-conversation__header,
  .cc-presence,
  .cc-actions,
  .cc-canned {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_ju-space-s);
  }

  .cc-header,
  .cc-conversation__header {
    justify-content: space-between;
    margin-block-end: var(--_cc-gap);
  }

  .cc-presence .ju-field {
    margin: 0;
  }

  .cc-choice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .cc-choice label {
    display: inline-flex;
    align-items: center;
    gap: var(--_ju-space-xs);
    min-height: var(--_ju-target-size);
  }

  .cc-choice input {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_cc-accent);
  }

  .cc-layout {
    display: grid;
    gap: var(--_cc-gap);
  }

  @container (min-width: 48rem) {
    .cc-layout {
      grid-template-columns: minmax(16rem, 1fr) 2fr;
      align-items: start;
    }
  }

  .cc-tabs {
    display: flex;
    flex-wrap: wrap;
    border-block-end: 2px solid var(--_ju-color-border-subtle);
    margin-block-end: var(--_ju-space-s);
  }

  .cc-tab {
    min-height: var(--_ju-target-size);
    padding: var(--_ju-space-s);
    border: 0;
    border-block-end: 4px solid transparent;
    background: transparent;
    color: var(--_ju-color-text);
    font: inherit;
    cursor: pointer;
  }

  .cc-tab[aria-selected='true'] {
    border-block-end-color: var(--_cc-accent);
    font-weight: var(--_ju-font-weight-bold);
  }

  .cc-tab:hover,
  .cc-row:hover {
    background: var(--_ju-color-info-surface);
  }

  .cc-list {
    display: grid;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .cc-item,
  .cc-row,
  .cc-conversation {
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
  }

  .cc-row {
    display: grid;
    gap: var(--_ju-space-xs);
    width: 100%;
    min-height: var(--_ju-target-size);
    color: var(--_ju-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .cc-row[aria-current='true'] {
    border-inline-start: 5px solid var(--_cc-accent);
  }

  .cc-row__top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    align-items: center;
  }

  .cc-row__meta,
  .cc-row__preview {
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
    overflow-wrap: anywhere;
  }

  .cc-badge,
  .cc-tag {
    padding: 0 var(--_ju-space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_ju-radius);
    font-size: var(--_ju-font-size-small);
  }

  .cc-badge {
    border-color: var(--_cc-accent);
    background: var(--_cc-accent);
    color: var(--_ju-color-on-primary);
    font-weight: var(--_ju-font-weight-bold);
  }

  /* The shared <ju-chat-message-list>: its log scrolls inside; the console gives it a height and a frame. */
  .cc-log {
    min-width: 0;
    height: var(--ju-chat-console-log-height, 24rem);
    margin: 0 0 var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
    --ju-live-chat-their-surface: var(--_ju-color-surface);
    --ju-live-chat-note-surface: var(--ju-chat-console-note-surface, var(--_ju-color-warning-surface));
  }

  [tabindex='-1']:focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
  }

  .cc-canned {
    margin-block-start: var(--_ju-space-s);
  }

  .cc-canned select {
    flex: 1 1 12rem;
    width: auto;
  }

  .cc-canned .ju-label {
    flex-basis: 100%;
  }

  .cc-note {
    margin-block-start: var(--_cc-gap);
  }

  .cc-note summary {
    min-height: var(--_ju-target-size);
    padding-block: var(--_ju-space-s);
    color: var(--_ju-color-primary);
    font-weight: var(--_ju-font-weight-bold);
    cursor: pointer;
  }

  .cc-dialog {
    width: min(36rem, calc(100vw - 2rem));
    padding: var(--_ju-space-m);
    border: 2px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
  }

  .cc-dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }

  .cc-dialog .cc-choice {
    margin-block-end: var(--_ju-space-m);
  }

  @media (forced-colors: active) {
    .cc-tab[aria-selected='true'],
    .cc-row[aria-current='true'] {
      border-color: Highlight;
    }

    .cc-badge {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
