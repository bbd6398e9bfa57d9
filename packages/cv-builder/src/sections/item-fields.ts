// Fields bound to one item of a list: the label is `${strings}.${field}`, the hint `${strings}.${field}Hint`,
// the path `${scope}.${item.id}.${field}`.
import type { TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { Cv, ItemBase, Period, PeriodEnd } from '../model/cv.js';
import { periodFields } from './date-fields.js';
import { listTextField, selectField, textArea, textField, type FieldOptions } from './fields.js';
import { helpText } from './frame.js';
import { findItem, itemPath, type ListSpec } from './list.js';

/** The item's fields that hold any text. */
type TextKey<T> = { [K in keyof T]-?: string extends T[K] ? (T[K] extends string ? K : never) : never }[keyof T] & string;
/** The item's fields that hold a list of texts. */
type ListKey<T> = { [K in keyof T]-?: T[K] extends string[] ? K : never }[keyof T] & string;

export interface ItemTextOptions extends Pick<FieldOptions, 'type' | 'autocomplete' | 'inputmode' | 'wide'> {
  /** Show `${strings}.${field}Hint` under the label. */
  hint?: boolean;
}

export interface ItemFields<T extends ItemBase> {
  path(field: string): string;
  /** Changes the item inside a draft (does nothing if it is gone). */
  update(draft: Cv, mutate: (item: T) => void): void;
  label(field: string): string;
  hint(field: string, show: boolean | undefined): string | undefined;
  text(field: TextKey<T>, options?: ItemTextOptions): TemplateResult;
  area(field: TextKey<T>, options?: ItemTextOptions): TemplateResult;
  list(field: ListKey<T>, separator: 'comma' | 'line', options?: ItemTextOptions): TemplateResult;
  select<V extends string>(field: string, value: V | '', options: readonly { value: V | ''; label: string }[], set: (item: T, value: V | '') => void): TemplateResult;
}

export function itemFields<T extends ItemBase>(ctx: EditorContext, spec: ListSpec<T>, item: T): ItemFields<T> {
  const path = (field: string): string => itemPath(spec.scope, item.id, field);
  const update = (draft: Cv, mutate: (target: T) => void): void => {
    const target = findItem(spec, draft, item.id);
    if (target !== undefined) mutate(target);
  };
  // Writes a field by name: the key types above guarantee it holds text (or a list of texts).
  const write = (field: string, value: unknown) => (target: T): void => { (target as unknown as Record<string, unknown>)[field] = value; };
  const label = (field: string): string => ctx.t(`${spec.strings}.${field}`);
  const hint = (field: string, show: boolean | undefined): string | undefined => (show === true ? helpText(ctx, `${spec.strings}.${field}Hint`) : undefined);
  const textOptions = (field: TextKey<T>, options: ItemTextOptions): FieldOptions => ({
    ...options,
    path: path(field),
    label: label(field),
    hint: hint(field, options.hint),
    value: item[field] as string,
    set: (draft, value) => { update(draft, write(field, value)); },
  });
  return {
    path,
    update,
    label,
    hint,
    text: (field, options = {}) => textField(ctx, textOptions(field, options)),
    area: (field, options = {}) => textArea(ctx, textOptions(field, options)),
    list: (field, separator, options = {}) => listTextField(ctx, {
      ...options,
      separator,
      path: path(field),
      label: label(field),
      hint: hint(field, options.hint),
      value: item[field] as string[],
      set: (draft, value) => { update(draft, write(field, value)); },
    }),
    select: (field, value, options, set) => selectField(ctx, {
      path: path(field),
      label: label(field),
      value,
      options,
      set: (draft, next) => { update(draft, (target) => { set(target, next); }); },
    }),
  };
}

/** "Fra" and "Til" with "nu" for an item with a period; `presentKey` names the "nu" checkbox's label. */
export function itemPeriod<T extends ItemBase & Period>(ctx: EditorContext, spec: ListSpec<T>, item: T, presentKey: string): TemplateResult {
  const fields = itemFields(ctx, spec, item);
  return periodFields(ctx, {
    path: itemPath(spec.scope, item.id),
    start: item.start,
    end: item.end,
    presentLabel: ctx.t(presentKey),
    setStart: (draft, value) => { fields.update(draft, (target) => { target.start = value; }); },
    setEnd: (draft, value: PeriodEnd) => { fields.update(draft, (target) => { target.end = value; }); },
  });
}
