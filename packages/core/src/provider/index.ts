export { JuProvider } from './ju-provider.component.js';
