import type { WebhookDeadLetter, WebhookDelivery, WebhookSubscription } from '@serialkit/core';
import { html } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';

/** A subscription's log as loaded: its attempts (newest first) and its dead letters. */
export interface DeliveryLog {
  subscription: WebhookSubscription;
  deliveries: WebhookDelivery[] | undefined;
  deadLetters: WebhookDeadLetter[] | undefined;
  /** The cursor of the next page of attempts; null when every attempt is shown. */
  more: string | null;
  /** The cursor of the next page of dead letters; null when every one is shown. */
  moreDeadLetters: string | null;
}

/** The two lists of a log that load a page at a time. */
export type LogList = 'deliveries' | 'dead-letters';

/** The delivery log of one subscription: attempts, then dead letters with Replay. */
export function deliveryLog(
  t: ConsoleTranslation,
  log: DeliveryLog,
  busy: boolean,
  actions: {
    replay(letter: WebhookDeadLetter): void;
    loadMore(list: LogList): void;
    close(): void;
    date(iso: string): string;
    number(value: number): string;
  },
) {
  const w = t.webhooks;
  return html`<section class="log" part="log" aria-labelledby="log-title" tabindex="-1">
    <h3 id="log-title">${fill(w.logTitle, log.subscription.url)}</h3>
    <button type="button" part="close-log" @click=${() => actions.close()}>${w.closeLog}</button>
    <h4 id="deliveries-title">${w.deliveriesTitle}</h4>
    ${
      log.deliveries === undefined
        ? html`<p>${t.loading}</p>`
        : log.deliveries.length === 0
          ? html`<p class="help">${w.noDeliveries}</p>`
          : html`<table part="deliveries" tabindex="-1" aria-labelledby="deliveries-title">
            <thead>
              <tr>
                <th scope="col">${w.atColumn}</th>
                <th scope="col">${w.typeColumn}</th>
                <th scope="col">${w.attemptColumn}</th>
                <th scope="col">${w.statusCodeColumn}</th>
                <th scope="col">${w.latencyColumn}</th>
                <th scope="col">${w.resultColumn}</th>
              </tr>
            </thead>
            <tbody>
              ${log.deliveries.map(
                (d) => html`<tr data-message=${d.messageId} data-ok=${String(d.ok)}>
                  <td>${actions.date(d.at)}</td>
                  <td class="mono">${d.type}</td>
                  <td>${d.attempt}</td>
                  <td>${d.status ?? w.noAnswer}</td>
                  <td>${fill(w.latency, actions.number(Math.round(d.latencyMs)))}</td>
                  <td>
                    <span class=${d.ok ? 'ok-text' : 'error-text'}>
                      ${d.ok ? w.delivered : w.notDelivered}
                    </span>
                    ${d.error ? html`<p class="help">${d.error}</p>` : ''}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${
            log.more
              ? loadMoreButton('load-more', w.loadMore, busy, () => actions.loadMore('deliveries'))
              : ''
          }`
    }
    <h4>${w.deadLettersTitle}</h4>
    ${
      log.deadLetters === undefined
        ? html`<p>${t.loading}</p>`
        : log.deadLetters.length === 0
          ? html`<p class="help">${w.noDeadLetters}</p>`
          : html`<table part="dead-letters" tabindex="-1">
            <thead>
              <tr>
                <th scope="col">${w.atColumn}</th>
                <th scope="col">${w.typeColumn}</th>
                <th scope="col">${w.attemptsColumn}</th>
                <th scope="col">${w.lastErrorColumn}</th>
                <th scope="col"><span class="sr-only">${w.replay}</span></th>
              </tr>
            </thead>
            <tbody>
              ${log.deadLetters.map(
                (letter) => html`<tr data-message=${letter.messageId}>
                  <td>${actions.date(letter.failedAt)}</td>
                  <td class="mono">${letter.message.type}</td>
                  <td>${letter.attempts}</td>
                  <td>${letter.lastError}</td>
                  <td>
                    <button
                      type="button"
                      part="replay"
                      aria-label=${`${w.replay} ${letter.messageId}`}
                      ?disabled=${busy}
                      @click=${() => actions.replay(letter)}
                    >
                      ${w.replay}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${
            log.moreDeadLetters
              ? loadMoreButton('load-more-dead-letters', w.loadMoreDeadLetters, busy, () =>
                  actions.loadMore('dead-letters'),
                )
              : ''
          }`
    }
  </section>`;
}

function loadMoreButton(part: string, label: string, busy: boolean, load: () => void) {
  return html`<button type="button" part=${part} ?disabled=${busy} @click=${load}>
    ${label}
  </button>`;
}
