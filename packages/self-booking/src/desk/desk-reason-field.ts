import type { TemplateResult } from 'lit';
import type { DeskContext } from './desk-context.js';
import { textField } from './desk-fields.js';

/** The longest reason or note a caseworker can write to a citizen. */
export const REASON_MAX_LENGTH = 500;

/**
 * The reason the citizen reads when the caseworker moves or cancels their meeting: required, and its error goes
 * away as soon as something is written. `task` picks the strings (`move.reason`, `cancel.reason-hint`, …) and the id.
 */
export class ReasonField {
  value = '';
  error = '';
  readonly id: string;
  readonly #context: DeskContext;
  readonly #task: 'move' | 'cancel';

  constructor(context: DeskContext, task: 'move' | 'cancel') {
    this.#context = context;
    this.#task = task;
    this.id = `${task}-reason`;
  }

  /** The trimmed reason; when it is empty the field shows that it is missing. */
  check(): string {
    const reason = this.value.trim();
    this.error = reason ? '' : this.#context.t(`${this.#task}.reason-missing`);
    return reason;
  }

  render(): TemplateResult {
    const { t } = this.#context;
    return textField({
      id: this.id,
      label: t(`${this.#task}.reason`),
      hint: t(`${this.#task}.reason-hint`),
      error: this.error || undefined,
      value: this.value,
      required: true,
      multiline: true,
      maxLength: REASON_MAX_LENGTH,
      onInput: (value) => {
        this.value = value;
        if (this.error && value.trim()) this.error = '';
        this.#context.host.requestUpdate();
      },
    });
  }
}
