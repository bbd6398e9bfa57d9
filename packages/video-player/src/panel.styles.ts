import { css } from 'lit';

// What the panels that load on first use share (the transcript; settings, chapters and the keyboard help): the
// panel frame and its title, and the time-stamped lines of the chapters list and the transcript. It loads with
// whichever panel comes first, so the player's first load does not carry it.
export const panelStyles = css`
  .panel {
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .panel-title {
    margin: 0 0 var(--_ju-space-s);
    font-size: var(--_ju-font-size-large);
  }

  h3.panel-title {
    font-size: var(--_ju-font-size);
  }

  .line {
    display: flex;
    gap: var(--_ju-space-s);
    width: 100%;
    min-height: var(--_ju-target-size);
    padding: var(--_ju-space-xs) var(--_ju-space-s);
    border: 0;
    border-inline-start: 4px solid transparent;
    background: transparent;
    color: var(--_ju-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .line:hover {
    background: var(--_ju-color-info-surface);
  }

  [aria-current='true'] > .line,
  .line[aria-current='true'] {
    border-inline-start-color: var(--_ju-color-primary);
    background: var(--_ju-color-info-surface);
    font-weight: var(--_ju-font-weight-bold);
  }

  .line-time {
    flex: none;
    min-width: 3.5em;
    color: var(--_ju-color-text-subtle);
    font-variant-numeric: tabular-nums;
  }

  @media (forced-colors: active) {
    [aria-current='true'] > .line,
    .line[aria-current='true'] { border-inline-start-color: Highlight; }
  }
`;
