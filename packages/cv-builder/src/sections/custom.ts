// Egne afsnit: sections the citizen names ("Hobbyer", "Militærtjeneste"), each with items that have a title, a
// subtitle, a period and a summary. A section is renamed by editing its title, and hidden, moved or deleted with
// the same buttons as any item. Few citizens make one, so the lists come with the code that loads right after the
// first render (`deferred.ts`), given the list helpers by the first load (`ListKit`).
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldPath, type EditorContext } from '../editor-context.js';
import type { CustomItem, CustomSection } from '../model/cv.js';
import type { ListKit } from './index.js';
import type { ListSpec } from './list.js';

function itemsSpec(ctx: EditorContext, kit: ListKit, section: CustomSection): ListSpec<CustomItem> {
  const spec: ListSpec<CustomItem> = {
    scope: fieldPath('custom', section.id),
    strings: 'section.custom.items',
    items: (cv) => cv.custom.find((candidate) => candidate.id === section.id)?.items,
    create: 'customItem',
    describe: (item) => item.title,
    first: 'title',
    fields: (item) => {
      const bind = kit.itemFields(ctx, spec, item);
      return html`
        ${bind.text('title', { hint: true })}
        ${bind.text('subtitle', { hint: true })}
        ${kit.itemPeriod(ctx, spec, item, 'section.custom.items.present')}
        ${bind.area('summary')}`;
    },
  };
  return spec;
}

export function customList(ctx: EditorContext, kit: ListKit): TemplateResult {
  const spec: ListSpec<CustomSection> = {
    scope: 'custom',
    strings: 'section.custom',
    items: (cv) => cv.custom,
    create: 'customSection',
    describe: (section) => section.title,
    first: 'title',
    fields: (section) => html`
      ${kit.itemFields(ctx, spec, section).text('title', { hint: true, wide: true })}
      <div class="wide nested">${kit.renderList(ctx, itemsSpec(ctx, kit, section))}</div>`,
  };
  return kit.renderList(ctx, spec);
}
