// Erhvervserfaring: a place, a role, a period with "nu", a summary and short points. (Frivilligt arbejde, the same
// shape, is in volunteer.ts: it loads right after the first render.)
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { WorkItem } from '../model/cv.js';
import { renderFrame } from './frame.js';
import { itemFields, itemPeriod } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

const joined = (...parts: string[]): string => parts.map((part) => part.trim()).filter((part) => part !== '').join(', ');

export function renderWork(ctx: EditorContext): TemplateResult {
  const spec: ListSpec<WorkItem> = {
    scope: 'work',
    strings: 'section.work',
    items: (cv) => cv.work.items,
    create: 'work',
    describe: (item) => joined(item.position, item.employer),
    first: 'position',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`
        ${bind.text('position', { hint: true })}
        ${bind.text('employer')}
        ${bind.text('location')}
        ${bind.text('url', { type: 'url', inputmode: 'url', hint: true })}
        ${itemPeriod(ctx, spec, item, 'section.work.present')}
        ${bind.area('summary', { hint: true })}
        ${bind.list('highlights', 'line', { hint: true })}`;
    },
  };
  return renderFrame(ctx, 'work', renderList(ctx, spec));
}
