// Egne afsnit: sections the citizen names ("Hobbyer", "Militærtjeneste"), each with items that have a title, a
// subtitle, a period and a summary. A section is renamed by editing its title, and hidden, moved or deleted with
// the same buttons as any item.
import { html, type TemplateResult } from 'lit';
import { fieldPath, type EditorContext } from '../editor-context.js';
import { newItem, type CustomItem, type CustomSection } from '../model/cv.js';
import { renderFrame } from './frame.js';
import { itemFields, itemPeriod } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

function itemsSpec(ctx: EditorContext, section: CustomSection): ListSpec<CustomItem> {
  const spec: ListSpec<CustomItem> = {
    scope: fieldPath('custom', section.id),
    strings: 'section.custom.items',
    items: (cv) => cv.custom.find((candidate) => candidate.id === section.id)?.items,
    create: newItem.customItem,
    describe: (item) => item.title,
    first: 'title',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`
        ${bind.text('title', { hint: true })}
        ${bind.text('subtitle', { hint: true })}
        ${itemPeriod(ctx, spec, item, 'section.custom.items.present')}
        ${bind.area('summary')}`;
    },
  };
  return spec;
}

export function renderCustom(ctx: EditorContext): TemplateResult {
  const spec: ListSpec<CustomSection> = {
    scope: 'custom',
    strings: 'section.custom',
    items: (cv) => cv.custom,
    create: newItem.customSection,
    describe: (section) => section.title,
    first: 'title',
    fields: (section) => html`
      ${itemFields(ctx, spec, section).text('title', { hint: true, wide: true })}
      <div class="wide nested">${renderList(ctx, itemsSpec(ctx, section))}</div>`,
  };
  return renderFrame(ctx, 'custom', renderList(ctx, spec));
}
