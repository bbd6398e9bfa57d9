// The caseworker's side, a separate entry (`@jobunivers/joblog/viewer`): citizens' pages never load it.
import { JuJoblogViewer } from './viewer/ju-joblog-viewer.component.js';

JuJoblogViewer.define('ju-joblog-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'ju-joblog-viewer': JuJoblogViewer;
  }
}

export { JuJoblogViewer };
export type * from './viewer/events.js';
