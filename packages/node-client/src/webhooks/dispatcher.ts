/**
 * The webhook dispatcher: reads the store's event log through each subscription's cursor and
 * delivers the messages it makes, in log order, at least once.
 *
 * - Nothing is lost: the cursor moves (compare-and-set) only past events that were delivered,
 *   given up into the dead-letter list, or make no message for the subscription. A crash
 *   between a change and its delivery leaves the event after the cursor, so it is sent after
 *   the restart.
 * - One dispatcher per cursor: a dispatcher works on a subscription only while it holds the
 *   cursor's lease in the store, renewed while it works, so several instances on one database
 *   never deliver the same batch at once.
 * - Each subscription has its own worker: a slow or failing receiver holds up only itself.
 *   Within a subscription, a message is retried (exponential backoff with jitter) before the
 *   next is sent, so a receiver sees each unit's messages in order.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookMessage, WebhookSubscriptionRecord } from '@serialkit/core';
import type { SerialStore } from '../store.js';
import { attemptDelivery } from './delivery.js';
import { BackgroundLoop, CursorLease } from './log-consumer.js';
import { webhookMessagesOf } from './messages.js';

/** Recall ids remembered per subscription, so a recall's units make one `recall.created`. */
const REMEMBERED_RECALLS = 1_000;

export interface WebhookRetryOptions {
  /** Wait after the first failed attempt, in ms. Default 5,000. */
  initialMs?: number;
  /** Longest wait between attempts, in ms. Default 3,600,000 (1 h). */
  maxMs?: number;
  /** Give a message up (into the dead-letter list) this long after its first attempt. Default 259,200,000 (3 days). */
  giveUpAfterMs?: number;
}

export interface WebhookDispatcherOptions {
  /** The store whose event log is delivered (the same one the client writes). */
  store: SerialStore;
  /** Deliver to private, loopback and link-local addresses. Default false. */
  allowPrivate?: boolean;
  /** Time limit of one attempt, in ms. Default 10,000. */
  timeoutMs?: number;
  /** How often to look for new events and subscriptions when idle, in ms. Default 1,000. */
  pollMs?: number;
  /** Events read per batch. Default 100. */
  batchSize?: number;
  /** Length of a cursor lease, renewed while working, in ms. Default 60,000. */
  leaseMs?: number;
  retry?: WebhookRetryOptions;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Told about store errors (the dispatcher waits and carries on). Default: ignored. */
  onError?: (error: unknown) => void;
}

export interface WebhookDispatcher {
  /** Starts delivering (idempotent). */
  start(): void;
  /** Stops: aborts attempts in flight, waits for the workers and releases their leases. */
  stop(): Promise<void>;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  pollMs: 1_000,
  batchSize: 100,
  leaseMs: 60_000,
  initialMs: 5_000,
  maxMs: 3_600_000,
  giveUpAfterMs: 3 * 24 * 3_600_000,
};

/** The wait before attempt `attempt + 1`: exponential, capped, half of it random. */
export function retryDelay(attempt: number, initialMs: number, maxMs: number): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Creates a dispatcher over a store. `serialkit serve` runs one; run one yourself beside a
 * client in your own server.
 *
 * @example
 * const dispatcher = createWebhookDispatcher({ store });
 * dispatcher.start();
 * process.on('SIGTERM', () => dispatcher.stop());
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  return new Dispatcher(options);
}

class Dispatcher extends BackgroundLoop implements WebhookDispatcher {
  readonly #store: SerialStore;
  readonly #owner = `dsp_${randomUUID()}`;
  readonly #send: { allowPrivate: boolean; timeoutMs: number };
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #retry: Required<WebhookRetryOptions>;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  readonly #workers = new Map<string, Promise<void>>();
  /** Per subscription, the recall messages sent lately (oldest first). */
  readonly #sentRecalls = new Map<string, Set<string>>();

  constructor(options: WebhookDispatcherOptions) {
    super();
    this.#store = options.store;
    this.#send = {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    };
    this.#pollMs = options.pollMs ?? DEFAULTS.pollMs;
    this.#batchSize = options.batchSize ?? DEFAULTS.batchSize;
    this.#leaseMs = Math.max(options.leaseMs ?? DEFAULTS.leaseMs, this.#send.timeoutMs * 2);
    this.#retry = {
      initialMs: options.retry?.initialMs ?? DEFAULTS.initialMs,
      maxMs: options.retry?.maxMs ?? DEFAULTS.maxMs,
      giveUpAfterMs: options.retry?.giveUpAfterMs ?? DEFAULTS.giveUpAfterMs,
    };
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? (() => {});
  }

  /** Starts a worker for every enabled subscription without one, every poll. */
  protected async run(): Promise<void> {
    while (!this.stopped) {
      try {
        for (const subscription of await this.#store.listWebhookSubscriptions()) {
          if (!subscription.enabled || this.#workers.has(subscription.id)) continue;
          const worker = this.#work(subscription.id).finally(() =>
            this.#workers.delete(subscription.id),
          );
          this.#workers.set(subscription.id, worker);
        }
      } catch (error) {
        this.#onError(error);
      }
      await this.sleep(this.#pollMs);
    }
  }

  /** Delivers one subscription's messages while it exists, is enabled and the lease is ours. */
  async #work(id: string): Promise<void> {
    let held = false;
    try {
      while (!this.stopped) {
        const subscription = await this.#store.getWebhookSubscription(id);
        if (!subscription?.enabled) return;
        const lease = await this.#lease(id).renew();
        held = lease !== null;
        if (!lease) {
          await this.sleep(this.#pollMs);
          continue;
        }
        const events = await this.#store.readEventLog(lease.position, this.#batchSize);
        if (events.length === 0) {
          await this.sleep(this.#pollMs);
          continue;
        }
        let stored = lease.position;
        let read = stored;
        let lost = false;
        for (const event of events) {
          const wanted = webhookMessagesOf(event).filter(
            (named) =>
              subscription.eventTypes.includes(named.message.type) && !this.#sent(id, named.id),
          );
          for (const named of wanted) {
            if (!(await this.#deliver(subscription, named.id, named.message))) {
              lost = true;
              break;
            }
            this.#remember(id, named.id);
          }
          if (lost) break;
          if (wanted.length > 0) {
            // The move also passes the events before it that make no message here.
            if (!(await this.#advance(id, stored, event.id))) {
              lost = true;
              break;
            }
            stored = event.id;
          }
          read = event.id;
        }
        if (!lost && read !== null && read !== stored) {
          await this.#advance(id, stored, read);
        }
      }
    } catch (error) {
      this.#onError(error);
      await this.sleep(this.#pollMs);
    } finally {
      if (held) await this.#lease(id).release();
    }
  }

  /**
   * Delivers one message, retrying until it is accepted or given up (dead-lettered). False when
   * the dispatcher stopped or lost the lease before either happened.
   */
  async #deliver(current: WebhookSubscriptionRecord, messageId: string, message: WebhookMessage) {
    const first = this.#now();
    let subscription = current;
    for (let attempt = 1; !this.stopped; attempt++) {
      if (attempt > 1) {
        // A retry goes where the subscription points now (a URL or secret fixed during an
        // outage is used at once); a deleted or disabled one stops here, its cursor unmoved.
        const now = await this.#store.getWebhookSubscription(subscription.id);
        if (!now?.enabled) return false;
        subscription = now;
      }
      const delivery = await attemptDelivery(
        this.#store,
        { subscription, messageId, message, attempt, at: this.#now() },
        { ...this.#send, signal: this.signal },
      );
      if (delivery.ok) return true;
      if (this.stopped) return false;
      const wait = retryDelay(attempt, this.#retry.initialMs, this.#retry.maxMs);
      if (this.#now().getTime() + wait - first.getTime() > this.#retry.giveUpAfterMs) {
        await this.#store.putWebhookDeadLetter({
          subscriptionId: subscription.id,
          messageId,
          eventId: message.data.eventId,
          message,
          attempts: attempt,
          firstAttemptAt: first.toISOString(),
          failedAt: this.#now().toISOString(),
          lastError: delivery.error ?? `status ${delivery.status}`,
        });
        return true;
      }
      if (!(await this.#wait(subscription.id, wait))) return false;
    }
    return false;
  }

  /**
   * True for a `recall.created` this process already delivered to the subscription (the copies
   * of the recall's other units are skipped; one after a restart carries the same webhook-id).
   */
  #sent(subscriptionId: string, messageId: string): boolean {
    return this.#sentRecalls.get(subscriptionId)?.has(messageId) ?? false;
  }

  #remember(subscriptionId: string, messageId: string): void {
    if (!messageId.startsWith('msg_recall_')) return;
    const sent = this.#sentRecalls.get(subscriptionId) ?? new Set<string>();
    this.#sentRecalls.set(subscriptionId, sent);
    sent.add(messageId);
    if (sent.size > REMEMBERED_RECALLS) sent.delete(sent.values().next().value as string);
  }

  /** The workers the loop started: `stop` waits for them too. */
  protected override async afterStop(): Promise<void> {
    await Promise.all(this.#workers.values());
  }

  /** Waits, renewing the lease on the way; false when stopped or the lease was lost. */
  async #wait(id: string, ms: number): Promise<boolean> {
    const step = Math.max(1, Math.floor(this.#leaseMs / 3));
    for (let left = ms; left > 0; left -= step) {
      await this.sleep(Math.min(step, left));
      if (this.stopped || !(await this.#lease(id).renew())) return false;
    }
    return true;
  }

  /** The lease of a subscription's cursor. */
  #lease(id: string) {
    return new CursorLease(
      (window) =>
        this.#store.leaseWebhookCursor({ subscriptionId: id, owner: this.#owner, ...window }),
      { leaseMs: this.#leaseMs, now: this.#now, onError: this.#onError },
    );
  }

  #advance(id: string, from: string | null, to: string): Promise<boolean> {
    return this.#store.advanceWebhookCursor({ subscriptionId: id, owner: this.#owner, from, to });
  }
}
