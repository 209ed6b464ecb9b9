/** The service client's webhooks resource against a real service on loopback. */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSerialClient, type SerialClient } from '../../src/client.js';
import { createHandler } from '../../src/http/handler.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import { createServiceClient, ForbiddenError, NotFoundError } from '../../src/service.js';
import { memoryStore } from '../../src/stores/memory.js';

const WRITE_KEY = 'sk_test_write_0123456789abcdef';
const READ_KEY = 'sk_test_read_0123456789abcdefgh';
let server: Server;
let baseUrl: string;
let client: SerialClient;

beforeAll(async () => {
  client = createSerialClient({ store: memoryStore(), verify: { secret: 'test-secret' } });
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

test('manages subscriptions over HTTP, typed; a read key is refused', async () => {
  const service = createServiceClient({ baseUrl, apiKey: WRITE_KEY });
  const hook = await service.webhooks.create({
    url: 'https://erp.example/hooks',
    eventTypes: ['unit.shipped'],
  });
  expect(hook.secret).toMatch(/^whsec_/);
  expect((await service.webhooks.list()).map((h) => h.id)).toEqual([hook.id]);
  expect(await service.webhooks.update(hook.id, { enabled: false })).toMatchObject({
    enabled: false,
  });
  expect((await service.webhooks.get(hook.id)).url).toBe('https://erp.example/hooks');
  expect(await service.webhooks.deliveries(hook.id)).toEqual({ items: [], nextCursor: null });
  expect(await service.webhooks.deadLetters(hook.id).toArray()).toEqual([]);
  await expect(service.webhooks.replay(hook.id, 'msg_1')).rejects.toBeInstanceOf(NotFoundError);
  const reader = createServiceClient({ baseUrl, apiKey: READ_KEY });
  await expect(reader.webhooks.list()).rejects.toBeInstanceOf(ForbiddenError);
  await service.webhooks.delete(hook.id);
  await expect(service.webhooks.get(hook.id)).rejects.toBeInstanceOf(NotFoundError);
});
