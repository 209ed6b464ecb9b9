/** Defines `<serialkit-recalls>`; import `recalls.component.js` to register it otherwise. */
import { Recalls } from './recalls.component.js';

export * from './recalls.component.js';

if (!customElements.get('serialkit-recalls')) customElements.define('serialkit-recalls', Recalls);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-recalls': Recalls;
  }
}
