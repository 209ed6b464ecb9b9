/**
 * Camera scanning in the serial search and the pack station, with a stubbed `BarcodeDetector`
 * (Chromium's fake camera gives `getUserMedia` a real stream), as the storefront scanner's tests do.
 */
import { expect } from '@open-wc/testing';
import type { Order, PickResult } from '@serialkit/core';
import type { PackStation, SerialSearch } from '../../src/console.js';
import {
  accessible,
  HttpResponse,
  html,
  KEY,
  lookup,
  mockAdmin,
  mount,
  now,
  part,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

type Global = { BarcodeDetector?: unknown };

/** Installs a fake BarcodeDetector that reads `value` after a few frames (never when undefined). */
function fakeDetector(
  value: string | undefined,
  formats = ['qr_code', 'data_matrix', 'code_128', 'ean_13'],
) {
  const asked: unknown[] = [];
  (globalThis as Global).BarcodeDetector = class {
    static async getSupportedFormats() {
      return formats;
    }
    frames = 0;
    constructor(options: { formats: string[] }) {
      asked.push(options.formats);
    }
    async detect() {
      this.frames++;
      return value !== undefined && this.frames > 2
        ? [{ rawValue: value, format: 'code_128' }]
        : [];
    }
  };
  return asked;
}

const SERIAL = 'SN-2024-0001238';
const found = lookup();

function searchService(endpoint: string) {
  return mockAdmin(endpoint, {
    'GET /v1/serials/:serial/trace': () =>
      HttpResponse.json({ error: { code: 'not_found', message: 'none' } }, { status: 404 }),
    'GET /v1/serials/:serial': () => HttpResponse.json(found),
  });
}

function packService(endpoint: string) {
  const order: Order = {
    id: 'ORD-7',
    channel: 'b2c',
    status: 'open',
    lines: [{ sku: 'HP-200', quantity: 1, picked: 0, shipped: 0 }],
    picks: [],
    shipments: [],
    createdAt: now,
    updatedAt: now,
  };
  return mockAdmin(endpoint, {
    'GET /v1/skus': () => HttpResponse.json({ items: [], nextCursor: null }),
    'GET /v1/orders/ORD-7': () => HttpResponse.json(order),
    'POST /v1/orders/ORD-7/picks': (_request, { body }) => {
      const input = (body as { input: string }).input;
      order.lines[0]!.picked = 1;
      order.picks = [{ sku: 'HP-200', serial: input, at: now }];
      const answer: PickResult = {
        outcome: 'accepted',
        input,
        sku: 'HP-200',
        serial: input,
        order,
      };
      return HttpResponse.json(answer);
    },
  });
}

describe('camera scanning in the console', () => {
  useMockService();
  afterEach(() => {
    delete (globalThis as Global).BarcodeDetector;
  });

  it('has no scan button where the browser cannot read codes', async () => {
    expect('BarcodeDetector' in globalThis).to.equal(false);
    const endpoint = uniqueEndpoint();
    searchService(endpoint);
    packService(endpoint);
    const search = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    const station = await mount<PackStation>(
      html`<serialkit-pack-station endpoint=${endpoint} .apiKey=${KEY} order-id="ORD-7"></serialkit-pack-station>`,
    );
    await until(() => part(station, 'scan-input'), 'order open');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(part(search, 'scan')).to.equal(null);
    expect(part(station, 'scan')).to.equal(null);
    expect(part(station, 'scan-order')).to.equal(null);
    // A detector that reads none of the label symbologies: no button either.
    fakeDetector(SERIAL, ['ean_13', 'upc_a']);
    const again = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(part(again, 'scan')).to.equal(null);
  });

  it('serial search: scans a label (Code 128 too) and opens its unit card', async () => {
    const asked = fakeDetector(SERIAL);
    const endpoint = uniqueEndpoint();
    const calls = searchService(endpoint);
    const el = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    await until(() => part(el, 'scan'), 'scan button shown');
    expect(text(part(el, 'scan'))).to.equal('Scan with the camera');
    part(el, 'scan')!.click();
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(true);
    await until(() => part(el, 'unit-card'), 'card of the scanned unit');
    expect(asked).to.deep.equal([['qr_code', 'data_matrix', 'code_128']]);
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
    expect(part<HTMLVideoElement>(el, 'scanner-video')!.srcObject).to.equal(null);
    expect(part<HTMLInputElement>(el, 'serial-input')!.value).to.equal(SERIAL);
    expect(calls[0]!.path).to.equal(`/v1/serials/${SERIAL}`);
  });

  it('is accessible with the camera open; Cancel gives the focus back to the scan button', async () => {
    fakeDetector(undefined);
    const endpoint = uniqueEndpoint();
    searchService(endpoint);
    const el = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    await until(() => part(el, 'scan'), 'scan button shown');
    part(el, 'scan')!.focus();
    part(el, 'scan')!.click();
    const dialog = part<HTMLDialogElement>(el, 'scanner')!;
    const video = part<HTMLVideoElement>(el, 'scanner-video')!;
    await until(() => video.srcObject, 'camera started');
    const stream = video.srcObject as MediaStream;
    await accessible(el);
    part(el, 'scanner-cancel')!.click();
    await until(() => !dialog.open, 'dialog closed');
    await until(() => el.shadowRoot!.activeElement === part(el, 'scan'), 'focus on the button');
    await until(
      () => stream.getTracks().every((track) => track.readyState === 'ended'),
      'camera released',
    );
  });

  it('serial search: a blocked camera is explained, and the field takes the focus', async () => {
    fakeDetector(SERIAL);
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const endpoint = uniqueEndpoint();
      searchService(endpoint);
      const el = await mount<SerialSearch>(
        html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
      );
      await until(() => part(el, 'scan'), 'scan button shown');
      part(el, 'scan')!.click();
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'explained');
      expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal(
        'Camera access is blocked. Type the number or use a scanner instead.',
      );
      expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'serial-input'));
    } finally {
      delete (navigator.mediaDevices as { getUserMedia?: unknown }).getUserMedia;
    }
  });

  it('pack station: a unit scanned with the camera is sent to the order', async () => {
    fakeDetector(SERIAL);
    const endpoint = uniqueEndpoint();
    const calls = packService(endpoint);
    const el = await mount<PackStation>(
      html`<serialkit-pack-station endpoint=${endpoint} .apiKey=${KEY} order-id="ORD-7" muted></serialkit-pack-station>`,
    );
    await until(() => part(el, 'scan'), 'scan button shown');
    await accessible(el);
    part(el, 'scan')!.click();
    await until(() => part(el, 'answer'), 'answered');
    expect(part(el, 'answer')!.dataset.outcome).to.equal('accepted');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ input: SERIAL });
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
    // Ready for the next scan.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'scan-input'));
  });

  it("pack station: a packing slip's code scanned with the camera opens its order", async () => {
    fakeDetector('ORD-7');
    const endpoint = uniqueEndpoint();
    const calls = packService(endpoint);
    const el = await mount<PackStation>(
      html`<serialkit-pack-station endpoint=${endpoint} .apiKey=${KEY} muted></serialkit-pack-station>`,
    );
    await until(() => part(el, 'scan-order'), 'order scan button shown');
    // Two camera buttons once an order is open: each has its own name.
    expect(part(el, 'scan-order')!.getAttribute('aria-label')).to.equal(
      'Scan with the camera: order code',
    );
    await accessible(el);
    part(el, 'scan-order')!.click();
    await until(() => part(el, 'scan-input'), 'order opened');
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.include('GET /v1/orders/ORD-7');
    expect(part<HTMLInputElement>(el, 'order-input')!.value).to.equal('ORD-7');
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
    // The unit field has the focus, for the first unit; its button keeps the plain name.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'scan-input'));
    expect(part(el, 'scan')!.hasAttribute('aria-label')).to.equal(false);
    await accessible(el);
  });
});
