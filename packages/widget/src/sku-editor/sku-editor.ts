/** Defines `<serialkit-sku-editor>`; import `sku-editor.component.js` to register it otherwise. */
import { SkuEditor } from './sku-editor.component.js';

export * from './sku-editor.component.js';

if (!customElements.get('serialkit-sku-editor'))
  customElements.define('serialkit-sku-editor', SkuEditor);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-sku-editor': SkuEditor;
  }
}
