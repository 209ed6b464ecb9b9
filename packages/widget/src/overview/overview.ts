/** Defines `<serialkit-overview>`; import `overview.component.js` to register it otherwise. */
import { Overview } from './overview.component.js';

export * from './overview.component.js';

if (!customElements.get('serialkit-overview'))
  customElements.define('serialkit-overview', Overview);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-overview': Overview;
  }
}
