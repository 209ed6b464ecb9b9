import type { SerialStatus } from '@serialkit/core';

/**
 * Every text of the merchant console's elements, in one language. Each locale file implements
 * this interface, so a missing or misspelt key fails to compile. `{0}`, `{1}` stand for the
 * values named in each key's comment (filled with `fill`).
 */
export interface ConsoleTranslation {
  appTitle: string;
  signInTitle: string;
  signInHelp: string;
  apiKeyLabel: string;
  signIn: string;
  signOut: string;
  signInFailed: string;
  signedIn: string;
  /** `{0}` the screen's name. */
  screenShown: string;
  nav: {
    overview: string;
    skus: string;
    search: string;
    units: string;
    pack: string;
    returns: string;
    recalls: string;
    import: string;
  };

  loading: string;
  /** `{0}` the error message. */
  failed: string;
  save: string;
  saved: string;
  cancel: string;
  search: string;
  noResults: string;
  next: string;
  previous: string;
  /** `{0}` the number of rows. */
  rows: string;
  all: string;
  on: string;
  off: string;
  any: string;
  statuses: Record<SerialStatus, string>;

  skusTitle: string;
  skuSearchLabel: string;
  trackingFilterLabel: string;
  trackingOn: string;
  trackingOff: string;
  skuColumn: string;
  nameColumn: string;
  formatColumn: string;
  trackingColumn: string;
  edit: string;
  /** `{0}` the number of SKUs shown. */
  skusShown: string;

  /** `{0}` the SKU. */
  editorTitle: string;
  nameLabel: string;
  trackingLabel: string;
  formatLabel: string;
  formatHelp: string;
  /** `{0}` the hint. */
  formatHint: string;
  /** `{0}` an example serial. */
  formatExample: string;
  formatInvalid: string;
  sampleLabel: string;
  sampleHelp: string;
  /** `{0}` the canonical serial. */
  sampleValid: string;
  generateSamples: string;
  uniquenessLabel: string;
  uniquenessSku: string;
  uniquenessGlobal: string;
  gtinLabel: string;
  gtinHelp: string;
  /** `{0}` the SKU. */
  skuSaved: string;
  /** `{0}` the number of units, `{1}` an example serial. */
  formatRefused: string;
  uniquenessRefused: string;

  searchTitle: string;
  serialInputLabel: string;
  serialInputHelp: string;
  find: string;
  /** `{0}` what was searched. */
  notFound: string;
  /** `{0}` the serial, `{1}` the SKU. */
  unitFound: string;
  unitSku: string;
  unitStatus: string;
  unitLot: string;
  unitManufactured: string;
  unitRegistered: string;
  unitRecall: string;
  ordersTitle: string;
  orderColumn: string;
  shippedToColumn: string;
  shippedAtColumn: string;
  notShipped: string;
  historyTitle: string;
  sightingsTitle: string;
  noSightings: string;
  /** `{0}` the event type. */
  eventTypes: Record<string, string>;

  unitsTitle: string;
  statusLabel: string;
  lotLabel: string;
  orderLabel: string;
  shippedFromLabel: string;
  shippedToLabel: string;
  manufacturedFromLabel: string;
  manufacturedToLabel: string;
  applyFilters: string;
  exportCsv: string;
  serialColumn: string;
  statusColumn: string;
  lotColumn: string;
}

/**
 * A text with its `{0}`, `{1}` … replaced by `values`.
 *
 * @example
 * fill('Saved {0}', 'HP-200'); // 'Saved HP-200'
 */
export { fill } from '../translation.js';
