/** The delivery log a page at a time, as the console's "Load more" reads it. */
import type { WebhookDelivery } from '@serialkit/core';
import { describe, expect, test } from 'vitest';
import { harness, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };

describe('GET /v1/webhooks/:id/deliveries, paged', () => {
  test('walks every attempt, newest first, once, by cursor; a bad cursor or limit is refused', async () => {
    const h = await harness();
    const { id } = await (
      await h.call('POST', '/v1/webhooks', {
        ...W,
        body: { url: 'https://erp.example/serialkit', eventTypes: ['unit.shipped'] },
      })
    ).json();
    const attempts: WebhookDelivery[] = Array.from({ length: 23 }, (_, i) => ({
      subscriptionId: id,
      messageId: `msg_${String(i).padStart(2, '0')}`,
      eventId: `e${i}`,
      type: 'unit.shipped',
      attempt: 1,
      at: new Date(Date.UTC(2024, 5, 1, 12, 0, i)).toISOString(),
      status: 204,
      ok: true,
      latencyMs: 5,
    }));
    await h.store.appendWebhookDeliveries(attempts);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await h.call('GET', `/v1/webhooks/${id}/deliveries?limit=10${query}`, W);
      expect(response.status).toBe(200);
      const page = await response.json();
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((d: WebhookDelivery) => d.messageId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(attempts.map((d) => d.messageId).reverse());

    for (const bad of ['limit=0', 'limit=100000', 'limit=x', 'cursor=abc', 'cursor=']) {
      const response = await h.call('GET', `/v1/webhooks/${id}/deliveries?${bad}`, W);
      expect([bad, response.status]).toEqual([bad, 400]);
    }
  });
});
