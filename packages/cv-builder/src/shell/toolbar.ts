import { html, ifDefined, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Translate } from './shell-host.js';

/** The toolbar buttons that open something loaded on demand (their id, for focus and `aria-busy`). */
export type ToolbarAction = 'save-version' | 'versions' | 'import' | 'export' | 'share' | 'preview';

export interface ToolbarView {
  readonly t: Translate;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The action whose part is loading. */
  readonly busy: ToolbarAction | undefined;
  readonly previewOpen: boolean;
  /** "Del med jobcentret" (only with a server and a citizen token). */
  readonly canShare: boolean;
  undo(): void;
  redo(): void;
  open(action: ToolbarAction, opener: HTMLElement): void;
  check(): void;
}

/**
 * The toolbar: undo/redo, versions, import/export, the preview, "Tjek mit CV" and sharing. Buttons that cannot act
 * are `aria-disabled` (not `disabled`), so focus stays on them when undo runs out.
 */
export function renderToolbar(view: ToolbarView): TemplateResult {
  const { t } = view;
  const action = (id: ToolbarAction, label: string, extra: { expanded?: boolean; dialog?: boolean } = {}): TemplateResult => html`
    <button type="button" id="tb-${id}" class="ju-button ju-button--secondary" part="button"
      aria-haspopup=${ifDefined(extra.dialog === false ? undefined : 'dialog')}
      aria-expanded=${ifDefined(extra.expanded === undefined ? undefined : extra.expanded ? 'true' : 'false')}
      aria-controls=${ifDefined(extra.expanded === true ? 'cv-preview' : undefined)}
      aria-busy=${view.busy === id ? 'true' : 'false'}
      @click=${(event: Event) => { view.open(id, event.currentTarget as HTMLElement); }}>${label}</button>`;
  return html`
    <div class="toolbar" part="toolbar" role="group" aria-label=${t('shell.toolbar.label')}>
      <div class="toolbar-group">
        <button type="button" id="tb-undo" class="ju-button ju-button--secondary" part="button" aria-keyshortcuts="Control+Z Meta+Z"
          aria-disabled=${view.canUndo ? 'false' : 'true'} @click=${() => { if (view.canUndo) view.undo(); }}>${t('shell.toolbar.undo')}</button>
        <button type="button" id="tb-redo" class="ju-button ju-button--secondary" part="button" aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
          aria-disabled=${view.canRedo ? 'false' : 'true'} @click=${() => { if (view.canRedo) view.redo(); }}>${t('shell.toolbar.redo')}</button>
      </div>
      <div class="toolbar-group">
        ${action('save-version', t('shell.toolbar.saveVersion'))}
        ${action('versions', t('shell.toolbar.versions'))}
      </div>
      <div class="toolbar-group">
        ${action('import', t('shell.toolbar.import'))}
        ${action('export', t('shell.toolbar.export'))}
      </div>
      <div class="toolbar-group">
        ${action('preview', view.previewOpen ? t('shell.toolbar.previewClose') : t('shell.toolbar.preview'), { expanded: view.previewOpen, dialog: false })}
        <button type="button" id="tb-check" class="ju-button ju-button--secondary" part="button" @click=${() => { view.check(); }}>${t('shell.toolbar.check')}</button>
        ${view.canShare ? action('share', t('shell.toolbar.share')) : nothing}
      </div>
    </div>`;
}
