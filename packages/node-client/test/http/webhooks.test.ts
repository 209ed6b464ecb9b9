/** The webhook routes, used as a merchant would and as an attacker would. */
import { describe, expect, test } from 'vitest';
import { harness, READ_KEY, STORE_KEY, strings, WRITE_KEY } from './helpers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const hook = { url: 'https://erp.example/serialkit', eventTypes: ['unit.shipped' as const] };

describe('webhook routes', () => {
  test('create, read, change, list and delete a subscription; the secret is shown once', async () => {
    const h = await harness();
    const created = await h.call('POST', '/v1/webhooks', { key: WRITE_KEY, body: hook });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ ...hook, enabled: true, id: expect.stringMatching(/^wh_/) });
    expect(body.secret).toMatch(/^whsec_/);

    const read = await (await h.call('GET', `/v1/webhooks/${body.id}`, { key: WRITE_KEY })).json();
    expect(read).toEqual({ ...body, secret: undefined });
    expect(strings(read)).not.toContain(body.secret);

    const changed = await h.call('PATCH', `/v1/webhooks/${body.id}`, {
      key: WRITE_KEY,
      body: { enabled: false, eventTypes: ['unit.recalled', 'unit.returned'] },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      enabled: false,
      eventTypes: ['unit.recalled', 'unit.returned'],
    });

    const list = await (await h.call('GET', '/v1/webhooks', { key: WRITE_KEY })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([body.id]);
    expect(strings(list)).not.toContain(body.secret);

    const deliveries = await h.call('GET', `/v1/webhooks/${body.id}/deliveries?limit=5`, {
      key: WRITE_KEY,
    });
    expect(await deliveries.json()).toEqual({ items: [], nextCursor: null });
    const letters = await h.call('GET', `/v1/webhooks/${body.id}/dead-letters`, {
      key: WRITE_KEY,
    });
    expect(await letters.json()).toEqual({ items: [], nextCursor: null });

    expect((await h.call('DELETE', `/v1/webhooks/${body.id}`, { key: WRITE_KEY })).status).toBe(
      204,
    );
    expect((await h.call('GET', `/v1/webhooks/${body.id}`, { key: WRITE_KEY })).status).toBe(404);
  });

  test('a given secret is kept; the stored secret never appears in answers', async () => {
    const h = await harness();
    const created = await (
      await h.call('POST', '/v1/webhooks', { key: WRITE_KEY, body: { ...hook, secret: SECRET } })
    ).json();
    expect(created.secret).toBe(SECRET);
    expect((await h.store.getWebhookSubscription(created.id))?.secret).toBe(SECRET);
  });

  test('needs a write key: no key, a read key, a store key are refused', async () => {
    const h = await harness();
    const { id } = await h.client.webhooks.create(hook);
    for (const [method, path] of [
      ['POST', '/v1/webhooks'],
      ['GET', '/v1/webhooks'],
      ['GET', `/v1/webhooks/${id}`],
      ['PATCH', `/v1/webhooks/${id}`],
      ['DELETE', `/v1/webhooks/${id}`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['GET', `/v1/webhooks/${id}/dead-letters`],
      ['POST', `/v1/webhooks/${id}/dead-letters/msg_1/replay`],
    ] as const) {
      const body = method === 'POST' || method === 'PATCH' ? hook : undefined;
      expect((await h.call(method, path, { body })).status, `${method} ${path}`).toBe(401);
      expect((await h.call(method, path, { body, key: READ_KEY })).status, path).toBe(403);
      expect((await h.call(method, path, { body, key: STORE_KEY })).status, path).toBe(403);
    }
    expect(await h.client.webhooks.get(id)).toMatchObject({ enabled: true });
  });

  test.each([
    ['unknown keys', { ...hook, owner: 'x' }],
    ['no event types', { ...hook, eventTypes: [] }],
    ['an unknown event type', { ...hook, eventTypes: ['unit.exploded'] }],
    ['a javascript: URL', { ...hook, url: 'javascript:alert(1)' }],
    ['a file: URL', { ...hook, url: 'file:///etc/passwd' }],
    ['credentials in the URL', { ...hook, url: 'https://user:pw@erp.example/x' }],
    ['a malformed secret', { ...hook, secret: 'hunter2' }],
    ['a URL of 3,000 characters', { ...hook, url: `https://erp.example/${'a'.repeat(3000)}` }],
    ['an array', [hook]],
    ['null', null],
    ['a number', 42],
  ])('refuses %s with 400', async (_, body) => {
    const h = await harness();
    const response = await h.call('POST', '/v1/webhooks', { key: WRITE_KEY, body });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toMatch(/^(validation_failed|bad_request)$/);
    expect(await h.client.webhooks.list()).toEqual([]);
  });

  test('refuses malformed JSON, a wrong content type and a huge body', async () => {
    const h = await harness();
    const malformed = await h.call('POST', '/v1/webhooks', {
      key: WRITE_KEY,
      body: '{"url":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const text = await h.call('POST', '/v1/webhooks', {
      key: WRITE_KEY,
      body: 'url=https://x.example',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
    const huge = await h.call('POST', '/v1/webhooks', {
      key: WRITE_KEY,
      body: { ...hook, description: 'x'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
  });

  test('unknown or odd ids answer 404, never 500', async () => {
    const h = await harness();
    for (const id of ['wh_missing', 'x'.repeat(5000), '%00', '..%2F..%2Fetc', 'wh_1%0Aa']) {
      for (const [method, path] of [
        ['GET', `/v1/webhooks/${id}`],
        ['DELETE', `/v1/webhooks/${id}`],
        ['GET', `/v1/webhooks/${id}/deliveries`],
        ['POST', `/v1/webhooks/${id}/dead-letters/msg_1/replay`],
      ] as const) {
        const response = await h.call(method, path, { key: WRITE_KEY });
        expect([400, 404], `${method} ${path.slice(0, 80)}`).toContain(response.status);
      }
    }
    const { id } = await h.client.webhooks.create(hook);
    const replay = await h.call('POST', `/v1/webhooks/${id}/dead-letters/msg_404/replay`, {
      key: WRITE_KEY,
    });
    expect(replay.status).toBe(404);
    const badCursor = await h.call('GET', `/v1/webhooks/${id}/deliveries?cursor=abc`, {
      key: WRITE_KEY,
    });
    expect(badCursor.status).toBe(400);
    expect(h.errors).toEqual([]);
  });

  test('the OpenAPI document lists the webhook routes', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/webhooks',
        '/v1/webhooks/{id}',
        '/v1/webhooks/{id}/deliveries',
        '/v1/webhooks/{id}/dead-letters',
        '/v1/webhooks/{id}/dead-letters/{messageId}/replay',
      ]),
    );
  });
});
