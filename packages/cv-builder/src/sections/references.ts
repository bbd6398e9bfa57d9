// Referencer: people an employer may call, with the citizen's reminder to ask them first.
import { html, type TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import { newItem, type ReferenceItem } from '../model/cv.js';
import { renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

export function renderReferences(ctx: EditorContext): TemplateResult {
  const spec: ListSpec<ReferenceItem> = {
    scope: 'references',
    strings: 'section.references',
    items: (cv) => cv.references.items,
    create: newItem.references,
    describe: (item) => item.name,
    first: 'name',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      // Someone else's details: the browser must not offer the citizen's own name or phone number here.
      return html`
        ${bind.text('name', { autocomplete: 'off' })}
        ${bind.text('relation', { hint: true })}
        ${bind.text('contact', { hint: true, autocomplete: 'off', wide: true })}
        ${bind.area('reference', { hint: true })}`;
    },
  };
  return renderFrame(ctx, 'references', renderList(ctx, spec), {
    hidden: { value: ctx.cv.references.hidden, set: (draft, hidden) => { draft.references.hidden = hidden; } },
  });
}
