import { JuProvider } from './provider/ju-provider.component.js';

JuProvider.define('ju-provider');

declare global {
  interface HTMLElementTagNameMap {
    'ju-provider': JuProvider;
  }
}

export { JuProvider };
