/** The public names of the workflows (the client itself is in `client.ts`). */

export type { Correction, ImportError, ImportReport, ShipmentImportReport } from '@serialkit/core';
export { CORRECTION_RULES } from '@serialkit/core';
export { neutralizeCell } from '../csv/cells.js';
export { SERIAL_IMPORT_COLUMNS, SHIPMENT_IMPORT_COLUMNS } from '../csv/columns.js';
export type { ExportsResource } from '../csv/export.js';
export { EVENT_EXPORT_COLUMNS, SERIAL_EXPORT_COLUMNS } from '../csv/export.js';
export type { ImportOptions, ImportsResource, ShipmentImportOptions } from '../csv/import.js';
export type { CsvSource } from '../csv/records.js';
export type { CorrectionsResource } from './corrections.js';
export type {
  EpcisBizTransaction,
  EpcisDocument,
  EpcisObjectEvent,
  EpcisOptions,
} from './epcis.js';
export { EPCIS_CONTEXT, EPCIS_VOCABULARY } from './epcis.js';
export type { EventsResource } from './events.js';
export type { FormatsResource } from './format-hints.js';
export type { List } from './list.js';
export type { OrderListOptions, OrderShipResult, OrdersResource } from './orders.js';
export type { OwnersResource } from './owners.js';
export type { RecallsResource } from './recalls.js';
export { RECALL_CONTACT_COLUMNS } from './recalls.js';
export type { ReturnsResource } from './returns.js';
export type {
  GeneratedSerials,
  GenerateOptions,
  RegisterOptions,
  SerialsResource,
} from './serials.js';
export type { ShipmentProblem, ShipmentProblemReason, ShipmentsResource } from './shipments.js';
export type { SkusResource } from './skus.js';
export type { StatsOptions, StatsResource } from './stats.js';
export type { SightingsResource, TraceFunction } from './trace.js';
export type { VerifyFunction } from './verify.js';
export type { WarrantyResource } from './warranty.js';
