/** Defines `<serialkit-serial-search>`; import `serial-search.component.js` to register it otherwise. */
import { SerialSearch } from './serial-search.component.js';

export * from './serial-search.component.js';

if (!customElements.get('serialkit-serial-search'))
  customElements.define('serialkit-serial-search', SerialSearch);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-serial-search': SerialSearch;
  }
}
