import { css } from '../lit.js';

// The dialogs' styles, adopted by the shell when the first dialog loads.
export const dialogStyles = css`
  .cv-dialog {
    width: min(40rem, calc(100% - 2 * var(--_ju-space-m)));
    max-height: calc(100% - 2 * var(--_ju-space-m));
    padding: var(--_ju-space-l);
    border: 2px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
    overflow: auto;
  }

  .cv-dialog--wide { width: min(60rem, calc(100% - 2 * var(--_ju-space-m))); }
  .cv-dialog::backdrop { background: rgb(0 0 0 / 55%); }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin-block-start: var(--_ju-space-m);
  }

  .choices {
    margin: 0 0 var(--_ju-space-m);
    padding: 0;
    border: 0;
  }

  .choices legend { margin-block-end: var(--_ju-space-xs); padding: 0; }

  .choice {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 var(--_ju-space-s);
    align-items: start;
    padding-block: var(--_ju-space-s);
  }

  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_ju-color-primary);
  }

  .choice label { padding-block: 0.1rem; }
  .choice .ju-hint { grid-column: 2; }

  .version-list, .problem-list { margin: 0 0 var(--_ju-space-m); padding: 0; list-style: none; }
  .problem-list { padding-inline-start: var(--_ju-space-m); list-style: disc; }

  .version {
    padding-block: var(--_ju-space-s);
    border-block-end: 1px solid var(--_ju-color-border-subtle);
  }

  .version-name { margin: 0; font-weight: var(--_ju-font-weight-bold); unicode-bidi: plaintext; }
  .version-meta { color: var(--_ju-color-text-subtle); font-size: var(--_ju-font-size-small); }
  .version-actions { display: flex; flex-wrap: wrap; gap: var(--_ju-space-xs); }

  .compare {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--_ju-space-m);
    margin-block-end: var(--_ju-space-m);
  }

  .compare-side {
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  .compare-side dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: var(--_ju-space-xs) var(--_ju-space-s); margin: 0 0 var(--_ju-space-s); }
  .compare-side dt { font-weight: var(--_ju-font-weight-bold); }
  .compare-side dd { margin: 0; unicode-bidi: plaintext; }
  .import-summary ul { margin-block-start: 0; }

  .ju-button--danger {
    border-color: var(--_ju-color-error);
    background: var(--_ju-color-error);
    color: var(--_ju-color-surface);
  }

  .ju-button--danger:hover {
    border-color: var(--_ju-color-text);
    background: var(--_ju-color-error);
  }

  @media (forced-colors: active) {
    .compare-side, .cv-dialog { border: 1px solid CanvasText; }
    .ju-button--danger { border-color: ButtonText; background: ButtonFace; color: ButtonText; }
  }
`;
