/** Defines `<serialkit-sku-list>`; import `sku-list.component.js` to register it otherwise. */
import { SkuList } from './sku-list.component.js';

export * from './sku-list.component.js';

if (!customElements.get('serialkit-sku-list')) customElements.define('serialkit-sku-list', SkuList);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-sku-list': SkuList;
  }
}
