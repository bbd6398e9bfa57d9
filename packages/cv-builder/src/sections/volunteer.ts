// Frivilligt arbejde: like a job (a place, a role, a period with "nu", a summary and short points). One of the
// sections fewest citizens fill in, so its list comes with the code that loads right after the first render
// (`deferred.ts`), given the list helpers by the first load (`ListKit`).
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { VolunteerItem } from '../model/cv.js';
import type { ListKit } from './index.js';
import type { ListSpec } from './list.js';

const joined = (...parts: string[]): string => parts.map((part) => part.trim()).filter((part) => part !== '').join(', ');

export function volunteerList(ctx: EditorContext, kit: ListKit): TemplateResult {
  const spec: ListSpec<VolunteerItem> = {
    scope: 'volunteer',
    strings: 'section.volunteer',
    items: (cv) => cv.volunteer.items,
    create: 'volunteer',
    describe: (item) => joined(item.position, item.organization),
    first: 'position',
    fields: (item) => {
      const bind = kit.itemFields(ctx, spec, item);
      return html`
        ${bind.text('position', { hint: true })}
        ${bind.text('organization')}
        ${bind.text('url', { type: 'url', inputmode: 'url', hint: true, wide: true })}
        ${kit.itemPeriod(ctx, spec, item, 'section.volunteer.present')}
        ${bind.area('summary', { hint: true })}
        ${bind.list('highlights', 'line', { hint: true })}`;
    },
  };
  return kit.renderList(ctx, spec);
}
