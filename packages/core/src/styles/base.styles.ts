import { css } from 'lit';

/**
 * What every element shares: typography from the host page, box sizing, focus ring, reduced motion.
 * Widgets paint their own surface so their text keeps its contrast whatever the page behind them is
 * (a dark widget on a white page); hosts that want them see-through set `--ju-color-surface: transparent`.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    background: var(--_ju-color-surface);
    font-family: var(--_ju-font-family);
    font-size: var(--_ju-font-size);
    line-height: var(--_ju-line-height);
    color: var(--_ju-color-text);
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_ju-focus-width) + 2px) var(--_ju-focus-halo);
  }

  .ju-visually-hidden:not(:focus):not(:active) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;
