// Kontaktoplysninger: name, headline, e-mail, phone, address, website and profiles on the web (LinkedIn …).
// Always part of the CV, so it has no "Skjul" checkbox. Every field the browser can fill in has `autocomplete`.
import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldPath, type EditorContext } from '../editor-context.js';
import type { Contact, Cv, ProfileItem } from '../model/cv.js';
import { selectField, textField, type FieldOptions } from './fields.js';
import { helpText, renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';
import { deferred } from './load-deferred.js';

type ContactText = Exclude<keyof Contact, 'profiles' | 'countryCode'>;

function profilesSpec(ctx: EditorContext): ListSpec<ProfileItem> {
  const spec: ListSpec<ProfileItem> = {
    scope: 'contact.profiles',
    strings: 'section.contact.profiles',
    items: (cv) => cv.contact.profiles,
    create: 'profiles',
    describe: (item) => item.network,
    first: 'network',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      return html`${bind.text('network', { hint: true })}${bind.text('username')}${bind.text('url', { type: 'url', inputmode: 'url', wide: true, hint: true })}`;
    },
  };
  return spec;
}

/** Every country once the list has loaded (right after the first render); until then the chosen one alone. */
function countryList(locale: string, current: string): { code: string; name: string }[] {
  const list = deferred()?.countries(locale, current);
  if (list !== undefined || current === '') return list ?? [];
  return [{ code: current, name: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(current) ?? current }];
}

export function renderContact(ctx: EditorContext): TemplateResult {
  const { contact } = ctx.cv;
  const profilesHint = helpText(ctx, 'section.contact.profiles.hint');
  const field = (name: ContactText, options: Partial<Omit<FieldOptions, 'hint'>> & { hint?: boolean } = {}): TemplateResult => textField(ctx, {
    ...options,
    path: fieldPath('contact', name),
    label: ctx.t(`section.contact.${name}`),
    hint: options.hint === true ? helpText(ctx, `section.contact.${name}Hint`) : undefined,
    value: contact[name],
    set: (draft: Cv, value: string) => { draft.contact[name] = value; },
  });
  return renderFrame(ctx, 'contact', html`
    <div class="grid">
      ${field('name', { autocomplete: 'name', wide: true })}
      ${field('headline', { hint: true, wide: true })}
      ${field('email', { type: 'email', autocomplete: 'email', inputmode: 'email' })}
      ${field('phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
      ${field('address', { autocomplete: 'address-line1', hint: true, wide: true })}
      ${field('postalCode', { autocomplete: 'postal-code', inputmode: 'numeric' })}
      ${field('city', { autocomplete: 'address-level2' })}
      ${selectField(ctx, {
        path: fieldPath('contact', 'countryCode'),
        label: ctx.t('section.contact.countryCode'),
        value: contact.countryCode,
        autocomplete: 'country',
        options: [{ value: '', label: ctx.t('section.common.choose') }, ...countryList(ctx.format.locale, contact.countryCode).map(({ code, name }) => ({ value: code, label: name }))],
        set: (draft, value) => { draft.contact.countryCode = value; },
      })}
      ${field('url', { type: 'url', autocomplete: 'url', inputmode: 'url', hint: true, wide: true })}
    </div>
    <fieldset class="group" part="group">
      <legend class="ju-label">${ctx.t('section.contact.profiles.legend')}</legend>
      ${profilesHint === undefined ? nothing : html`<p class="ju-hint">${profilesHint}</p>`}
      ${renderList(ctx, profilesSpec(ctx))}
    </fieldset>`);
}
