import type { Lookup, Trace } from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { fill } from '../localize/translation.js';
import styles from './serial-search.styles.js';
import { unitCard } from './templates/unit-card.js';

/**
 * Finds a unit by what the merchant types or scans: a serial (any case, separators or none), a
 * GS1 element string or a GS1 Digital Link; the service resolves it across the catalog. A
 * keyboard-wedge scanner types fast and presses Enter: the field keeps the focus and selects its
 * text after each answer, so the next scan replaces it. Shows the unit card: SKU, status, the
 * orders it shipped in and to whom, its history as a timeline, and its sightings.
 *
 * @summary Serial search and the unit card of the merchant console.
 * @tagname serialkit-serial-search
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @csspart base - The wrapper.
 * @csspart serial-input - The search field.
 * @csspart find - The Find button.
 * @csspart not-found - The answer when no unit matches.
 * @csspart unit-card - The unit card.
 * @csspart unit-sku - The unit's SKU.
 * @csspart unit-status - The unit's status.
 * @csspart orders - The orders it shipped in.
 * @csspart order-id - Each order's id.
 * @csspart timeline - The history.
 * @csspart sightings - The sightings.
 *
 * @cssproperty --serialkit-accent - Buttons, the timeline and the focus ring. Default `#0b57d0`.
 *
 * @example
 * <serialkit-serial-search></serialkit-serial-search>
 */
export class SerialSearch extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    input: { state: true },
    busy: { state: true },
    lookup: { state: true },
    trace: { state: true },
    missing: { state: true },
    error: { state: true },
  };

  declare private input: string;
  declare private busy: boolean;
  declare private lookup: Lookup | undefined;
  declare private trace: Trace | undefined;
  declare private missing: string | undefined;
  declare private error: string | undefined;

  constructor() {
    super();
    this.input = '';
    this.busy = false;
  }

  /** Looks `input` up, as if the merchant had typed it and pressed Enter. */
  async find(input: string): Promise<void> {
    this.input = input;
    await this.#search();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('#serial')?.focus(options);
  }

  async #search(): Promise<void> {
    const input = this.input.trim();
    if (!input) return;
    this.busy = true;
    this.error = undefined;
    this.missing = undefined;
    try {
      const path = `/v1/serials/${encodeURIComponent(input)}`;
      const lookup = await this.api.get<Lookup>(path);
      const trace = await this.api
        .get<Trace>(`${path}/trace`, { sku: lookup.record.sku })
        .catch(() => undefined);
      this.lookup = lookup;
      this.trace = trace;
      this.announce(fill(this.t.unitFound, lookup.record.serial, lookup.record.sku));
    } catch (error) {
      this.lookup = undefined;
      this.trace = undefined;
      if (error instanceof AdminApiError && (error.status === 404 || error.status === 400)) {
        this.missing = error.issues.length
          ? `${fill(this.t.notFound, input)} ${error.issues.map((i) => i.message).join('; ')}`
          : fill(this.t.notFound, input);
        this.announce(this.missing);
      } else {
        this.error = fill(this.t.failed, (error as Error).message);
        this.announce(this.error);
      }
    } finally {
      this.busy = false;
      // Ready for the next scan: the field keeps the focus, its text selected.
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('#serial');
      field?.select();
    }
  }

  #submit(event: Event): void {
    event.preventDefault();
    void this.#search();
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.searchTitle}</h2>
      <form role="search" @submit=${this.#submit}>
        <label for="serial">${t.serialInputLabel}</label>
        <p id="serial-help" class="help">${t.serialInputHelp}</p>
        <div class="row">
          <input
            id="serial"
            type="text"
            part="serial-input"
            class="mono"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            enterkeyhint="search"
            aria-describedby="serial-help"
            .value=${this.input}
            @input=${(e: Event) => (this.input = (e.target as HTMLInputElement).value)}
          />
          <button class="primary" type="submit" part="find" ?disabled=${this.busy}>
            ${t.find}
          </button>
        </div>
      </form>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${this.missing ? html`<p class="notice warn" part="not-found">${this.missing}</p>` : nothing}
      ${this.lookup ? unitCard(t, this.lookup, this.trace, (iso) => this.formatDate(iso)) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
