import { html, nothing } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';
import type { FormatHelp, SampleCheck } from '../format-help.js';

/** The live help under the format field: hint and example, or where the pattern fails. */
export function formatHelpText(t: ConsoleTranslation, help: FormatHelp) {
  if (help.kind === 'empty') return html`<p id="format-help" class="help">${t.formatHelp}</p>`;
  if (help.kind === 'error') {
    return html`<p id="format-help" class="help error-text" part="format-error">
      ${t.formatInvalid} ${help.reason} (${help.column + 1})
    </p>`;
  }
  return html`<div id="format-help" class="help" part="format-hint">
    <p>${fill(t.formatHint, help.hint)}</p>
    <p>${fill(t.formatExample, '')}<code part="format-example">${help.example}</code></p>
  </div>`;
}

/** The sample box's verdict and the generated samples. */
export function sampleVerdict(t: ConsoleTranslation, check: SampleCheck, samples: string[]) {
  return html`<div id="sample-verdict" part="sample-verdict" aria-live="polite">
      ${
        check.kind === 'valid'
          ? html`<p class="ok-text" data-valid="true">${fill(t.sampleValid, check.serial)}</p>`
          : nothing
      }
      ${
        check.kind === 'invalid'
          ? html`<ul class="error-text" data-valid="false">
            ${check.messages.map((message) => html`<li>${message}</li>`)}
          </ul>`
          : nothing
      }
    </div>
    ${
      samples.length
        ? html`<ul part="samples" class="samples">
          ${samples.map((sample) => html`<li><code>${sample}</code></li>`)}
        </ul>`
        : nothing
    }`;
}
