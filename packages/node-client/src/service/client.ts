/**
 * `createServiceClient`: a typed client of a running serialkit service's HTTP API (public and
 * admin routes), for apps that do not hold the store themselves. Its types come from the
 * service's OpenAPI document (openapi-typescript), its calls go through openapi-fetch, and its
 * retries, idempotency keys and typed errors are those of the HTTP store (`remote/retries.ts`).
 * Isomorphic: it runs in Node, browsers, workers and edge runtimes.
 */

import { type RetryOptions, retryPolicy, sendWithRetries } from '../remote/retries.js';
import type { PageOptions } from '../store.js';
import { createList, type List } from '../workflows/list.js';
import { type Client, createClient } from './openapi-fetch.js';
import type { components, operations, paths } from './openapi-types.js';

type Schemas = components['schemas'];
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
type Body<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** A list route's filter: its query without the paging parameters. */
type Filter<Op extends keyof operations> = Omit<Query<Op>, 'cursor' | 'limit'>;

export interface ServiceClientOptions extends RetryOptions {
  /** Root of the service, e.g. `https://serials.example` (or with its base path). */
  baseUrl: string;
  /** An API key of the service; without one only the public routes answer. */
  apiKey?: string;
}

/** Per call: cancel it (retries included) with an `AbortSignal`. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The service's routes, resource by resource as on `SerialClient`. Errors are the typed
 * `SerialkitError`s (`NotFoundError`, `ValidationError` with issues, `ConflictError`…) with the
 * service's `requestId`; lists can be awaited for a page or iterated with `for await`. Every
 * route, including those without a resource method, is on `api` (typed openapi-fetch).
 */
export interface ServiceClient {
  /** The typed openapi-fetch client of every route, with this client's retries and key. */
  readonly api: Client<paths>;
  /** Public verification of what a customer typed or scanned. */
  verify(body: Body<'verify'>, options?: CallOptions): Promise<Schemas['VerifyResult']>;
  /** The serial formats of tracked SKUs, for checking input before sending it. */
  formats(options?: CallOptions): Promise<Schemas['FormatHints']>;
  readonly skus: {
    get(sku: string, options?: CallOptions): Promise<Schemas['Sku']>;
    update(sku: string, body: Body<'putSku'>, options?: CallOptions): Promise<Schemas['Sku']>;
    list(filter?: Filter<'listSkus'>, page?: PageOptions): List<Schemas['Sku']>;
  };
  readonly serials: {
    lookup(
      serial: string,
      query?: Query<'lookupSerial'>,
      options?: CallOptions,
    ): Promise<Schemas['Lookup']>;
    list(filter?: Filter<'listSerials'>, page?: PageOptions): List<Schemas['SerialRecord']>;
    register(
      sku: string,
      body: Body<'registerSerials'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'registerSerials'>>;
    generate(
      sku: string,
      body: Body<'generateSerials'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'generateSerials'>>;
    trace(
      serial: string,
      query?: Query<'traceSerial'>,
      options?: CallOptions,
    ): Promise<Schemas['Trace']>;
    /** Registered units a mistyped serial could have meant, best first. */
    suggest(
      serial: string,
      query?: Query<'suggestSerials'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'suggestSerials'>>;
  };
  readonly shipments: {
    create(
      body: Body<'createShipment'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'createShipment'>>;
  };
  readonly returns: {
    /** The customer's public return check (order id plus proof). */
    check(
      body: Body<'checkReturnPublic'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'checkReturnPublic'>>;
    inspect(body: Body<'checkReturn'>, options?: CallOptions): Promise<ResponseOf<'checkReturn'>>;
    accept(body: Body<'acceptReturn'>, options?: CallOptions): Promise<ResponseOf<'acceptReturn'>>;
    reject(body: Body<'rejectReturn'>, options?: CallOptions): Promise<ResponseOf<'rejectReturn'>>;
  };
  readonly recalls: {
    create(body: Body<'createRecall'>, options?: CallOptions): Promise<ResponseOf<'createRecall'>>;
    get(id: string, options?: CallOptions): Promise<ResponseOf<'getRecall'>>;
    list(filter?: Filter<'listRecalls'>, page?: PageOptions): List<ItemOf<'listRecalls'>>;
    contacts(id: string, page?: PageOptions): List<ItemOf<'listRecallContacts'>>;
  };
  readonly sightings: {
    create(
      body: Body<'recordSighting'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'recordSighting'>>;
  };
  readonly events: {
    list(filter?: Filter<'listEvents'>, page?: PageOptions): List<ItemOf<'listEvents'>>;
  };
  /** Outbound webhook subscriptions (a write key). */
  readonly webhooks: {
    create(
      body: Body<'createWebhook'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'createWebhook'>>;
    get(id: string, options?: CallOptions): Promise<ResponseOf<'getWebhook'>>;
    list(options?: CallOptions): Promise<ResponseOf<'listWebhooks'>['items']>;
    update(
      id: string,
      body: Body<'updateWebhook'>,
      options?: CallOptions,
    ): Promise<ResponseOf<'updateWebhook'>>;
    delete(id: string, options?: CallOptions): Promise<void>;
    deliveries(id: string, page?: PageOptions): List<ItemOf<'listWebhookDeliveries'>>;
    deadLetters(id: string, page?: PageOptions): List<ItemOf<'listWebhookDeadLetters'>>;
    replay(
      id: string,
      messageId: string,
      options?: CallOptions,
    ): Promise<ResponseOf<'replayWebhookDeadLetter'>>;
  };
}

/** The JSON of an operation's success answer. */
type ResponseOf<Op extends keyof operations> = operations[Op]['responses'] extends infer R
  ? R extends { 200: { content: { 'application/json': infer J } } }
    ? J
    : R extends { 201: { content: { 'application/json': infer J } } }
      ? J
      : never
  : never;
/** The item type of a list operation's page. */
type ItemOf<Op extends keyof operations> =
  ResponseOf<Op> extends { items: (infer I)[] } ? I : never;

/**
 * Creates a client of a serialkit service.
 *
 * @example
 * import { createServiceClient } from '@serialkit/node-client/service';
 *
 * const service = createServiceClient({ baseUrl: 'http://127.0.0.1:8787', apiKey: process.env.SERIALKIT_API_KEY });
 * const unit = await service.serials.lookup('SN-2024-0000016');
 * for await (const sku of service.skus.list({ tracking: 'true' })) console.log(sku.sku);
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const url = new URL(options.baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`createServiceClient baseUrl must be http(s): ${options.baseUrl}`);
  }
  const policy = retryPolicy(options);
  const api = createClient<paths>({
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
    fetch: async (request) => {
      const write = request.method !== 'GET' && request.method !== 'HEAD';
      return sendWithRetries(
        policy,
        {
          url: request.url,
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body: write ? await request.text() : undefined,
          write,
          signal: request.signal,
        },
        async (response) => response,
        'serialkit service',
      );
    },
  });

  const lists = <T>(
    fetchPage: (query: { cursor?: string; limit?: number }) => Promise<{ data?: unknown }>,
    page: PageOptions | undefined,
  ): List<T> =>
    createList<T>(async ({ cursor, limit }) => {
      const { data } = await fetchPage({
        ...(cursor === null ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit }),
      });
      return data as { items: T[]; nextCursor: string | null };
    }, page);

  return {
    api,
    verify: (body, o) => dataOf(api.POST('/v1/verify', { body, ...o })),
    formats: (o) => dataOf(api.GET('/v1/formats', { ...o })),
    skus: {
      get: (sku, o) => dataOf(api.GET('/v1/skus/{sku}', { params: { path: { sku } }, ...o })),
      update: (sku, body, o) =>
        dataOf(api.PUT('/v1/skus/{sku}', { params: { path: { sku } }, body, ...o })),
      list: (filter = {}, page) =>
        lists<Schemas['Sku']>(
          (p) => api.GET('/v1/skus', { params: { query: { ...filter, ...p } } }),
          page,
        ),
    },
    serials: {
      lookup: (serial, query, o) =>
        dataOf(
          api.GET('/v1/serials/{serial}', {
            params: { path: { serial }, ...(query ? { query } : {}) },
            ...o,
          }),
        ),
      list: (filter = {}, page) =>
        lists<Schemas['SerialRecord']>(
          (p) => api.GET('/v1/serials', { params: { query: { ...filter, ...p } } }),
          page,
        ),
      register: (sku, body, o) =>
        dataOf(api.POST('/v1/skus/{sku}/serials', { params: { path: { sku } }, body, ...o })),
      generate: (sku, body, o) =>
        dataOf(
          api.POST('/v1/skus/{sku}/serials/generate', { params: { path: { sku } }, body, ...o }),
        ),
      trace: (serial, query, o) =>
        dataOf(
          api.GET('/v1/serials/{serial}/trace', {
            params: { path: { serial }, ...(query ? { query } : {}) },
            ...o,
          }),
        ),
      suggest: (serial, query, o) =>
        dataOf(
          api.GET('/v1/serials/{serial}/suggestions', {
            params: { path: { serial }, ...(query ? { query } : {}) },
            ...o,
          }),
        ),
    },
    shipments: {
      create: (body, o) => dataOf(api.POST('/v1/shipments', { body, ...o })),
    },
    returns: {
      check: (body, o) => dataOf(api.POST('/v1/returns/check', { body, ...o })),
      inspect: (body, o) => dataOf(api.POST('/v1/returns/inspect', { body, ...o })),
      accept: (body, o) => dataOf(api.POST('/v1/returns/accept', { body, ...o })),
      reject: (body, o) => dataOf(api.POST('/v1/returns/reject', { body, ...o })),
    },
    recalls: {
      create: (body, o) => dataOf(api.POST('/v1/recalls', { body, ...o })),
      get: (id, o) => dataOf(api.GET('/v1/recalls/{id}', { params: { path: { id } }, ...o })),
      list: (filter = {}, page) =>
        lists<ItemOf<'listRecalls'>>(
          (p) => api.GET('/v1/recalls', { params: { query: { ...filter, ...p } } }),
          page,
        ),
      contacts: (id, page) =>
        lists<ItemOf<'listRecallContacts'>>(
          (p) => api.GET('/v1/recalls/{id}/contacts', { params: { path: { id }, query: p } }),
          page,
        ),
    },
    sightings: {
      create: (body, o) => dataOf(api.POST('/v1/sightings', { body, ...o })),
    },
    events: {
      list: (filter = {}, page) =>
        lists<ItemOf<'listEvents'>>(
          (p) => api.GET('/v1/events', { params: { query: { ...filter, ...p } } }),
          page,
        ),
    },
    webhooks: {
      create: (body, o) => dataOf(api.POST('/v1/webhooks', { body, ...o })),
      get: (id, o) => dataOf(api.GET('/v1/webhooks/{id}', { params: { path: { id } }, ...o })),
      list: async (o) => (await dataOf(api.GET('/v1/webhooks', { ...o }))).items,
      update: (id, body, o) =>
        dataOf(api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body, ...o })),
      delete: async (id, o) => {
        await api.DELETE('/v1/webhooks/{id}', { params: { path: { id } }, ...o });
      },
      deliveries: (id, page) =>
        lists<ItemOf<'listWebhookDeliveries'>>(
          (p) => api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: p } }),
          page,
        ),
      deadLetters: (id, page) =>
        lists<ItemOf<'listWebhookDeadLetters'>>(
          (p) => api.GET('/v1/webhooks/{id}/dead-letters', { params: { path: { id }, query: p } }),
          page,
        ),
      replay: (id, messageId, o) =>
        dataOf(
          api.POST('/v1/webhooks/{id}/dead-letters/{messageId}/replay', {
            params: { path: { id, messageId } },
            ...o,
          }),
        ),
    },
  };
}

/**
 * The data of a call's answer. Error answers never reach here: the transport turned them into
 * typed errors after its retries.
 */
async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
