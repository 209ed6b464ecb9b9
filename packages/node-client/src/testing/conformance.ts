/**
 * The conformance suite every `SerialStore` must pass. It drives a store only through the
 * `SerialStore` interface and checks each operation by reading back what was stored, so a third
 * party's store can run it unchanged. Test runners are passed in (vitest, jest, or anything with
 * the same shapes), so this module has no test-framework dependency.
 */
import type { SerialStore } from '../store.js';
import { accountContactTests } from './conformance/account-contacts.js';
import { amendmentTests } from './conformance/amendments.js';
import { atomicityTests } from './conformance/atomicity.js';
import { boundaryTests } from './conformance/boundaries.js';
import { eventTests } from './conformance/events.js';
import { inputCheckTests } from './conformance/input-checks.js';
import { lifecycleTests } from './conformance/lifecycle.js';
import { logCursorTests } from './conformance/log-cursors.js';
import { logNoticeTests } from './conformance/log-notices.js';
import { numericRangeTests } from './conformance/numeric-ranges.js';
import { orderTests } from './conformance/orders.js';
import { ownerEventTests } from './conformance/owner-events.js';
import { ownerTests } from './conformance/owners.js';
import { pagingTests } from './conformance/paging.js';
import { recallCloseTests } from './conformance/recall-close.js';
import { recallTests } from './conformance/recalls.js';
import { refusalTests } from './conformance/refusals.js';
import { reregistrationTests } from './conformance/reregistration.js';
import { sequenceTests } from './conformance/sequences.js';
import { serialTests } from './conformance/serials.js';
import { skuTests } from './conformance/skus.js';
import { createSuite } from './conformance/suite.js';
import { transitionTests } from './conformance/transitions.js';
import { verificationTests } from './conformance/verification.js';
import { webhookTests } from './conformance/webhooks.js';

/** The assertions the suite uses; vitest's and jest's `expect` fit. */
export interface ConformanceAssertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
}

export type ConformanceExpect = (actual: unknown, message?: string) => ConformanceAssertion;

/** Registers one test; vitest's and jest's `test` fit. */
export type ConformanceTest = (name: string, fn: () => Promise<void>) => void;

export type ConformanceDescribe = (name: string, fn: () => void) => void;

export interface StoreConformanceOptions {
  test: ConformanceTest;
  expect: ConformanceExpect;
  /** A fresh, empty store for each test (migrated or not); the suite closes it afterwards. */
  createStore: () => Promise<SerialStore> | SerialStore;
  /** Groups the tests under `SerialStore conformance` when given. */
  describe?: ConformanceDescribe;
}

/**
 * Registers the conformance tests for a store. Each test's name is the operation it covers.
 *
 * @example
 * import { describe, expect, test } from 'vitest';
 * import { memoryStore } from '@serialkit/node-client';
 * import { runStoreConformance } from '@serialkit/node-client/testing';
 *
 * runStoreConformance({ test, expect, describe, createStore: () => memoryStore() });
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  if (options.describe) options.describe('SerialStore conformance', () => register(options));
  else register(options);
}

/** Registers every topic's tests, in this order. */
function register(options: StoreConformanceOptions): void {
  const suite = createSuite(options);
  lifecycleTests(suite);
  skuTests(suite);
  serialTests(suite);
  pagingTests(suite);
  transitionTests(suite);
  recallTests(suite);
  recallCloseTests(suite);
  logCursorTests(suite);
  logNoticeTests(suite);
  ownerTests(suite);
  ownerEventTests(suite);
  reregistrationTests(suite);
  accountContactTests(suite);
  numericRangeTests(suite);
  eventTests(suite);
  verificationTests(suite);
  atomicityTests(suite);
  inputCheckTests(suite);
  webhookTests(suite);
  orderTests(suite);
  amendmentTests(suite);
  sequenceTests(suite);
  boundaryTests(suite);
  refusalTests(suite);
}
