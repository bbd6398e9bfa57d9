import { JuVideoLibrary } from './ju-video-library.component.js';

JuVideoLibrary.define('ju-video-library');

declare global {
  interface HTMLElementTagNameMap {
    'ju-video-library': JuVideoLibrary;
  }
}

export { JuVideoLibrary };
export type * from './events.js';
