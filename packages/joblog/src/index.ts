import { JuJoblog } from './ju-joblog.component.js';

JuJoblog.define('ju-joblog');

declare global {
  interface HTMLElementTagNameMap {
    'ju-joblog': JuJoblog;
  }
}

export { JuJoblog };
export type * from './events.js';
export type * from './model/entry.js';
