import type { ReturnCheck } from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { ReturnDecidedEvent } from '../events/return-decided.js';
import { fill } from '../localize/translation.js';
import styles from './returns-desk.styles.js';

type Disposition = 'restock' | 'quarantine' | 'scrap';

/**
 * The returns desk: scan the unit sent back and type or scan the order it claims; the service's
 * verdict (match, mismatch with the order it really shipped in, unknown…); then accept it to
 * stock, quarantine or scrap, or reject it with a reason.
 *
 * @summary The returns desk of the merchant console.
 * @tagname serialkit-returns-desk
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {ReturnDecidedEvent} serialkit-return-decided - A return was accepted or rejected.
 *
 * @csspart base - The wrapper.
 * @csspart serial-input - The serial field.
 * @csspart order-input - The order field.
 * @csspart check - The check button.
 * @csspart verdict - The verdict.
 * @csspart disposition - Where an accepted unit goes.
 * @csspart reason-input - The reason field.
 * @csspart accept - The accept button.
 * @csspart reject - The reject button.
 * @csspart outcome - What the service recorded.
 *
 * @example
 * <serialkit-returns-desk></serialkit-returns-desk>
 */
export class ReturnsDesk extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    serial: { state: true },
    orderId: { state: true },
    check: { state: true },
    disposition: { state: true },
    reason: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };

  declare private serial: string;
  declare private orderId: string;
  declare private check: ReturnCheck | undefined;
  declare private disposition: Disposition;
  declare private reason: string;
  declare private outcome: { ok: boolean; text: string } | undefined;
  declare private busy: boolean;

  constructor() {
    super();
    this.serial = '';
    this.orderId = '';
    this.disposition = 'restock';
    this.reason = '';
    this.busy = false;
  }

  async #inspect(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.serial.trim() || !this.orderId.trim()) return;
    this.busy = true;
    this.outcome = undefined;
    try {
      this.check = await this.api.send<ReturnCheck>('POST', '/v1/returns/inspect', {
        orderId: this.orderId.trim(),
        serial: this.serial.trim(),
      });
      this.announce(this.#verdictText(this.check));
    } catch (error) {
      this.check = undefined;
      this.outcome = { ok: false, text: this.#errorText(error) };
      this.announce(this.outcome.text);
    } finally {
      this.busy = false;
    }
  }

  async #decide(decision: 'accepted' | 'rejected'): Promise<void> {
    const check = this.check;
    if (!check?.serial) return;
    const body =
      decision === 'accepted'
        ? {
            orderId: check.orderId,
            serial: check.serial,
            ...(check.sku ? { sku: check.sku } : {}),
            disposition: this.disposition,
            ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
          }
        : {
            orderId: check.orderId,
            serial: check.serial,
            ...(check.sku ? { sku: check.sku } : {}),
            reason: this.reason.trim() || this.#verdictText(check),
          };
    this.busy = true;
    try {
      await this.api.send(
        'POST',
        decision === 'accepted' ? '/v1/returns/accept' : '/v1/returns/reject',
        body,
      );
      const text = fill(
        decision === 'accepted' ? this.t.returnAccepted : this.t.returnRejected,
        check.serial,
      );
      this.outcome = { ok: true, text };
      this.dispatchEvent(
        new ReturnDecidedEvent({
          orderId: check.orderId,
          serial: check.serial,
          decision,
          ...(decision === 'accepted' ? { disposition: this.disposition } : {}),
        }),
      );
      this.check = undefined;
      this.serial = '';
      this.reason = '';
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#serial')?.focus();
  }

  #verdictText(check: ReturnCheck): string {
    const verdict = this.t.verdicts[check.verdict] ?? check.verdict;
    return check.shippedInOrderId
      ? `${verdict} ${fill(this.t.shippedInstead, check.shippedInOrderId)}`
      : verdict;
  }

  #errorText(error: unknown): string {
    if (error instanceof AdminApiError) {
      const issues = error.issues.map((issue) => issue.message).join('; ');
      return fill(this.t.failed, issues || error.message);
    }
    return fill(this.t.failed, String(error));
  }

  override render() {
    const t = this.t;
    const check = this.check;
    const tone =
      check?.verdict === 'match' ? 'ok' : check?.verdict === 'mismatch' ? 'error' : 'warn';
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.returnsTitle}</h2>
      <form @submit=${this.#inspect}>
        <div class="row">
          <div class="field">
            <label for="serial">${t.returnSerialLabel}</label>
            <input
              id="serial"
              part="serial-input"
              class="mono"
              autocomplete="off"
              spellcheck="false"
              .value=${this.serial}
              @input=${(e: Event) => (this.serial = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="order">${t.returnOrderLabel}</label>
            <input
              id="order"
              part="order-input"
              class="mono"
              autocomplete="off"
              spellcheck="false"
              .value=${this.orderId}
              @input=${(e: Event) => (this.orderId = (e.target as HTMLInputElement).value)}
            />
          </div>
          <button class="primary" type="submit" part="check" ?disabled=${this.busy}>
            ${t.checkReturn}
          </button>
        </div>
      </form>
      ${
        check
          ? html`<div class="notice ${tone}" part="verdict" data-verdict=${check.verdict}>
            <p class="verdict">${this.#verdictText(check)}</p>
            ${check.sku ? html`<p class="mono">${check.sku} · ${check.serial}</p>` : nothing}
          </div>
          ${
            check.serial && check.verdict !== 'unknown' && check.verdict !== 'invalid'
              ? html`<div class="actions">
                <div class="field">
                  <label for="disposition">${t.dispositionLabel}</label>
                  <select
                    id="disposition"
                    part="disposition"
                    @change=${(e: Event) =>
                      (this.disposition = (e.target as HTMLSelectElement).value as Disposition)}
                  >
                    ${(['restock', 'quarantine', 'scrap'] as const).map(
                      (d) =>
                        html`<option value=${d} ?selected=${this.disposition === d}>
                          ${t.dispositions[d]}
                        </option>`,
                    )}
                  </select>
                </div>
                <div class="field">
                  <label for="reason">${t.reasonLabel}</label>
                  <input
                    id="reason"
                    part="reason-input"
                    .value=${this.reason}
                    @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
                  />
                </div>
                <button
                  type="button"
                  class="primary"
                  part="accept"
                  ?disabled=${this.busy || check.verdict !== 'match'}
                  @click=${() => this.#decide('accepted')}
                >
                  ${t.acceptReturn}
                </button>
                <button
                  type="button"
                  part="reject"
                  ?disabled=${this.busy}
                  @click=${() => this.#decide('rejected')}
                >
                  ${t.rejectReturn}
                </button>
              </div>`
              : nothing
          }`
          : nothing
      }
      ${
        this.outcome
          ? html`<p class="notice ${this.outcome.ok ? 'ok' : 'error'}" part="outcome">
            ${this.outcome.text}
          </p>`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
