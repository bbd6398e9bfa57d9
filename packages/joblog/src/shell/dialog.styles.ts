import { css } from 'lit';

// The dialogs' styles, adopted by the shell when the first dialog loads. Logical properties only (RTL mirrors).
export const dialogStyles = css`
  .jl-dialog {
    width: min(40rem, calc(100% - 2 * var(--_ju-space-m)));
    max-height: calc(100% - 2 * var(--_ju-space-m));
    padding: var(--_ju-space-l);
    border: 2px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
    overflow: auto;
  }

  .jl-dialog::backdrop { background: rgb(0 0 0 / 55%); }
  .jl-dialog h2, .jl-dialog h3, .jl-dialog h4, .jl-dialog h5, .jl-dialog h6 { margin: 0 0 var(--_ju-space-m); }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin-block-start: var(--_ju-space-m);
  }

  .form-grid { display: grid; gap: var(--_ju-space-m); }
  .form-grid fieldset { margin: 0; padding: 0; border: 0; }
  .form-grid legend { padding: 0; margin-block-end: var(--_ju-space-xs); font-weight: var(--_ju-font-weight-bold); }
  .radio { display: flex; gap: var(--_ju-space-s); align-items: center; min-block-size: var(--_ju-target-size); }
  .radio input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; }
  .error-summary { border-inline-start: 4px solid var(--_ju-color-error); padding-inline-start: var(--_ju-space-m); }
  .error-summary ul { margin: 0; padding-inline-start: var(--_ju-space-m); }
  .duplicate { display: grid; gap: var(--_ju-space-s); }
  .history { margin: 0; padding-inline-start: var(--_ju-space-m); }
  .copy-list { display: grid; gap: var(--_ju-space-s); margin: 0; }
  .copy-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_ju-space-xs) var(--_ju-space-s);
    align-items: center;
    padding-block: var(--_ju-space-xs);
    border-block-end: 1px solid var(--_ju-color-border);
  }
  .copy-row dt { grid-column: 1; font-weight: var(--_ju-font-weight-bold); }
  .copy-row dd { grid-column: 1; margin: 0; overflow-wrap: anywhere; }
  .copy-row button { grid-column: 2; grid-row: 1 / span 2; }
  .problems { margin: 0; padding-inline-start: var(--_ju-space-m); }
  .mapping { display: grid; gap: var(--_ju-space-s); }
  .insights-table { inline-size: 100%; border-collapse: collapse; margin-block-end: var(--_ju-space-m); }
  .insights-table caption { text-align: start; font-weight: var(--_ju-font-weight-bold); margin-block-end: var(--_ju-space-xs); }
  .insights-table th, .insights-table td { padding: var(--_ju-space-xs); border-block-end: 1px solid var(--_ju-color-border); text-align: start; overflow-wrap: anywhere; }
  .insights-days { display: grid; gap: var(--_ju-space-xs); margin: 0; }
  .insights-days dd { margin: 0; }
  .conflict { display: grid; gap: var(--_ju-space-s); padding-block: var(--_ju-space-s); border-block-end: 1px solid var(--_ju-color-border); }
`;
