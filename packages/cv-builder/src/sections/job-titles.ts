// Jeg søger job som: the job titles the citizen is looking for (Jobnet's key section).
import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { JobTitleItem } from '../model/cv.js';
import { renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { itemPath, renderList, type ListSpec } from './list.js';

/**
 * Titles that came with an ESCO link (picked from ESCO-STAR, or imported) show it, so it can be corrected or
 * removed; the field stays while the citizen empties it. Others have no such field: few citizens know ESCO.
 */
const withEscoLink = new Set<string>();

export function renderJobTitles(ctx: EditorContext): TemplateResult {
  const spec: ListSpec<JobTitleItem> = {
    scope: 'jobTitles',
    strings: 'section.jobTitles',
    items: (cv) => cv.jobTitles.items,
    create: 'jobTitles',
    describe: (item) => item.title,
    first: 'title',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      if (item.escoUri !== '' || ctx.problems.has(itemPath(spec.scope, item.id, 'escoUri'))) withEscoLink.add(item.id);
      return html`${bind.text('title', { hint: true, wide: true, autocomplete: 'off' })}${withEscoLink.has(item.id)
        ? bind.text('escoUri', { type: 'url', inputmode: 'url', hint: true, wide: true })
        : nothing}`;
    },
  };
  return renderFrame(ctx, 'jobTitles', renderList(ctx, spec));
}
