import type { SerialRecord, SerialStatus } from '@serialkit/core';
import { html, nothing } from 'lit';
import type { Page } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { saveFile } from '../console/save-file.js';
import { UnitOpenEvent } from '../events/unit-open.js';
import { fill } from '../localize/translation.js';
import { unitTable } from './templates/unit-table.js';
import { emptyFilter, type UnitFilter, unitQuery } from './unit-filter.js';
import styles from './unit-list.styles.js';

const STATUSES: SerialStatus[] = [
  'in_stock',
  'allocated',
  'shipped',
  'returned',
  'quarantined',
  'scrapped',
];
const PAGE_SIZE = 50;

/**
 * The units, a page at a time, filtered by SKU, status, lot, order and manufacture or shipment
 * window; the same filter exports every matching unit as CSV. A unit's serial fires
 * `serialkit-unit-open`.
 *
 * @summary The Units list of the merchant console.
 * @tagname serialkit-unit-list
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 * @attr {string} sku - Only this SKU's units (the SKU field starts with it).
 *
 * @event {UnitOpenEvent} serialkit-unit-open - The merchant opened a unit.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart table - The table of units.
 * @csspart open-unit - Each unit's serial.
 * @csspart next - The next page button.
 * @csspart export - The CSV export button.
 *
 * @example
 * <serialkit-unit-list sku="HP-200"></serialkit-unit-list>
 */
export class UnitList extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    sku: {},
    filter: { state: true },
    units: { state: true },
    cursor: { state: true },
    nextCursor: { state: true },
    error: { state: true },
  };

  declare private filter: UnitFilter;
  declare private units: SerialRecord[] | undefined;
  declare private cursor: string | null;
  declare private nextCursor: string | null;
  declare private error: string | undefined;

  /** Only this SKU's units, to start with. */
  declare sku: string;

  constructor() {
    super();
    this.sku = '';
    this.filter = { ...emptyFilter };
    this.cursor = null;
    this.nextCursor = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = { ...this.filter, sku: this.sku || this.filter.sku };
    void this.#load(null);
  }

  async #load(cursor: string | null): Promise<void> {
    this.error = undefined;
    try {
      const page = await this.api.get<Page<SerialRecord>>('/v1/serials', {
        ...unitQuery(this.filter),
        limit: PAGE_SIZE,
        cursor,
      });
      this.units = page.items;
      this.cursor = cursor;
      this.nextCursor = page.nextCursor;
      this.announce(fill(this.t.rows, page.items.length));
    } catch (error) {
      this.error = fill(this.t.failed, (error as Error).message);
    }
  }

  async #export(): Promise<void> {
    try {
      saveFile(
        await this.api.download('/v1/exports/serials.csv', unitQuery(this.filter)),
        'units.csv',
      );
    } catch (error) {
      this.error = fill(this.t.failed, (error as Error).message);
    }
  }

  #set(name: keyof UnitFilter) {
    return (event: Event) => {
      this.filter = { ...this.filter, [name]: (event.target as HTMLInputElement).value };
    };
  }

  #field(name: keyof UnitFilter, label: string, type = 'text') {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} type=${type} .value=${this.filter[name]} @input=${this.#set(name)} />
    </div>`;
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.unitsTitle}</h2>
      <form
        part="filters"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#load(null);
        }}
      >
        <div class="row">
          ${this.#field('sku', t.skuColumn)}
          <div class="field">
            <label for="status">${t.statusLabel}</label>
            <select id="status" @change=${this.#set('status')}>
              <option value="">${t.any}</option>
              ${STATUSES.map(
                (status) =>
                  html`<option value=${status} ?selected=${this.filter.status === status}>
                    ${t.statuses[status]}
                  </option>`,
              )}
            </select>
          </div>
          ${this.#field('lot', t.lotLabel)} ${this.#field('orderId', t.orderLabel)}
        </div>
        <div class="row">
          ${this.#field('manufacturedFrom', t.manufacturedFromLabel, 'date')}
          ${this.#field('manufacturedTo', t.manufacturedToLabel, 'date')}
          ${this.#field('shippedFrom', t.shippedFromLabel, 'date')}
          ${this.#field('shippedTo', t.shippedToLabel, 'date')}
        </div>
        <div class="row" style="margin-top:0.75rem">
          <button class="primary" type="submit" part="apply">${t.applyFilters}</button>
          <button type="button" part="export" @click=${this.#export}>${t.exportCsv}</button>
        </div>
      </form>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${
        this.units === undefined
          ? html`<p>${t.loading}</p>`
          : unitTable(
              t,
              this.units,
              (unit) => this.dispatchEvent(new UnitOpenEvent(unit.sku, unit.serial)),
              (iso) => this.formatDate(iso),
            )
      }
      <div class="pager">
        <button type="button" ?disabled=${this.cursor === null} @click=${() => this.#load(null)}>
          ${t.previous}
        </button>
        <button
          type="button"
          part="next"
          ?disabled=${this.nextCursor === null}
          @click=${() => this.#load(this.nextCursor)}
        >
          ${t.next}
        </button>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
