/** Defines `<serialkit-returns-desk>`; import `returns-desk.component.js` to register it otherwise. */
import { ReturnsDesk } from './returns-desk.component.js';

export * from './returns-desk.component.js';

if (!customElements.get('serialkit-returns-desk'))
  customElements.define('serialkit-returns-desk', ReturnsDesk);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-returns-desk': ReturnsDesk;
  }
}
