// A minimal element that shows renderPreview() the way the builder's shell and the viewer do: in its shadow root,
// with the shared styles and previewStyles, in the element's UI language. For the preview tests only.
import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { JuElement, sharedStyles } from '@jobunivers/core';
import { emptyCv, type Cv } from '../src/model/cv.js';
import { previewStyles } from '../src/preview/preview.styles.js';
import { renderPreview } from '../src/preview/render-preview.js';
import { CV_VIEWER_NAMESPACE } from '../src/viewer/locales.js';

export class PreviewTestHost extends JuElement {
  static override namespace = CV_VIEWER_NAMESPACE;
  static override styles = [sharedStyles, previewStyles];

  @property({ attribute: false }) cv: Cv = emptyCv();
  @property() labels: 'da' | 'en' = 'da';
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 2 | 3 = 2;

  protected override render(): TemplateResult {
    return html`${renderPreview(this.cv, { labels: this.labels, format: this.format, t: (key, options) => this.t(key, options), headingLevel: this.headingLevel })}`;
  }
}

PreviewTestHost.define('preview-test-host');

declare global {
  interface HTMLElementTagNameMap {
    'preview-test-host': PreviewTestHost;
  }
}
