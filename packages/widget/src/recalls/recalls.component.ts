import type { Recall, RecallPreview, RecallProgress, Sku } from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError, type Page } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { saveFile } from '../console/save-file.js';
import { RecallClosedEvent } from '../events/recall-closed.js';
import { RecallCreatedEvent } from '../events/recall-created.js';
import { fill } from '../localize/translation.js';
import {
  emptyDraft,
  type RecallDraft,
  type RecallDraftField,
  selectionOf,
} from './recall-selection.js';
import styles from './recalls.styles.js';
import { recallTable } from './templates/recall-table.js';

/** Milliseconds of quiet typing before the count is asked again. */
const PREVIEW_DELAY = 250;

/**
 * Recalls: build one by one or several SKUs and a lot, serial range, manufacture window or
 * shipment window with a live count of the units it would mark, by status (asked of the service
 * as the merchant types), create it, and download its contact list; the recalls so far with
 * their counts, each open one's progress (units returned, replaced, unreachable) and a Close
 * action, confirmed first.
 *
 * @summary Recalls in the merchant console.
 * @tagname serialkit-recalls
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {RecallCreatedEvent} serialkit-recall-created - A recall was created.
 * @event {RecallClosedEvent} serialkit-recall-closed - A recall was closed.
 *
 * @csspart base - The wrapper.
 * @csspart builder - The recall form.
 * @csspart sku-select - The SKU select (one or several).
 * @csspart lot-input - The lot field.
 * @csspart count - The live count.
 * @csspart notice-input - The notice field.
 * @csspart create - The create button.
 * @csspart outcome - What the service said.
 * @csspart recalls - The table of recalls.
 * @csspart download-contacts - Each recall's contacts download.
 * @csspart recall-status - Each recall's status (open or closed).
 * @csspart progress - An open recall's progress bar and figures.
 * @csspart close-recall - An open recall's Close button.
 * @csspart close-confirm - The confirmation shown in its row before closing.
 * @csspart confirm-close - The button that closes the recall.
 * @csspart cancel-close - The button that keeps it open.
 *
 * @example
 * <serialkit-recalls></serialkit-recalls>
 */
export class Recalls extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    draft: { state: true },
    skus: { state: true },
    recalls: { state: true },
    preview: { state: true },
    outcome: { state: true },
    busy: { state: true },
    progress: { state: true },
    closing: { state: true },
  };

  declare private draft: RecallDraft;
  declare private skus: Sku[];
  declare private recalls: Recall[] | undefined;
  declare private preview: RecallPreview | { error: string } | undefined;
  declare private outcome: { ok: boolean; text: string; recall?: Recall } | undefined;
  declare private busy: boolean;
  /** Each open recall's progress, by recall id. */
  declare private progress: ReadonlyMap<string, RecallProgress>;
  /** The recall whose Close waits for confirmation. */
  declare private closing: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  constructor() {
    super();
    this.draft = { ...emptyDraft };
    this.skus = [];
    this.busy = false;
    this.progress = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadSkus();
    void this.#loadRecalls();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #loadSkus(): Promise<void> {
    const page = await this.api
      .get<Page<Sku>>('/v1/skus', { tracking: true, limit: 1000 })
      .catch(() => undefined);
    this.skus = page?.items ?? [];
  }

  async #loadRecalls(): Promise<void> {
    try {
      this.recalls = (await this.api.get<Page<Recall>>('/v1/recalls', { limit: 100 })).items;
    } catch (error) {
      this.outcome = { ok: false, text: fill(this.t.failed, (error as Error).message) };
      return;
    }
    await this.#loadProgress(this.recalls.filter((recall) => recall.status !== 'closed'));
  }

  async #loadProgress(recalls: Recall[]): Promise<void> {
    const answers = await Promise.all(
      recalls.map((recall) =>
        this.api
          .get<RecallProgress>(`/v1/recalls/${encodeURIComponent(recall.id)}/progress`)
          .catch(() => undefined),
      ),
    );
    const progress = new Map(this.progress);
    for (const answer of answers) if (answer) progress.set(answer.recallId, answer);
    this.progress = progress;
  }

  #set(name: RecallDraftField) {
    return (event: Event) => {
      this.draft = { ...this.draft, [name]: (event.target as HTMLInputElement).value };
      if (name !== 'notice' && name !== 'url') this.#schedulePreview();
    };
  }

  #setSkus(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.draft = { ...this.draft, skus: [...select.selectedOptions].map((o) => o.value) };
    this.#schedulePreview();
  }

  async #askClose(recall: Recall): Promise<void> {
    this.closing = recall.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm-close"]')?.focus();
  }

  async #cancelClose(): Promise<void> {
    const id = this.closing;
    this.closing = undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        `tr[data-recall="${CSS.escape(id ?? '')}"] [part~="close-recall"]`,
      )
      ?.focus();
  }

  async #close(recall: Recall): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const closed = await this.api.send<Recall>(
        'POST',
        `/v1/recalls/${encodeURIComponent(recall.id)}/close`,
      );
      this.recalls = this.recalls?.map((r) => (r.id === closed.id ? closed : r));
      this.outcome = { ok: true, text: fill(this.t.recallClosed, closed.id) };
      this.dispatchEvent(new RecallClosedEvent(closed));
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
      this.closing = undefined;
    }
    this.announce(this.outcome.text);
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.closing) {
      event.preventDefault();
      void this.#cancelClose();
    }
  }

  #schedulePreview(): void {
    clearTimeout(this.#timer);
    const selection = selectionOf(this.draft);
    if (!selection) {
      this.preview = undefined;
      return;
    }
    this.#timer = setTimeout(() => void this.#ask(), PREVIEW_DELAY);
  }

  async #ask(): Promise<void> {
    const selection = selectionOf(this.draft);
    if (!selection) return;
    const asked = ++this.#asked;
    try {
      const preview = await this.api.send<RecallPreview>('POST', '/v1/recalls/preview', selection);
      // An older answer arriving late must not replace a newer one.
      if (asked !== this.#asked) return;
      this.preview = preview;
      this.announce(fill(this.t.recallCount, preview.affected));
    } catch (error) {
      if (asked !== this.#asked) return;
      this.preview = { error: this.#errorText(error) };
    }
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const selection = selectionOf(this.draft);
    if (!selection || !this.draft.notice.trim() || this.busy) return;
    this.busy = true;
    try {
      const recall = await this.api.send<Recall>('POST', '/v1/recalls', {
        ...selection,
        notice: this.draft.notice.trim(),
        ...(this.draft.url.trim() ? { url: this.draft.url.trim() } : {}),
      });
      this.outcome = {
        ok: true,
        text: fill(this.t.recallCreated, recall.id, recall.counts.affected),
        recall,
      };
      this.dispatchEvent(new RecallCreatedEvent(recall));
      this.draft = { ...emptyDraft };
      this.preview = undefined;
      await this.#loadRecalls();
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
  }

  async #download(recall: Recall): Promise<void> {
    try {
      const file = await this.api.download(
        `/v1/recalls/${encodeURIComponent(recall.id)}/contacts`,
        { format: 'csv' },
      );
      saveFile(file, `recall-${recall.id}-contacts.csv`);
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    }
  }

  #errorText(error: unknown): string {
    if (error instanceof AdminApiError) {
      const issues = error.issues.map((issue) => issue.message).join('; ');
      return fill(this.t.failed, issues || error.message);
    }
    return fill(this.t.failed, String(error));
  }

  #field(name: RecallDraftField, label: string, type = 'text', part?: string) {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        type=${type}
        part=${part ?? nothing}
        autocomplete="off"
        .value=${this.draft[name]}
        @input=${this.#set(name)}
      />
    </div>`;
  }

  #count() {
    const t = this.t;
    const preview = this.preview;
    if (!preview) return html`<p class="help" part="count">${t.recallSelectHelp}</p>`;
    if ('error' in preview) return html`<p class="notice error" part="count">${preview.error}</p>`;
    return html`<div part="count" data-affected=${preview.affected}>
      <p class="count">${fill(t.recallCount, preview.affected.toLocaleString(this.lang_))}</p>
      <ul class="by-status">
        ${Object.entries(preview.byStatus).map(
          ([status, count]) =>
            html`<li class="badge">${t.statuses[status as keyof typeof t.statuses]}: ${count}</li>`,
        )}
      </ul>
      ${
        preview.alreadyRecalled
          ? html`<p class="help">${fill(t.alreadyRecalled, preview.alreadyRecalled)}</p>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const t = this.t;
    const ready =
      this.preview !== undefined &&
      !('error' in this.preview) &&
      this.preview.affected > 0 &&
      this.draft.notice.trim().length > 0;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.recallsTitle}</h2>
      <form part="builder" aria-labelledby="new-title" @submit=${this.#create}>
        <h3 id="new-title">${t.newRecall}</h3>
        <div class="row">
          <div class="field">
            <label for="sku">${t.skuColumn}</label>
            <select
              id="sku"
              part="sku-select"
              multiple
              size="4"
              aria-describedby="sku-help"
              @change=${this.#setSkus}
            >
              ${this.skus.map(
                (sku) =>
                  html`<option value=${sku.sku} ?selected=${this.draft.skus.includes(sku.sku)}>
                    ${sku.sku} · ${sku.name}
                  </option>`,
              )}
            </select>
            <p class="help" id="sku-help">${t.skusHelp}</p>
          </div>
        </div>
        <div class="row spaced">
          ${this.#field('lot', t.lotLabel, 'text', 'lot-input')}
          ${this.#field('rangeFrom', t.rangeFromLabel)} ${this.#field('rangeTo', t.rangeToLabel)}
        </div>
        <div class="row spaced">
          ${this.#field('manufacturedFrom', t.manufacturedFromLabel, 'date')}
          ${this.#field('manufacturedTo', t.manufacturedToLabel, 'date')}
          ${this.#field('shippedFrom', t.shippedFromLabel, 'date', 'shipped-from')}
          ${this.#field('shippedTo', t.shippedToLabel, 'date', 'shipped-to')}
        </div>
        <div class="spaced" aria-live="polite">${this.#count()}</div>
        <div class="field">
          <label for="notice">${t.noticeLabel}</label>
          <textarea
            id="notice"
            part="notice-input"
            .value=${this.draft.notice}
            @input=${this.#set('notice')}
          ></textarea>
        </div>
        ${this.#field('url', t.linkLabel, 'url')}
        <button class="primary" type="submit" part="create" ?disabled=${!ready || this.busy}>
          ${t.createRecall}
        </button>
      </form>
      ${
        this.outcome
          ? html`<div class="notice ${this.outcome.ok ? 'ok' : 'error'}" part="outcome">
            <p>${this.outcome.text}</p>
            ${
              this.outcome.recall
                ? html`<button
                  type="button"
                  part="download-new-contacts"
                  @click=${() => this.#download(this.outcome!.recall!)}
                >
                  ${t.downloadContacts}
                </button>`
                : nothing
            }
          </div>`
          : nothing
      }
      <h3>${t.recallsTitle}</h3>
      ${
        this.recalls === undefined
          ? html`<p>${t.loading}</p>`
          : html`<div @keydown=${this.#keydown}>
              ${recallTable(t, this.recalls, this.progress, this.closing, {
                download: (recall) => void this.#download(recall),
                askClose: (recall) => void this.#askClose(recall),
                confirmClose: (recall) => void this.#close(recall),
                cancelClose: () => void this.#cancelClose(),
                date: (iso) => this.formatDate(iso),
                number: (value) => value.toLocaleString(this.lang_),
              })}
            </div>`
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
