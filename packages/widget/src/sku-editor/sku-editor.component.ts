import type { Sku, SkuUpdate } from '@serialkit/core';
import { html, nothing, type PropertyValues } from 'lit';
import { AdminApiError } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { SkuSavedEvent } from '../events/sku-saved.js';
import { fill } from '../localize/translation.js';
import { checkSample, type FormatHelp, formatHelp } from './format-help.js';
import styles from './sku-editor.styles.js';
import { formatHelpText, sampleVerdict } from './templates/format-panel.js';

/**
 * Edits a SKU's serial tracking: the tracking toggle, the serial format with live help computed
 * in the browser by `@serialkit/core` (its hint and an example, a box that checks sample serials
 * as you type, sample generation), uniqueness and GTIN. A format change that stored units would
 * break is refused by the service; the editor says why and how many units.
 *
 * @summary The SKU editor of the merchant console.
 * @tagname serialkit-sku-editor
 *
 * @attr {string} sku - The SKU to edit.
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {SkuSavedEvent} serialkit-sku-saved - The service saved the SKU.
 *
 * @csspart base - The form.
 * @csspart tracking-toggle - The tracking checkbox.
 * @csspart format-input - The format field.
 * @csspart format-hint - The hint and example.
 * @csspart format-example - The example serial.
 * @csspart format-error - Why the format cannot be read.
 * @csspart sample-input - The sample serial field.
 * @csspart sample-verdict - What the format says of the sample.
 * @csspart generate - The sample generation button.
 * @csspart samples - The generated samples.
 * @csspart gtin-input - The GTIN field.
 * @csspart save - The save button.
 * @csspart outcome - What the service said.
 *
 * @cssproperty --serialkit-accent - Buttons and the focus ring. Default `#0b57d0`.
 * @cssproperty --serialkit-error - Refusals and invalid samples. Default `#b42318`.
 *
 * @example
 * <serialkit-sku-editor sku="MANUAL-1"></serialkit-sku-editor>
 */
export class SkuEditor extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    sku: {},
    loaded: { state: true },
    name: { state: true },
    enabled: { state: true },
    format: { state: true },
    uniqueness: { state: true },
    gtin: { state: true },
    sample: { state: true },
    samples: { state: true },
    saving: { state: true },
    outcome: { state: true },
  };

  declare private loaded: Sku | undefined;
  declare private name: string;
  declare private enabled: boolean;
  declare private format: string;
  declare private uniqueness: 'sku' | 'global';
  declare private gtin: string;
  declare private sample: string;
  declare private samples: string[];
  declare private saving: boolean;
  declare private outcome: { ok: boolean; text: string } | undefined;

  /** The SKU to edit. */
  declare sku: string;

  constructor() {
    super();
    this.sku = '';
    this.name = '';
    this.enabled = false;
    this.format = '';
    this.uniqueness = 'sku';
    this.gtin = '';
    this.sample = '';
    this.samples = [];
    this.saving = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sku') && this.sku) void this.#load();
  }

  async #load(): Promise<void> {
    this.loaded = undefined;
    this.outcome = undefined;
    this.samples = [];
    this.sample = '';
    try {
      const sku = await this.api.get<Sku>(`/v1/skus/${encodeURIComponent(this.sku)}`);
      this.loaded = sku;
      this.name = sku.name;
      this.enabled = sku.serialTracking.enabled;
      this.format = sku.serialTracking.format ?? '';
      this.uniqueness = sku.serialTracking.uniqueness;
      this.gtin = sku.gtin ?? '';
    } catch (error) {
      this.outcome = { ok: false, text: fill(this.t.failed, (error as Error).message) };
    }
  }

  get #help(): FormatHelp {
    return formatHelp(this.format, this.lang_);
  }

  #generate(): void {
    const help = this.#help;
    if (help.kind !== 'ok') return;
    this.samples = Array.from({ length: 3 }, () => help.format.generate());
    this.announce(this.samples.join(', '));
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving || !this.loaded) return;
    const before = this.loaded.serialTracking;
    // A legacy regex stays as it is unless the merchant writes a format.
    const pattern = this.format.trim()
      ? { format: this.format.trim() }
      : before.regex
        ? { regex: before.regex }
        : {};
    const update: SkuUpdate = {
      name: this.name.trim() || this.loaded.name,
      ...(this.gtin.trim() ? { gtin: this.gtin.trim() } : {}),
      serialTracking: { enabled: this.enabled, uniqueness: this.uniqueness, ...pattern },
    };
    this.saving = true;
    try {
      const saved = await this.api.send<Sku>(
        'PUT',
        `/v1/skus/${encodeURIComponent(this.sku)}`,
        update,
      );
      this.loaded = saved;
      this.outcome = { ok: true, text: fill(this.t.skuSaved, saved.sku) };
      this.dispatchEvent(new SkuSavedEvent(saved));
    } catch (error) {
      this.outcome = { ok: false, text: this.#refusal(error) };
    } finally {
      this.saving = false;
    }
    this.announce(this.outcome.text);
  }

  /** The service's refusal in the merchant's words: the reason, and the units it concerns. */
  #refusal(error: unknown): string {
    if (!(error instanceof AdminApiError)) return fill(this.t.failed, String(error));
    const details = error.details as
      | { reason?: string; count?: number; incompatible?: { serial: string }[] }
      | undefined;
    if (details?.reason === 'format_incompatible') {
      const examples = details.incompatible ?? [];
      return fill(
        this.t.formatRefused,
        details.count ?? examples.length,
        examples[0]?.serial ?? '',
      );
    }
    if (details?.reason === 'uniqueness_locked') return this.t.uniquenessRefused;
    const issues = error.issues.map((issue) => issue.message).join('; ');
    return fill(this.t.failed, issues || error.message);
  }

  override render() {
    const t = this.t;
    if (!this.loaded) {
      return html`${
        this.outcome
          ? html`<p class="notice error" role="alert">${this.outcome.text}</p>`
          : html`<p>${t.loading}</p>`
      }`;
    }
    const help = this.#help;
    const check = checkSample(help, this.sample, this.lang_);
    return html`<form part="base" aria-labelledby="title" @submit=${this.#save}>
      <h2 id="title">${fill(t.editorTitle, this.sku)}</h2>
      <div class="field">
        <label for="name">${t.nameLabel}</label>
        <input
          id="name"
          type="text"
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label class="check" for="tracking">
          <input
            id="tracking"
            type="checkbox"
            part="tracking-toggle"
            .checked=${this.enabled}
            @change=${(e: Event) => (this.enabled = (e.target as HTMLInputElement).checked)}
          />
          ${t.trackingLabel}
        </label>
      </div>
      <fieldset ?disabled=${!this.enabled}>
        <legend>${t.trackingFilterLabel}</legend>
        <div class="field">
          <label for="format">${t.formatLabel}</label>
          <input
            id="format"
            type="text"
            part="format-input"
            class="mono"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="format-help"
            aria-invalid=${help.kind === 'error' ? 'true' : 'false'}
            .value=${this.format}
            @input=${(e: Event) => (this.format = (e.target as HTMLInputElement).value)}
          />
          ${formatHelpText(t, help)}
        </div>
        <div class="field">
          <label for="sample">${t.sampleLabel}</label>
          <p id="sample-help" class="help">${t.sampleHelp}</p>
          <div class="row">
            <input
              id="sample"
              type="text"
              part="sample-input"
              class="mono"
              autocomplete="off"
              spellcheck="false"
              aria-describedby="sample-help sample-verdict"
              ?disabled=${help.kind !== 'ok'}
              .value=${this.sample}
              @input=${(e: Event) => (this.sample = (e.target as HTMLInputElement).value)}
            />
            <button
              type="button"
              part="generate"
              ?disabled=${help.kind !== 'ok'}
              @click=${this.#generate}
            >
              ${t.generateSamples}
            </button>
          </div>
          ${sampleVerdict(t, check, this.samples)}
        </div>
        <div class="field">
          <label for="uniqueness">${t.uniquenessLabel}</label>
          <select
            id="uniqueness"
            @change=${(e: Event) =>
              (this.uniqueness = (e.target as HTMLSelectElement).value as 'sku' | 'global')}
          >
            <option value="sku" ?selected=${this.uniqueness === 'sku'}>${t.uniquenessSku}</option>
            <option value="global" ?selected=${this.uniqueness === 'global'}>
              ${t.uniquenessGlobal}
            </option>
          </select>
        </div>
      </fieldset>
      <div class="field">
        <label for="gtin">${t.gtinLabel}</label>
        <p id="gtin-help" class="help">${t.gtinHelp}</p>
        <input
          id="gtin"
          type="text"
          inputmode="numeric"
          part="gtin-input"
          aria-describedby="gtin-help"
          .value=${this.gtin}
          @input=${(e: Event) => (this.gtin = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        <button
          class="primary"
          type="submit"
          part="save"
          ?disabled=${this.saving || (this.enabled && help.kind === 'error')}
        >
          ${t.save}
        </button>
      </div>
      ${
        this.outcome
          ? html`<p
            class="notice ${this.outcome.ok ? 'ok' : 'error'}"
            part="outcome"
            data-ok=${String(this.outcome.ok)}
          >
            ${this.outcome.text}
          </p>`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </form>`;
  }
}
