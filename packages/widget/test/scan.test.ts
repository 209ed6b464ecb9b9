import { expect, waitUntil } from '@open-wc/testing';
import {
  announced,
  focused,
  genuineSerial,
  html,
  mockService,
  mount,
  part,
  result,
  serialInput,
  uniqueEndpoint,
  useMockService,
} from './support.js';

const GTIN = '09506000134352';
const LINK = `https://id.example/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`;

type Global = { BarcodeDetector?: unknown };

/** Installs a fake BarcodeDetector that reads `value` after a few frames (never when undefined). */
function fakeDetector(value: string | undefined, formats = ['qr_code', 'data_matrix', 'ean_13']) {
  const detected: unknown[] = [];
  (globalThis as Global).BarcodeDetector = class {
    static async getSupportedFormats() {
      return formats;
    }
    constructor(readonly options: unknown) {}
    async detect(source: HTMLVideoElement) {
      detected.push(source);
      return value !== undefined && detected.length > 2
        ? [{ rawValue: value, format: 'qr_code' }]
        : [];
    }
  };
  return detected;
}

describe('camera scan', () => {
  useMockService();
  afterEach(() => {
    delete (globalThis as Global).BarcodeDetector;
  });

  it('has no scan button where the browser has no BarcodeDetector', async () => {
    expect('BarcodeDetector' in globalThis).to.equal(false);
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    expect(part(el, 'scan')).to.equal(null);
  });

  it('has no scan button when the detector reads neither QR nor Data Matrix, or with no-scan', async () => {
    fakeDetector(LINK, ['ean_13']);
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    expect(part(el, 'scan')).to.equal(null);
    fakeDetector(LINK);
    const noScan = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" no-scan></serial-lookup>`,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(part(noScan, 'scan')).to.equal(null);
  });

  it('scans a Digital Link from the camera and checks it', async () => {
    const frames = fakeDetector(LINK);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    await waitUntil(() => part(el, 'scan'), 'scan button shown');
    const button = part(el, 'scan')!;
    expect(button.getAttribute('aria-label')).to.equal('Scan the code on the label');
    const events: CustomEvent[] = [];
    el.addEventListener('serial-lookup-result', (e) => events.push(e as unknown as CustomEvent));

    button.click();
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(true);
    await result(el);
    expect(frames.length).to.be.greaterThan(2);
    expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
    expect(part<HTMLVideoElement>(el, 'scanner-video')!.srcObject).to.equal(null);
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(requests.find((r) => r.path === '/v1/verify')!.body).to.deep.equal({
      input: LINK,
      sku: 'ARIA-700',
    });
    expect(events).to.have.length(1);
  });

  it('is accessible with the camera open, and Cancel returns focus to the scan button', async () => {
    fakeDetector(undefined);
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    await waitUntil(() => part(el, 'scan'));
    part(el, 'scan')!.focus();
    part(el, 'scan')!.click();
    const dialog = part<HTMLDialogElement>(el, 'scanner')!;
    const video = part<HTMLVideoElement>(el, 'scanner-video')!;
    await waitUntil(() => video.srcObject, 'camera started');
    const stream = video.srcObject as MediaStream;
    await expect(el).to.be.accessible();
    part(el, 'scanner-cancel')!.click();
    await waitUntil(() => !dialog.open);
    await waitUntil(() => focused(el) === part(el, 'scan'), 'focus back on the scan button');
    await waitUntil(
      () => stream.getTracks().every((track) => track.readyState === 'ended'),
      'camera released',
    );
  });

  it('explains a blocked camera and falls back to typing', async () => {
    fakeDetector(LINK);
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const endpoint = uniqueEndpoint();
      mockService(endpoint);
      const el = await mount(
        html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
      );
      await waitUntil(() => part(el, 'scan'));
      part(el, 'scan')!.click();
      await waitUntil(() => part(el, 'issue'));
      expect(part(el, 'issue')!.textContent).to.equal(
        'Camera access is blocked. Type the serial number instead.',
      );
      expect(announced(el).assertive).to.contain('Camera access is blocked');
      expect(focused(el)).to.equal(serialInput(el));
      expect(part<HTMLDialogElement>(el, 'scanner')!.open).to.equal(false);
    } finally {
      delete (navigator.mediaDevices as { getUserMedia?: unknown }).getUserMedia;
    }
  });
});
