// A list of items (jobs, educations, languages …): each item is a <fieldset> named "Erhvervserfaring 2: Lager-
// medarbejder, Bilka", with "Flyt op", "Flyt ned", "Skjul i CV'et"/"Vis i CV'et" and "Slet"; "Tilføj …" adds one
// and moves focus into it. Moves keep focus on the moved item's button and are announced; a drag handle moves
// items with a pointer too (native drag and drop). Deleting asks nothing: the shell's undo (Ctrl+Z) brings it back.
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import type { Cv, ItemBase } from '../model/cv.js';
import { describedBy } from './fields.js';

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
  create: () => T;
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

function move<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string, to: number, announcement: string, control?: string): void {
  const items = spec.items(ctx.cv) ?? [];
  const from = items.findIndex((item) => item.id === id);
  if (from < 0 || to === from || to < 0 || to >= items.length) return;
  // The moved item's DOM is moved too, which drops focus: put it back on the same button.
  if (control !== undefined) ctx.focusAfterRender(controlId(spec.scope, id, control));
  ctx.change((draft) => {
    const list = spec.items(draft);
    const index = list?.findIndex((item) => item.id === id) ?? -1;
    if (list === undefined || index < 0) return;
    list.splice(to, 0, ...list.splice(index, 1));
  }, { announce: ctx.t(announcement, { position: to + 1, total: items.length }) });
}

function step<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string, delta: -1 | 1): void {
  const items = spec.items(ctx.cv) ?? [];
  const from = items.findIndex((item) => item.id === id);
  const to = from + delta;
  if (to < 0 || to >= items.length) {
    ctx.announce(ctx.t(delta < 0 ? 'section.common.alreadyFirst' : 'section.common.alreadyLast'));
    return;
  }
  move(ctx, spec, id, to, delta < 0 ? 'section.common.movedUp' : 'section.common.movedDown', delta < 0 ? 'up' : 'down');
}

function remove<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string): void {
  const items = spec.items(ctx.cv) ?? [];
  const index = items.findIndex((item) => item.id === id);
  // Focus goes to the item that takes its place (or the one before); with none left, to "Tilføj".
  const neighbour = index + 1 < items.length ? index + 1 : index - 1;
  const next = items.slice(neighbour, neighbour + 1).find((item) => item.id !== id);
  ctx.focusAfterRender(next === undefined ? fieldId(spec.scope) : fieldId(itemPath(spec.scope, next.id, spec.first)));
  ctx.change((draft) => {
    const list = spec.items(draft);
    const at = list?.findIndex((item) => item.id === id) ?? -1;
    if (list !== undefined && at >= 0) list.splice(at, 1);
  }, { announce: ctx.t('section.common.deleted') });
}

function toggleHidden<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T): void {
  const hidden = !item.hidden;
  ctx.focusAfterRender(controlId(spec.scope, item.id, 'visibility'));
  ctx.change((draft) => {
    const target = findItem(spec, draft, item.id);
    if (target !== undefined) target.hidden = hidden;
  }, { announce: ctx.t(hidden ? 'section.common.hiddenAnnouncement' : 'section.common.shownAnnouncement') });
}

function add<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>): void {
  const item = spec.create();
  ctx.focusAfterRender(fieldId(itemPath(spec.scope, item.id, spec.first)));
  ctx.change((draft) => { spec.items(draft)?.push(item); });
}

// Pointer reordering: the dragged item's id travels in the DataTransfer under a type naming the list, so a drop
// on another list is refused while dragging over it (only the types can be read then, not the data).
const dragType = (scope: string): string => `application/x-ju-cv-item.${scope.toLowerCase()}`;

function dragHandlers<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T) {
  const type = dragType(spec.scope);
  const accepts = (event: DragEvent): boolean => event.dataTransfer?.types.includes(type) === true;
  const mark = (event: DragEvent, on: boolean): void => {
    const target = event.currentTarget as HTMLElement;
    if (on) target.dataset['dropTarget'] = '';
    else delete target.dataset['dropTarget'];
  };
  return {
    start: (event: DragEvent): void => {
      const fieldset = (event.target as HTMLElement).closest('fieldset');
      if (event.dataTransfer === null) return;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(type, item.id);
      if (fieldset !== null) event.dataTransfer.setDragImage(fieldset, 24, 24);
    },
    over: (event: DragEvent): void => {
      if (!accepts(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'move';
      mark(event, true);
    },
    leave: (event: DragEvent): void => { mark(event, false); },
    drop: (event: DragEvent): void => {
      mark(event, false);
      if (!accepts(event)) return;
      event.preventDefault();
      const id = event.dataTransfer?.getData(type) ?? '';
      const to = (spec.items(ctx.cv) ?? []).findIndex((candidate) => candidate.id === item.id);
      move(ctx, spec, id, to, 'section.common.moved');
    },
  };
}

const gripIcon = svg`<svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true" focusable="false">
  ${[4, 10, 16].map((y) => svg`<circle cx="3" cy=${y} r="1.6"/><circle cx="9" cy=${y} r="1.6"/>`)}</svg>`;

function renderItem<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T, position: number, total: number): TemplateResult {
  const label = itemLabel(ctx, spec.strings, position);
  const own = spec.describe(item).trim();
  const drag = dragHandlers(ctx, spec, item);
  const button = (control: string, text: string, onClick: () => void, disabled = false): TemplateResult =>
    html`<button type="button" class="ju-button ju-button--secondary tool" part="item-button" id=${controlId(spec.scope, item.id, control)}
      aria-disabled=${ifDefined(disabled ? 'true' : undefined)} @click=${onClick}>${text}<span class="ju-visually-hidden">: ${label}</span></button>`;
  return html`<fieldset class=${item.hidden ? 'item is-hidden' : 'item'} part="item" data-item=${item.id}
      @dragover=${drag.over} @dragleave=${drag.leave} @drop=${drag.drop}>
    <legend class="item-legend">${own === '' ? label : ctx.t('section.common.itemName', { label, own })}${item.hidden
      ? html` <span class="badge" part="hidden-badge">${ctx.t('section.common.hiddenBadge')}</span>` : nothing}</legend>
    <div class="tools" part="item-tools">
      <span class="handle" aria-hidden="true" draggable="true" title=${ctx.t('section.common.drag')}
        @dragstart=${drag.start}>${gripIcon}</span>
      ${button('up', ctx.t('section.common.moveUp'), () => { step(ctx, spec, item.id, -1); }, position === 0)}
      ${button('down', ctx.t('section.common.moveDown'), () => { step(ctx, spec, item.id, 1); }, position === total - 1)}
      ${button('visibility', ctx.t(item.hidden ? 'section.common.show' : 'section.common.hide'), () => { toggleHidden(ctx, spec, item); })}
      ${button('delete', ctx.t('section.common.delete'), () => { remove(ctx, spec, item.id); })}
    </div>
    <div class="grid">${spec.fields(item, position)}</div>
  </fieldset>`;
}

export function renderList<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>): TemplateResult {
  const items = spec.items(ctx.cv) ?? [];
  return html`<div class="list" part="list">
    ${repeat(items, (item) => item.id, (item, position) => renderItem(ctx, spec, item, position, items.length))}
    <button type="button" class="ju-button ju-button--secondary add" part="add-button" id=${fieldId(spec.scope)}
      aria-describedby=${ifDefined(describedBy(ctx, spec.scope, false))} @click=${() => { add(ctx, spec); }}>
      <span aria-hidden="true">+</span> ${ctx.t(`${spec.strings}.add`)}</button>
  </div>`;
}
