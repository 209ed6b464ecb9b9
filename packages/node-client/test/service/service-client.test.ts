import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSerialClient, type SerialClient } from '../../src/client.js';
import { createHandler } from '../../src/http/handler.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import {
  AuthError,
  ConflictError,
  ConnectionError,
  createServiceClient,
  ForbiddenError,
  NotFoundError,
  type SerialkitError,
  ValidationError,
} from '../../src/service.js';
import { memoryStore } from '../../src/stores/memory.js';

const WRITE_KEY = 'sk_test_write_0123456789abcdef';
const READ_KEY = 'sk_test_read_0123456789abcdefgh';

let server: Server;
let baseUrl: string;
let client: SerialClient;

beforeAll(async () => {
  client = createSerialClient({ store: memoryStore(), verify: { secret: 'test-secret' } });
  await client.skus.update('HP-200', {
    name: 'Headphones',
    serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:7}' },
  });
  await client.skus.update('CABLE', { name: 'Cable', serialTracking: { enabled: false } });
  await client.serials.register('HP-200', [
    { serial: 'SN-2024-0000001' },
    { serial: 'SN-2024-0000002' },
    { serial: 'SN-2024-0000003' },
  ]);
  const handler = createHandler(client, {
    apiKeys: [
      { key: WRITE_KEY, scope: 'write' },
      { key: READ_KEY, scope: 'read' },
    ],
    rateLimit: false,
    onError: () => {},
  });
  server = createServer(toNodeListener(handler));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await client.close();
});

describe('createServiceClient against a real service', () => {
  test('looks up, lists and pages, and verifies, typed from the OpenAPI document', async () => {
    const service = createServiceClient({ baseUrl, apiKey: READ_KEY });
    const lookup = await service.serials.lookup('sn 2024 0000002');
    expect(lookup.record.sku).toBe('HP-200');
    expect(lookup.record.serial).toBe('SN-2024-0000002');
    expect(lookup.record.status).toBe('in_stock');

    const first = await service.serials.list({ sku: 'HP-200' }, { limit: 2 });
    expect(first.items.map((unit) => unit.serial)).toEqual(['SN-2024-0000001', 'SN-2024-0000002']);
    expect(first.nextCursor).not.toBe(null);
    const all = await service.serials.list({ sku: 'HP-200' }, { limit: 2 }).toArray();
    expect(all.map((unit) => unit.serial)).toEqual([
      'SN-2024-0000001',
      'SN-2024-0000002',
      'SN-2024-0000003',
    ]);
    const tracked: string[] = [];
    for await (const sku of service.skus.list({ tracking: 'true' })) tracked.push(sku.sku);
    expect(tracked).toEqual(['HP-200']);

    const publicService = createServiceClient({ baseUrl });
    const verdict = await publicService.verify({ input: 'SN-2024-0000003' });
    expect(verdict.status).toBe('genuine');
    expect(JSON.stringify(verdict)).not.toContain('@');
    expect((await publicService.formats()).formats.length).toBe(1);
  });

  test('writes with a write key: SKU settings and a shipment', async () => {
    const service = createServiceClient({ baseUrl, apiKey: WRITE_KEY });
    const sku = await service.skus.update('KB-100', {
      name: 'Keyboard',
      serialTracking: { enabled: true, format: 'KB-{D:4}', uniqueness: 'sku' },
    });
    expect(sku.serialTracking.format).toBe('KB-{D:4}');
    expect((await service.skus.get('KB-100')).name).toBe('Keyboard');
    await service.serials.register('KB-100', ['KB-0001', 'KB-0002']);
    const shipment = await service.shipments.create({
      orderId: 'ORD-1',
      channel: 'b2c',
      customer: { email: 'ada@example.com' },
      lines: [{ sku: 'KB-100', serials: ['KB-0001'] }],
    });
    expect(JSON.stringify(shipment)).toContain('ORD-1');
    expect((await client.serials.lookup('KB-0001')).record.status).toBe('shipped');
  });

  test('errors are typed, with issues, details and the request id', async () => {
    const service = createServiceClient({ baseUrl, apiKey: READ_KEY, retries: 0 });
    const missing = await service.skus.get('NOPE').catch((error: unknown) => error);
    expect(NotFoundError.isInstance(missing)).toBe(true);
    expect((missing as SerialkitError).status).toBe(404);
    expect((missing as SerialkitError).requestId).toMatch(/\S{8,}/);

    const invalid = await service.serials.lookup('SN-20X4').catch((error: unknown) => error);
    expect(ValidationError.isInstance(invalid) || NotFoundError.isInstance(invalid)).toBe(true);

    const readOnly = await service.skus
      .update('X', { name: 'X', serialTracking: { enabled: false } })
      .catch((error: unknown) => error);
    expect(ForbiddenError.isInstance(readOnly)).toBe(true);

    const anonymous = createServiceClient({ baseUrl, retries: 0 });
    expect(AuthError.isInstance(await anonymous.skus.get('HP-200').catch((e: unknown) => e))).toBe(
      true,
    );
    const badBody = await createServiceClient({ baseUrl, apiKey: WRITE_KEY, retries: 0 })
      .skus.update('Y', { name: '', serialTracking: { enabled: true } })
      .catch((error: unknown) => error);
    expect(ValidationError.isInstance(badBody)).toBe(true);
    expect((badBody as SerialkitError).issues?.length).toBeGreaterThan(0);
  });

  test('a write whose answer is lost is retried with the same idempotency key and applied once', async () => {
    const keys: string[] = [];
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
      if (calls === 1) {
        // The request reaches the service and is applied, but the answer is lost.
        await fetch(input, init);
        throw new TypeError('fetch failed: connection reset');
      }
      return fetch(input, init);
    };
    const service = createServiceClient({
      baseUrl,
      apiKey: WRITE_KEY,
      fetch: flaky,
      backoff: { initialMs: 1 },
    });
    const shipment = await service.shipments.create({
      orderId: 'ORD-RETRY',
      channel: 'b2c',
      customer: { email: 'grace@example.com' },
      lines: [{ sku: 'HP-200', serials: ['SN-2024-0000001'] }],
    });
    expect(calls).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // The replayed answer, not a conflict: the unit shipped once.
    expect(JSON.stringify(shipment)).toContain('ORD-RETRY');
    const events = await client.events.list({ sku: 'HP-200', serial: 'SN-2024-0000001' });
    expect(events.items.filter((event) => event.type === 'shipped').length).toBe(1);
    // A second, new call is a new write: the unit has shipped, so it conflicts.
    const again = await createServiceClient({ baseUrl, apiKey: WRITE_KEY, retries: 0 })
      .shipments.create({
        orderId: 'ORD-RETRY',
        channel: 'b2c',
        customer: { email: 'grace@example.com' },
        lines: [{ sku: 'HP-200', serials: ['SN-2024-0000001'] }],
      })
      .catch((error: unknown) => error);
    expect(ConflictError.isInstance(again)).toBe(true);
  });

  test('reads carry no idempotency key; an aborted call stops retrying', async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    const counting: typeof fetch = async (input, init) => {
      calls++;
      keys.push(new Headers(init?.headers).get('idempotency-key'));
      return fetch(input, init);
    };
    const service = createServiceClient({ baseUrl, apiKey: READ_KEY, fetch: counting });
    await service.skus.get('HP-200');
    expect(keys).toEqual([null]);

    calls = 0;
    const down = createServiceClient({
      baseUrl: 'http://127.0.0.1:9',
      retries: 5,
      backoff: { initialMs: 50 },
      fetch: counting,
    });
    const controller = new AbortController();
    controller.abort();
    const error = await down.formats({ signal: controller.signal }).catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as SerialkitError).retryable).toBe(false);
    expect(calls).toBe(1);
  });

  test('refuses a base URL that is not http(s)', () => {
    expect(() => createServiceClient({ baseUrl: 'file:///etc/passwd' })).toThrow(TypeError);
  });
});
