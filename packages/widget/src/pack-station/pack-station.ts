/** Defines `<serialkit-pack-station>`; import `pack-station.component.js` to register it otherwise. */
import { PackStation } from './pack-station.component.js';

export * from './pack-station.component.js';

if (!customElements.get('serialkit-pack-station'))
  customElements.define('serialkit-pack-station', PackStation);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-pack-station': PackStation;
  }
}
