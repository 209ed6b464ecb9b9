/** Defines `<serialkit-import>`; import `csv-import.component.js` to register it otherwise. */
import { CsvImport } from './csv-import.component.js';

export * from './csv-import.component.js';

if (!customElements.get('serialkit-import')) customElements.define('serialkit-import', CsvImport);

declare global {
  interface HTMLElementTagNameMap {
    'serialkit-import': CsvImport;
  }
}
