// The caseworker's side, a separate entry (`@jobunivers/cv-builder/viewer`): citizens' pages never load it.
import { JuCvViewer } from './viewer/ju-cv-viewer.component.js';

JuCvViewer.define('ju-cv-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'ju-cv-viewer': JuCvViewer;
  }
}

export { JuCvViewer };
export type * from './viewer/events.js';
