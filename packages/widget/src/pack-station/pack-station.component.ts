import type { Order, PickResult, Sku } from '@serialkit/core';
import { html, nothing, type PropertyValues } from 'lit';
import { AdminApiError, type Page } from '../api/admin-client.js';
import { CameraScan } from '../console/camera-scan.js';
import { ConsoleElement } from '../console/console-element.js';
import { OrderShippedEvent, PackScanEvent } from '../events/pack-scan.js';
import { fill } from '../localize/translation.js';
import { beep } from './beep.js';
import styles from './pack-station.styles.js';
import { orderLines } from './templates/order-lines.js';

/**
 * The pack station: open an order (typed or scanned), then scan its units one after the other.
 * Each scan is matched by the service to its SKU across the catalog, checked against the order's
 * lines and the unit's state, and answered at once, visibly (a large coloured answer) and
 * audibly (one high tone for accepted, two low ones for a refusal): accepted, mistyped (with the
 * suggestions to take), wrong SKU, line full, already shipped, recalled, not registered. Undo the
 * last scan; ship when the lines are complete, or partially on purpose. Built for a tablet at a
 * packing bench and for hands holding a scanner: large targets, the scan field keeps the focus,
 * and every action has a key (Enter scans, Ctrl+Z undoes the last scan, Ctrl+Enter ships).
 * Where the browser can read codes from a camera, a button next to the order field and one next
 * to the scan field open it: a packing slip's code opens its order, a unit's label picks it.
 *
 * @summary The pack station of the merchant console.
 * @tagname serialkit-pack-station
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 * @attr {string} order-id - The order to open.
 * @attr {boolean} muted - No sounds.
 *
 * @event {PackScanEvent} serialkit-pack-scan - The service answered a scan.
 * @event {OrderShippedEvent} serialkit-order-shipped - The order was shipped.
 *
 * @csspart base - The wrapper.
 * @csspart order-input - The order field.
 * @csspart open-order - The open button.
 * @csspart scan-input - The scan field.
 * @csspart scan - The camera scan button of the unit field (only where the browser can read codes).
 * @csspart scan-order - The camera scan button of the order field (likewise).
 * @csspart scanner - The camera dialog.
 * @csspart scanner-video - The camera picture.
 * @csspart scanner-cancel - The dialog's cancel button.
 * @csspart answer - The answer to the last scan.
 * @csspart suggestion - Each suggested serial of a mistyped scan.
 * @csspart lines - The order's lines.
 * @csspart undo - The undo button.
 * @csspart ship - The ship button.
 * @csspart ship-partial - The partial ship button.
 * @csspart outcome - What the service said of the order.
 *
 * @cssproperty --serialkit-ok - Accepted answers. Default `#116329`.
 * @cssproperty --serialkit-warn - Mistyped and full-line answers. Default `#8a4b00`.
 * @cssproperty --serialkit-error - Refusals. Default `#b42318`.
 *
 * @example
 * <serialkit-pack-station order-id="ORD-1001"></serialkit-pack-station>
 */
export class PackStation extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    orderId: { attribute: 'order-id' },
    muted: { type: Boolean, reflect: true },
    order: { state: true },
    orderDraft: { state: true },
    scan: { state: true },
    answer: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };

  declare private order: Order | undefined;
  declare private orderDraft: string;
  declare private scan: string;
  declare private answer: PickResult | undefined;
  declare private outcome: { ok: boolean; text: string } | undefined;
  declare private busy: boolean;
  /** SKUs without serial tracking: their lines ship without scans. */
  #untracked = new Set<string>();
  readonly #camera = new CameraScan(this);

  /** The order to open. */
  declare orderId: string | undefined;
  /** No sounds. */
  declare muted: boolean;

  #onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 'z' || event.key === 'Z') {
      event.preventDefault();
      void this.undo();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.ship(false);
    }
  };

  constructor() {
    super();
    this.muted = false;
    this.orderDraft = '';
    this.scan = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
    void this.api
      .get<Page<Sku>>('/v1/skus', { tracking: false, limit: 1000 })
      .then((page) => {
        this.#untracked = new Set(page.items.map((sku) => sku.sku));
      })
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderId') && this.orderId) void this.open(this.orderId);
  }

  /** Opens an order by its id (as typed or scanned). */
  async open(id: string): Promise<void> {
    const orderId = id.trim();
    if (!orderId) return;
    this.outcome = undefined;
    this.answer = undefined;
    try {
      this.order = await this.api.get<Order>(`/v1/orders/${encodeURIComponent(orderId)}`);
      this.orderDraft = this.order.id;
      this.announce(
        fill(this.t.orderOpened, this.order.id, this.t.orderStatuses[this.order.status]),
      );
    } catch (error) {
      this.order = undefined;
      this.outcome = {
        ok: false,
        text:
          error instanceof AdminApiError && error.status === 404
            ? fill(this.t.orderNotFound, orderId)
            : this.#errorText(error),
      };
      this.announce(this.outcome.text);
    }
    await this.#focusScan();
  }

  /** Sends a scan (or a suggestion taken) to the order; the answer is shown, heard and announced. */
  async pick(input: string, sku?: string): Promise<void> {
    const order = this.order;
    if (!order || !input.trim() || this.busy) return;
    this.busy = true;
    try {
      const result = await this.api.send<PickResult>(
        'POST',
        `/v1/orders/${encodeURIComponent(order.id)}/picks`,
        { input: input.trim(), ...(sku ? { sku } : {}) },
      );
      this.order = result.order;
      this.answer = result;
      this.outcome = undefined;
      this.scan = '';
      if (!this.muted) beep(result.outcome === 'accepted' ? 'accepted' : 'refused');
      this.announce(this.#answerText(result));
      this.dispatchEvent(
        new PackScanEvent({
          orderId: order.id,
          input: result.input,
          outcome: result.outcome,
          ...(result.sku ? { sku: result.sku } : {}),
          ...(result.serial ? { serial: result.serial } : {}),
        }),
      );
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
      if (!this.muted) beep('refused');
      this.announce(this.outcome.text);
    } finally {
      this.busy = false;
    }
    await this.#focusScan();
  }

  /** Reads an order's code (a packing slip's) from the camera and opens the order. */
  async #scanOrderWithCamera(opener: HTMLElement): Promise<void> {
    const scanned = await this.#camera.read(opener);
    if (!scanned) return;
    if ('failure' in scanned) {
      this.#cameraFailed(scanned.failure);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="order-input"]')?.focus();
      return;
    }
    this.orderDraft = scanned.code.trim();
    await this.open(scanned.code);
  }

  #cameraFailed(failure: 'denied' | 'failed'): void {
    this.outcome = {
      ok: false,
      text: failure === 'denied' ? this.t.scanDenied : this.t.scanFailed,
    };
    this.announce(this.outcome.text);
  }

  /** Reads a unit's code from the camera and sends it to the order. */
  async #scanWithCamera(opener: HTMLElement): Promise<void> {
    const scanned = await this.#camera.read(opener);
    if (!scanned) return;
    if ('failure' in scanned) {
      this.#cameraFailed(scanned.failure);
      await this.#focusScan();
      return;
    }
    await this.pick(scanned.code);
  }

  /** Puts the last scanned unit back. */
  async undo(): Promise<void> {
    const order = this.order;
    const last = order?.picks.at(-1);
    if (!order || !last || this.busy) return;
    this.busy = true;
    try {
      this.order = await this.api.send<Order>(
        'DELETE',
        `/v1/orders/${encodeURIComponent(order.id)}/picks/${encodeURIComponent(last.sku)}/${encodeURIComponent(last.serial)}`,
      );
      this.answer = undefined;
      this.outcome = { ok: true, text: fill(this.t.undone, last.serial) };
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
    await this.#focusScan();
  }

  /** Ships the order: complete (every line), or `partial` on purpose. */
  async ship(partial: boolean): Promise<void> {
    const order = this.order;
    if (!order || this.busy || (!partial && !this.#complete(order))) return;
    const untracked = order.lines
      .filter((line) => this.#untracked.has(line.sku) && line.quantity > line.shipped)
      .map((line) => ({ sku: line.sku, quantity: line.quantity - line.shipped }));
    this.busy = true;
    try {
      const shipped = await this.api.send<{ order: Order; shipment: { shipmentId?: string } }>(
        'POST',
        `/v1/orders/${encodeURIComponent(order.id)}/ship`,
        { ...(partial ? { partial: true } : {}), ...(untracked.length ? { untracked } : {}) },
      );
      this.order = shipped.order;
      this.answer = undefined;
      const shipmentId =
        shipped.shipment.shipmentId ?? shipped.order.shipments.at(-1)?.shipmentId ?? '';
      this.outcome = { ok: true, text: fill(this.t.orderShipped, shipmentId) };
      this.dispatchEvent(new OrderShippedEvent({ orderId: order.id, shipmentId, partial }));
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
    await this.#focusScan();
  }

  /** Every line is complete: tracked lines by their scans, untracked lines ship by quantity. */
  #complete(order: Order): boolean {
    return order.lines.every(
      (line) => this.#untracked.has(line.sku) || line.picked + line.shipped >= line.quantity,
    );
  }

  #answerText(result: PickResult): string {
    const words = this.t.pickOutcomes[result.outcome] ?? result.outcome;
    return result.serial ? `${words}: ${result.serial}` : `${words}: ${result.input}`;
  }

  #errorText(error: unknown): string {
    if (error instanceof AdminApiError) {
      const issues = error.issues.map((issue) => issue.message).join('; ');
      return fill(this.t.failed, issues || error.message);
    }
    return fill(this.t.failed, String(error));
  }

  async #focusScan(): Promise<void> {
    await this.updateComplete;
    // The scan field while an order is open; once it is shipped, "Next order"; else the order.
    const target =
      this.renderRoot.querySelector<HTMLElement>('[part~="scan-input"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="next-order"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="order-input"]');
    target?.focus();
  }

  /** A click on nothing in particular must not take the focus from the scanner. */
  #keepFocus(event: FocusEvent): void {
    if (event.relatedTarget === null) setTimeout(() => void this.#focusScan(), 0);
  }

  #next(): void {
    this.order = undefined;
    this.answer = undefined;
    this.outcome = undefined;
    this.orderDraft = '';
    void this.#focusScan();
  }

  #answer() {
    const answer = this.answer;
    if (!answer) return nothing;
    const t = this.t;
    return html`<div class="answer" part="answer" data-outcome=${answer.outcome}>
      ${t.pickOutcomes[answer.outcome] ?? answer.outcome}
      <span class="serial">${answer.serial ?? answer.input}${answer.sku ? ` · ${answer.sku}` : ''}</span>
      ${
        answer.outcome === 'mistyped' && answer.suggestions?.length
          ? html`<div class="suggestions">
            ${answer.suggestions.map(
              (suggestion, i) => html`<button
                type="button"
                part="suggestion"
                aria-keyshortcuts=${`Alt+${i + 1}`}
                @click=${() => this.pick(suggestion.serial, suggestion.sku)}
              >
                ${fill(t.takeSuggestion, suggestion.serial)}
              </button>`,
            )}
          </div>`
          : nothing
      }
    </div>`;
  }

  #onScanKey(event: KeyboardEvent): void {
    // Alt+1…9 takes a suggestion without leaving the scan field.
    const n = Number(event.key);
    const suggestion = event.altKey && n >= 1 ? this.answer?.suggestions?.[n - 1] : undefined;
    if (suggestion) {
      event.preventDefault();
      void this.pick(suggestion.serial, suggestion.sku);
    }
  }

  override render() {
    const t = this.t;
    const order = this.order;
    const shippable = order && order.status !== 'shipped' && order.status !== 'cancelled';
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.packTitle}</h2>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.open(this.orderDraft);
        }}
      >
        <label for="order">${t.packOrderLabel}</label>
        <div class="row">
          <input
            id="order"
            part="order-input"
            class="mono"
            autocomplete="off"
            spellcheck="false"
            .value=${this.orderDraft}
            @input=${(e: Event) => (this.orderDraft = (e.target as HTMLInputElement).value)}
          />
          ${this.#camera.button(
            t,
            'scan-order',
            (button) => void this.#scanOrderWithCamera(button),
            t.scanOrder,
          )}
          <button type="submit" part="open-order">${t.openOrder}</button>
          <label class="sound"
            ><input
              type="checkbox"
              .checked=${!this.muted}
              @change=${(e: Event) => (this.muted = !(e.target as HTMLInputElement).checked)}
            />${t.soundLabel}</label
          >
        </div>
      </form>
      ${
        order
          ? html`${
              shippable
                ? html`<form
                  class="scan"
                  @submit=${(e: Event) => {
                    e.preventDefault();
                    void this.pick(this.scan);
                  }}
                >
                  <label for="scan">${t.packScanLabel}</label>
                  <p id="scan-help" class="help">${t.packScanHelp} ${t.shortcuts}</p>
                  <div class="scan-row">
                    <input
                      id="scan"
                      part="scan-input"
                      class="mono"
                      autocomplete="off"
                      autocapitalize="characters"
                      spellcheck="false"
                      enterkeyhint="send"
                      aria-describedby="scan-help"
                      aria-keyshortcuts="Control+Z Control+Enter"
                      .value=${this.scan}
                      @input=${(e: Event) => (this.scan = (e.target as HTMLInputElement).value)}
                      @keydown=${this.#onScanKey}
                      @focusout=${this.#keepFocus}
                    />
                    ${this.#camera.button(t, 'scan', (button) => void this.#scanWithCamera(button))}
                  </div>
                </form>`
                : nothing
            }
            ${this.#answer()} ${orderLines(t, order)}
            <div class="actions">
              ${
                shippable
                  ? html`<button
                      type="button"
                      part="undo"
                      aria-keyshortcuts="Control+Z"
                      ?disabled=${this.busy || order.picks.length === 0}
                      @click=${() => this.undo()}
                    >
                      ${t.undoLast}
                    </button>
                    <button
                      type="button"
                      class="primary"
                      part="ship"
                      aria-keyshortcuts="Control+Enter"
                      ?disabled=${this.busy || !this.#complete(order)}
                      @click=${() => this.ship(false)}
                    >
                      ${t.shipOrder}
                    </button>
                    <button
                      type="button"
                      part="ship-partial"
                      ?disabled=${this.busy || order.picks.length === 0}
                      @click=${() => this.ship(true)}
                    >
                      ${t.shipPartial}
                    </button>`
                  : html`<button type="button" class="primary" part="next-order" @click=${this.#next}>
                    ${t.nextOrder}
                  </button>`
              }
            </div>`
          : nothing
      }
      ${
        this.outcome
          ? html`<p class="notice ${this.outcome.ok ? 'ok' : 'error'}" part="outcome">
            ${this.outcome.text}
          </p>`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="assertive">${this.announcement}</div>
      ${this.#camera.dialog(t)}
    </section>`;
  }
}
