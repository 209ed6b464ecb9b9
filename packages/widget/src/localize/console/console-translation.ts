import type { Correction, SerialStatus, WebhookEventType } from '@serialkit/core';

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
    webhooks: string;
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
  /** Heading of the look-alike suggestions of a serial not found. */
  didYouMean: string;
  /** `{0}` the suggested serials. */
  suggestionsFound: string;
  /** The camera scan button. */
  scan: string;
  /** The accessible name of the pack station's order camera button: `scan` and what it reads. */
  scanOrder: string;
  scanTitle: string;
  scanInstructions: string;
  scanCancel: string;
  scanDenied: string;
  scanFailed: string;
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

  returnsTitle: string;
  returnSerialLabel: string;
  returnOrderLabel: string;
  checkReturn: string;
  verdicts: Record<'match' | 'mismatch' | 'unknown' | 'invalid' | 'already_returned', string>;
  /** `{0}` the order the unit really shipped in. */
  shippedInstead: string;
  dispositionLabel: string;
  dispositions: Record<'restock' | 'quarantine' | 'scrap', string>;
  reasonLabel: string;
  acceptReturn: string;
  rejectReturn: string;
  /** `{0}` the serial. */
  returnAccepted: string;
  /** `{0}` the serial. */
  returnRejected: string;

  recallsTitle: string;
  newRecall: string;
  rangeFromLabel: string;
  rangeToLabel: string;
  noticeLabel: string;
  linkLabel: string;
  /** `{0}` the number of units. */
  recallCount: string;
  recallSelectHelp: string;
  /** `{0}` units already under a recall. */
  alreadyRecalled: string;
  createRecall: string;
  /** `{0}` the recall id, `{1}` the number of units. */
  recallCreated: string;
  downloadContacts: string;
  affectedColumn: string;
  outstandingColumn: string;
  createdColumn: string;
  noticeColumn: string;
  skusHelp: string;
  progressColumn: string;
  recallStatuses: Record<'open' | 'closed', string>;
  /** `{0}` units returned or replaced, `{1}` units affected. */
  recallProgressBar: string;
  /** `{0}` returned, `{1}` replaced, `{2}` unreachable. */
  recallFigures: string;
  /** `{0}` the date. */
  closedOn: string;
  closeRecall: string;
  /** `{0}` the recall id. */
  confirmCloseRecall: string;
  /** `{0}` the recall id. */
  recallClosed: string;

  importTitle: string;
  importKindLabel: string;
  importKinds: Record<'serials' | 'shipments', string>;
  importSkuHelp: string;
  fileLabel: string;
  startImport: string;
  /** `{0}` percent uploaded. */
  uploading: string;
  /** `{0}` rows read, `{1}` imported, `{2}` errors. */
  importDone: string;
  lineColumn: string;
  codeColumn: string;
  messageColumn: string;
  downloadErrors: string;

  overviewTitle: string;
  /** `{0}` the number of days. */
  verificationsChart: string;
  unitsChart: string;
  flaggedLabel: string;
  mismatchesLabel: string;
  openRecallsLabel: string;
  /** `{0}` units still out, `{1}` units affected. */
  recallProgress: string;
  outcomes: Record<'genuine' | 'unknown' | 'recalled' | 'suspicious' | 'invalid', string>;
  noVerifications: string;

  packTitle: string;
  packOrderLabel: string;
  openOrder: string;
  packScanLabel: string;
  packScanHelp: string;
  /** `{0}` the order id. */
  orderNotFound: string;
  /** `{0}` the order id, `{1}` its status. */
  orderOpened: string;
  orderStatuses: Record<'open' | 'partially_shipped' | 'shipped' | 'cancelled', string>;
  quantityColumn: string;
  pickedColumn: string;
  shippedColumn: string;
  pickOutcomes: Record<
    | 'accepted'
    | 'mistyped'
    | 'wrong_sku'
    | 'line_full'
    | 'already_picked'
    | 'already_shipped'
    | 'recalled'
    | 'not_registered'
    | 'unavailable'
    | 'invalid'
    | 'ambiguous',
    string
  >;
  /** `{0}` the suggested serial. */
  takeSuggestion: string;
  undoLast: string;
  /** `{0}` the serial put back. */
  undone: string;
  shipOrder: string;
  shipPartial: string;
  /** `{0}` the shipment id. */
  orderShipped: string;
  nextOrder: string;
  soundLabel: string;
  shortcuts: string;
  /** `{0}` picked, `{1}` ordered. */
  lineProgress: string;

  /** The webhook settings screen. */
  webhooks: {
    title: string;
    newTitle: string;
    urlLabel: string;
    eventsLabel: string;
    descriptionLabel: string;
    create: string;
    /** `{0}` the URL. */
    created: string;
    secretTitle: string;
    secretHelp: string;
    copy: string;
    copied: string;
    dismiss: string;
    listTitle: string;
    urlColumn: string;
    eventsColumn: string;
    stateColumn: string;
    enabled: string;
    disabled: string;
    enable: string;
    disable: string;
    /** `{0}` the URL. */
    nowEnabled: string;
    /** `{0}` the URL. */
    nowDisabled: string;
    showLog: string;
    remove: string;
    /** `{0}` the URL. */
    confirmRemove: string;
    /** `{0}` the URL. */
    removed: string;
    needsWrite: string;
    none: string;
    /** `{0}` the URL. */
    logTitle: string;
    deliveriesTitle: string;
    atColumn: string;
    typeColumn: string;
    attemptColumn: string;
    statusCodeColumn: string;
    latencyColumn: string;
    resultColumn: string;
    delivered: string;
    notDelivered: string;
    noAnswer: string;
    /** `{0}` milliseconds. */
    latency: string;
    deadLettersTitle: string;
    attemptsColumn: string;
    lastErrorColumn: string;
    replay: string;
    /** `{0}` the message id. */
    replayed: string;
    /** `{0}` the message id, `{1}` the status or error. */
    replayFailed: string;
    noDeliveries: string;
    /** Loads the next page of delivery attempts. */
    loadMore: string;
    /** `{0}` the number of attempts shown. */
    moreLoaded: string;
    /** Loads the next page of dead letters. */
    loadMoreDeadLetters: string;
    /** `{0}` the number of dead letters shown. */
    moreDeadLettersLoaded: string;
    noDeadLetters: string;
    closeLog: string;
    /** What each event type means. */
    eventTypes: Record<WebhookEventType, string>;
  };

  /** The unit card's corrections. */
  corrections: {
    title: string;
    /** When no correction applies to the unit's state. */
    none: string;
    /** The button that opens each correction. */
    actions: Record<Correction, string>;
    /** The question asked before each; `{0}` the serial. */
    confirm: Record<Correction, string>;
    /** What each did; `{0}` the serial. */
    done: Record<Correction, string>;
    releaseTo: string;
    releaseTargets: Record<'in_stock' | 'scrapped', string>;
    reason: string;
    reasonOptional: string;
    lot: string;
    manufactured: string;
    received: string;
    serialFreed: string;
    /** `{0}` the service's message, `{1}` its reason code. */
    refused: string;
  };
  returnedAtColumn: string;
}

/**
 * A text with its `{0}`, `{1}` … replaced by `values`.
 *
 * @example
 * fill('Saved {0}', 'HP-200'); // 'Saved HP-200'
 */
export { fill } from '../translation.js';
