import { css } from '../lit.js';

// The caseworker's list and the frame around an opened CV; the CV itself is styled by previewStyles.
export const cvViewerStyles = css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 var(--_ju-space-s);
    font-size: var(--_ju-font-size-large);
    line-height: 1.25;
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

  .intro,
  .count,
  .meta,
  .shared-note {
    color: var(--_ju-color-text-subtle);
  }

  .filter {
    max-width: 30rem;
  }

  .citizens {
    display: grid;
    gap: var(--_ju-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .citizen {
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .open {
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
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .open:hover {
    text-decoration-thickness: 2px;
  }

  .citizen .meta {
    margin: 0;
    font-size: var(--_ju-font-size-small);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin-block-end: var(--_ju-space-m);
  }

  .problem .ju-button {
    margin-block-start: var(--_ju-space-s);
  }

  .skeleton {
    display: grid;
    gap: var(--_ju-space-s);
  }

  .skeleton .line {
    height: 1rem;
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-border-subtle);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  .skeleton .line:nth-child(3n + 1) {
    width: 60%;
  }

  .skeleton .line:nth-child(3n + 2) {
    width: 40%;
  }

  .skeleton-row {
    height: 3.5rem;
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }

  @media (forced-colors: active) {
    .citizen,
    .skeleton-row,
    .skeleton .line {
      border: 1px solid CanvasText;
    }

    .open {
      color: LinkText;
    }
  }

  @media print {
    :host {
      background: #ffffff;
      color: #000000;
    }

    .toolbar,
    .shared-note,
    .problem {
      display: none !important;
    }
  }
`;
