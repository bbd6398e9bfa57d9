import { css } from '../lit.js';

/**
 * The section editors' styles; the shell adds them to its own. One column below ~34rem, so it works at 320 px;
 * every target is at least `--ju-target-size` (44 px); logical properties only, so Arabic (RTL) mirrors itself.
 */
export const sectionStyles = css`
  .cv-section {
    margin-block-end: var(--_ju-space-xl);
    min-width: 0;
  }

  .section-heading {
    margin: 0 0 var(--_ju-space-xs);
    font-size: var(--_ju-font-size-large);
    line-height: 1.25;
  }

  .section-heading:focus { outline: none; }
  .section-heading:focus-visible { outline: var(--_ju-focus-width) solid var(--_ju-focus-color); }

  .cv-section .intro { margin: 0 0 var(--_ju-space-s); }

  .tips {
    margin-block-end: var(--_ju-space-m);
    border-inline-start: 4px solid var(--_ju-color-primary);
    background: var(--_ju-color-info-surface);
    color: var(--_ju-color-text);
  }

  .tips summary {
    display: flex;
    align-items: center;
    min-height: var(--_ju-target-size);
    padding-inline: var(--_ju-space-m);
    color: var(--_ju-color-primary);
    font-weight: var(--_ju-font-weight-bold);
    text-decoration: underline;
    cursor: pointer;
  }

  .tips ul { margin: 0; padding-block: 0 var(--_ju-space-s); padding-inline: var(--_ju-space-xl) var(--_ju-space-m); }
  .tips .example { margin: 0; padding: 0 var(--_ju-space-m) var(--_ju-space-m); }
  .example-label { font-weight: var(--_ju-font-weight-bold); }

  .hidden-note {
    margin: 0 0 var(--_ju-space-m);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 2px dashed var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-warning-surface);
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    column-gap: var(--_ju-space-m);
    align-items: start;
    min-width: 0;
  }

  .grid > *, .list, .item { min-width: 0; }
  .wide { grid-column: 1 / -1; }

  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend { padding: 0; }

  .group, .choices, .date, .skills { margin-block-end: var(--_ju-space-m); }
  .group > legend, .choices > legend, .date > legend, .skills > legend { margin-block-end: var(--_ju-space-xs); }

  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--_ju-space-s);
    min-height: var(--_ju-target-size);
  }

  .check input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_ju-color-primary);
  }

  .check label {
    display: flex;
    align-items: center;
    min-height: var(--_ju-target-size);
    cursor: pointer;
  }

  .check .check-hint, .check .ju-error-text { grid-column: 2; }

  .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    column-gap: var(--_ju-space-m);
  }

  .categories { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }

  .period {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    column-gap: var(--_ju-space-m);
  }

  .date-parts {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_ju-space-s);
  }

  .date-parts .ju-field { margin-block-end: var(--_ju-space-s); }
  .date-parts .ju-field:first-child { flex: 0 1 11rem; }
  .date-parts .ju-field:last-child { flex: 0 1 6.5rem; }
  .date-part { font-weight: normal; }

  .list { display: grid; gap: var(--_ju-space-m); justify-items: start; }
  .list > .item { justify-self: stretch; }

  .item {
    padding: var(--_ju-space-s) var(--_ju-space-m) 0;
    border: 2px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
  }

  .item.is-hidden {
    border-style: dashed;
    border-color: var(--_ju-color-border);
    background: var(--_ju-color-surface-raised);
  }

  .item[data-drop-target] { border-color: var(--_ju-color-primary); border-style: solid; }

  .item-legend {
    padding-inline: var(--_ju-space-xs);
    font-weight: var(--_ju-font-weight-bold);
    overflow-wrap: anywhere;
  }

  .badge {
    display: inline-block;
    padding: 0 var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-warning-surface);
    font-size: var(--_ju-font-size-small);
    font-weight: var(--_ju-font-weight-bold);
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ju-space-xs);
    margin-block: var(--_ju-space-xs) var(--_ju-space-m);
  }

  .tools .tool {
    padding-inline: var(--_ju-space-s);
    font-size: var(--_ju-font-size-small);
  }

  .tools .tool[aria-disabled='true'] {
    border-color: var(--_ju-color-border-subtle);
    color: var(--_ju-color-text-subtle);
    cursor: default;
  }

  .handle {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: var(--_ju-target-size);
    min-height: var(--_ju-target-size);
    color: var(--_ju-color-text-subtle);
    cursor: grab;
    touch-action: none;
  }

  .handle svg { fill: currentColor; }
  .nested { padding-block-end: var(--_ju-space-m); }
  .add { margin-block-end: var(--_ju-space-s); }

  @media (forced-colors: active) {
    .item, .item.is-hidden { border-color: CanvasText; }
    .item[data-drop-target] { border-color: Highlight; }
    .badge, .hidden-note { border-color: CanvasText; }
    .tips { border-inline-start-color: CanvasText; }
    .tools .tool[aria-disabled='true'] { border-color: GrayText; color: GrayText; }
    .handle svg { fill: CanvasText; }
  }

  @media (pointer: coarse) {
    /* Native drag and drop from a handle is unreliable on touch screens; the buttons move items there. */
    .handle { display: none; }
  }

  @media print {
    .tools, .add, .tips { display: none; }
  }
`;
