// A list of items (jobs, educations, languages …): each item is a <fieldset> named "Erhvervserfaring 2: Lager-
// medarbejder, Bilka", with "Flyt op", "Flyt ned", "Skjul i CV'et"/"Vis i CV'et" and "Slet"; "Tilføj …" adds one
// and moves focus into it. Moves keep focus on the moved item's button and are announced; a drag handle moves
// items with a pointer too (native drag and drop). Deleting asks nothing: the shell's undo (Ctrl+Z) brings it back.
// What the buttons do is in `list-tools.ts`, which loads right after the first render.
import { html, ifDefined, nothing, repeat, svg } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import type { Cv, ItemBase } from '../model/cv.js';
import type { newItem } from '../model/new-item.js';
import { describedBy } from './fields.js';
import { helpText } from './frame.js';
import { deferred, loadDeferred, withDeferred, type Deferred } from './load-deferred.js';

type ItemFactories = typeof newItem;
/** The names of the `newItem` factories that make a `T`. */
export type ItemKind<T> = { [K in keyof ItemFactories]: ReturnType<ItemFactories[K]> extends T ? K : never }[keyof ItemFactories];

export interface ListSpec<T extends ItemBase> {
  /**
   * The list's path: `work`, `contact.profiles`, `custom.<sectionId>`. Item fields are `${scope}.${item.id}.${field}`;
   * "Tilføj" has the id of `scope` (a problem with the whole list, keyed by `scope`, describes it).
   */
  scope: string;
  /** The strings' prefix, e.g. `section.work`: `.item` ("Erhvervserfaring {{n}}") and `.add` ("Tilføj erhvervserfaring"). */
  strings: string;
  /** The list inside a CV (the current one or a draft); `undefined` when it is gone. */
  items: (cv: Cv) => T[] | undefined;
  /** Which `newItem` factory makes a blank item (by name: the factories load with what "Tilføj" does, `list-tools.ts`). */
  create: ItemKind<T>;
  /** The item in its own words for its name ("Lagermedarbejder, Bilka"); '' when nothing is typed yet. */
  describe: (item: T) => string;
  /** The field that gets focus when the item is added. */
  first: string;
  fields: (item: T, position: number) => TemplateResult;
}

export const itemPath = (scope: string, id: string, ...field: string[]): string => fieldPath(scope, id, ...field);
const controlId = (scope: string, id: string, control: string): string => fieldId(fieldPath(scope, id, control));

/** Finds an item by id in a CV's list (used inside `ctx.change`). */
export function findItem<T extends ItemBase>(spec: ListSpec<T>, draft: Cv, id: string): T | undefined {
  return spec.items(draft)?.find((item) => item.id === id);
}

/** The item's number and name: "Erhvervserfaring 2". */
export const itemLabel = (ctx: EditorContext, strings: string, position: number): string =>
  ctx.t(`${strings}.item`, { n: position + 1 });

/** The drag data must be set during `dragstart`: before the code is there, the drag carries nothing (and loads it). */
function dragStart<T extends ItemBase>(spec: ListSpec<T>, item: T, event: DragEvent): void {
  const code = deferred();
  if (code === undefined) loadDeferred().catch(() => undefined);
  else code.dragStart(spec, item, event);
}

const gripIcon = svg`<svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true" focusable="false">
  ${[4, 10, 16].map((y) => svg`<circle cx="3" cy=${y} r="1.6"/><circle cx="9" cy=${y} r="1.6"/>`)}</svg>`;

function renderItem<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T, position: number, total: number): TemplateResult {
  const label = itemLabel(ctx, spec.strings, position);
  const own = spec.describe(item).trim();
  const button = (control: string, text: string, action: (code: Deferred) => void, disabled = false): TemplateResult =>
    html`<button type="button" class="ju-button ju-button--secondary tool" part="item-button" id=${controlId(spec.scope, item.id, control)}
      aria-disabled=${ifDefined(disabled ? 'true' : undefined)} @click=${() => { withDeferred(action); }}><span aria-hidden="true">${text}</span><span class="ju-visually-hidden">${text}: ${label}</span></button>`;
  return html`<fieldset class=${item.hidden ? 'item is-hidden' : 'item'} part="item" data-item=${item.id}
      @dragover=${(event: DragEvent) => { deferred()?.dragOver(spec, event); }} @dragleave=${(event: DragEvent) => { deferred()?.dragLeave(event); }}
      @drop=${(event: DragEvent) => { deferred()?.drop(ctx, spec, item, event); }}>
    <legend class="item-legend">${own === '' ? label : ctx.t('section.common.itemName', { label, own })}${item.hidden
      ? html` <span class="badge" part="hidden-badge">${ctx.t('section.common.hiddenBadge')}</span>` : nothing}</legend>
    <div class="tools" part="item-tools">
      <span class="handle" aria-hidden="true" draggable="true" title=${ifDefined(helpText(ctx, 'section.common.drag'))}
        @dragstart=${(event: DragEvent) => { dragStart(spec, item, event); }}>${gripIcon}</span>
      ${button('up', ctx.t('section.common.moveUp'), (code) => { code.step(ctx, spec, item.id, -1); }, position === 0)}
      ${button('down', ctx.t('section.common.moveDown'), (code) => { code.step(ctx, spec, item.id, 1); }, position === total - 1)}
      ${button('visibility', ctx.t(item.hidden ? 'section.common.show' : 'section.common.hide'), (code) => { code.toggleHidden(ctx, spec, item); })}
      ${button('delete', ctx.t('section.common.delete'), (code) => { code.remove(ctx, spec, item.id); })}
    </div>
    <div class="grid">${spec.fields(item, position)}</div>
  </fieldset>`;
}

export function renderList<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>): TemplateResult {
  const items = spec.items(ctx.cv) ?? [];
  return html`<div class="list" part="list">
    ${repeat(items, (item) => item.id, (item, position) => renderItem(ctx, spec, item, position, items.length))}
    <button type="button" class="ju-button ju-button--secondary add" part="add-button" id=${fieldId(spec.scope)}
      aria-describedby=${ifDefined(describedBy(ctx, spec.scope, false))} @click=${() => { withDeferred((code) => { code.add(ctx, spec); }); }}>
      <span aria-hidden="true">+</span> ${ctx.t(`${spec.strings}.add`)}</button>
  </div>`;
}
