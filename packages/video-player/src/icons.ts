import { svg, type SVGTemplateResult } from 'lit';

// Simple 24×24 icons, drawn in currentColor so they follow the theme and forced colours. Decorative: every button
// carries its name in text.
const icon = (path: string): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;

export const playIcon = icon('M7 4v16l13-8z');
export const pauseIcon = icon('M6 4h4v16H6zm8 0h4v16h-4z');
export const volumeIcon = icon('M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z');
export const mutedIcon = icon('M3 9v6h4l5 5V4L7 9zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z');
