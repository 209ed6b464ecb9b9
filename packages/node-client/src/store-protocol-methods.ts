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
  appendEvents: { args: ['events'], write: true },
  listEvents: { args: ['filter', 'page'], write: false },
  putRecall: { args: ['recall'], write: true },
  getRecall: { args: ['id'], write: false },
  listRecalls: { args: ['filter', 'page'], write: false },
  insertOwner: { args: ['owner'], write: true },
  getOwner: { args: ['id'], write: false },
  listOwners: { args: ['filter', 'page'], write: false },
  eraseOwner: { args: ['id', 'event'], write: true },
  recordVerification: { args: ['input'], write: true },
  setVerificationOutcome: { args: ['change'], write: true },
};
