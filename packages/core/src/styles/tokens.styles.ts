import { css } from 'lit';

/**
 * Design tokens in three tiers: hosts set the public `--ju-*` properties (anywhere above the widget: they
 * inherit through shadow roots); each widget reads the private `--_ju-*` ones defined here, which fall back to the
 * built-in palette of the widget's theme. Per-widget tokens (`--ju-booking-*`) are defined on top of these.
 * The default look follows Det Fælles Designsystem (DKFDS): blue actions, dark text, visible focus.
 */
export const tokenStyles = css`
  :host {
    --_ju-color-primary: var(--ju-color-primary, #0059b3);
    --_ju-color-primary-hover: var(--ju-color-primary-hover, #004993);
    --_ju-color-on-primary: var(--ju-color-on-primary, #ffffff);
    --_ju-color-text: var(--ju-color-text, #1a1a1a);
    --_ju-color-text-subtle: var(--ju-color-text-subtle, #545454);
    --_ju-color-surface: var(--ju-color-surface, #ffffff);
    --_ju-color-surface-raised: var(--ju-color-surface-raised, #f5f5f5);
    --_ju-color-border: var(--ju-color-border, #747474);
    --_ju-color-border-subtle: var(--ju-color-border-subtle, #d6d6d6);
    --_ju-color-error: var(--ju-color-error, #b51d09);
    --_ju-color-error-surface: var(--ju-color-error-surface, #fbeae8);
    --_ju-color-success: var(--ju-color-success, #2f7500);
    --_ju-color-success-surface: var(--ju-color-success-surface, #eaf4e4);
    --_ju-color-warning-surface: var(--ju-color-warning-surface, #fff4d9);
    --_ju-color-info-surface: var(--ju-color-info-surface, #e6f0fa);
    --_ju-focus-color: var(--ju-focus-color, #1a1a1a);
    --_ju-focus-halo: var(--ju-focus-halo, #ffbc2b);
    --_ju-focus-width: var(--ju-focus-width, 3px);

    --_ju-font-family: var(--ju-font-family, inherit);
    --_ju-font-size: var(--ju-font-size, 1rem);
    --_ju-font-size-small: var(--ju-font-size-small, 0.875rem);
    --_ju-font-size-large: var(--ju-font-size-large, 1.25rem);
    --_ju-line-height: var(--ju-line-height, 1.5);
    --_ju-font-weight-bold: var(--ju-font-weight-bold, 600);

    --_ju-radius: var(--ju-radius, 4px);
    --_ju-space-xs: var(--ju-space-xs, 0.25rem);
    --_ju-space-s: var(--ju-space-s, 0.5rem);
    --_ju-space-m: var(--ju-space-m, 1rem);
    --_ju-space-l: var(--ju-space-l, 1.5rem);
    --_ju-space-xl: var(--ju-space-xl, 2.5rem);
    --_ju-target-size: var(--ju-target-size, 44px);
    color-scheme: light;
  }

  :host([data-ju-theme='dark']) {
    --_ju-color-primary: var(--ju-color-primary, #7cb6f2);
    --_ju-color-primary-hover: var(--ju-color-primary-hover, #a6cdf6);
    --_ju-color-on-primary: var(--ju-color-on-primary, #0b0c0c);
    --_ju-color-text: var(--ju-color-text, #f2f2f2);
    --_ju-color-text-subtle: var(--ju-color-text-subtle, #c4c4c4);
    --_ju-color-surface: var(--ju-color-surface, #1b1d1f);
    --_ju-color-surface-raised: var(--ju-color-surface-raised, #2a2d30);
    --_ju-color-border: var(--ju-color-border, #9a9a9a);
    --_ju-color-border-subtle: var(--ju-color-border-subtle, #4a4d50);
    --_ju-color-error: var(--ju-color-error, #ff9b8a);
    --_ju-color-error-surface: var(--ju-color-error-surface, #3d1b16);
    --_ju-color-success: var(--ju-color-success, #8fd16a);
    --_ju-color-success-surface: var(--ju-color-success-surface, #1f3318);
    --_ju-color-warning-surface: var(--ju-color-warning-surface, #3b3117);
    --_ju-color-info-surface: var(--ju-color-info-surface, #17293d);
    --_ju-focus-color: var(--ju-focus-color, #ffbc2b);
    --_ju-focus-halo: var(--ju-focus-halo, #0b0c0c);
    color-scheme: dark;
  }

  /* High contrast: for readers who ask for more contrast without switching on the system's forced colours. */
  :host([data-ju-theme='contrast']) {
    --_ju-color-primary: var(--ju-color-primary, #003366);
    --_ju-color-primary-hover: var(--ju-color-primary-hover, #000000);
    --_ju-color-on-primary: var(--ju-color-on-primary, #ffffff);
    --_ju-color-text: var(--ju-color-text, #000000);
    --_ju-color-text-subtle: var(--ju-color-text-subtle, #000000);
    --_ju-color-surface: var(--ju-color-surface, #ffffff);
    --_ju-color-surface-raised: var(--ju-color-surface-raised, #ffffff);
    --_ju-color-border: var(--ju-color-border, #000000);
    --_ju-color-border-subtle: var(--ju-color-border-subtle, #000000);
    --_ju-color-error: var(--ju-color-error, #8a1100);
    --_ju-color-success: var(--ju-color-success, #1c4a00);
    --_ju-focus-color: var(--ju-focus-color, #000000);
    --_ju-focus-width: var(--ju-focus-width, 4px);
  }

  @media (forced-colors: active) {
    :host {
      --_ju-color-primary: LinkText;
      --_ju-color-primary-hover: LinkText;
      --_ju-color-on-primary: ButtonText;
      --_ju-color-text: CanvasText;
      --_ju-color-text-subtle: CanvasText;
      --_ju-color-surface: Canvas;
      --_ju-color-surface-raised: Canvas;
      --_ju-color-border: CanvasText;
      --_ju-color-border-subtle: CanvasText;
      --_ju-color-error: CanvasText;
      --_ju-color-success: CanvasText;
      --_ju-focus-color: Highlight;
      --_ju-focus-halo: Canvas;
    }
  }
`;
