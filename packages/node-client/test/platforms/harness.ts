/**
 * Shared set-up of the platform tests: a client over a memory store with a tracked SKU, served by
 * createHandler through the Node listener on a loopback port, and senders that sign bodies the
 * way Shopify and WooCommerce do (computed here with node:crypto, not with the code under test).
 */
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSerialClient, type SerialClient } from '../../src/client.js';
import { createHandler, type HandlerOptions } from '../../src/http/handler.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import type { SerialStore } from '../../src/store.js';
import { memoryStore } from '../../src/stores/memory.js';

export const SHOPIFY_SECRET = 'shpss_test_client_secret_0123456789';
export const WOO_SECRET = 'wc_webhook_secret_0123456789abcdef';
export const WRITE_KEY = 'sk_test_write_key_0123456789';

/** A fixture's text exactly as stored (pretty-printed: the raw body the tests send). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export function sign(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** A loopback server, closed by `close`. */
export async function listen(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A Response whose JSON body the tests read without casting at every step. */
export interface JsonResponse extends Response {
  // biome-ignore lint/suspicious/noExplicitAny: test assertions navigate arbitrary JSON bodies.
  json(): Promise<any>;
}

export interface PlatformHarness {
  client: SerialClient;
  /** The client's store (memory). */
  store: SerialStore;
  url: string;
  errors: unknown[];
  /** Serials registered for IPOD2008PINK, in order. */
  ipods: string[];
  shopify(
    topic: string,
    body: string,
    init?: {
      secret?: string | null;
      signature?: string;
      webhookId?: string;
      headers?: Record<string, string>;
    },
  ): Promise<JsonResponse>;
  woocommerce(
    topic: string,
    body: string,
    init?: {
      secret?: string | null;
      signature?: string;
      deliveryId?: string;
      headers?: Record<string, string>;
    },
  ): Promise<JsonResponse>;
  /** An admin call with the write key. */
  admin(method: string, path: string, body?: unknown): Promise<JsonResponse>;
  close(): Promise<void>;
}

let deliveries = 0;

export async function platformHarness(
  options: HandlerOptions = {
    platforms: { shopify: { secret: SHOPIFY_SECRET }, woocommerce: { secret: WOO_SECRET } },
  },
): Promise<PlatformHarness> {
  let clock = Date.UTC(2024, 5, 1, 12);
  const store = memoryStore();
  const client = createSerialClient({
    store,
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
  });
  await client.skus.update('IPOD2008PINK', {
    name: 'IPod Nano - 8GB',
    serialTracking: { enabled: true, format: 'IP-{D:6}', uniqueness: 'sku' },
  });
  await client.skus.update('Bar3', {
    name: 'Ship Your Idea',
    serialTracking: { enabled: true, format: 'BAR-{D:4}', uniqueness: 'sku' },
  });
  const { serials: ipods } = await client.serials.generate('IPOD2008PINK', 4, {
    mode: 'sequential',
  });
  await client.serials.generate('Bar3', 2, { mode: 'sequential' });
  const errors: unknown[] = [];
  const handler = createHandler(client, {
    apiKeys: [{ key: WRITE_KEY, scope: 'write' }],
    rateLimit: false,
    onError: (error) => errors.push(error),
    ...options,
  });
  const server = await listen(toNodeListener(handler, { lazyRequests: true }));
  const post = (
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<JsonResponse> =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  return {
    client,
    store,
    url: server.url,
    errors,
    ipods,
    shopify(topic, body, init = {}) {
      const secret = init.secret === undefined ? SHOPIFY_SECRET : init.secret;
      const signature = init.signature ?? (secret === null ? undefined : sign(secret, body));
      return post('/v1/platforms/shopify/webhooks', body, {
        'x-shopify-topic': topic,
        'x-shopify-shop-domain': 'jsmith.myshopify.com',
        'x-shopify-api-version': '2025-10',
        'x-shopify-webhook-id':
          init.webhookId ??
          `b54557e4-bdd9-4b37-8a5f-bf7d70bc${String(++deliveries).padStart(4, '0')}`,
        ...(signature === undefined ? {} : { 'x-shopify-hmac-sha256': signature }),
        ...init.headers,
      });
    },
    woocommerce(topic, body, init = {}) {
      const secret = init.secret === undefined ? WOO_SECRET : init.secret;
      const signature = init.signature ?? (secret === null ? undefined : sign(secret, body));
      const [resource, event] = topic.split('.');
      return post('/v1/platforms/woocommerce/webhooks', body, {
        'x-wc-webhook-source': 'https://shop.example/',
        'x-wc-webhook-topic': topic,
        'x-wc-webhook-resource': resource ?? '',
        'x-wc-webhook-event': event ?? '',
        'x-wc-webhook-id': '3',
        'x-wc-webhook-delivery-id':
          init.deliveryId ?? `36e520ebabc2fa725092ff4a47ac${String(++deliveries).padStart(4, '0')}`,
        ...(signature === undefined ? {} : { 'x-wc-webhook-signature': signature }),
        ...init.headers,
      });
    },
    admin(method, path, body) {
      return fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${WRITE_KEY}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async close() {
      await server.close();
      await client.close();
    },
  };
}

/** Every string anywhere in a JSON value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
