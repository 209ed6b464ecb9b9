/** Defines `<serialkit-unit-list>`; import `unit-list.component.js` to register it otherwise. */
import { UnitList } from './unit-list.component.js';

export * from './unit-list.component.js';

if (!customElements.get('serialkit-unit-list'))
  customElements.define('serialkit-unit-list', UnitList);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-unit-list': UnitList;
  }
}
