import { css } from 'lit';

export const deskStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_ju-desk-gap: var(--ju-booking-desk-gap, var(--_ju-space-m));
    --_ju-desk-accent: var(--ju-booking-desk-accent, var(--_ju-color-primary));
    padding: var(--_ju-space-s);
  }

  h2,
  h3,
  h4 {
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

  p {
    margin: 0 0 var(--_ju-space-s);
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
  }

  .desk-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ju-space-s);
    margin-block-end: var(--_ju-space-s);
  }

  .desk-status {
    margin: 0;
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .desk-tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-xs);
    margin-block-end: var(--_ju-desk-gap);
    border-block-end: 2px solid var(--_ju-color-border-subtle);
  }

  .desk-tab {
    min-height: var(--_ju-target-size);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 0;
    border-block-end: 4px solid transparent;
    background: transparent;
    color: var(--_ju-color-text);
    font: inherit;
    cursor: pointer;
  }

  .desk-tab:hover {
    background: var(--_ju-color-info-surface);
  }

  .desk-tab[aria-selected='true'] {
    border-block-end-color: var(--_ju-desk-accent);
    font-weight: var(--_ju-font-weight-bold);
  }

  .desk-panel {
    display: grid;
    gap: var(--_ju-desk-gap);
  }

  .desk-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ju-space-s);
    margin-block: var(--_ju-space-s);
  }

  .desk-actions > p {
    margin: 0;
  }

  .desk-week-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_ju-space-s);
  }

  .desk-days,
  .desk-bookings,
  .desk-list {
    display: grid;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .desk-day,
  .desk-list__item,
  .desk-task,
  .desk-section {
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
  }

  .desk-day--today {
    border-inline-start: 5px solid var(--_ju-desk-accent);
  }

  .desk-day--closed {
    background: var(--_ju-color-warning-surface);
  }

  .desk-day__title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_ju-space-s);
  }

  .desk-day__count {
    color: var(--_ju-color-text-subtle);
    font-weight: normal;
    font-size: var(--_ju-font-size-small);
  }

  .desk-booking {
    display: grid;
    gap: var(--_ju-space-xs);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border-inline-start: 4px solid var(--_ju-desk-accent);
    background: var(--_ju-color-surface-raised);
  }

  .desk-booking p {
    margin: 0;
  }

  .desk-booking__time {
    font-weight: var(--_ju-font-weight-bold);
  }

  .desk-booking__meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .desk-booking--cancelled {
    border-inline-start-color: var(--_ju-color-border);
  }

  .desk-booking--cancelled .desk-booking__time time {
    text-decoration: line-through;
  }

  .desk-tag {
    display: inline-block;
    padding: 0 var(--_ju-space-xs);
    border: 1px solid currentcolor;
    border-radius: var(--_ju-radius);
    color: var(--_ju-color-text);
    font-size: var(--_ju-font-size-small);
    font-weight: var(--_ju-font-weight-bold);
  }

  .desk-closed,
  .desk-flag {
    font-weight: var(--_ju-font-weight-bold);
  }

  .desk-flag {
    padding: var(--_ju-space-xs) var(--_ju-space-s);
    border-inline-start: 4px solid var(--_ju-color-error);
    background: var(--_ju-color-error-surface);
  }

  .desk-loading {
    color: var(--_ju-color-text-subtle);
  }

  .desk-quote {
    padding-inline-start: var(--_ju-space-s);
    border-inline-start: 3px solid var(--_ju-color-border-subtle);
    white-space: pre-line;
  }

  .desk-list__item--done {
    background: var(--_ju-color-surface-raised);
  }

  .desk-done {
    color: var(--_ju-color-success);
    font-weight: var(--_ju-font-weight-bold);
  }

  fieldset {
    min-width: 0;
    margin: 0 0 var(--_ju-space-m);
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  legend {
    padding-inline: var(--_ju-space-xs);
    font-weight: var(--_ju-font-weight-bold);
  }

  .desk-slot-grid {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
  }

  .desk-slot {
    display: inline-flex;
    align-items: center;
    gap: var(--_ju-space-xs);
    min-height: var(--_ju-target-size);
    padding-inline: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  .desk-slot input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_ju-color-primary);
  }

  .desk-slot label {
    cursor: pointer;
  }

  .desk-rules-type {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    gap: var(--_ju-space-s);
  }

  .desk-rules-type > .desk-rules-day {
    margin: 0;
  }

  .desk-rule {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_ju-space-s);
  }

  .desk-rule__time {
    flex: 1 1 6.5rem;
    max-width: 11rem;
    margin-block-end: var(--_ju-space-s);
  }

  .desk-rule__remove {
    margin-block-end: var(--_ju-space-s);
  }

  .desk-subform {
    margin-block-start: var(--_ju-space-m);
    max-width: 32rem;
  }

  .desk-task form {
    max-width: 40rem;
  }

  /* Narrow widgets (a phone, a side panel, 400 % zoom): less padding, so fields keep their width. */
  @container (max-width: 30rem) {
    .desk-day,
    .desk-list__item,
    .desk-task,
    .desk-section {
      padding: var(--_ju-space-s);
    }
  }

  @media (forced-colors: active) {
    .desk-tab {
      border-block-end-color: Canvas;
    }

    .desk-tab[aria-selected='true'] {
      border-block-end-color: Highlight;
    }

    .desk-booking,
    .desk-flag,
    .desk-day--today {
      border-color: CanvasText;
    }
  }
`;
