// Kompetencer: a skill, an optional level in the citizen's words, and keywords typed with commas between them.
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { SkillItem } from '../model/cv.js';
import { renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

export function renderSkills(ctx: EditorContext): TemplateResult {
  const spec: ListSpec<SkillItem> = {
    scope: 'skills',
    strings: 'section.skills',
    items: (cv) => cv.skills.items,
    create: 'skills',
    describe: (item) => item.name,
    first: 'name',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`
        ${bind.text('name', { hint: true })}
        ${bind.text('level', { hint: true })}
        ${bind.list('keywords', 'comma', { hint: true, wide: true })}`;
    },
  };
  return renderFrame(ctx, 'skills', renderList(ctx, spec));
}
