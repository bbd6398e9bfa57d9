import { css } from 'lit';

export const launcherStyles = css`
  :host {
    display: inline-block;
    background: transparent;
  }

  :host([mode='inline']) {
    display: block;
  }

  .launcher {
    gap: var(--_ju-space-s);
    border-radius: calc(var(--_ju-target-size) / 2);
  }

  .badge {
    min-width: 1.5em;
    padding: 0 var(--_ju-space-xs);
    border-radius: 0.75em;
    background: var(--_ju-color-surface);
    color: var(--_ju-color-primary);
    font-weight: var(--_ju-font-weight-bold);
    text-align: center;
  }

  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
