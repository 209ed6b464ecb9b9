/** Defines `<serialkit-webhooks>`; import `webhooks.component.js` to register it otherwise. */
import { Webhooks } from './webhooks.component.js';

export * from './webhooks.component.js';

if (!customElements.get('serialkit-webhooks'))
  customElements.define('serialkit-webhooks', Webhooks);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-webhooks': Webhooks;
  }
}
