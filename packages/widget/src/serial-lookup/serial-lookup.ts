/**
 * Defines `<serial-lookup>`. Importing this module registers the element; import
 * `serial-lookup.component.js` instead to register the class under another name.
 */
import { SerialLookup } from './serial-lookup.component.js';

export * from './serial-lookup.component.js';

// Two copies of the package on one page must not throw on the second definition.
if (!customElements.get('serial-lookup')) customElements.define('serial-lookup', SerialLookup);

declare global {
  interface HTMLElementTagNameMap {
    'serial-lookup': SerialLookup;
  }
}
