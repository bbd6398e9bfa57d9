import { css } from 'lit';

// The shell's styles: header, requirement meter, reminders, toolbar and status. Logical properties only, so
// Arabic (RTL) mirrors; forced colours get borders where colour alone told things apart. Works from 320 px.
export const joblogStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_ju-joblog-meter: var(--ju-joblog-meter-color, var(--_ju-color-primary));
  }

  h2, h3, h4, h5, h6 { margin: 0 0 var(--_ju-space-s); line-height: 1.25; }
  p { margin: 0 0 var(--_ju-space-s); }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible { outline: var(--_ju-focus-width) solid var(--_ju-focus-color); }

  .shell { display: grid; gap: var(--_ju-space-m); min-inline-size: 0; }
  #jl-heading { font-size: var(--_ju-font-size-large); }
  .status p { margin: 0; }
  .where { color: var(--_ju-color-text-subtle); font-size: var(--_ju-font-size-small); }
  .where.ju-message { color: var(--_ju-color-text); font-size: var(--_ju-font-size); }
  .conflict-note { display: grid; gap: var(--_ju-space-s); justify-items: start; }

  .meter {
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .meter-message { font-weight: var(--_ju-font-weight-bold); }
  .meter-details { display: grid; gap: var(--_ju-space-xs); margin: 0 0 var(--_ju-space-s); padding: 0; list-style: none; }
  .meter-bar { block-size: 0.5rem; border: 1px solid var(--_ju-color-border); border-radius: var(--_ju-radius); overflow: hidden; }
  .meter-fill { display: block; block-size: 100%; inline-size: 0; background: var(--_ju-joblog-meter); forced-color-adjust: none; }
  .p10 { inline-size: 10%; } .p20 { inline-size: 20%; } .p30 { inline-size: 30%; } .p40 { inline-size: 40%; } .p50 { inline-size: 50%; }
  .p60 { inline-size: 60%; } .p70 { inline-size: 70%; } .p80 { inline-size: 80%; } .p90 { inline-size: 90%; } .p100 { inline-size: 100%; }

  .reminders { display: grid; gap: var(--_ju-space-s); margin: 0; padding: 0; list-style: none; }
  .reminder, .draft-note {
    display: grid;
    gap: var(--_ju-space-xs);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border-inline-start: 4px solid var(--_ju-color-primary);
    background: var(--_ju-color-surface-raised);
  }
  .reminder p, .draft-note p { margin: 0; overflow-wrap: anywhere; }
  .reminder-actions, .toolbar, .view-switch { display: flex; flex-wrap: wrap; gap: var(--_ju-space-xs) var(--_ju-space-s); }
  .view-switch { margin: 0; padding: 0; border: 0; }
  .view-switch legend { padding: 0; margin-block-end: var(--_ju-space-xs); }
  .view-switch .ju-button[aria-pressed='true'] { outline: 2px solid currentColor; outline-offset: -4px; }

  .fallback-list { display: grid; gap: var(--_ju-space-s); margin: 0; padding: 0; list-style: none; }
  .fallback-list li { display: flex; flex-wrap: wrap; gap: var(--_ju-space-s); align-items: center; justify-content: space-between;
    padding: var(--_ju-space-s); border: 1px solid var(--_ju-color-border); border-radius: var(--_ju-radius); }
  .fallback-list p { margin: 0; overflow-wrap: anywhere; }

  @media (forced-colors: active) {
    .meter-fill { background: Highlight; }
    .reminder, .draft-note { border: 1px solid CanvasText; border-inline-start-width: 4px; }
  }
`;
