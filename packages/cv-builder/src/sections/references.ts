// Referencer: people an employer may call, with the citizen's reminder to ask them first. One of the sections fewest
// citizens fill in, so its list comes with the code that loads right after the first render (`deferred.ts`), given
// the list helpers by the first load (`ListKit`).
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { ReferenceItem } from '../model/cv.js';
import type { ListKit } from './index.js';
import type { ListSpec } from './list.js';

export function referencesList(ctx: EditorContext, kit: ListKit): TemplateResult {
  const spec: ListSpec<ReferenceItem> = {
    scope: 'references',
    strings: 'section.references',
    items: (cv) => cv.references.items,
    create: 'references',
    describe: (item) => item.name,
    first: 'name',
    fields: (item) => {
      const bind = kit.itemFields(ctx, spec, item);
      // Someone else's details: the browser must not offer the citizen's own name or phone number here.
      return html`
        ${bind.text('name', { autocomplete: 'off' })}
        ${bind.text('relation', { hint: true })}
        ${bind.text('contact', { hint: true, autocomplete: 'off', wide: true })}
        ${bind.area('reference', { hint: true })}`;
    },
  };
  return kit.renderList(ctx, spec);
}
