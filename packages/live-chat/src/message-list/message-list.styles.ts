import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    position: relative;
    background: transparent;
  }

  .log {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_ju-space-s);
  }

  .earlier {
    display: flex;
    margin: 0 auto var(--_ju-space-m);
  }

  .messages {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .message {
    max-width: min(85%, 36rem);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 1px solid transparent;
    border-radius: var(--_ju-radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .message p {
    margin: 0;
  }

  .own {
    align-self: flex-end;
    background: var(--ju-live-chat-own-surface, var(--_ju-color-info-surface));
  }

  .theirs {
    align-self: flex-start;
    background: var(--ju-live-chat-their-surface, var(--_ju-color-surface-raised));
  }

  .note {
    align-self: flex-end;
    border-width: 2px;
    border-style: dashed;
    border-color: var(--_ju-color-border);
    background: var(--ju-live-chat-note-surface, var(--_ju-color-warning-surface));
  }

  .note-label {
    display: block;
    color: var(--_ju-color-text);
  }

  .system {
    align-self: center;
    max-width: 100%;
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
    text-align: center;
  }

  .meta,
  .state {
    font-size: var(--_ju-font-size-small);
    color: var(--_ju-color-text-subtle);
  }

  .author {
    font-weight: var(--_ju-font-weight-bold);
    color: var(--_ju-color-text);
  }

  .state {
    text-align: end;
  }

  .failed {
    border-color: var(--_ju-color-error);
  }

  .failed .state {
    color: var(--_ju-color-error);
  }

  .state .ju-button,
  .attachment .ju-button {
    margin-block-start: var(--_ju-space-xs);
  }

  .attachment .ju-button {
    white-space: normal;
    text-align: start;
  }

  .text a {
    overflow-wrap: anywhere;
  }

  .typing {
    min-height: 1.5em;
    margin: 0;
    padding: 0 var(--_ju-space-s);
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .jump {
    position: absolute;
    inset-block-end: calc(1.5em + var(--_ju-space-m));
    inset-inline-start: 50%;
    transform: translateX(-50%);
  }

  :host(:dir(rtl)) .jump {
    transform: translateX(50%);
  }

  @media (forced-colors: active) {
    .message {
      border-color: CanvasText;
    }

    .failed {
      border-style: dashed;
    }
  }
`;
