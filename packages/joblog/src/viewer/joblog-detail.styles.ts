import { css } from 'lit';

// An opened joblog's own parts: the requirement form, the removal question, an entry's dialog and what prints. The
// meter comes with joblogStyles, the list and weeks with viewStyles. Logical properties only, so Arabic mirrors.
export const joblogDetailStyles = css`
  .requirement-actions, .form-actions, .confirm-actions { display: flex; flex-wrap: wrap; gap: var(--_ju-space-s); }
  .requirement-form { display: grid; gap: var(--_ju-space-s); max-inline-size: 40rem; }
  .requirement-form h3 { font-size: var(--_ju-font-size-large); }
  .requirement-form .number { max-inline-size: 10rem; }
  .requirement-form .week { max-inline-size: 12rem; }
  .checkbox { display: flex; gap: var(--_ju-space-s); align-items: center; }
  .checkbox input { inline-size: 1.5rem; block-size: 1.5rem; margin: 0; }
  .exempt { margin: 0; padding: var(--_ju-space-s) var(--_ju-space-m); border: 1px solid var(--_ju-color-border); border-radius: var(--_ju-radius); }
  .exempt legend { padding: 0 var(--_ju-space-xs); font-weight: var(--_ju-font-weight-bold); }
  .exempt-rows { display: grid; gap: var(--_ju-space-s); margin: 0 0 var(--_ju-space-s); padding: 0; list-style: none; }
  .exempt-row { display: flex; flex-wrap: wrap; gap: 0 var(--_ju-space-m); align-items: end; }
  .exempt-row .ju-field { margin: 0; }
  .confirm { display: grid; gap: var(--_ju-space-s); justify-items: start; }

  .entry-dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
  }

  .entry-dialog::backdrop { background: rgb(0 0 0 / 0.5); }
  .entry-body { display: grid; gap: var(--_ju-space-s); padding: var(--_ju-space-m); justify-items: start; }
  .entry-body h3, .entry-body h4 { margin: 0; overflow-wrap: anywhere; }
  .entry-facts { display: grid; gap: var(--_ju-space-xs); margin: 0; }
  .entry-facts div { display: flex; flex-wrap: wrap; gap: 0 var(--_ju-space-s); }
  .entry-facts dt { font-weight: var(--_ju-font-weight-bold); }
  .entry-facts dt::after { content: ':'; }
  .entry-facts dd { margin: 0; overflow-wrap: anywhere; }
  .entry-history { margin: 0; padding-inline-start: 1.25rem; }
  .entry-notes { white-space: pre-wrap; overflow-wrap: anywhere; }
  .print-list { display: none; }

  @media print {
    .view-switch, .requirement-actions, .requirement-form, .confirm, .ju-joblog-list-controls, .entry-dialog,
    .ju-joblog-week-toggle, .ju-joblog-more-weeks { display: none !important; }
    .print-list { display: block; margin: 0; padding-inline-start: 1.5rem; }
  }
`;
