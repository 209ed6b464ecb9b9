/**
 * Support for the console's browser tests: the msw worker, a fake admin service recording what
 * it is asked, payload fixtures, and helpers to mount and drive an element.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { Lookup, SerialRecord, Sku } from '@serialkit/core';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../src/console.js';

export { html } from 'lit';
export { HttpResponse, http };

export const worker = setupWorker();
export const KEY = 'sk_test_console_key_0123456789';

/** Starts msw once per test file and removes per-test handlers after each test. */
export function useMockService(): void {
  before(async () => {
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  });
  afterEach(() => {
    worker.resetHandlers();
    sessionStorage.clear();
  });
  after(() => worker.stop());
}

/** A fresh endpoint per test, so answers never leak between tests. */
export function uniqueEndpoint(): string {
  return `/admin-${crypto.randomUUID().slice(0, 8)}`;
}

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body: unknown;
}

/** Answers `routes` (`'GET /v1/skus'` → a resolver) under `endpoint`; returns what was asked. */
export function mockAdmin(
  endpoint: string,
  routes: Record<string, (request: Request, recorded: Recorded) => Response | Promise<Response>>,
): Recorded[] {
  const calls: Recorded[] = [];
  worker.use(
    ...Object.entries(routes).map(([route, answer]) => {
      const [method, path] = route.split(' ') as [string, string];
      const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      return http[verb](`${endpoint}${path}`, async ({ request }) => {
        const text = method === 'GET' ? '' : await request.clone().text();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // CSV bodies stay text.
        }
        const url = new URL(request.url);
        const recorded = {
          method,
          path: url.pathname.slice(endpoint.length),
          query: url.searchParams,
          authorization: request.headers.get('authorization'),
          body,
        };
        calls.push(recorded);
        return answer(request, recorded);
      });
    }),
  );
  return calls;
}

export const now = '2024-06-01T12:00:00.000Z';

export function sku(overrides: Partial<Sku> & { sku: string }): Sku {
  return {
    name: overrides.sku,
    serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:6}{check:luhn}', uniqueness: 'sku' },
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export const skus: Sku[] = [
  sku({ sku: 'HP-200', name: 'Aurora ANC headphones', gtin: '4012345000016' }),
  sku({
    sku: 'CH-65W',
    name: '65 W USB-C charger',
    serialTracking: { enabled: true, format: '{A:3}{D:7}', uniqueness: 'sku' },
  }),
  sku({
    sku: 'MANUAL-1',
    name: 'Printed user manual',
    serialTracking: { enabled: false, uniqueness: 'sku' },
  }),
];

export function unit(overrides: Partial<SerialRecord> = {}): SerialRecord {
  return {
    sku: 'HP-200',
    serial: 'SN-2024-0001238',
    status: 'shipped',
    lot: 'L1',
    registeredAt: now,
    updatedAt: now,
    shipment: {
      orderId: 'ORD-1001',
      channel: 'b2c',
      customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
      shippedAt: now,
    },
    ...overrides,
  };
}

export function lookup(record = unit()): Lookup {
  return {
    record,
    skuName: 'Aurora ANC headphones',
    events: [
      {
        id: 'e1',
        sku: record.sku,
        serial: record.serial,
        type: 'commissioned',
        at: '2024-02-15T09:00:00.000Z',
      },
      {
        id: 'e2',
        sku: record.sku,
        serial: record.serial,
        type: 'shipped',
        at: now,
        data: { orderId: 'ORD-1001', channel: 'b2c' },
      },
    ],
    shipments: [{ orderId: 'ORD-1001', channel: 'b2c', shippedAt: now }],
  };
}

/** Mounts an element and waits for its first render. */
export async function mount<T extends LitElement>(template: TemplateResult): Promise<T> {
  const el = await fixture<T>(template);
  await el.updateComplete;
  return el;
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function fill(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** A key pressed with a modifier held (`chord('Control', 'z')`). */
export async function chord(modifier: 'Control' | 'Alt' | 'Shift', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Waits until `check` holds, re-rendering in between. */
export async function until(check: () => unknown, message: string): Promise<void> {
  await waitUntil(check, message, { timeout: 3000 });
}

/** axe finds nothing in the element. */
export async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
}

/** The element's text, whitespace collapsed. */
export function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
