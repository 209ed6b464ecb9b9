/**
 * Shared test support: the msw worker, payload fixtures, and helpers to mount and drive the
 * element as a customer would.
 */

import { fixture, html, waitUntil } from '@open-wc/testing';
import {
  compileFormat,
  type FormatHints,
  type OwnerRegistrationResult,
  type PublicReturnCheck,
  type VerifyResult,
} from '@serialkit/core';
import { sendKeys } from '@web/test-runner-commands';
import { delay, HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import type { SerialLookup } from '../src/index.js';

export const worker = setupWorker();

/** Starts msw once per test file and removes per-test handlers after each test. */
export function useMockService(): void {
  before(async () => {
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
}

export const ARIA = 'SN-{YYYY}-{D:6}{check:luhn}';
export const BUDS = 'NB{D:8}';

export const hints: FormatHints = {
  version: 'v1',
  formats: [
    {
      sku: 'ARIA-700',
      name: 'Aria 700 headphones',
      format: ARIA,
      hint: 'SN-YYYY-NNNNNN + check digit',
      example: compileFormat(ARIA).generate({ sequence: 123, date: new Date('2024-05-01') }),
    },
    {
      sku: 'BUDS-2',
      name: 'Buds 2 earbuds',
      format: BUDS,
      hint: 'NB + 8 digits',
      example: 'NB00012345',
    },
  ],
};

/** A valid serial of the Aria 700 format. */
export const genuineSerial = compileFormat(ARIA).generate({
  sequence: 123,
  date: new Date('2024-05-01'),
});

/** The genuine serial with its sequence's first zero typed as the letter O (a look-alike). */
export const lookalikeSerial = genuineSerial.replace(/-0/, '-O');

/** The genuine serial with two different adjacent digits of the sequence swapped. */
export const swappedSerial = (() => {
  const s = genuineSerial;
  for (let i = s.length - 3; i > 8; i--) {
    if (s[i] !== s[i + 1] && /\d\d/.test(s.slice(i, i + 2))) {
      const swapped = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
      if (!compileFormat(ARIA).validate(swapped).success) return swapped;
    }
  }
  throw new Error('no swappable pair');
})();

export function verifyResult(overrides: Partial<VerifyResult> = {}): VerifyResult {
  return {
    status: 'genuine',
    serial: genuineSerial,
    product: { sku: 'ARIA-700', name: 'Aria 700 headphones' },
    recall: null,
    reasons: [],
    issues: [],
    coverage: null,
    checkedAt: '2024-06-01T12:00:00.000Z',
    ...overrides,
  };
}

export function returnCheck(overrides: Partial<PublicReturnCheck> = {}): PublicReturnCheck {
  return { verdict: 'match', next: 'send_back', issues: [], ...overrides };
}

export function ownerRegistration(
  overrides: Partial<OwnerRegistrationResult> = {},
): OwnerRegistrationResult {
  return { status: 'received', serial: genuineSerial, ...overrides };
}

/** A fresh endpoint per test, so tests share neither cached hints nor queued checks. */
export function uniqueEndpoint(): string {
  return `/shop-${crypto.randomUUID().slice(0, 8)}/serialkit`;
}

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/**
 * Mocks the four public routes under `endpoint` and records every request. `verify`/`returns` may be
 * a payload or a function returning a Response.
 */
export function mockService(
  endpoint: string,
  options: {
    formats?: FormatHints | (() => Response | Promise<Response>);
    verify?: VerifyResult | ((body: unknown) => Response | Promise<Response>);
    returns?: PublicReturnCheck | ((body: unknown) => Response | Promise<Response>);
    owners?: OwnerRegistrationResult | ((body: unknown) => Response | Promise<Response>);
  } = {},
): Recorded[] {
  const requests: Recorded[] = [];
  const record = async (request: Request) => {
    const body = request.method === 'GET' ? undefined : await request.clone().json();
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname.slice(endpoint.length),
      headers: request.headers,
      body,
    });
    return body;
  };
  const formats = options.formats ?? hints;
  worker.use(
    http.get(`${endpoint}/v1/formats`, async ({ request }) => {
      await record(request);
      if (typeof formats === 'function') return formats();
      const etag = `"${formats.version}"`;
      if (request.headers.get('if-none-match') === etag)
        return new HttpResponse(null, { status: 304, headers: { etag } });
      return HttpResponse.json(formats, { headers: { etag } });
    }),
    http.post(`${endpoint}/v1/verify`, async ({ request }) => {
      const body = await record(request);
      const verify = options.verify ?? verifyResult();
      return typeof verify === 'function' ? verify(body) : HttpResponse.json(verify);
    }),
    http.post(`${endpoint}/v1/returns/check`, async ({ request }) => {
      const body = await record(request);
      const returns = options.returns ?? returnCheck();
      return typeof returns === 'function' ? returns(body) : HttpResponse.json(returns);
    }),
    http.post(`${endpoint}/v1/owners`, async ({ request }) => {
      const body = await record(request);
      const owners = options.owners ?? ownerRegistration();
      return typeof owners === 'function' ? owners(body) : HttpResponse.json(owners);
    }),
  );
  return requests;
}

export { delay, HttpResponse, http };

/** Mounts the element and waits until it has its format hints (when the service has some). */
export async function mount(
  template: ReturnType<typeof html>,
  { waitForHints = true } = {},
): Promise<SerialLookup> {
  const el = await fixture<SerialLookup>(template);
  if (waitForHints) {
    await waitUntil(() => (el as unknown as { hints?: unknown }).hints, 'format hints loaded', {
      timeout: 3000,
    });
    await el.updateComplete;
  }
  return el;
}

/** The first element of the shadow root with the given part. */
export function part<T extends Element = HTMLElement>(el: SerialLookup, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(el: SerialLookup, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

export function serialInput(el: SerialLookup): HTMLInputElement {
  return part<HTMLInputElement>(el, 'serial-input')!;
}

/** Types into a field with real key presses, after focusing it. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Sets a field's value as a paste would, firing `input`. */
export function fill(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Waits until the element's entrance animations are over (axe measures final colours). */
export async function settled(el: SerialLookup): Promise<void> {
  await el.updateComplete;
  await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
}

/** Waits for the result card and returns it. */
export async function result(el: SerialLookup): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'result'), 'result shown', { timeout: 3000 });
  await settled(el);
  return part<HTMLElement>(el, 'result')!;
}

/** Waits for the error card and returns it. */
export async function errorCard(el: SerialLookup): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'error'), 'error shown', { timeout: 3000 });
  await settled(el);
  return part<HTMLElement>(el, 'error')!;
}

/** The text the element last announced (status or alert region). */
export function announced(el: SerialLookup): { polite: string; assertive: string } {
  const root = el.shadowRoot!;
  return {
    polite: root.querySelector('[role="status"]')!.textContent!.trim(),
    assertive: root.querySelector('[role="alert"]')!.textContent!.trim(),
  };
}

/** The shadow root's focused element. */
export function focused(el: SerialLookup): Element | null {
  return el.shadowRoot!.activeElement;
}

export { html };
