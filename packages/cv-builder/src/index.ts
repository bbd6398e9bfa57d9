import { JuCvBuilder } from './ju-cv-builder.component.js';

JuCvBuilder.define('ju-cv-builder');

declare global {
  interface HTMLElementTagNameMap {
    'ju-cv-builder': JuCvBuilder;
  }
}

export { JuCvBuilder };
export type * from './events.js';
export type * from './model/cv.js';
