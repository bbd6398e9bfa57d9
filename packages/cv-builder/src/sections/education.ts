// Uddannelse: the place, the Danish level (a <select>), the name and line, a period with "nu", grade and subjects.
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { EducationItem } from '../model/cv.js';
import { EDUCATION_LEVELS } from '../model/cv-basics.js';
import { renderFrame } from './frame.js';
import { itemFields, itemPeriod } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

export function renderEducation(ctx: EditorContext): TemplateResult {
  const levels = [
    { value: '' as const, label: ctx.t('section.common.choose') },
    ...EDUCATION_LEVELS.map((level) => ({ value: level, label: ctx.t(`section.education.levels.${level}`) })),
  ];
  const spec: ListSpec<EducationItem> = {
    scope: 'education',
    strings: 'section.education',
    items: (cv) => cv.education.items,
    create: 'education',
    describe: (item) => [item.studyType, item.institution].map((part) => part.trim()).filter((part) => part !== '').join(', '),
    first: 'studyType',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`
        ${bind.text('studyType', { hint: true })}
        ${bind.select('level', item.level, levels, (target, level) => { target.level = level; })}
        ${bind.text('area', { hint: true })}
        ${bind.text('institution', { hint: true })}
        ${itemPeriod(ctx, spec, item, 'section.education.present')}
        ${bind.text('score', { hint: true })}
        ${bind.text('url', { type: 'url', inputmode: 'url', hint: true })}
        ${bind.list('courses', 'line', { hint: true })}`;
    },
  };
  return renderFrame(ctx, 'education', renderList(ctx, spec));
}
