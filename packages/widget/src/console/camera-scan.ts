/**
 * Camera scanning for the console's scan fields (serial search, the pack station), where the
 * browser can read codes: the storefront's scan controller and camera dialog, with the
 * symbologies warehouse labels carry besides QR and Data Matrix.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ConsoleTranslation } from '../localize/console/console-translation.js';
import { ScanController, type ScanResult } from '../scan/scan-controller.js';
import { scannerDialog } from '../serial-lookup/templates/scanner-dialog.js';

/** What a console label carries a serial or an order id in. */
export const CONSOLE_SCAN_FORMATS = ['qr_code', 'data_matrix', 'code_128', 'code_39'] as const;

/** The element the camera belongs to: a Lit host with a shadow root. */
export type CameraHost = ReactiveControllerHost & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/**
 * One camera per element: a scan button per field where the browser can scan (none where it
 * cannot), one dialog, and `read()` resolving with the code.
 */
export class CameraScan {
  readonly #host: CameraHost;
  readonly #scan: ScanController;
  /** The button that opened the camera, given the focus back when the scan is cancelled. */
  #opener: HTMLElement | undefined;

  constructor(host: CameraHost) {
    this.#host = host;
    this.#scan = new ScanController(host, CONSOLE_SCAN_FORMATS);
  }

  /** Whether this browser can read codes from a camera. */
  get available(): boolean {
    return this.#scan.formats.length > 0;
  }

  /**
   * Shows the camera and resolves with the code read, the failure (camera blocked or broken),
   * or undefined when cancelled (the focus then goes back to `opener`).
   */
  async read(opener: HTMLElement | undefined): Promise<ScanResult> {
    const root = this.#host.renderRoot;
    const dialog = root.querySelector<HTMLDialogElement>('dialog.scanner');
    const video = root.querySelector<HTMLVideoElement>('dialog.scanner video');
    if (!dialog || !video) return undefined;
    this.#opener = opener;
    dialog.showModal();
    const result = await this.#scan.scan(video);
    if (result) dialog.close();
    return result;
  }

  /**
   * The scan button of a field: nothing where the browser cannot scan. `label` names it for
   * assistive technology when an element has more than one (it reads "Scan with the camera").
   */
  button(
    t: ConsoleTranslation,
    part: string,
    onScan: (button: HTMLElement) => void,
    label?: string,
  ): TemplateResult | typeof nothing {
    if (!this.available) return nothing;
    return html`<button
      type="button"
      class="scan"
      part=${part}
      aria-label=${label ?? nothing}
      @click=${(event: Event) => onScan(event.currentTarget as HTMLElement)}
    >
      ${t.scan}
    </button>`;
  }

  /** The camera dialog, once in the element's template. */
  dialog(t: ConsoleTranslation): TemplateResult {
    return scannerDialog(t, this.#closed, this.#cancel);
  }

  readonly #closed = (): void => {
    if (!this.#scan.scanning) return;
    // Closed by the merchant (Cancel or Escape): back to where they were.
    this.#scan.cancel();
    this.#opener?.focus();
  };

  readonly #cancel = (): void => {
    this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.scanner')?.close();
  };
}
