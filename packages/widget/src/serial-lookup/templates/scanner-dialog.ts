import { html, type TemplateResult } from 'lit';
import type { Translation } from '../../localize/translation.js';

/** The camera dialog: the picture, what to do, and a way out (the storefront's and the console's). */
export function scannerDialog(
  t: Pick<Translation, 'scanTitle' | 'scanInstructions' | 'scanCancel'>,
  onClose: () => void,
  onCancel: () => void,
): TemplateResult {
  return html`
    <dialog
      class="scanner"
      part="scanner"
      aria-labelledby="scan-title"
      aria-describedby="scan-instructions"
      @close=${onClose}
    >
      <p id="scan-title" class="title">${t.scanTitle}</p>
      <p id="scan-instructions">${t.scanInstructions}</p>
      <video part="scanner-video" muted playsinline aria-hidden="true"></video>
      <button class="secondary" part="scanner-cancel" type="button" @click=${onCancel}>
        ${t.scanCancel}
      </button>
    </dialog>
  `;
}
