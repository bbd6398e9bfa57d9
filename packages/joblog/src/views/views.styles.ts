import { css } from 'lit';

/**
 * The list, board and week overview. Rows of the list have a fixed height per breakpoint (the list measures
 * one and windows by it); everything else flows. Colour never carries meaning alone: statuses are words, the
 * week bar has a number beside it, and forced colours get system colours.
 *
 * Custom properties: `--ju-joblog-list-height` (the list's scroll area, default `min(70vh, 40rem)`),
 * `--ju-joblog-card-width` (the narrowest board column, default `13rem`).
 */
export const viewStyles = css`
  .ju-joblog-list,
  .ju-joblog-weeks {
    display: grid;
    gap: var(--_ju-space-m);
    container-type: inline-size;
  }

  .ju-joblog-list-controls {
    display: grid;
    gap: var(--_ju-space-s);
  }

  .ju-joblog-filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: var(--_ju-space-s) var(--_ju-space-m);
  }

  .ju-joblog-filters .ju-field,
  .ju-joblog-search {
    margin: 0;
    min-width: 0;
  }

  .ju-joblog-filters .ju-input,
  .ju-joblog-search .ju-input {
    width: 100%;
    min-height: var(--_ju-target-size);
  }

  .ju-joblog-count,
  .ju-joblog-empty {
    margin: 0;
  }

  .ju-joblog-list-viewport {
    max-height: var(--ju-joblog-list-height, min(70vh, 40rem));
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  .ju-joblog-list-viewport[hidden] {
    display: none;
  }

  .ju-joblog-rows {
    list-style: none;
    margin: 0;
    padding: 0;
    padding-block-start: var(--_ju-joblog-list-offset, 0);
    block-size: var(--_ju-joblog-list-height, auto);
  }

  /* Fixed height per breakpoint (in em, so it grows with the text): the window's arithmetic relies on it and
     measures it. Narrow: stacked; wide: two columns. */
  .ju-joblog-row {
    --_ju-joblog-row-height: 8.25em;
    display: grid;
    align-content: center;
    gap: 0 var(--_ju-space-m);
    block-size: var(--_ju-joblog-row-height);
    overflow: hidden;
    padding: var(--_ju-space-xs) var(--_ju-space-m);
    border-block-end: 1px solid var(--_ju-color-border-subtle);
  }

  @container (min-width: 36rem) {
    .ju-joblog-row {
      --_ju-joblog-row-height: 5.25em;
      grid-template-columns: minmax(0, 1fr) auto;
    }

    .ju-joblog-row-facts {
      justify-content: end;
      text-align: end;
    }
  }

  .ju-joblog-row-main {
    min-width: 0;
  }

  .ju-joblog-row-open,
  .ju-joblog-card-open {
    display: block;
    max-width: 100%;
    min-height: var(--_ju-target-size);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ju-color-primary);
    font: inherit;
    font-weight: var(--_ju-font-weight-bold);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .ju-joblog-card-open {
    white-space: normal;
    overflow-wrap: anywhere;
  }

  .ju-joblog-row-open:hover,
  .ju-joblog-card-open:hover {
    text-decoration-thickness: 3px;
  }

  .ju-joblog-row-where,
  .ju-joblog-row-facts,
  .ju-joblog-card-where,
  .ju-joblog-card-facts {
    margin: 0;
    font-size: var(--_ju-font-size-small);
    color: var(--_ju-color-text-subtle);
  }

  .ju-joblog-row-where {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .ju-joblog-row-facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_ju-space-s);
    max-height: 3em;
    overflow: hidden;
  }

  .ju-joblog-status {
    color: var(--_ju-color-text);
    font-weight: var(--_ju-font-weight-bold);
  }

  .ju-joblog-deadline {
    color: var(--_ju-color-text);
  }

  .ju-joblog-deadline {
    font-weight: var(--_ju-font-weight-bold);
  }

  /* Board */
  /* Columns wrap rather than scroll sideways: four across when there is room, one under another at 320 px. */
  .ju-joblog-board {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--ju-joblog-card-width, 13rem)), 1fr));
    gap: var(--_ju-space-m);
    align-items: start;
  }

  .ju-joblog-column {
    display: flex;
    flex-direction: column;
    gap: var(--_ju-space-s);
    min-width: 0;
    padding: var(--_ju-space-s);
    border: 2px solid transparent;
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .ju-joblog-column--drop {
    border: 2px dashed var(--_ju-color-primary);
  }

  .ju-joblog-column-heading {
    margin: 0;
    font-size: var(--_ju-font-size);
  }

  .ju-joblog-column-count {
    font-weight: normal;
    color: var(--_ju-color-text-subtle);
  }

  .ju-joblog-column-empty {
    margin: 0;
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .ju-joblog-cards,
  .ju-joblog-move-menu,
  .ju-joblog-week-list,
  .ju-joblog-week-entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_ju-space-s);
  }

  .ju-joblog-card {
    display: grid;
    gap: var(--_ju-space-xs);
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
  }

  .ju-joblog-card[draggable='true'] {
    cursor: grab;
  }

  .ju-joblog-card--dragging {
    opacity: 0.6;
  }

  .ju-joblog-card-move {
    justify-self: start;
  }

  .ju-joblog-move-menu[hidden] {
    display: none;
  }

  .ju-joblog-move-menu .ju-button {
    width: 100%;
    justify-content: start;
  }

  .ju-joblog-outcome {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  .ju-joblog-outcome legend {
    padding-inline: var(--_ju-space-xs);
    font-weight: var(--_ju-font-weight-bold);
  }

  .ju-joblog-show-all,
  .ju-joblog-more-weeks {
    justify-self: start;
  }

  /* Weeks */
  .ju-joblog-weeks-target {
    margin: 0;
  }

  .ju-joblog-week {
    display: grid;
    gap: var(--_ju-space-xs);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  .ju-joblog-week:focus {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
    outline-offset: 2px;
  }

  .ju-joblog-week--exempt {
    border-style: dashed;
  }

  .ju-joblog-week-summary {
    display: grid;
    gap: var(--_ju-space-xs);
  }

  .ju-joblog-week-name,
  .ju-joblog-week-counts {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_ju-space-s);
    align-items: baseline;
  }

  .ju-joblog-week-range {
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .ju-joblog-tag {
    padding-inline: var(--_ju-space-xs);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    font-size: var(--_ju-font-size-small);
  }

  .ju-joblog-week-bar {
    display: block;
    max-width: 24rem;
  }

  .ju-joblog-week-bar-track {
    fill: var(--_ju-color-surface-raised);
    stroke: var(--_ju-color-border);
    stroke-width: 1;
  }

  .ju-joblog-week-bar-fill {
    fill: var(--_ju-color-primary);
  }

  .ju-joblog-week-bar-target {
    fill: var(--_ju-color-text);
  }

  .ju-joblog-week-toggle {
    justify-self: start;
  }

  .ju-joblog-week-entries[hidden] {
    display: none;
  }

  .ju-joblog-week-entries li {
    display: grid;
  }

  .ju-joblog-week-entry-facts {
    font-size: var(--_ju-font-size-small);
    color: var(--_ju-color-text-subtle);
  }

  @media (forced-colors: active) {
    .ju-joblog-week-bar-track {
      fill: Canvas;
      stroke: CanvasText;
    }

    .ju-joblog-week-bar-fill,
    .ju-joblog-week-bar-target {
      fill: CanvasText;
    }

    .ju-joblog-row-open,
    .ju-joblog-card-open {
      color: LinkText;
    }

    .ju-joblog-column--drop {
      border-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .ju-joblog-list-viewport {
      scroll-behavior: auto;
    }
  }
`;
