import { css } from 'lit';

/**
 * Native buttons, links styled as buttons, and form fields, styled once for every widget.
 * Markup: `<button class="ju-button">`, `ju-button ju-button--secondary`, `ju-button ju-button--quiet`;
 * a field is `<div class="ju-field"><label class="ju-label" for=…>`, `<p class="ju-hint" id=…>`,
 * `<p class="ju-error-text" id=…>`, and the control with `class="ju-input"` (input, select, textarea).
 */
export const controlStyles = css`
  .ju-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_ju-space-s);
    min-height: var(--_ju-target-size);
    min-width: var(--_ju-target-size);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 2px solid var(--_ju-color-primary);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-primary);
    color: var(--_ju-color-on-primary);
    font: inherit;
    font-weight: var(--_ju-font-weight-bold);
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    transition: background-color 120ms ease-out, border-color 120ms ease-out;
  }

  .ju-button:hover {
    background: var(--_ju-color-primary-hover);
    border-color: var(--_ju-color-primary-hover);
  }

  .ju-button--secondary {
    background: var(--_ju-color-surface);
    color: var(--_ju-color-primary);
  }

  .ju-button--secondary:hover {
    background: var(--_ju-color-info-surface);
    color: var(--_ju-color-primary-hover);
  }

  .ju-button--quiet {
    background: transparent;
    border-color: transparent;
    color: var(--_ju-color-primary);
    text-decoration: underline;
  }

  .ju-button--quiet:hover {
    background: var(--_ju-color-info-surface);
    border-color: transparent;
  }

  .ju-button:disabled,
  .ju-button[aria-disabled='true'] {
    cursor: not-allowed;
    background: var(--_ju-color-surface-raised);
    border-color: var(--_ju-color-border-subtle);
    color: var(--_ju-color-text-subtle);
  }

  .ju-link {
    color: var(--_ju-color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .ju-link:hover {
    color: var(--_ju-color-primary-hover);
    text-decoration-thickness: 2px;
  }

  .ju-field {
    display: grid;
    gap: var(--_ju-space-xs);
    margin-block-end: var(--_ju-space-m);
  }

  .ju-label {
    font-weight: var(--_ju-font-weight-bold);
  }

  .ju-hint {
    margin: 0;
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .ju-error-text {
    margin: 0;
    color: var(--_ju-color-error);
    font-weight: var(--_ju-font-weight-bold);
  }

  .ju-input {
    width: 100%;
    max-width: 100%;
    min-height: var(--_ju-target-size);
    padding: var(--_ju-space-s);
    border: 2px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
    font: inherit;
  }

  .ju-input[aria-invalid='true'] {
    border-color: var(--_ju-color-error);
    border-width: 3px;
  }

  textarea.ju-input {
    min-height: 6rem;
    resize: vertical;
  }

  .ju-message {
    margin: 0 0 var(--_ju-space-m);
    padding: var(--_ju-space-m);
    border-inline-start: 5px solid var(--_ju-color-primary);
    background: var(--_ju-color-info-surface);
    color: var(--_ju-color-text);
  }

  .ju-message--error {
    border-color: var(--_ju-color-error);
    background: var(--_ju-color-error-surface);
  }

  .ju-message--success {
    border-color: var(--_ju-color-success);
    background: var(--_ju-color-success-surface);
  }

  @media (forced-colors: active) {
    .ju-button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .ju-button:disabled {
      border-color: GrayText;
      color: GrayText;
    }

    .ju-message {
      border: 1px solid CanvasText;
      border-inline-start-width: 5px;
    }
  }
`;
