import { html, type nothing, type TemplateResult } from 'lit';
import type { DeskApi } from './desk-api.js';
import { IdempotencyKeys, type DeskContext } from './desk-context.js';
import { problemMessage } from './desk-messages.js';
import type { DeskBooking } from './types.js';

/** Closes a task; `changed` is the booking it created or changed, or undefined when the caseworker went back. */
export type TaskDone = (changed: DeskBooking | undefined) => void;

/** The frame of a task (book, move, cancel): its heading is where focus goes when the task opens. */
export function taskSection(title: string, body: TemplateResult): TemplateResult {
  return html`
    <section class="desk-task" part="task" aria-labelledby="task-heading">
      <h3 id="task-heading" tabindex="-1">${title}</h3>
      ${body}
    </section>
  `;
}

/** Why the task's last send failed; `TaskForm.send` moves focus here. */
export function taskProblem(problem: string): TemplateResult | typeof nothing {
  return problemMessage('task-problem', problem);
}

/** The button that leaves a task without changing anything; focus returns to where the task was opened. */
export function closeTaskButton(label: string, done: TaskDone): TemplateResult {
  return html`<button class="ju-button ju-button--secondary" type="button" id="task-close" part="button" @click=${() => { done(undefined); }}>
    ${label}
  </button>`;
}

/** Send and go back, under a task's form. */
export function taskActions(submitLabel: string, submitting: boolean, close: TemplateResult): TemplateResult {
  return html`
    <div class="desk-actions">
      <button class="ju-button" type="submit" part="button" ?disabled=${submitting}>${submitLabel}</button>
      ${close}
    </div>
  `;
}

/**
 * What every task form (book, move, cancel) shares: it closes with `done`, keeps one idempotency key per body, and
 * sends once, showing why above the form when sending fails.
 */
export abstract class TaskForm {
  problem = '';
  submitting = false;
  protected readonly context: DeskContext;
  protected readonly done: TaskDone;
  protected readonly keys = new IdempotencyKeys();

  constructor(context: DeskContext, done: TaskDone) {
    this.context = context;
    this.done = done;
  }

  abstract render(): TemplateResult;

  /** The form's submit listener: nothing happens while a send is on its way, or without an API. */
  protected readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const api = this.context.api;
    if (this.submitting || !api) return;
    void this.submit(api);
  };

  /** Checks the fields (showing what is missing and focusing the first) and, when all is there, calls `send`. */
  protected abstract submit(api: DeskApi): Promise<void>;

  /**
   * The submit button is disabled while `request` is on its way; a failure is told to the host page, shown as
   * `problemFor(error)` above the form, and focused so a screen reader reads it.
   */
  protected async send(request: () => Promise<void>, problemFor: (error: unknown) => string): Promise<void> {
    const context = this.context;
    this.submitting = true;
    this.problem = '';
    context.host.requestUpdate();
    try {
      await request();
    } catch (error) {
      context.failed(error);
      this.problem = problemFor(error);
      context.focus('#task-problem');
    } finally {
      this.submitting = false;
      context.host.requestUpdate();
    }
  }
}
