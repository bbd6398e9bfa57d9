import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A real heading element at `level` (clamped to 2–6: the host page owns the `<h1>`). `focusable`: `tabindex="-1"`. */
export function heading(level: number, id: string, content: unknown, focusable = true): TemplateResult {
  const tabindex = focusable ? -1 : undefined;
  switch (clampLevel(level)) {
    case 2: return html`<h2 id=${id} tabindex=${ifDefined(tabindex)}>${content}</h2>`;
    case 3: return html`<h3 id=${id} tabindex=${ifDefined(tabindex)}>${content}</h3>`;
    case 4: return html`<h4 id=${id} tabindex=${ifDefined(tabindex)}>${content}</h4>`;
    case 5: return html`<h5 id=${id} tabindex=${ifDefined(tabindex)}>${content}</h5>`;
    default: return html`<h6 id=${id} tabindex=${ifDefined(tabindex)}>${content}</h6>`;
  }
}

export const clampLevel = (level: number): number => (Number.isFinite(level) ? Math.min(6, Math.max(2, Math.round(level))) : 2);
