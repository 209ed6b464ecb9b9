/**
 * The store protocol's method table, shared by the server side (`createHandler` with
 * `storeProtocol: true`) and `httpStore`: each `SerialStore` method is `POST /v1/store/<name>`
 * with a JSON object of its named arguments, answered with its JSON result (204 for none).
 * Writes carry an `Idempotency-Key`.
 */
import type { SerialStore } from './store.js';

export type StoreMethodName = Exclude<keyof SerialStore, 'capabilities' | 'close'>;

export interface StoreMethodSpec {
  /** Argument names, in the order of the TypeScript method's parameters. */
  args: readonly string[];
  /** Changes state: needs an idempotency key to be retried safely. */
  write: boolean;
}

export const STORE_METHODS: Readonly<Record<StoreMethodName, StoreMethodSpec>> = {
  migrate: { args: [], write: true },
  getSku: { args: ['sku'], write: false },
  putSku: { args: ['sku'], write: true },
  listSkus: { args: ['filter', 'page'], write: false },
  insertSerials: { args: ['rows'], write: true },
  getSerial: { args: ['sku', 'serial'], write: false },
  findSerial: { args: ['serial'], write: false },
  listSerials: { args: ['filter', 'page'], write: false },
  countSerials: { args: ['filter'], write: false },
  transition: { args: ['transitions'], write: true },
  markRecalled: { args: ['filter', 'recallId', 'event'], write: true },
  amendSerial: { args: ['change'], write: true },
  appendEvents: { args: ['events'], write: true },
  appendLogNotice: { args: ['notice'], write: true },
  listEvents: { args: ['filter', 'page'], write: false },
  putRecall: { args: ['recall'], write: true },
  getRecall: { args: ['id'], write: false },
  listRecalls: { args: ['filter', 'page'], write: false },
  closeRecall: { args: ['recall', 'event'], write: true },
  insertOrder: { args: ['order'], write: true },
  getOrder: { args: ['id'], write: false },
  listOrders: { args: ['filter', 'page'], write: false },
  changeOrder: { args: ['change'], write: true },
  insertOwner: { args: ['owner', 'event'], write: true },
  getOwner: { args: ['id'], write: false },
  listOwners: { args: ['filter', 'page'], write: false },
  eraseOwner: { args: ['id', 'event'], write: true },
  recordVerification: { args: ['input'], write: true },
  setVerificationOutcome: { args: ['change'], write: true },
  nextSequence: { args: ['key', 'count', 'options'], write: true },
  putWebhookSubscription: { args: ['subscription'], write: true },
  getWebhookSubscription: { args: ['id'], write: false },
  listWebhookSubscriptions: { args: [], write: false },
  deleteWebhookSubscription: { args: ['id'], write: true },
  leaseWebhookCursor: { args: ['request'], write: true },
  advanceWebhookCursor: { args: ['move'], write: true },
  readEventLog: { args: ['after', 'limit'], write: false },
  leaseLogCursor: { args: ['request'], write: true },
  advanceLogCursor: { args: ['move'], write: true },
  appendWebhookDeliveries: { args: ['deliveries'], write: true },
  listWebhookDeliveries: { args: ['subscriptionId', 'page'], write: false },
  putWebhookDeadLetter: { args: ['letter'], write: true },
  listWebhookDeadLetters: { args: ['subscriptionId', 'page'], write: false },
  deleteWebhookDeadLetter: { args: ['subscriptionId', 'messageId'], write: true },
};
