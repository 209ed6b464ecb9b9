/** The delivery log a page at a time: "Load more" follows the route's cursor. */
import { expect } from '@open-wc/testing';
import type { WebhookDeadLetter, WebhookDelivery, WebhookSubscription } from '@serialkit/core';
import type { Webhooks } from '../../src/console.js';
import {
  $,
  accessible,
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

const subscription: WebhookSubscription = {
  id: 'wh_0123456789abcdef',
  url: 'https://erp.example.com/hooks/serialkit',
  eventTypes: ['unit.shipped'],
  enabled: true,
  createdAt: now,
  updatedAt: now,
};

/** 12 attempts, newest first: `msg_12` … `msg_1`. */
const attempts: WebhookDelivery[] = Array.from({ length: 12 }, (_, i) => ({
  subscriptionId: subscription.id,
  messageId: `msg_${12 - i}`,
  eventId: `e${12 - i}`,
  type: 'unit.shipped',
  attempt: 1,
  at: now,
  status: 204,
  ok: true,
  latencyMs: 10,
}));

describe('<serialkit-webhooks> delivery log paging', () => {
  useMockService();

  async function log() {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/webhooks': () => HttpResponse.json({ items: [subscription] }),
      'GET /v1/webhooks/:id/deliveries': (_request, { query }) => {
        // A service may answer fewer than `limit` (here 5 a page): the cursor says what is left.
        const limit = Math.min(5, Number(query.get('limit')));
        const from = Number(query.get('cursor') ?? 0);
        const next = from + limit < attempts.length ? String(from + limit) : null;
        return HttpResponse.json({ items: attempts.slice(from, from + limit), nextCursor: next });
      },
      'GET /v1/webhooks/:id/dead-letters': () => HttpResponse.json({ items: [], nextCursor: null }),
    });
    const el = await mount<Webhooks>(
      html`<serialkit-webhooks endpoint=${endpoint} .apiKey=${KEY}></serialkit-webhooks>`,
    );
    await until(() => part(el, 'show-log'), 'listed');
    part<HTMLButtonElement>(el, 'show-log')!.click();
    await until(() => part(el, 'deliveries'), 'log loaded');
    return { el, calls };
  }

  const shown = (el: Webhooks) =>
    [...part(el, 'deliveries')!.querySelectorAll<HTMLElement>('tbody tr')].map(
      (row) => row.dataset.message,
    );

  it('shows the first page, and "Load more" appends the next ones by keyboard until the end', async () => {
    const { el, calls } = await log();
    expect(shown(el)).to.have.length(5);
    expect(shown(el)[0]).to.equal('msg_12');
    await accessible(el);
    const more = part<HTMLButtonElement>(el, 'load-more')!;
    expect(text(more)).to.equal('Load more');
    more.focus();
    await press('Enter');
    await until(() => shown(el).length === 10, 'second page');
    // The focus stays on the button, for the next page; the count is announced.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'load-more'));
    await until(() => text($(el, '[role="status"]')) === '10 attempts shown.', 'announced');
    await press('Enter');
    await until(() => shown(el).length === 12, 'last page');
    expect(shown(el).at(-1)).to.equal('msg_1');
    expect(new Set(shown(el)).size).to.equal(12);
    // Everything shown: no button, and the table has the focus.
    expect(part(el, 'load-more')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'deliveries'));
    const pages = calls.filter((c) => c.path.endsWith('/deliveries'));
    expect(pages.map((c) => [c.query.get('cursor'), c.query.get('limit')])).to.deep.equal([
      [null, '50'],
      ['5', '50'],
      ['10', '50'],
    ]);
  });

  it('has no "Load more" when one page holds the whole log', async () => {
    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, {
      'GET /v1/webhooks': () => HttpResponse.json({ items: [subscription] }),
      'GET /v1/webhooks/:id/deliveries': () =>
        HttpResponse.json({ items: attempts.slice(0, 3), nextCursor: null }),
      'GET /v1/webhooks/:id/dead-letters': () => HttpResponse.json({ items: [], nextCursor: null }),
    });
    const el = await mount<Webhooks>(
      html`<serialkit-webhooks endpoint=${endpoint} .apiKey=${KEY}></serialkit-webhooks>`,
    );
    await until(() => part(el, 'show-log'), 'listed');
    part<HTMLButtonElement>(el, 'show-log')!.click();
    await until(() => part(el, 'deliveries'), 'log loaded');
    expect(shown(el)).to.have.length(3);
    expect(part(el, 'load-more')).to.equal(null);
  });

  it('pages the dead letters too, with their own "Load more"', async () => {
    // 7 dead letters, 3 a page: `msg_d7` … `msg_d1`, of units and of an import.
    const letters: WebhookDeadLetter[] = Array.from({ length: 7 }, (_, i) => ({
      subscriptionId: subscription.id,
      messageId: `msg_d${7 - i}`,
      eventId: `d${7 - i}`,
      message:
        i === 0
          ? {
              type: 'import.finished',
              timestamp: now,
              data: {
                eventId: 'd7',
                at: now,
                import: {
                  kind: 'orders',
                  rows: 2,
                  created: 2,
                  unchanged: 0,
                  failed: 0,
                  errorCount: 0,
                },
              },
            }
          : {
              type: 'unit.shipped',
              timestamp: now,
              data: { eventId: `d${7 - i}`, sku: 'KB-100', serial: `SN-${i}`, at: now },
            },
      attempts: 9,
      firstAttemptAt: now,
      failedAt: now,
      lastError: 'status 503',
    }));
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/webhooks': () => HttpResponse.json({ items: [subscription] }),
      'GET /v1/webhooks/:id/deliveries': () =>
        HttpResponse.json({ items: attempts.slice(0, 2), nextCursor: null }),
      'GET /v1/webhooks/:id/dead-letters': (_request, { query }) => {
        const from = Number(query.get('cursor') ?? 0);
        const next = from + 3 < letters.length ? String(from + 3) : null;
        return HttpResponse.json({ items: letters.slice(from, from + 3), nextCursor: next });
      },
    });
    const el = await mount<Webhooks>(
      html`<serialkit-webhooks endpoint=${endpoint} .apiKey=${KEY}></serialkit-webhooks>`,
    );
    await until(() => part(el, 'show-log'), 'listed');
    part<HTMLButtonElement>(el, 'show-log')!.click();
    await until(() => part(el, 'dead-letters'), 'log loaded');
    const letterRows = () =>
      [...part(el, 'dead-letters')!.querySelectorAll<HTMLElement>('tbody tr')].map(
        (row) => row.dataset.message,
      );
    expect(letterRows()).to.deep.equal(['msg_d7', 'msg_d6', 'msg_d5']);
    // The import's letter reads as one, like the others.
    expect(text(part(el, 'dead-letters')!.querySelector('tbody tr')!)).to.contain(
      'import.finished',
    );
    // Only the dead letters have more: the attempts' button is not there.
    expect(part(el, 'load-more')).to.equal(null);
    await accessible(el);
    const more = part<HTMLButtonElement>(el, 'load-more-dead-letters')!;
    expect(text(more)).to.equal('Load more dead letters');
    more.focus();
    await press('Enter');
    await until(() => letterRows().length === 6, 'second page');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'load-more-dead-letters'));
    await until(() => text($(el, '[role="status"]')) === '6 dead letters shown.', 'announced');
    await press('Enter');
    await until(() => letterRows().length === 7, 'last page');
    expect(new Set(letterRows()).size).to.equal(7);
    expect(part(el, 'load-more-dead-letters')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'dead-letters'));
    const pages = calls.filter((c) => c.path.endsWith('/dead-letters'));
    expect(pages.map((c) => c.query.get('cursor'))).to.deep.equal([null, '3', '6']);
  });
});
