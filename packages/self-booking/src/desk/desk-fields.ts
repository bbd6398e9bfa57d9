import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  type?: 'text' | 'date' | 'time' | 'tel';
  min?: string | undefined;
}

/** The ids a control's `aria-describedby` lists: its hint and, when shown, its error. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function errorText(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="ju-error-text" id=${`${id}-error`} part="field-error">${error}</p>` : nothing;
}

/** A labelled text field (input or textarea) with its hint and error linked to it. */
export function textField(options: TextFieldOptions): TemplateResult {
  const { id, label, value, hint, error } = options;
  const described = describedBy(id, Boolean(hint), Boolean(error));
  const onInput = (event: Event): void => {
    options.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  };
  const control = options.multiline
    ? html`<textarea
        class="ju-input"
        id=${id}
        .value=${value}
        ?required=${options.required ?? false}
        maxlength=${ifDefined(options.maxLength)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
      ></textarea>`
    : html`<input
        class="ju-input"
        id=${id}
        type=${options.type ?? 'text'}
        .value=${value}
        ?required=${options.required ?? false}
        maxlength=${ifDefined(options.maxLength)}
        min=${ifDefined(options.min)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
      />`;
  return html`
    <div class="ju-field">
      <label class="ju-label" for=${id}>${label}</label>
      ${hint ? html`<p class="ju-hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${errorText(id, error)} ${control}
    </div>
  `;
}

export interface SelectFieldOptions {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

export function selectField(options: SelectFieldOptions): TemplateResult {
  const { id, label, value, hint, error } = options;
  const described = describedBy(id, Boolean(hint), Boolean(error));
  return html`
    <div class="ju-field">
      <label class="ju-label" for=${id}>${label}</label>
      ${hint ? html`<p class="ju-hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${errorText(id, error)}
      <select
        class="ju-input"
        id=${id}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @change=${(event: Event) => { options.onChange((event.target as HTMLSelectElement).value); }}
      >
        ${options.placeholder === undefined ? nothing : html`<option value="" ?selected=${value === ''}>${options.placeholder}</option>`}
        ${options.options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
      </select>
    </div>
  `;
}
