import { css } from 'lit';

export const selfBookingStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  [hidden] {
    display: none !important;
  }

  .frame {
    display: grid;
    gap: var(--_ju-space-m);
  }

  h2, h3, h4 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: var(--_ju-font-size-large);
  }

  h3 {
    font-size: 1.125em;
  }

  h2:focus, h3:focus {
    outline: none;
  }

  h2:focus-visible, h3:focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
    outline-offset: 2px;
  }

  p {
    margin: 0;
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    border-block-end: 2px solid var(--_ju-color-border-subtle);
    padding-block-end: var(--_ju-space-s);
  }

  .tabs [aria-current='page'] {
    background: var(--_ju-color-primary);
    color: var(--_ju-color-on-primary);
  }

  fieldset {
    margin: 0 0 var(--_ju-space-m);
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--_ju-space-s);
    font-weight: var(--_ju-font-weight-bold);
  }

  .choices {
    display: grid;
    gap: var(--_ju-space-s);
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_ju-space-s);
    min-height: var(--_ju-target-size);
    padding: var(--_ju-space-s);
    border: 2px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-color: var(--_ju-color-primary);
    background: var(--_ju-color-info-surface);
  }

  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_ju-color-primary);
  }

  .choice small {
    display: block;
    color: var(--_ju-color-text-subtle);
    font-size: var(--_ju-font-size-small);
  }

  .picker {
    display: grid;
    gap: var(--_ju-space-l);
  }

  @container (min-width: 44rem) {
    .picker {
      grid-template-columns: minmax(18rem, 24rem) 1fr;
      align-items: start;
    }
  }

  .month-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ju-space-s);
    margin-block-end: var(--_ju-space-s);
  }

  .month-bar h3 {
    text-align: center;
    flex: 1;
  }

  .month-bar .ju-button {
    padding-inline: var(--_ju-space-s);
  }

  .mirror {
    display: inline-block;
  }

  :host([dir='rtl']) .mirror {
    transform: scaleX(-1);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  th {
    padding-block: var(--_ju-space-xs);
    font-size: var(--_ju-font-size-small);
    font-weight: var(--_ju-font-weight-bold);
    color: var(--_ju-color-text-subtle);
  }

  abbr {
    text-decoration: none;
  }

  td {
    padding: 1px;
    text-align: center;
  }

  .day {
    display: grid;
    place-items: center;
    gap: 0;
    width: 100%;
    min-height: var(--_ju-target-size);
    padding: 2px 0;
    border: 2px solid transparent;
    border-radius: var(--_ju-radius);
    background: transparent;
    color: var(--_ju-color-text-subtle);
    font: inherit;
    line-height: 1.1;
    cursor: pointer;
  }

  .day .count {
    font-size: 0.7em;
    min-height: 1em;
  }

  .day.free {
    background: var(--_ju-color-info-surface);
    color: var(--_ju-color-text);
    font-weight: var(--_ju-font-weight-bold);
    border-color: var(--_ju-color-border-subtle);
  }

  .day.late {
    background: var(--_ju-color-warning-surface);
    font-weight: normal;
    border-style: dashed;
  }

  .day.today {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .day[aria-disabled='true'] {
    cursor: default;
  }

  td[aria-selected='true'] .day {
    background: var(--_ju-color-primary);
    border-color: var(--_ju-color-primary);
    color: var(--_ju-color-on-primary);
  }

  .day:focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
    outline-offset: 1px;
  }

  .legend-keys {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s) var(--_ju-space-m);
    margin-block-start: var(--_ju-space-s);
    font-size: var(--_ju-font-size-small);
    color: var(--_ju-color-text-subtle);
  }

  .key::before {
    content: '';
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    margin-inline-end: 0.35em;
    vertical-align: -0.1em;
    border: 2px solid var(--_ju-color-border-subtle);
    border-radius: 3px;
    background: var(--_ju-color-info-surface);
  }

  .key.late::before {
    border-style: dashed;
    background: var(--_ju-color-warning-surface);
  }

  .slots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: var(--_ju-space-s);
    margin: var(--_ju-space-s) 0 0;
    padding: 0;
    list-style: none;
  }

  .slots .ju-button {
    width: 100%;
  }

  .summary {
    display: grid;
    gap: var(--_ju-space-xs) var(--_ju-space-m);
    margin: 0;
  }

  @container (min-width: 30rem) {
    .summary {
      grid-template-columns: max-content 1fr;
    }
  }

  .summary dt {
    font-weight: var(--_ju-font-weight-bold);
  }

  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: var(--_ju-font-weight-bold);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    align-items: center;
  }

  .meetings {
    display: grid;
    gap: var(--_ju-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .meeting {
    display: grid;
    gap: var(--_ju-space-s);
    padding: var(--_ju-space-m);
    border: 2px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  .meeting.cancelled {
    border-style: dashed;
  }

  .status {
    font-weight: var(--_ju-font-weight-bold);
  }

  .ju-error-text:empty {
    display: none;
  }

  .required {
    font-weight: normal;
    color: var(--_ju-color-text-subtle);
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }

  @media (forced-colors: active) {
    .day.free {
      border-color: CanvasText;
    }

    .day.late {
      border-style: dashed;
    }

    td[aria-selected='true'] .day {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }

    .choice:has(input:checked) {
      border-color: Highlight;
    }

    .tabs [aria-current='page'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
