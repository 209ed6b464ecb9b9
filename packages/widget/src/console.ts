/**
 * @serialkit/widget/console: the merchant console, `<serialkit-console>`, and the elements it
 * composes, each usable alone in any admin page. Importing this module registers them all.
 *
 * @example
 * import '@serialkit/widget/console';
 * // <serialkit-console></serialkit-console>   (signs in to this origin's serialkit service)
 * // <serialkit-sku-list tracking="on"></serialkit-sku-list>
 */
export {
  AdminApiError,
  AdminClient,
  type AdminClientOptions,
  type Page,
} from './api/admin-client.js';
export { CsvImport } from './csv-import/csv-import.js';
export { ConsoleSignInEvent } from './events/console-sign-in.js';
export { ImportDoneEvent } from './events/import-done.js';
export { OrderShippedEvent, PackScanEvent } from './events/pack-scan.js';
export { RecallClosedEvent } from './events/recall-closed.js';
export { RecallCreatedEvent } from './events/recall-created.js';
export { ReturnDecidedEvent } from './events/return-decided.js';
export { SkuSavedEvent } from './events/sku-saved.js';
export { SkuSelectEvent } from './events/sku-select.js';
export { UnitOpenEvent } from './events/unit-open.js';
export { type WebhookChange, WebhookChangedEvent } from './events/webhook-changed.js';
export type { ConsoleTranslation } from './localize/console/console-translation.js';
export { Overview } from './overview/overview.js';
export { PackStation } from './pack-station/pack-station.js';
export { Recalls } from './recalls/recalls.js';
export { ReturnsDesk } from './returns-desk/returns-desk.js';
export { SerialSearch } from './serial-search/serial-search.js';
export { SerialkitConsole } from './serialkit-console/serialkit-console.js';
export { SkuEditor } from './sku-editor/sku-editor.js';
export { SkuList } from './sku-list/sku-list.js';
export { UnitList } from './unit-list/unit-list.js';
export { Webhooks } from './webhooks/webhooks.js';
