import { css } from 'lit';

// The caseworker's list and the frame around an opened joblog. The opened joblog's own parts bring their styles
// when they load (joblog-detail.styles.ts). Logical properties only, so Arabic mirrors.
export const joblogViewerStyles = css`
  :host {
    display: block;
  }

  h2, h3 { margin: 0 0 var(--_ju-space-s); line-height: 1.25; }
  h2 { font-size: var(--_ju-font-size-large); }
  p { margin: 0 0 var(--_ju-space-s); }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible { outline: var(--_ju-focus-width) solid var(--_ju-focus-color); }

  .intro, .count, .shared-note, .subtle { color: var(--_ju-color-text-subtle); }
  .subtle { font-weight: normal; }
  .filter { max-width: 30rem; }

  .citizens { display: grid; gap: var(--_ju-space-s); margin: 0; padding: 0; list-style: none; }

  .citizen {
    display: grid;
    gap: var(--_ju-space-xs);
    padding: var(--_ju-space-s) var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .open {
    justify-self: start;
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

  .open:hover { text-decoration-thickness: 2px; }

  .numbers { display: flex; flex-wrap: wrap; gap: var(--_ju-space-xs) var(--_ju-space-l); margin: 0; }
  .numbers dt { font-size: var(--_ju-font-size-small); color: var(--_ju-color-text-subtle); }
  .numbers dd { margin: 0; font-weight: var(--_ju-font-weight-bold); }

  .tag {
    display: inline-block;
    padding: 0 var(--_ju-space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_ju-radius);
    font-size: var(--_ju-font-size-small);
  }

  .detail { display: grid; gap: var(--_ju-space-m); min-inline-size: 0; }
  .detail > * { margin: 0; }
  .toolbar { display: flex; flex-wrap: wrap; gap: var(--_ju-space-s); }
  .problem .ju-button { margin-block-start: var(--_ju-space-s); }

  .skeleton { display: grid; gap: var(--_ju-space-s); }
  .skeleton-row {
    height: 3.5rem;
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse { to { opacity: 0.4; } }

  @media (prefers-reduced-motion: reduce) {
    .skeleton-row { animation: none; }
  }

  @media (forced-colors: active) {
    .citizen, .skeleton-row { border: 1px solid CanvasText; }
    .open { color: LinkText; }
  }

  @media print {
    :host { background: #ffffff; color: #000000; }
    .toolbar, .shared-note, .problem { display: none !important; }
  }
`;
