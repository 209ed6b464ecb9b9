import { expect } from '@open-wc/testing';
import type { WebhookDeadLetter, WebhookDelivery, WebhookSubscription } from '@serialkit/core';
import type { Webhooks } from '../../src/console.js';
import {
  accessible,
  fill,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  now,
  part,
  press,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const existing: WebhookSubscription = {
  id: 'wh_0123456789abcdef',
  url: 'https://erp.example.com/hooks/serialkit',
  eventTypes: ['unit.shipped', 'unit.returned'],
  enabled: true,
  description: 'ERP sync',
  createdAt: now,
  updatedAt: now,
};

const deliveries: WebhookDelivery[] = [
  {
    subscriptionId: existing.id,
    messageId: 'msg_2',
    eventId: 'e2',
    type: 'unit.returned',
    attempt: 3,
    at: now,
    status: 503,
    error: 'HTTP 503',
    ok: false,
    latencyMs: 812.4,
  },
  {
    subscriptionId: existing.id,
    messageId: 'msg_1',
    eventId: 'e1',
    type: 'unit.shipped',
    attempt: 1,
    at: now,
    status: 204,
    ok: true,
    latencyMs: 42,
  },
];

const deadLetter: WebhookDeadLetter = {
  subscriptionId: existing.id,
  messageId: 'msg_2',
  eventId: 'e2',
  message: {
    type: 'unit.returned',
    timestamp: now,
    data: { eventId: 'e2', sku: 'HP-200', serial: 'SN-2024-0001238', at: now },
  },
  attempts: 3,
  firstAttemptAt: now,
  failedAt: now,
  lastError: 'HTTP 503',
};

describe('<serialkit-webhooks>', () => {
  useMockService();

  async function webhooks() {
    const endpoint = uniqueEndpoint();
    let list: WebhookSubscription[] = [existing];
    let letters = [deadLetter];
    const calls = mockAdmin(endpoint, {
      'GET /v1/webhooks': () => HttpResponse.json({ items: list }),
      'POST /v1/webhooks': (_request, { body }) => {
        const created = {
          ...(body as Pick<WebhookSubscription, 'url' | 'eventTypes'>),
          id: 'wh_new0000000000000',
          enabled: true,
          createdAt: now,
          updatedAt: now,
        };
        list = [...list, created];
        return HttpResponse.json({ ...created, secret: SECRET }, { status: 201 });
      },
      'PATCH /v1/webhooks/:id': (_request, { body }) =>
        HttpResponse.json({ ...existing, ...(body as object) }),
      'DELETE /v1/webhooks/:id': () => new HttpResponse(null, { status: 204 }),
      'GET /v1/webhooks/:id/deliveries': () =>
        HttpResponse.json({ items: deliveries, nextCursor: null }),
      'GET /v1/webhooks/:id/dead-letters': () =>
        HttpResponse.json({ items: letters, nextCursor: null }),
      'POST /v1/webhooks/:id/dead-letters/:messageId/replay': () => {
        letters = [];
        return HttpResponse.json({ ...deliveries[0], attempt: 4, status: 200, ok: true });
      },
    });
    const el = await mount<Webhooks>(
      html`<serialkit-webhooks endpoint=${endpoint} .apiKey=${KEY}></serialkit-webhooks>`,
    );
    await until(() => part(el, 'subscriptions'), 'listed');
    return { el, calls };
  }

  function row(el: Webhooks, id: string): HTMLElement {
    return el.shadowRoot!.querySelector<HTMLElement>(`tr[data-subscription="${id}"]`)!;
  }

  it('is accessible, with the list and the form', async () => {
    const { el } = await webhooks();
    await accessible(el);
    expect(text(row(el, existing.id))).to.contain('https://erp.example.com/hooks/serialkit');
    expect(text(row(el, existing.id))).to.contain('ERP sync');
    expect(text(row(el, existing.id))).to.contain('Enabled');
  });

  it('creates a subscription and shows its secret once, with a copy button', async () => {
    const { el, calls } = await webhooks();
    expect(part<HTMLButtonElement>(el, 'create')!.disabled).to.equal(true);
    fill(part<HTMLInputElement>(el, 'url-input')!, 'https://shop.example.com/hooks');
    const boxes = part(el, 'event-types')!.querySelectorAll<HTMLInputElement>('input');
    expect([...boxes].map((b) => b.value)).to.include.members([
      'unit.shipped',
      'unit.recalled',
      'recall.created',
      'recall.closed',
      'warranty.claimed',
      'owner.registered',
    ]);
    for (const box of boxes) {
      if (box.value === 'unit.recalled' || box.value === 'recall.created') box.click();
    }
    fill(part<HTMLInputElement>(el, 'description-input')!, 'Recall desk');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'create')!.click();
    await until(() => part(el, 'secret'), 'secret shown');
    const create = calls.find((c) => c.method === 'POST' && c.path === '/v1/webhooks')!;
    expect(create.body).to.deep.equal({
      url: 'https://shop.example.com/hooks',
      eventTypes: ['unit.recalled', 'recall.created'],
      description: 'Recall desk',
    });
    expect(text(part(el, 'secret'))).to.equal(SECRET);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'copy-secret'));
    expect(row(el, 'wh_new0000000000000')).to.not.equal(null);
    await accessible(el);
    part<HTMLButtonElement>(el, 'dismiss-secret')!.click();
    await el.updateComplete;
    expect(part(el, 'secret')).to.equal(null);
  });

  it('disables and deletes a subscription, the delete confirmed first', async () => {
    const { el, calls } = await webhooks();
    row(el, existing.id).querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await until(() => row(el, existing.id).dataset.enabled === 'false', 'disabled');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).to.equal(`/v1/webhooks/${existing.id}`);
    expect(patch.body).to.deep.equal({ enabled: false });
    row(el, existing.id).querySelector<HTMLButtonElement>('[part~="remove"]')!.click();
    await until(() => part(el, 'confirm-remove'), 'asked');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'confirm-remove'));
    await press('Escape');
    await until(() => !part(el, 'confirm-remove'), 'kept');
    expect(calls.some((c) => c.method === 'DELETE')).to.equal(false);
    await press('Enter');
    await until(() => part(el, 'confirm-remove'), 'asked again');
    await press('Enter');
    await until(() => !row(el, existing.id), 'deleted');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).to.deep.equal([
      `/v1/webhooks/${existing.id}`,
    ]);
    expect(text(part(el, 'outcome'))).to.contain('deleted');
  });

  it('shows the delivery log and replays a dead letter', async () => {
    const { el, calls } = await webhooks();
    row(el, existing.id).querySelector<HTMLButtonElement>('[part~="show-log"]')!.click();
    await until(() => part(el, 'deliveries') && part(el, 'dead-letters'), 'log loaded');
    await accessible(el);
    const attempts = part(el, 'deliveries')!.querySelectorAll('tbody tr');
    expect(text(attempts[0]!)).to.contain('503');
    expect(text(attempts[0]!)).to.contain('812 ms');
    expect(text(attempts[0]!)).to.contain('Failed');
    expect(text(attempts[1]!)).to.contain('Delivered');
    expect(text(part(el, 'dead-letters'))).to.contain('HTTP 503');
    part<HTMLButtonElement>(el, 'replay')!.click();
    await until(() => text(part(el, 'outcome')).includes('msg_2 delivered'), 'replayed');
    expect(calls.some((c) => c.path === `/v1/webhooks/${existing.id}/dead-letters/msg_2/replay`)).to
      .be.true;
    await until(() => text(part(el, 'log')).includes('No dead letters.'), 'reloaded');
    await press('Escape');
    await until(() => !part(el, 'log'), 'log closed');
  });

  it('with a read-only key, says that a write key is needed', async () => {
    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, {
      'GET /v1/webhooks': () =>
        HttpResponse.json(
          { error: { code: 'forbidden', message: 'read-only key' } },
          { status: 403 },
        ),
    });
    const el = await mount<Webhooks>(
      html`<serialkit-webhooks endpoint=${endpoint} .apiKey=${KEY}></serialkit-webhooks>`,
    );
    await until(() => part(el, 'read-only'), 'read-only');
    expect(text(part(el, 'read-only'))).to.contain('write access');
    expect(part(el, 'form')).to.equal(null);
    await accessible(el);
  });
});
