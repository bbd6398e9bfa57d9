// Labelled native controls bound to the CV. Every control has a visible <label> in the same shadow root, its hint
// and its problem (from `ctx.problems`) linked with aria-describedby, and reports typing through `ctx.change()`
// with the field's path as the undo-coalescing key. Values are bound with `live()`, so undo and redo always win
// over what the DOM last showed, and user text only ever goes into `.value` or text bindings.
import { guard, html, ifDefined, live, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, type EditorContext } from '../editor-context.js';
import type { Cv } from '../model/cv.js';

export type Setter<V> = (draft: Cv, value: V) => void;

/** The `autocomplete` tokens the sections use: the citizen's own details, or `off` for someone else's. */
export type Autocomplete = 'off' | 'name' | 'email' | 'tel' | 'url' | 'address-line1' | 'postal-code' | 'address-level2' | 'country';

export interface FieldOptions {
  path: string;
  label: string;
  hint?: string | undefined;
  value: string;
  set: Setter<string>;
  type?: 'text' | 'email' | 'tel' | 'url';
  autocomplete?: Autocomplete;
  inputmode?: 'numeric' | 'email' | 'tel' | 'url' | 'text';
  /** Spans the whole row of the field grid. */
  wide?: boolean;
  /** More ids to describe the control with (e.g. a character count). */
  describedBy?: string;
  /** Called with the typed text before the change is made. */
  typed?: (value: string) => void;
}

/** The problem with a field, if any, rendered under it; its id is `${fieldId(path)}-error`. */
export function renderProblem(ctx: EditorContext, path: string): TemplateResult | typeof nothing {
  const problem = ctx.problems.get(path);
  return problem === undefined ? nothing : html`<p class="ju-error-text" id=${`${fieldId(path)}-error`} part="field-error">${problem}</p>`;
}

/** `aria-describedby` for a control: its hint, any extra ids and its problem; `undefined` when there is none. */
export function describedBy(ctx: EditorContext, path: string, hint: boolean, extra?: string): string | undefined {
  const id = fieldId(path);
  const ids = [hint ? `${id}-hint` : '', extra ?? '', ctx.problems.has(path) ? `${id}-error` : ''].filter((part) => part !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

export const invalid = (ctx: EditorContext, path: string): 'true' | undefined => (ctx.problems.has(path) ? 'true' : undefined);

const renderHint = (path: string, hint: string | undefined): TemplateResult | typeof nothing =>
  hint === undefined ? nothing : html`<p class="ju-hint" id=${`${fieldId(path)}-hint`}>${hint}</p>`;

const valueOf = (event: Event): string => (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

/** Reports typing: one undo step per field, however many letters. */
function onType(ctx: EditorContext, options: FieldOptions) {
  return (event: Event): void => {
    const value = valueOf(event);
    options.typed?.(value);
    ctx.change((draft) => { options.set(draft, value); }, { coalesce: options.path });
  };
}

export function textField(ctx: EditorContext, options: FieldOptions): TemplateResult {
  const { path, hint } = options;
  const id = fieldId(path);
  return html`<div class=${options.wide === true ? 'ju-field wide' : 'ju-field'}>
    <label class="ju-label" for=${id}>${options.label}</label>
    ${renderHint(path, hint)}
    <input id=${id} class="ju-input" part="input" type=${options.type ?? 'text'} autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      aria-invalid=${ifDefined(invalid(ctx, path))} aria-describedby=${ifDefined(describedBy(ctx, path, hint !== undefined, options.describedBy))}
      .value=${live(options.value)} @input=${onType(ctx, options)}>
    ${renderProblem(ctx, path)}
  </div>`;
}

export function textArea(ctx: EditorContext, options: FieldOptions & { after?: TemplateResult }): TemplateResult {
  const { path, hint } = options;
  const id = fieldId(path);
  return html`<div class="ju-field wide">
    <label class="ju-label" for=${id}>${options.label}</label>
    ${renderHint(path, hint)}
    <textarea id=${id} class="ju-input" part="input" rows="4" autocomplete=${ifDefined(options.autocomplete)}
      aria-invalid=${ifDefined(invalid(ctx, path))} aria-describedby=${ifDefined(describedBy(ctx, path, hint !== undefined, options.describedBy))}
      .value=${live(options.value)} @input=${onType(ctx, options)}></textarea>
    ${options.after ?? nothing}
    ${renderProblem(ctx, path)}
  </div>`;
}

export interface SelectOptions<V extends string> {
  path: string;
  label: string;
  hint?: string | undefined;
  value: V | '';
  options: readonly { value: V | ''; label: string }[];
  set: Setter<V | ''>;
  autocomplete?: Autocomplete;
  wide?: boolean;
}

export function selectField<V extends string>(ctx: EditorContext, options: SelectOptions<V>): TemplateResult {
  const { path, hint, value } = options;
  const id = fieldId(path);
  // `.selected` on each option, not `.value` on the select: the select's value would be set before its options exist.
  // The options render again only when the value, the language or the labels change (the country list has 250 of
  // them; the language levels get their descriptions once the sections' help is there).
  return html`<div class=${options.wide === true ? 'ju-field wide' : 'ju-field'}>
    <label class="ju-label" for=${id}>${options.label}</label>
    ${renderHint(path, hint)}
    <select id=${id} class="ju-input" part="input" autocomplete=${ifDefined(options.autocomplete)}
      aria-invalid=${ifDefined(invalid(ctx, path))} aria-describedby=${ifDefined(describedBy(ctx, path, hint !== undefined))}
      @change=${(event: Event) => {
        const next = valueOf(event) as V | '';
        ctx.change((draft) => { options.set(draft, next); }, { coalesce: path });
      }}>
      ${guard([value, ctx.lang, options.options.length, options.options[0]?.label, options.options.at(-1)?.label], () => options.options.map((option) =>
        html`<option value=${option.value} .selected=${live(option.value === value)}>${option.label}</option>`))}
    </select>
    ${renderProblem(ctx, path)}
  </div>`;
}

export interface CheckboxOptions {
  /** The control's id comes from this path. */
  path: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  set: Setter<boolean>;
  /** The checkbox's problem is shown under it (off for checkboxes inside a group that shows one for all). */
  problem?: boolean;
}

export function checkbox(ctx: EditorContext, options: CheckboxOptions): TemplateResult {
  const { path, hint } = options;
  const id = fieldId(path);
  const showProblem = options.problem !== false;
  return html`<div class="check">
    <input type="checkbox" id=${id} part="checkbox" .checked=${live(options.checked)}
      aria-invalid=${ifDefined(showProblem ? invalid(ctx, path) : undefined)}
      aria-describedby=${ifDefined(showProblem ? describedBy(ctx, path, hint !== undefined) : hint === undefined ? undefined : `${id}-hint`)}
      @change=${(event: Event) => {
        const checked = (event.target as HTMLInputElement).checked;
        ctx.change((draft) => { options.set(draft, checked); });
      }}>
    <label for=${id}>${options.label}</label>
    ${hint === undefined ? nothing : html`<p class="ju-hint check-hint" id=${`${id}-hint`}>${hint}</p>`}
    ${showProblem ? renderProblem(ctx, path) : nothing}
  </div>`;
}

/**
 * What the citizen typed into a field that holds a list ("Excel, truck" or one line per point) but that is not yet
 * a clean list: the model gets the trimmed, non-empty entries at once; the field keeps showing exactly what was
 * typed (spaces, a trailing comma, an empty line) until the list changes from elsewhere (undo, import).
 */
const typedLists = new Map<string, { typed: string; basis: string }>();

export interface ListTextOptions extends Omit<FieldOptions, 'value' | 'set'> {
  value: readonly string[];
  set: Setter<string[]>;
  separator: 'comma' | 'line';
}

export function listTextField(ctx: EditorContext, options: ListTextOptions): TemplateResult {
  const { path, value, separator } = options;
  const basis = JSON.stringify(value);
  const typed = typedLists.get(path);
  if (typed !== undefined && typed.basis !== basis) typedLists.delete(path);
  const shown = typed?.basis === basis ? typed.typed : value.join(separator === 'comma' ? ', ' : '\n');
  const entriesOf = (text: string): string[] =>
    text.split(separator === 'comma' ? ',' : '\n').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const field: FieldOptions = {
    ...options,
    value: shown,
    typed: (text) => { typedLists.set(path, { typed: text, basis: JSON.stringify(entriesOf(text)) }); },
    set: (draft, text) => { options.set(draft, entriesOf(text)); },
  };
  return separator === 'comma' ? textField(ctx, field) : textArea(ctx, field);
}

/** Asks the element whose shadow root holds `event.target` to render again (for state that is not in the CV). */
export function renderAgain(event: Event): void {
  const root = (event.target as Node).getRootNode();
  const host = root instanceof ShadowRoot ? (root.host as Element & { requestUpdate?: () => void }) : undefined;
  host?.requestUpdate?.();
}
