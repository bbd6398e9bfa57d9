// Sprog: the language, "modersmål", and a CEFR level (A1–C2, each explained in plain words in its option once the
// sections' help has loaded) — one overall, or one for each of Europass's five skills.
import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { CefrLevel, LanguageItem } from '../model/cv.js';
import { CEFR_LEVELS, LANGUAGE_SKILLS } from '../model/cv-basics.js';
import { checkbox, selectField } from './fields.js';
import { helpText, renderFrame } from './frame.js';
import { itemFields } from './item-fields.js';
import { renderList, type ListSpec } from './list.js';

export function renderLanguages(ctx: EditorContext): TemplateResult {
  const levels = [
    { value: '' as const, label: ctx.t('section.common.choose') },
    ...CEFR_LEVELS.map((level) => ({ value: level, label: helpText(ctx, `section.languages.levels.${level}`) ?? level })),
  ];
  const spec: ListSpec<LanguageItem> = {
    scope: 'languages',
    strings: 'section.languages',
    items: (cv) => cv.languages.items,
    create: 'languages',
    describe: (item) => item.language,
    first: 'language',
    fields: (item) => {
      const bind = itemFields(ctx, spec, item);
      const perSkill = (): TemplateResult => html`<fieldset class="skills wide" part="group">
        <legend class="ju-label">${ctx.t('section.languages.skillsLegend')}</legend>
        <p class="ju-hint">${ctx.t('section.languages.levelHint')}</p>
        <div class="grid">${LANGUAGE_SKILLS.map((skill) => selectField<CefrLevel>(ctx, {
          path: bind.path(`skills.${skill}`),
          label: ctx.t(`section.languages.skills.${skill}`),
          value: item.skills[skill],
          options: levels,
          set: (draft, level) => { bind.update(draft, (target) => { target.skills[skill] = level; }); },
        }))}</div>
      </fieldset>`;
      const overall = (): TemplateResult => selectField<CefrLevel>(ctx, {
        path: bind.path('level'),
        label: bind.label('level'),
        hint: bind.hint('level', true),
        value: item.level,
        options: levels,
        wide: true,
        set: (draft, level) => { bind.update(draft, (target) => { target.level = level; }); },
      });
      return html`
        ${bind.text('language', { hint: true, wide: true })}
        <div class="wide">
          ${checkbox(ctx, {
            path: bind.path('native'),
            label: bind.label('native'),
            checked: item.native,
            set: (draft, native) => { bind.update(draft, (target) => { target.native = native; }); },
          })}
          ${item.native ? nothing : checkbox(ctx, {
            path: bind.path('perSkill'),
            label: bind.label('perSkill'),
            checked: item.perSkill,
            set: (draft, on) => {
              bind.update(draft, (target) => {
                target.perSkill = on;
                // Switching to per skill starts every empty skill at the overall level, so nothing has to be chosen twice.
                if (on && target.level !== '') for (const skill of LANGUAGE_SKILLS) if (target.skills[skill] === '') target.skills[skill] = target.level;
              });
            },
          })}
        </div>
        ${item.native ? nothing : html`${item.perSkill ? perSkill() : overall()}${bind.text('fluency', { hint: true, wide: true })}`}`;
    },
  };
  return renderFrame(ctx, 'languages', renderList(ctx, spec));
}
