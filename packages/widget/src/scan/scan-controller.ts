import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { supportedScanFormats } from './scan-support.js';

/** How a scan ended: the code's text, or why there is none. */
export type ScanResult =
  | { code: string }
  | { failure: 'denied' | 'failed' }
  /** Cancelled by the customer, or the host left the page. */
  | undefined;

/**
 * Camera scanning for a host element: finds out once whether the browser can read QR and Data
 * Matrix codes (so the host shows a scan button or not), and reads one code at a time, loading
 * the reader (its own chunk) on the first scan.
 */
export class ScanController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  /** The symbologies this browser can read from a camera; empty: no scan button. */
  formats: string[] = [];
  /** The symbologies the host reads, when the browser can; undefined: QR and Data Matrix. */
  readonly #wanted: readonly string[] | undefined;
  #scanning: AbortController | undefined;

  constructor(host: ReactiveControllerHost, wanted?: readonly string[]) {
    this.host = host;
    this.#wanted = wanted;
    host.addController(this);
  }

  /** Whether a scan is running. */
  get scanning(): boolean {
    return this.#scanning !== undefined;
  }

  hostConnected(): void {
    void supportedScanFormats(this.#wanted).then((formats) => {
      this.formats = formats;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Reads one code from the camera into `video`; a new scan cancels a running one. */
  async scan(video: HTMLVideoElement): Promise<ScanResult> {
    this.cancel();
    const controller = new AbortController();
    this.#scanning = controller;
    try {
      const { scanCode } = await import('./barcode-scanner.js');
      return { code: await scanCode(video, this.formats, controller.signal) };
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      const blocked =
        error instanceof DOMException &&
        (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      return { failure: blocked ? 'denied' : 'failed' };
    } finally {
      if (this.#scanning === controller) this.#scanning = undefined;
    }
  }

  /** Stops a running scan (its `scan()` answers undefined). */
  cancel(): void {
    this.#scanning?.abort();
    this.#scanning = undefined;
  }
}
