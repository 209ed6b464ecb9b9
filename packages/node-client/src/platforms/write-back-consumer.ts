/**
 * The platform write-back as a consumer of the event log: it reads the log through its own
 * cursor in the store (`leaseLogCursor`), and for every order that shipped or had a shipment
 * cancelled, writes the order's serials to the shop platform it came from. So a shipment made
 * anywhere — the HTTP API, the SDK (`client.orders`, `client.shipments`), the CLI — is written
 * back, and a crash between a shipment and its write-back loses nothing: the cursor moves only
 * past events whose orders were written (or given up), and the next consumer starts there.
 *
 * A write is the order's whole list of serials (a metafield or meta_data entry set, not
 * appended), so writing an order again after a crash, or once per event batch it appears in,
 * leaves the platform as one write would.
 */
import { randomUUID } from 'node:crypto';
import { isLogNotice, type Order } from '@serialkit/core';
import type { SerialStore } from '../store.js';
import { retryDelay } from '../webhooks/dispatcher.js';
import { BackgroundLoop, CursorLease } from '../webhooks/log-consumer.js';
import {
  type OrderSerial,
  orderSerials,
  targetOf,
  type WriteBackTargets,
  writeBack,
} from './write-back.js';

/** The name of the write-back's cursor in the store. */
export const WRITE_BACK_CONSUMER = 'platform-write-back';

/** Event types that change which serials an order has out. */
const ORDER_EVENTS = new Set(['shipped', 'shipment_cancelled']);

export interface PlatformWriteBackOptions {
  /** The store whose event log is read (the one the client writes). */
  store: SerialStore;
  /** The platforms' Admin API clients; an order from a platform left out is skipped. */
  targets: WriteBackTargets;
  /** How often to look for new events when idle, in ms. Default 1,000. */
  pollMs?: number;
  /** Events read per batch. Default 100. */
  batchSize?: number;
  /** Length of the cursor's lease, renewed while working, in ms. Default 60,000. */
  leaseMs?: number;
  /**
   * Retries of a refused write: exponential backoff with jitter from `initialMs`, given up
   * (reported to `onError`; `POST /v1/platforms/orders/:id/write-back` writes again) after
   * `attempts`. Defaults 1,000 ms and 5 attempts.
   */
  retry?: { initialMs?: number; maxMs?: number; attempts?: number };
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Told about writes given up (with the order) and store errors (without). */
  onError?: (error: unknown, order?: Order) => void;
}

export interface PlatformWriteBack {
  /** Starts reading the log (idempotent). */
  start(): void;
  /** Stops: waits for the write in flight and releases the cursor's lease. */
  stop(): Promise<void>;
}

/**
 * Creates the write-back consumer. `serialkit serve` runs one when a platform's Admin API is
 * configured; run one yourself beside a client that ships orders from a platform.
 *
 * @example
 * const writer = createPlatformWriteBack({
 *   store,
 *   targets: { shopify: shopifyAdmin({ shop: 'https://my-shop.myshopify.com', accessToken }) },
 * });
 * writer.start();
 * process.on('SIGTERM', () => writer.stop());
 */
export function createPlatformWriteBack(options: PlatformWriteBackOptions): PlatformWriteBack {
  return new WriteBackConsumer(options);
}

/** The units shipped in an order's name, read from the store a page at a time. */
async function* shippedInItsName(store: SerialStore, orderId: string): AsyncIterable<OrderSerial> {
  let cursor: string | null = null;
  do {
    const page = await store.listSerials({ orderId, status: 'shipped' }, { cursor, limit: 1000 });
    for (const unit of page.items) yield { sku: unit.sku, serial: unit.serial };
    cursor = page.nextCursor;
  } while (cursor !== null);
}

class WriteBackConsumer extends BackgroundLoop implements PlatformWriteBack {
  readonly #store: SerialStore;
  readonly #targets: WriteBackTargets;
  readonly #owner = `wb_${randomUUID()}`;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #retry: { initialMs: number; maxMs: number; attempts: number };
  readonly #onError: (error: unknown, order?: Order) => void;
  readonly #lease: CursorLease<{ position: string | null } | null>;

  constructor(options: PlatformWriteBackOptions) {
    super();
    this.#store = options.store;
    this.#targets = options.targets;
    this.#pollMs = options.pollMs ?? 1_000;
    this.#batchSize = options.batchSize ?? 100;
    this.#retry = {
      initialMs: options.retry?.initialMs ?? 1_000,
      maxMs: options.retry?.maxMs ?? 30_000,
      attempts: options.retry?.attempts ?? 5,
    };
    this.#onError = options.onError ?? (() => {});
    this.#lease = new CursorLease(
      (window) =>
        this.#store.leaseLogCursor({
          consumer: WRITE_BACK_CONSUMER,
          owner: this.#owner,
          ...window,
        }),
      {
        leaseMs: options.leaseMs ?? 60_000,
        now: options.now ?? (() => new Date()),
        onError: (error) => this.#onError(error),
      },
    );
  }

  protected async run(): Promise<void> {
    let held = false;
    while (!this.stopped) {
      try {
        const lease = await this.#lease.renew();
        held = lease !== null;
        if (!lease) {
          await this.sleep(this.#pollMs);
          continue;
        }
        const events = await this.#store.readEventLog(lease.position, this.#batchSize);
        const last = events.at(-1);
        if (!last) {
          await this.sleep(this.#pollMs);
          continue;
        }
        // Each order once per batch, in the order its first event came: its state now covers
        // every event of the batch.
        const orderIds = new Set<string>();
        for (const event of events) {
          if (isLogNotice(event)) continue;
          const orderId = event.data?.orderId;
          if (ORDER_EVENTS.has(event.type) && typeof orderId === 'string') orderIds.add(orderId);
        }
        let done = true;
        for (const id of orderIds) {
          // Renewed before each write, so a long batch keeps the cursor.
          if (!(await this.#lease.renew()) || !(await this.#write(id))) {
            done = false;
            break;
          }
        }
        if (!done) continue;
        await this.#store.advanceLogCursor({
          consumer: WRITE_BACK_CONSUMER,
          owner: this.#owner,
          from: lease.position,
          to: last.id,
        });
      } catch (error) {
        this.#onError(error);
        await this.sleep(this.#pollMs);
      }
    }
    if (held) await this.#lease.release();
  }

  /**
   * Writes one order back, retrying a refusal; true when written, skipped (not a configured
   * platform's order) or given up, false when stopped or the lease was lost first.
   */
  async #write(orderId: string): Promise<boolean> {
    const stored = await this.#store.getOrder(orderId);
    if (!stored || !targetOf(stored.order, this.#targets)) return true;
    const serials = await orderSerials(stored.order, shippedInItsName(this.#store, orderId));
    for (let attempt = 1; ; attempt++) {
      try {
        await writeBack(stored.order, this.#targets, serials);
        return true;
      } catch (error) {
        if (attempt >= this.#retry.attempts) {
          this.#onError(error, stored.order);
          return true;
        }
      }
      await this.sleep(retryDelay(attempt, this.#retry.initialMs, this.#retry.maxMs));
      if (this.stopped || !(await this.#lease.renew())) return false;
    }
  }
}
