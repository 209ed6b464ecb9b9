/**
 * The HTTP store: a `SerialStore` that lives behind a serialkit service's store protocol
 * (`createHandler(client, { storeProtocol: true })`, or any server speaking it). Every call is
 * `POST {baseUrl}/v1/store/<method>`. Calls are retried with exponential backoff and full
 * jitter on connection errors, timeouts, 5xx and 429 (honouring Retry-After); writes carry an
 * `Idempotency-Key` that stays the same across retries, so a retried write is applied once.
 */
import { SerialkitError } from '../errors.js';
import {
  type RetryOptions,
  type RetryPolicy,
  retryPolicy,
  sendWithRetries,
} from '../remote/retries.js';
import type {
  SerialStore,
  StoreCapabilities,
  VerificationOutcomeChange,
  VerificationOutcomeResult,
} from '../store.js';
import { STORE_METHODS, type StoreMethodName } from '../store-protocol-methods.js';

export interface HttpStoreOptions extends RetryOptions {
  /** Root of the service, e.g. `https://serials.example` (or with its base path). */
  baseUrl: string;
  /** A `store` API key of that service. */
  apiKey: string;
  /** Overrides of the reported capabilities. */
  capabilities?: Partial<Omit<StoreCapabilities, 'name'>>;
}

/**
 * Creates a store that talks to a serialkit service over HTTP.
 *
 * @example
 * const store = httpStore({ baseUrl: 'http://127.0.0.1:8787', apiKey: process.env.SERIALKIT_API_KEY! });
 * const client = createSerialClient({ store });
 * await client.serials.lookup('SN-2024-0001238');
 */
export function httpStore(options: HttpStoreOptions): SerialStore {
  return new HttpStore(options);
}

class HttpStore implements SerialStore {
  readonly capabilities: StoreCapabilities;
  readonly #base: string;
  readonly #auth: string;
  readonly #policy: RetryPolicy;
  #closed = false;

  constructor(options: HttpStoreOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`httpStore baseUrl must be http(s): ${options.baseUrl}`);
    }
    if (!options.apiKey) throw new TypeError('httpStore needs an apiKey');
    this.#base = `${url.origin}${url.pathname.replace(/\/+$/, '')}/v1/store/`;
    this.#auth = `Bearer ${options.apiKey}`;
    this.#policy = retryPolicy(options);
    this.capabilities = {
      name: 'http',
      persistent: true,
      concurrentWriters: true,
      preferredBatchSize: 2_000,
      ...options.capabilities,
    };
  }

  async close(): Promise<void> {
    // The remote store belongs to the service: closing only ends this client's use of it.
    this.#closed = true;
  }

  async call(method: StoreMethodName, values: unknown[]): Promise<unknown> {
    if (this.#closed) {
      throw new SerialkitError('unavailable', 'The http store is closed', { status: 503 });
    }
    const spec = STORE_METHODS[method];
    const args: Record<string, unknown> = {};
    spec.args.forEach((name, index) => {
      if (values[index] !== undefined) args[name] = values[index];
    });
    return sendWithRetries(
      this.#policy,
      {
        url: this.#base + method,
        method: 'POST',
        headers: {
          authorization: this.#auth,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(args),
        write: spec.write,
      },
      async (response) => (response.status === 204 ? undefined : await response.json()),
      'store service',
    );
  }

  migrate() {
    return this.call('migrate', []) as ReturnType<SerialStore['migrate']>;
  }
  getSku(...a: Parameters<SerialStore['getSku']>) {
    return this.call('getSku', a) as ReturnType<SerialStore['getSku']>;
  }
  putSku(...a: Parameters<SerialStore['putSku']>) {
    return this.call('putSku', a) as ReturnType<SerialStore['putSku']>;
  }
  listSkus(...a: Parameters<SerialStore['listSkus']>) {
    return this.call('listSkus', a) as ReturnType<SerialStore['listSkus']>;
  }
  insertSerials(...a: Parameters<SerialStore['insertSerials']>) {
    return this.call('insertSerials', a) as ReturnType<SerialStore['insertSerials']>;
  }
  getSerial(...a: Parameters<SerialStore['getSerial']>) {
    return this.call('getSerial', a) as ReturnType<SerialStore['getSerial']>;
  }
  findSerial(...a: Parameters<SerialStore['findSerial']>) {
    return this.call('findSerial', a) as ReturnType<SerialStore['findSerial']>;
  }
  listSerials(...a: Parameters<SerialStore['listSerials']>) {
    return this.call('listSerials', a) as ReturnType<SerialStore['listSerials']>;
  }
  countSerials(...a: Parameters<SerialStore['countSerials']>) {
    return this.call('countSerials', a) as ReturnType<SerialStore['countSerials']>;
  }
  transition(...a: Parameters<SerialStore['transition']>) {
    return this.call('transition', a) as ReturnType<SerialStore['transition']>;
  }
  amendSerial(...a: Parameters<SerialStore['amendSerial']>) {
    return this.call('amendSerial', a) as ReturnType<SerialStore['amendSerial']>;
  }
  markRecalled(...a: Parameters<SerialStore['markRecalled']>) {
    return this.call('markRecalled', a) as ReturnType<SerialStore['markRecalled']>;
  }
  appendEvents(...a: Parameters<SerialStore['appendEvents']>) {
    return this.call('appendEvents', a) as ReturnType<SerialStore['appendEvents']>;
  }
  appendLogNotice(...a: Parameters<SerialStore['appendLogNotice']>) {
    return this.call('appendLogNotice', a) as ReturnType<SerialStore['appendLogNotice']>;
  }
  listEvents(...a: Parameters<SerialStore['listEvents']>) {
    return this.call('listEvents', a) as ReturnType<SerialStore['listEvents']>;
  }
  putRecall(...a: Parameters<SerialStore['putRecall']>) {
    return this.call('putRecall', a) as ReturnType<SerialStore['putRecall']>;
  }
  closeRecall(...a: Parameters<SerialStore['closeRecall']>) {
    return this.call('closeRecall', a) as ReturnType<SerialStore['closeRecall']>;
  }
  getRecall(...a: Parameters<SerialStore['getRecall']>) {
    return this.call('getRecall', a) as ReturnType<SerialStore['getRecall']>;
  }
  listRecalls(...a: Parameters<SerialStore['listRecalls']>) {
    return this.call('listRecalls', a) as ReturnType<SerialStore['listRecalls']>;
  }
  insertOrder(...a: Parameters<SerialStore['insertOrder']>) {
    return this.call('insertOrder', a) as ReturnType<SerialStore['insertOrder']>;
  }
  getOrder(...a: Parameters<SerialStore['getOrder']>) {
    return this.call('getOrder', a) as ReturnType<SerialStore['getOrder']>;
  }
  listOrders(...a: Parameters<SerialStore['listOrders']>) {
    return this.call('listOrders', a) as ReturnType<SerialStore['listOrders']>;
  }
  changeOrder(...a: Parameters<SerialStore['changeOrder']>) {
    return this.call('changeOrder', a) as ReturnType<SerialStore['changeOrder']>;
  }
  insertOwner(...a: Parameters<SerialStore['insertOwner']>) {
    return this.call('insertOwner', a) as ReturnType<SerialStore['insertOwner']>;
  }
  getOwner(...a: Parameters<SerialStore['getOwner']>) {
    return this.call('getOwner', a) as ReturnType<SerialStore['getOwner']>;
  }
  listOwners(...a: Parameters<SerialStore['listOwners']>) {
    return this.call('listOwners', a) as ReturnType<SerialStore['listOwners']>;
  }
  eraseOwner(...a: Parameters<SerialStore['eraseOwner']>) {
    return this.call('eraseOwner', a) as ReturnType<SerialStore['eraseOwner']>;
  }
  recordVerification(...a: Parameters<SerialStore['recordVerification']>) {
    return this.call('recordVerification', a) as ReturnType<SerialStore['recordVerification']>;
  }
  setVerificationOutcome(change: VerificationOutcomeChange) {
    return this.call('setVerificationOutcome', [change]) as Promise<VerificationOutcomeResult>;
  }
  nextSequence(...a: Parameters<SerialStore['nextSequence']>) {
    return this.call('nextSequence', a) as ReturnType<SerialStore['nextSequence']>;
  }
  putWebhookSubscription(...a: Parameters<SerialStore['putWebhookSubscription']>) {
    return this.call('putWebhookSubscription', a) as ReturnType<
      SerialStore['putWebhookSubscription']
    >;
  }
  getWebhookSubscription(...a: Parameters<SerialStore['getWebhookSubscription']>) {
    return this.call('getWebhookSubscription', a) as ReturnType<
      SerialStore['getWebhookSubscription']
    >;
  }
  listWebhookSubscriptions(...a: Parameters<SerialStore['listWebhookSubscriptions']>) {
    return this.call('listWebhookSubscriptions', a) as ReturnType<
      SerialStore['listWebhookSubscriptions']
    >;
  }
  deleteWebhookSubscription(...a: Parameters<SerialStore['deleteWebhookSubscription']>) {
    return this.call('deleteWebhookSubscription', a) as ReturnType<
      SerialStore['deleteWebhookSubscription']
    >;
  }
  leaseWebhookCursor(...a: Parameters<SerialStore['leaseWebhookCursor']>) {
    return this.call('leaseWebhookCursor', a) as ReturnType<SerialStore['leaseWebhookCursor']>;
  }
  leaseLogCursor(...a: Parameters<SerialStore['leaseLogCursor']>) {
    return this.call('leaseLogCursor', a) as ReturnType<SerialStore['leaseLogCursor']>;
  }
  advanceLogCursor(...a: Parameters<SerialStore['advanceLogCursor']>) {
    return this.call('advanceLogCursor', a) as ReturnType<SerialStore['advanceLogCursor']>;
  }
  advanceWebhookCursor(...a: Parameters<SerialStore['advanceWebhookCursor']>) {
    return this.call('advanceWebhookCursor', a) as ReturnType<SerialStore['advanceWebhookCursor']>;
  }
  readEventLog(...a: Parameters<SerialStore['readEventLog']>) {
    return this.call('readEventLog', a) as ReturnType<SerialStore['readEventLog']>;
  }
  appendWebhookDeliveries(...a: Parameters<SerialStore['appendWebhookDeliveries']>) {
    return this.call('appendWebhookDeliveries', a) as ReturnType<
      SerialStore['appendWebhookDeliveries']
    >;
  }
  listWebhookDeliveries(...a: Parameters<SerialStore['listWebhookDeliveries']>) {
    return this.call('listWebhookDeliveries', a) as ReturnType<
      SerialStore['listWebhookDeliveries']
    >;
  }
  putWebhookDeadLetter(...a: Parameters<SerialStore['putWebhookDeadLetter']>) {
    return this.call('putWebhookDeadLetter', a) as ReturnType<SerialStore['putWebhookDeadLetter']>;
  }
  listWebhookDeadLetters(...a: Parameters<SerialStore['listWebhookDeadLetters']>) {
    return this.call('listWebhookDeadLetters', a) as ReturnType<
      SerialStore['listWebhookDeadLetters']
    >;
  }
  deleteWebhookDeadLetter(...a: Parameters<SerialStore['deleteWebhookDeadLetter']>) {
    return this.call('deleteWebhookDeadLetter', a) as ReturnType<
      SerialStore['deleteWebhookDeadLetter']
    >;
  }
}
