import type { Sku } from '@serialkit/core';
import { html, nothing } from 'lit';
import type { Page } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { SkuSelectEvent } from '../events/sku-select.js';
import { fill } from '../localize/translation.js';
import styles from './sku-list.styles.js';
import { skuRows } from './templates/sku-rows.js';

/** The tracking filter: every SKU, or those with serial tracking on or off. */
export type TrackingFilter = 'all' | 'on' | 'off';

/**
 * The merchant's SKUs: filtered by serial tracking (on / off, asked of the service) and searched
 * by id or name as you type; each row's Edit button fires `serialkit-sku-select`.
 *
 * @summary The SKU list of the merchant console.
 * @tagname serialkit-sku-list
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 * @attr {string} tracking - The filter: `all` (default), `on` or `off`.
 *
 * @event {SkuSelectEvent} serialkit-sku-select - The merchant chose a SKU to edit.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter row.
 * @csspart tracking-filter - The tracking select.
 * @csspart search-input - The search field.
 * @csspart table - The table of SKUs.
 * @csspart edit - Each row's Edit button.
 *
 * @cssproperty --serialkit-accent - Buttons, links and the focus ring. Default `#0b57d0`.
 *
 * @example
 * <serialkit-sku-list tracking="on"></serialkit-sku-list>
 */
export class SkuList extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    tracking: { reflect: true },
    query: { state: true },
    skus: { state: true },
    error: { state: true },
  };

  declare private query: string;
  declare private skus: Sku[] | undefined;
  declare private error: string | undefined;

  /** Which SKUs to list by serial tracking. */
  declare tracking: TrackingFilter;

  constructor() {
    super();
    this.tracking = 'all';
    this.query = '';
    this.skus = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Loads the SKUs again (after an edit elsewhere). */
  async refresh(): Promise<void> {
    this.error = undefined;
    try {
      const skus: Sku[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Sku> = await this.api.get<Page<Sku>>('/v1/skus', {
          tracking: this.tracking === 'all' ? undefined : this.tracking === 'on',
          limit: 1000,
          cursor,
        });
        skus.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && skus.length < 10_000);
      this.skus = skus;
      this.announce(fill(this.t.skusShown, this.#shown.length));
    } catch (error) {
      this.error = fill(this.t.failed, (error as Error).message);
    }
  }

  /** The loaded SKUs that match the search (id or name, any case). */
  get #shown(): Sku[] {
    const needle = this.query.trim().toLowerCase();
    const skus = this.skus ?? [];
    if (!needle) return skus;
    return skus.filter(
      (sku) => sku.sku.toLowerCase().includes(needle) || sku.name.toLowerCase().includes(needle),
    );
  }

  #onTracking(event: Event): void {
    this.tracking = (event.target as HTMLSelectElement).value as TrackingFilter;
    void this.refresh();
  }

  #onQuery(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.announce(fill(this.t.skusShown, this.#shown.length));
  }

  #select(sku: string): void {
    this.dispatchEvent(new SkuSelectEvent(sku));
  }

  override render() {
    const t = this.t;
    const shown = this.#shown;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.skusTitle}</h2>
      <div class="row" part="filters">
        <div class="field">
          <label for="tracking">${t.trackingFilterLabel}</label>
          <select id="tracking" part="tracking-filter" @change=${this.#onTracking}>
            <option value="all" ?selected=${this.tracking === 'all'}>${t.all}</option>
            <option value="on" ?selected=${this.tracking === 'on'}>${t.trackingOn}</option>
            <option value="off" ?selected=${this.tracking === 'off'}>${t.trackingOff}</option>
          </select>
        </div>
        <div class="field">
          <label for="search">${t.skuSearchLabel}</label>
          <input
            id="search"
            type="search"
            part="search-input"
            autocomplete="off"
            .value=${this.query}
            @input=${this.#onQuery}
          />
        </div>
      </div>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${this.skus === undefined && !this.error ? html`<p>${t.loading}</p>` : nothing}
      ${this.skus !== undefined ? skuRows(t, shown, (sku) => this.#select(sku)) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
