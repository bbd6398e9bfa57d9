// Kurser og beviser: courses, certificates and the Danish "beviser" (truck, hygiejne, førstehjælp), with the
// month they were taken and the month they run out.
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { CertificateItem } from '../model/cv.js';
import { CERTIFICATE_KINDS } from '../model/cv-basics.js';
import { monthYearField } from './date-fields.js';
import { renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

export function renderCertificates(ctx: EditorContext): TemplateResult {
  const kinds = CERTIFICATE_KINDS.map((kind) => ({ value: kind, label: ctx.t(`section.certificates.kinds.${kind}`) }));
  const spec: ListSpec<CertificateItem> = {
    scope: 'certificates',
    strings: 'section.certificates',
    items: (cv) => cv.certificates.items,
    create: 'certificates',
    describe: (item) => item.name,
    first: 'name',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`
        ${bind.text('name', { hint: true })}
        ${bind.select('kind', item.kind, kinds, (target, kind) => { if (kind !== '') target.kind = kind; })}
        ${bind.text('issuer', { hint: true })}
        ${bind.text('url', { type: 'url', inputmode: 'url', hint: true })}
        <div class="period wide">
          ${monthYearField(ctx, {
            path: bind.path('date'),
            legend: bind.label('date'),
            value: item.date,
            set: (draft, value) => { bind.update(draft, (target) => { target.date = value; }); },
          })}
          ${monthYearField(ctx, {
            path: bind.path('expires'),
            legend: bind.label('expires'),
            hint: bind.hint('expires', true),
            value: item.expires,
            set: (draft, value) => { bind.update(draft, (target) => { target.expires = value; }); },
          })}
        </div>`;
    },
  };
  return renderFrame(ctx, 'certificates', renderList(ctx, spec));
}
