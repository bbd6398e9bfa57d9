import { css } from './lit.js';

// The shell's styles: layout (navigation | sections, switching on the widget's own width), toolbar, status and
// panels. The sections bring their own; the completeness panel, the preview (with the third column and printing), the error summary and
// the dialogs bring theirs when they load. Logical properties only, so Arabic (RTL) mirrors; forced colours get
// borders where colour alone told things apart.

export const cvBuilderStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_ju-cv-nav: var(--ju-cv-builder-nav-width, 13rem);
    --_ju-cv-pane: var(--ju-cv-builder-pane-width, 30rem);
  }

  h2, h3, h4, h5, h6 {
    margin: 0 0 var(--_ju-space-s);
    line-height: 1.25;
  }

  p { margin: 0 0 var(--_ju-space-s); }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible { outline: var(--_ju-focus-width) solid var(--_ju-focus-color); }

  .head {
    margin-block-end: var(--_ju-space-l);
  }

  #cv-heading { font-size: var(--_ju-font-size-large); }

  .status { margin-block-end: var(--_ju-space-m); }
  .save-state { font-weight: var(--_ju-font-weight-bold); }
  .where { color: var(--_ju-color-text-subtle); font-size: var(--_ju-font-size-small); }
  .where.ju-message { color: var(--_ju-color-text); font-size: var(--_ju-font-size); }
  .conflict-note, .elsewhere { display: grid; gap: var(--_ju-space-s); justify-items: start; }
  .conflict-note p, .elsewhere p { margin: 0; }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s) var(--_ju-space-m);
  }

  .toolbar-group {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-xs);
  }

  .toolbar .ju-button[aria-busy='true'] { cursor: progress; }

  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_ju-space-l);
    align-items: start;
  }

  .nav-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .nav-list a {
    display: flex;
    align-items: center;
    min-height: var(--_ju-target-size);
    padding-inline: var(--_ju-space-xs);
  }

  .nav-compact {
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  .nav-compact summary {
    padding-block: var(--_ju-space-s);
    font-weight: var(--_ju-font-weight-bold);
    cursor: pointer;
  }

  .nav-wide { display: none; }

  .editor { display: grid; gap: var(--_ju-space-l); min-width: 0; }

  .panel {
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .danger-zone {
    padding-block-start: var(--_ju-space-m);
    border-block-start: 1px solid var(--_ju-color-border-subtle);
  }

  .loading { color: var(--_ju-color-text-subtle); }

  @container (min-width: 48rem) {
    .body { grid-template-columns: var(--_ju-cv-nav) minmax(0, 1fr); }
    .nav-compact { display: none; }

    .nav-wide {
      display: block;
      position: sticky;
      top: var(--_ju-space-s);
    }
  }

  @media (forced-colors: active) {
    .panel, .nav-compact { border: 1px solid CanvasText; }
  }

  /* Printing shows the CV alone (the preview, whose styles say how); until its code has loaded, the editor prints as it is. */
  @media print {
    :host { background: #ffffff; color: #000000; }
    .dialog-host { display: none !important; }
  }
`;
