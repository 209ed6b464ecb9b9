import type { Recall, RecallPreview, Sku } from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError, type Page } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { saveFile } from '../console/save-file.js';
import { RecallCreatedEvent } from '../events/recall-created.js';
import { fill } from '../localize/translation.js';
import { emptyDraft, type RecallDraft, selectionOf } from './recall-selection.js';
import styles from './recalls.styles.js';
import { recallTable } from './templates/recall-table.js';

/** Milliseconds of quiet typing before the count is asked again. */
const PREVIEW_DELAY = 250;

/**
 * Recalls: build one by SKU, lot, serial range or manufacture window with a live count of the
 * units it would mark, by status (asked of the service as the merchant types), create it, and
 * download its contact list; the recalls so far with their counts.
 *
 * @summary Recalls in the merchant console.
 * @tagname serialkit-recalls
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {RecallCreatedEvent} serialkit-recall-created - A recall was created.
 *
 * @csspart base - The wrapper.
 * @csspart builder - The recall form.
 * @csspart sku-select - The SKU select.
 * @csspart lot-input - The lot field.
 * @csspart count - The live count.
 * @csspart notice-input - The notice field.
 * @csspart create - The create button.
 * @csspart outcome - What the service said.
 * @csspart recalls - The table of recalls.
 * @csspart download-contacts - Each recall's contacts download.
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
  };

  declare private draft: RecallDraft;
  declare private skus: Sku[];
  declare private recalls: Recall[] | undefined;
  declare private preview: RecallPreview | { error: string } | undefined;
  declare private outcome: { ok: boolean; text: string; recall?: Recall } | undefined;
  declare private busy: boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  constructor() {
    super();
    this.draft = { ...emptyDraft };
    this.skus = [];
    this.busy = false;
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
    }
  }

  #set(name: keyof RecallDraft) {
    return (event: Event) => {
      this.draft = { ...this.draft, [name]: (event.target as HTMLInputElement).value };
      if (name !== 'notice' && name !== 'url') this.#schedulePreview();
    };
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

  #field(name: keyof RecallDraft, label: string, type = 'text', part?: string) {
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
            <select id="sku" part="sku-select" @change=${this.#set('sku')}>
              <option value="" ?selected=${!this.draft.sku}>—</option>
              ${this.skus.map(
                (sku) =>
                  html`<option value=${sku.sku} ?selected=${this.draft.sku === sku.sku}>
                    ${sku.sku} · ${sku.name}
                  </option>`,
              )}
            </select>
          </div>
          ${this.#field('lot', t.lotLabel, 'text', 'lot-input')}
          ${this.#field('rangeFrom', t.rangeFromLabel)} ${this.#field('rangeTo', t.rangeToLabel)}
        </div>
        <div class="row spaced">
          ${this.#field('manufacturedFrom', t.manufacturedFromLabel, 'date')}
          ${this.#field('manufacturedTo', t.manufacturedToLabel, 'date')}
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
          : recallTable(
              t,
              this.recalls,
              (recall) => this.#download(recall),
              (iso) => this.formatDate(iso),
            )
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
