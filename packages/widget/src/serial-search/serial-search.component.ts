import type {
  Correction,
  Lookup,
  SerialRecord,
  SerialSuggestions,
  Trace,
  VoidResult,
} from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError } from '../api/admin-client.js';
import { CameraScan } from '../console/camera-scan.js';
import { ConsoleElement } from '../console/console-element.js';
import { fill } from '../localize/translation.js';
import styles from './serial-search.styles.js';
import { unitCard } from './templates/unit-card.js';
import {
  type CorrectionDraft,
  type CorrectionState,
  draftOf,
  unitCorrections,
} from './templates/unit-corrections.js';

/** The route of each correction. */
const CORRECTION_PATHS: Record<Correction, string> = {
  release: '/v1/corrections/release',
  liftRecall: '/v1/corrections/lift-recall',
  void: '/v1/corrections/void',
  edit: '/v1/corrections/edit',
};

/** A day as the service's timestamp (midnight UTC), or null when the field was emptied. */
function dayOf(value: string): string | null {
  return value ? `${value}T00:00:00.000Z` : null;
}

/**
 * Finds a unit by what the merchant types or scans: a serial (any case, separators or none), a
 * GS1 element string or a GS1 Digital Link; the service resolves it across the catalog. A
 * keyboard-wedge scanner types fast and presses Enter: the field keeps the focus and selects its
 * text after each answer, so the next scan replaces it. Where the browser can read codes from a
 * camera, a scan button opens it. A serial not found comes with the registered units it could
 * be (a look-alike character, a swap, one wrong, dropped or added character), each opening its
 * unit card. Shows the unit card: SKU, status, the
 * corrections its state allows (release from quarantine, lift its recall, void, edit lot and
 * dates; each confirmed with a reason, a refusal shown with the service's reason), every shipment
 * it left in (to whom, when it came back), its history as a timeline, and its sightings.
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
 * @csspart suggestions - The units a serial not found could be.
 * @csspart suggestion - Each of them: opens its unit card.
 * @csspart scan - The camera scan button (only where the browser can read codes).
 * @csspart scanner - The camera dialog.
 * @csspart scanner-video - The camera picture.
 * @csspart scanner-cancel - The dialog's cancel button.
 * @csspart unit-card - The unit card.
 * @csspart unit-sku - The unit's SKU.
 * @csspart unit-status - The unit's status.
 * @csspart orders - The orders it shipped in.
 * @csspart order-id - Each order's id.
 * @csspart timeline - The history.
 * @csspart sightings - The sightings.
 * @csspart corrections - The corrections the unit's state allows.
 * @csspart correction - Each correction's button.
 * @csspart correction-form - The confirmation of a correction, with its fields.
 * @csspart release-to - Where a released unit goes (stock or scrap).
 * @csspart edit-lot - The new lot.
 * @csspart edit-manufactured - The new manufacture date.
 * @csspart edit-received - The new receipt date.
 * @csspart correction-reason - The reason of the correction.
 * @csspart apply-correction - The button that applies it.
 * @csspart cancel-correction - The button that leaves the unit as it is.
 * @csspart correction-outcome - What the service said.
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
    suggestions: { state: true },
    error: { state: true },
    done: { state: true },
    correction: { state: true },
  };

  declare private input: string;
  declare private busy: boolean;
  declare private lookup: Lookup | undefined;
  declare private trace: Trace | undefined;
  declare private missing: string | undefined;
  /** The units a serial not found could be. */
  declare private suggestions: SerialSuggestions['items'];
  declare private error: string | undefined;
  /** What a correction that removed the unit did (the card is gone). */
  declare private done: string | undefined;
  declare private correction: CorrectionState;
  readonly #camera = new CameraScan(this);

  constructor() {
    super();
    this.input = '';
    this.busy = false;
    this.suggestions = [];
    this.correction = {
      open: undefined,
      draft: draftOf(),
      busy: false,
      outcome: undefined,
    };
  }

  /** Looks `input` up, as if the merchant had typed it and pressed Enter. */
  async find(input: string): Promise<void> {
    this.input = input;
    await this.#search();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('#serial')?.focus(options);
  }

  /** Looks the field's text up (in `sku` only, for a suggestion taken). */
  async #search(sku?: string): Promise<void> {
    const input = this.input.trim();
    if (!input) return;
    this.busy = true;
    this.error = undefined;
    this.missing = undefined;
    this.suggestions = [];
    this.done = undefined;
    try {
      const path = `/v1/serials/${encodeURIComponent(input)}`;
      const lookup = await this.api.get<Lookup>(path, { sku });
      const trace = await this.api
        .get<Trace>(`${path}/trace`, { sku: lookup.record.sku })
        .catch(() => undefined);
      this.lookup = lookup;
      this.trace = trace;
      this.correction = {
        open: undefined,
        draft: draftOf(lookup.record),
        busy: false,
        outcome: undefined,
      };
      this.announce(fill(this.t.unitFound, lookup.record.serial, lookup.record.sku));
    } catch (error) {
      this.lookup = undefined;
      this.trace = undefined;
      if (error instanceof AdminApiError && (error.status === 404 || error.status === 400)) {
        this.missing = error.issues.length
          ? `${fill(this.t.notFound, input)} ${error.issues.map((i) => i.message).join('; ')}`
          : fill(this.t.notFound, input);
        this.suggestions = await this.#suggest(input);
        const could = this.suggestions.map((unit) => unit.serial).join(', ');
        this.announce(
          could ? `${this.missing} ${fill(this.t.suggestionsFound, could)}` : this.missing,
        );
      } else {
        this.error = fill(this.t.failed, (error as Error).message);
        this.announce(this.error);
      }
    } finally {
      this.busy = false;
      // Ready for the next scan: the field keeps the focus, its text selected.
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('#serial');
      // A suggestion taken is gone from the page: its focus comes back to the field.
      if (this.shadowRoot?.activeElement === null) field?.focus();
      field?.select();
    }
  }

  /** The registered units a serial not found could be (none when the service cannot tell). */
  async #suggest(input: string): Promise<SerialSuggestions['items']> {
    try {
      const path = `/v1/serials/${encodeURIComponent(input)}/suggestions`;
      return (await this.api.get<SerialSuggestions>(path)).items;
    } catch {
      return [];
    }
  }

  /** Opens the card of a suggested unit. */
  async #take(unit: { sku: string; serial: string }): Promise<void> {
    this.input = unit.serial;
    await this.#search(unit.sku);
  }

  /** Reads a code from the camera and looks it up. */
  async #scan(opener: HTMLElement): Promise<void> {
    const scanned = await this.#camera.read(opener);
    if (!scanned) return;
    if ('failure' in scanned) {
      this.error = scanned.failure === 'denied' ? this.t.scanDenied : this.t.scanFailed;
      this.announce(this.error);
      await this.updateComplete;
      this.focus();
      return;
    }
    await this.find(scanned.code);
  }

  /** Reads the unit again after a correction, leaving the focus where it is. */
  async #reload(record: SerialRecord): Promise<void> {
    const path = `/v1/serials/${encodeURIComponent(record.serial)}`;
    const lookup = await this.api.get<Lookup>(path, { sku: record.sku });
    const trace = await this.api
      .get<Trace>(`${path}/trace`, { sku: record.sku })
      .catch(() => undefined);
    this.lookup = lookup;
    this.trace = trace;
  }

  async #openCorrection(open: Correction): Promise<void> {
    if (!this.lookup) return;
    this.correction = {
      ...this.correction,
      open,
      draft: draftOf(this.lookup.record),
      outcome: undefined,
    };
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('[part~="correction-form"] :is(input, select)')
      ?.focus();
  }

  async #cancelCorrection(): Promise<void> {
    const open = this.correction.open;
    this.correction = { ...this.correction, open: undefined };
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[part~="correction"][data-correction="${open}"]`)
      ?.focus();
  }

  /** The body of a correction: the unit, the reason, and what the correction changes. */
  #bodyOf(correction: Correction, record: SerialRecord, draft: CorrectionDraft) {
    const reason = draft.reason.trim();
    const body: Record<string, unknown> = {
      serial: record.serial,
      sku: record.sku,
      ...(reason ? { reason } : {}),
    };
    if (correction === 'release') body.to = draft.to;
    if (correction === 'edit') {
      const before = draftOf(record);
      const lot = draft.lot.trim();
      if (lot !== before.lot) body.lot = lot || null;
      if (draft.manufactured !== before.manufactured)
        body.manufacturedAt = dayOf(draft.manufactured);
      if (draft.received !== before.received) body.receivedAt = dayOf(draft.received);
    }
    return body;
  }

  async #applyCorrection(correction: Correction): Promise<void> {
    const record = this.lookup?.record;
    if (!record || this.correction.busy) return;
    const c = this.t.corrections;
    this.correction = { ...this.correction, busy: true };
    let outcome: { ok: boolean; text: string };
    try {
      const answer = await this.api.send<SerialRecord | VoidResult>(
        'POST',
        CORRECTION_PATHS[correction],
        this.#bodyOf(correction, record, this.correction.draft),
      );
      const text = fill(c.done[correction], record.serial);
      if (correction === 'void' && (answer as VoidResult).freed) {
        // The unit is gone: its serial may be registered again.
        this.lookup = undefined;
        this.trace = undefined;
        this.done = `${text} ${c.serialFreed}`;
        this.correction = { ...this.correction, open: undefined, busy: false };
        this.announce(this.done);
        return;
      }
      outcome = { ok: true, text };
      await this.#reload(record);
    } catch (error) {
      outcome = {
        ok: false,
        text:
          error instanceof AdminApiError
            ? fill(
                c.refused,
                error.issues.map((i) => i.message).join('; ') || error.message,
                String(error.details?.reason ?? error.code ?? error.status),
              )
            : fill(this.t.failed, String(error)),
      };
    }
    this.correction = {
      ...this.correction,
      open: outcome.ok ? undefined : correction,
      busy: false,
      outcome,
    };
    this.announce(outcome.text);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="correction-outcome"]')?.focus();
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.correction.open) {
      event.preventDefault();
      void this.#cancelCorrection();
    }
  }

  #submit(event: Event): void {
    event.preventDefault();
    void this.#search();
  }

  #suggestionList() {
    if (this.suggestions.length === 0) return nothing;
    const t = this.t;
    return html`<div class="suggestions" part="suggestions" role="group" aria-labelledby="did-you-mean">
      <p id="did-you-mean" class="label">${t.didYouMean}</p>
      ${this.suggestions.map(
        (unit) => html`<button
          type="button"
          part="suggestion"
          data-serial=${unit.serial}
          data-sku=${unit.sku}
          @click=${() => void this.#take(unit)}
        >
          <span class="mono">${unit.serial}</span> · ${unit.sku} · ${t.statuses[unit.status]}
        </button>`,
      )}
    </div>`;
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="title" @keydown=${this.#keydown}>
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
          ${this.#camera.button(t, 'scan', (button) => void this.#scan(button))}
        </div>
      </form>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${this.missing ? html`<p class="notice warn" part="not-found">${this.missing}</p>` : nothing}
      ${this.#suggestionList()}
      ${this.done ? html`<p class="notice ok" part="correction-outcome">${this.done}</p>` : nothing}
      ${
        this.lookup
          ? unitCard(
              t,
              this.lookup,
              this.trace,
              (iso) => this.formatDate(iso),
              unitCorrections(t, this.lookup.record, this.correction, {
                open: (correction) => void this.#openCorrection(correction),
                change: (draft) =>
                  (this.correction = {
                    ...this.correction,
                    draft: { ...this.correction.draft, ...draft },
                  }),
                apply: (correction) => void this.#applyCorrection(correction),
                cancel: () => void this.#cancelCorrection(),
              }),
            )
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#camera.dialog(t)}
    </section>`;
  }
}
