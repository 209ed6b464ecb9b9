/**
 * Defines `<serialkit-console>` and every element it composes; import
 * `serialkit-console.component.js` to register it otherwise.
 */
import { SerialkitConsole } from './serialkit-console.component.js';

export * from './serialkit-console.component.js';

if (!customElements.get('serialkit-console'))
  customElements.define('serialkit-console', SerialkitConsole);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-console': SerialkitConsole;
  }
}
