import type {
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
} from '@serialkit/core';
import { html, nothing } from 'lit';
import { AdminApiError, type Page } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { WebhookChangedEvent } from '../events/webhook-changed.js';
import { fill } from '../localize/translation.js';
import { type DeliveryLog, deliveryLog, type LogList } from './templates/delivery-log.js';
import { subscriptionTable } from './templates/subscription-table.js';
import styles from './webhooks.styles.js';

/** How many attempts and dead letters the log shows. */
const LOG_LIMIT = 50;

interface Draft {
  url: string;
  eventTypes: WebhookEventType[];
  description: string;
}

const emptyDraft: Draft = { url: '', eventTypes: [], description: '' };

/**
 * Webhook settings: the subscriptions with Enable/Disable and Delete (confirmed first), a form
 * to create one (receiver URL, event types, description) that shows the new signing secret once
 * with a Copy button, and a subscription's delivery log (attempts with HTTP status and latency)
 * and dead letters with Replay. Every webhook route needs a write key: with a read key the
 * element says so and offers nothing to change.
 *
 * @summary Webhook subscriptions, their delivery log and dead letters, in the merchant console.
 * @tagname serialkit-webhooks
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {WebhookChangedEvent} serialkit-webhook-changed - A subscription was created, enabled,
 *   disabled or deleted.
 *
 * @csspart base - The wrapper.
 * @csspart read-only - The notice shown for a key without write access.
 * @csspart form - The new subscription form.
 * @csspart url-input - The receiver URL field.
 * @csspart event-types - The event type checkboxes.
 * @csspart description-input - The description field.
 * @csspart create - The create button.
 * @csspart secret - The new subscription's signing secret (shown once).
 * @csspart copy-secret - Its Copy button.
 * @csspart outcome - What the service said.
 * @csspart subscriptions - The table of subscriptions.
 * @csspart subscription-state - Each subscription's state (enabled or disabled).
 * @csspart toggle - Each subscription's Enable/Disable button.
 * @csspart show-log - Each subscription's delivery log button.
 * @csspart remove - Each subscription's Delete button.
 * @csspart remove-confirm - The confirmation shown in its row before deleting.
 * @csspart confirm-remove - The button that deletes it.
 * @csspart cancel-remove - The button that keeps it.
 * @csspart log - The delivery log of one subscription.
 * @csspart close-log - The button that closes the log.
 * @csspart deliveries - The table of delivery attempts.
 * @csspart load-more - Loads the next page of attempts (shown while there are more).
 * @csspart dead-letters - The table of dead letters.
 * @csspart replay - Each dead letter's Replay button.
 *
 * @example
 * <serialkit-webhooks></serialkit-webhooks>
 */
export class Webhooks extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    subscriptions: { state: true },
    readOnly: { state: true },
    draft: { state: true },
    secret: { state: true },
    outcome: { state: true },
    busy: { state: true },
    removing: { state: true },
    log: { state: true },
  };

  declare private subscriptions: WebhookSubscription[] | undefined;
  /** The key may not change (or even read) webhook settings. */
  declare private readOnly: boolean;
  declare private draft: Draft;
  /** A new subscription's signing secret, shown until dismissed. */
  declare private secret: string | undefined;
  declare private outcome: { ok: boolean; text: string } | undefined;
  declare private busy: boolean;
  /** The subscription whose Delete waits for confirmation. */
  declare private removing: string | undefined;
  declare private log: DeliveryLog | undefined;

  constructor() {
    super();
    this.readOnly = false;
    this.draft = { ...emptyDraft, eventTypes: [] };
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const { items } = await this.api.get<{ items: WebhookSubscription[] }>('/v1/webhooks');
      this.subscriptions = items;
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 403) this.readOnly = true;
      else this.outcome = { ok: false, text: this.#errorText(error) };
    }
  }

  /** The event types a subscription can receive (the translation names every one). */
  get #eventTypes(): WebhookEventType[] {
    return Object.keys(this.t.webhooks.eventTypes) as WebhookEventType[];
  }

  #toggleType(type: WebhookEventType, on: boolean): void {
    const chosen = new Set(this.draft.eventTypes);
    if (on) chosen.add(type);
    else chosen.delete(type);
    this.draft = { ...this.draft, eventTypes: this.#eventTypes.filter((t) => chosen.has(t)) };
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const url = this.draft.url.trim();
    if (!url || this.draft.eventTypes.length === 0 || this.busy) return;
    this.busy = true;
    try {
      const created = await this.api.send<WebhookSubscription & { secret: string }>(
        'POST',
        '/v1/webhooks',
        {
          url,
          eventTypes: this.draft.eventTypes,
          ...(this.draft.description.trim() ? { description: this.draft.description.trim() } : {}),
        },
      );
      const { secret, ...subscription } = created;
      this.secret = secret;
      this.outcome = { ok: true, text: fill(this.t.webhooks.created, subscription.url) };
      this.subscriptions = [...(this.subscriptions ?? []), subscription];
      this.draft = { ...emptyDraft, eventTypes: [] };
      this.dispatchEvent(new WebhookChangedEvent('created', subscription));
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
    if (this.secret) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="copy-secret"]')?.focus();
    }
  }

  async #copySecret(): Promise<void> {
    if (!this.secret) return;
    try {
      await navigator.clipboard.writeText(this.secret);
      this.announce(this.t.webhooks.copied);
    } catch (error) {
      this.outcome = { ok: false, text: fill(this.t.failed, String(error)) };
    }
  }

  #dismissSecret(): void {
    this.secret = undefined;
    this.renderRoot.querySelector<HTMLElement>('[part~="url-input"]')?.focus();
  }

  #replace(subscription: WebhookSubscription): void {
    this.subscriptions = this.subscriptions?.map((s) =>
      s.id === subscription.id ? subscription : s,
    );
    if (this.log?.subscription.id === subscription.id) this.log = { ...this.log, subscription };
  }

  async #toggle(subscription: WebhookSubscription): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const w = this.t.webhooks;
    try {
      const changed = await this.api.send<WebhookSubscription>(
        'PATCH',
        `/v1/webhooks/${encodeURIComponent(subscription.id)}`,
        { enabled: !subscription.enabled },
      );
      this.#replace(changed);
      this.outcome = {
        ok: true,
        text: fill(changed.enabled ? w.nowEnabled : w.nowDisabled, changed.url),
      };
      this.dispatchEvent(
        new WebhookChangedEvent(changed.enabled ? 'enabled' : 'disabled', changed),
      );
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
  }

  async #askRemove(subscription: WebhookSubscription): Promise<void> {
    this.removing = subscription.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm-remove"]')?.focus();
  }

  async #cancelRemove(): Promise<void> {
    const id = this.removing;
    this.removing = undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        `tr[data-subscription="${CSS.escape(id ?? '')}"] [part~="remove"]`,
      )
      ?.focus();
  }

  async #remove(subscription: WebhookSubscription): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.api.send('DELETE', `/v1/webhooks/${encodeURIComponent(subscription.id)}`);
      this.subscriptions = this.subscriptions?.filter((s) => s.id !== subscription.id);
      if (this.log?.subscription.id === subscription.id) this.log = undefined;
      this.outcome = { ok: true, text: fill(this.t.webhooks.removed, subscription.url) };
      this.dispatchEvent(new WebhookChangedEvent('deleted', subscription));
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
      this.removing = undefined;
    }
    this.announce(this.outcome.text);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="outcome"]')?.focus();
  }

  async #showLog(subscription: WebhookSubscription): Promise<void> {
    this.log = {
      subscription,
      deliveries: undefined,
      deadLetters: undefined,
      more: null,
      moreDeadLetters: null,
    };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="log"]')?.focus();
    await this.#loadLog(subscription);
  }

  async #loadLog(subscription: WebhookSubscription): Promise<void> {
    const base = `/v1/webhooks/${encodeURIComponent(subscription.id)}`;
    try {
      const [deliveries, deadLetters] = await Promise.all([
        this.api.get<Page<WebhookDelivery>>(`${base}/deliveries`, { limit: LOG_LIMIT }),
        this.api.get<Page<WebhookDeadLetter>>(`${base}/dead-letters`, { limit: LOG_LIMIT }),
      ]);
      if (this.log?.subscription.id !== subscription.id) return;
      this.log = {
        ...this.log,
        deliveries: deliveries.items,
        deadLetters: deadLetters.items,
        more: deliveries.nextCursor,
        moreDeadLetters: deadLetters.nextCursor,
      };
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    }
  }

  /** The next page of the log's attempts or dead letters, below those shown. */
  async #loadMore(list: LogList): Promise<void> {
    const log = this.log;
    const cursor = list === 'deliveries' ? log?.more : log?.moreDeadLetters;
    if (!log || !cursor || this.busy) return;
    this.busy = true;
    const w = this.t.webhooks;
    try {
      const path = `/v1/webhooks/${encodeURIComponent(log.subscription.id)}/${list}`;
      const query = { limit: LOG_LIMIT, cursor };
      if (list === 'deliveries') {
        const page = await this.api.get<Page<WebhookDelivery>>(path, query);
        if (this.log?.subscription.id !== log.subscription.id) return;
        const deliveries = [...(this.log.deliveries ?? []), ...page.items];
        this.log = { ...this.log, deliveries, more: page.nextCursor };
        this.announce(fill(w.moreLoaded, deliveries.length.toLocaleString(this.lang_)));
      } else {
        const page = await this.api.get<Page<WebhookDeadLetter>>(path, query);
        if (this.log?.subscription.id !== log.subscription.id) return;
        const deadLetters = [...(this.log.deadLetters ?? []), ...page.items];
        this.log = { ...this.log, deadLetters, moreDeadLetters: page.nextCursor };
        this.announce(fill(w.moreDeadLettersLoaded, deadLetters.length.toLocaleString(this.lang_)));
      }
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
      this.announce(this.outcome.text);
    } finally {
      this.busy = false;
    }
    // The button stays for the next page; at the end, the table takes the focus.
    await this.updateComplete;
    const [button, table] =
      list === 'deliveries'
        ? ['load-more', 'deliveries']
        : ['load-more-dead-letters', 'dead-letters'];
    (
      this.renderRoot.querySelector<HTMLElement>(`[part~="${button}"]`) ??
      this.renderRoot.querySelector<HTMLElement>(`[part~="${table}"]`)
    )?.focus();
  }

  async #closeLog(): Promise<void> {
    const id = this.log?.subscription.id;
    this.log = undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        `tr[data-subscription="${CSS.escape(id ?? '')}"] [part~="show-log"]`,
      )
      ?.focus();
  }

  async #replay(letter: WebhookDeadLetter): Promise<void> {
    const log = this.log;
    if (!log || this.busy) return;
    this.busy = true;
    const w = this.t.webhooks;
    try {
      const attempt = await this.api.send<WebhookDelivery>(
        'POST',
        `/v1/webhooks/${encodeURIComponent(log.subscription.id)}/dead-letters/${encodeURIComponent(letter.messageId)}/replay`,
      );
      this.outcome = attempt.ok
        ? { ok: true, text: fill(w.replayed, letter.messageId) }
        : {
            ok: false,
            text: fill(
              w.replayFailed,
              letter.messageId,
              String(attempt.status ?? attempt.error ?? w.noAnswer),
            ),
          };
    } catch (error) {
      this.outcome = { ok: false, text: this.#errorText(error) };
    } finally {
      this.busy = false;
    }
    this.announce(this.outcome.text);
    await this.#loadLog(log.subscription);
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    if (this.removing) {
      event.preventDefault();
      void this.#cancelRemove();
    } else if (this.log) {
      event.preventDefault();
      void this.#closeLog();
    }
  }

  #errorText(error: unknown): string {
    if (error instanceof AdminApiError) {
      const issues = error.issues
        .map((issue) =>
          issue.path?.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
        )
        .join('; ');
      return fill(this.t.failed, issues || error.message);
    }
    return fill(this.t.failed, String(error));
  }

  #form() {
    const w = this.t.webhooks;
    const ready = this.draft.url.trim().length > 0 && this.draft.eventTypes.length > 0;
    return html`<form part="form" aria-labelledby="new-title" @submit=${this.#create}>
      <h3 id="new-title">${w.newTitle}</h3>
      <div class="field">
        <label for="url">${w.urlLabel}</label>
        <input
          id="url"
          type="url"
          part="url-input"
          autocomplete="off"
          spellcheck="false"
          required
          .value=${this.draft.url}
          @input=${(e: Event) =>
            (this.draft = { ...this.draft, url: (e.target as HTMLInputElement).value })}
        />
      </div>
      <fieldset part="event-types">
        <legend>${w.eventsLabel}</legend>
        <div class="choices">
          ${this.#eventTypes.map(
            (type) => html`<label>
              <input
                type="checkbox"
                name="eventTypes"
                value=${type}
                .checked=${this.draft.eventTypes.includes(type)}
                @change=${(e: Event) => this.#toggleType(type, (e.target as HTMLInputElement).checked)}
              />
              <span>${w.eventTypes[type]} <span class="mono help">(${type})</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="description">${w.descriptionLabel}</label>
        <input
          id="description"
          type="text"
          part="description-input"
          maxlength="500"
          autocomplete="off"
          .value=${this.draft.description}
          @input=${(e: Event) =>
            (this.draft = { ...this.draft, description: (e.target as HTMLInputElement).value })}
        />
      </div>
      <button class="primary" type="submit" part="create" ?disabled=${!ready || this.busy}>
        ${w.create}
      </button>
    </form>`;
  }

  #secret() {
    const w = this.t.webhooks;
    if (!this.secret) return nothing;
    return html`<div class="notice warn" role="group" aria-labelledby="secret-title">
      <p class="label" id="secret-title">${w.secretTitle}</p>
      <p>${w.secretHelp}</p>
      <div class="secret">
        <code part="secret">${this.secret}</code>
        <button type="button" part="copy-secret" @click=${this.#copySecret}>${w.copy}</button>
        <button type="button" part="dismiss-secret" @click=${this.#dismissSecret}>${w.dismiss}</button>
      </div>
    </div>`;
  }

  override render() {
    const t = this.t;
    const w = t.webhooks;
    if (this.readOnly) {
      return html`<section part="base" aria-labelledby="title">
        <h2 id="title">${w.title}</h2>
        <p class="notice warn" part="read-only">${w.needsWrite}</p>
      </section>`;
    }
    return html`<section part="base" aria-labelledby="title" @keydown=${this.#keydown}>
      <h2 id="title">${w.title}</h2>
      ${this.#form()} ${this.#secret()}
      ${
        this.outcome
          ? html`<p class="notice ${this.outcome.ok ? 'ok' : 'error'}" part="outcome" tabindex="-1">
            ${this.outcome.text}
          </p>`
          : nothing
      }
      <h3>${w.listTitle}</h3>
      ${
        this.subscriptions === undefined
          ? html`<p>${t.loading}</p>`
          : subscriptionTable(t, this.subscriptions, this.removing, this.busy, {
              toggle: (s) => void this.#toggle(s),
              showLog: (s) => void this.#showLog(s),
              askRemove: (s) => void this.#askRemove(s),
              confirmRemove: (s) => void this.#remove(s),
              cancelRemove: () => void this.#cancelRemove(),
            })
      }
      ${
        this.log
          ? deliveryLog(t, this.log, this.busy, {
              replay: (letter) => void this.#replay(letter),
              loadMore: (list) => void this.#loadMore(list),
              close: () => void this.#closeLog(),
              date: (iso) => this.formatDate(iso),
              number: (value) => value.toLocaleString(this.lang_),
            })
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
