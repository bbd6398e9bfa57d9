// What a list's buttons and drag handle do: move, hide, delete and add items. Loaded right after the first render
// (see `load-deferred.ts`): nobody needs it before the editor is on screen.
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import type { ItemBase } from '../model/cv.js';
import { newItem } from '../model/new-item.js';
import type { ListSpec } from './list.js';

// The ids `list.ts` gives an item's buttons (`controlId`) and fields, built here from the same parts, so this chunk
// needs nothing from the list's own.
const buttonId = (scope: string, id: string, control: string): string => fieldId(fieldPath(scope, id, control));

function move<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string, to: number, announcement: string, control?: string): void {
  const items = spec.items(ctx.cv) ?? [];
  const from = items.findIndex((item) => item.id === id);
  if (from < 0 || to === from || to < 0 || to >= items.length) return;
  // The moved item's DOM is moved too, which drops focus: put it back on the same button.
  if (control !== undefined) ctx.focusAfterRender(buttonId(spec.scope, id, control));
  ctx.change((draft) => {
    const list = spec.items(draft);
    const index = list?.findIndex((item) => item.id === id) ?? -1;
    if (list === undefined || index < 0) return;
    list.splice(to, 0, ...list.splice(index, 1));
  }, { announce: ctx.t(announcement, { position: to + 1, total: items.length }) });
}

/** "Flyt op" (-1) and "Flyt ned" (1). */
export function step<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string, delta: -1 | 1): void {
  const items = spec.items(ctx.cv) ?? [];
  const from = items.findIndex((item) => item.id === id);
  const to = from + delta;
  if (to < 0 || to >= items.length) {
    ctx.announce(ctx.t(delta < 0 ? 'section.common.alreadyFirst' : 'section.common.alreadyLast'));
    return;
  }
  move(ctx, spec, id, to, delta < 0 ? 'section.common.movedUp' : 'section.common.movedDown', delta < 0 ? 'up' : 'down');
}

export function remove<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, id: string): void {
  const items = spec.items(ctx.cv) ?? [];
  const index = items.findIndex((item) => item.id === id);
  // Focus goes to the item that takes its place (or the one before); with none left, to "Tilføj".
  const neighbour = index + 1 < items.length ? index + 1 : index - 1;
  const next = items.slice(neighbour, neighbour + 1).find((item) => item.id !== id);
  ctx.focusAfterRender(next === undefined ? fieldId(spec.scope) : fieldId(fieldPath(spec.scope, next.id, spec.first)));
  ctx.change((draft) => {
    const list = spec.items(draft);
    const at = list?.findIndex((item) => item.id === id) ?? -1;
    if (list !== undefined && at >= 0) list.splice(at, 1);
  }, { announce: ctx.t('section.common.deleted') });
}

export function toggleHidden<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T): void {
  const hidden = !item.hidden;
  ctx.focusAfterRender(buttonId(spec.scope, item.id, 'visibility'));
  ctx.change((draft) => {
    const target = spec.items(draft)?.find((candidate) => candidate.id === item.id);
    if (target !== undefined) target.hidden = hidden;
  }, { announce: ctx.t(hidden ? 'section.common.hiddenAnnouncement' : 'section.common.shownAnnouncement') });
}

export function add<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>): void {
  // `ItemKind<T>` names only the factories that make a `T`; TypeScript cannot follow that through the lookup.
  const item = newItem[spec.create]() as unknown as T;
  ctx.focusAfterRender(fieldId(fieldPath(spec.scope, item.id, spec.first)));
  ctx.change((draft) => { spec.items(draft)?.push(item); });
}

// Pointer reordering: the dragged item's id travels in the DataTransfer under a type naming the list, so a drop
// on another list is refused while dragging over it (only the types can be read then, not the data).
const dragType = (scope: string): string => `application/x-ju-cv-item.${scope.toLowerCase()}`;

const accepts = (scope: string, event: DragEvent): boolean => event.dataTransfer?.types.includes(dragType(scope)) === true;

/** Shows (or stops showing) where a dragged item would land. */
function mark(event: DragEvent, on: boolean): void {
  const target = event.currentTarget as HTMLElement;
  if (on) target.dataset['dropTarget'] = '';
  else delete target.dataset['dropTarget'];
}

export function dragStart<T extends ItemBase>(spec: ListSpec<T>, item: T, event: DragEvent): void {
  const fieldset = (event.target as HTMLElement).closest('fieldset');
  if (event.dataTransfer === null) return;
  event.dataTransfer.effectAllowed = 'move';
  event.dataTransfer.setData(dragType(spec.scope), item.id);
  if (fieldset !== null) event.dataTransfer.setDragImage(fieldset, 24, 24);
}

export function dragOver<T extends ItemBase>(spec: ListSpec<T>, event: DragEvent): void {
  if (!accepts(spec.scope, event)) return;
  event.preventDefault();
  if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'move';
  mark(event, true);
}

export function dragLeave(event: DragEvent): void {
  mark(event, false);
}

/** A dragged item dropped on `item`: it takes that item's place. */
export function drop<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T, event: DragEvent): void {
  mark(event, false);
  if (!accepts(spec.scope, event)) return;
  event.preventDefault();
  const id = event.dataTransfer?.getData(dragType(spec.scope)) ?? '';
  const to = (spec.items(ctx.cv) ?? []).findIndex((candidate) => candidate.id === item.id);
  move(ctx, spec, id, to, 'section.common.moved');
}
