import type { WebhookSubscription } from '@serialkit/core';
import { html, nothing } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';

/** What the subscription table does on a row's buttons. */
export interface SubscriptionActions {
  toggle(subscription: WebhookSubscription): void;
  showLog(subscription: WebhookSubscription): void;
  askRemove(subscription: WebhookSubscription): void;
  confirmRemove(subscription: WebhookSubscription): void;
  cancelRemove(): void;
}

/** The subscriptions, each with Enable/Disable, its delivery log, and Delete (confirmed). */
export function subscriptionTable(
  t: ConsoleTranslation,
  subscriptions: WebhookSubscription[],
  removing: string | undefined,
  busy: boolean,
  actions: SubscriptionActions,
) {
  const w = t.webhooks;
  if (subscriptions.length === 0) return html`<p class="help">${w.none}</p>`;
  return html`<table part="subscriptions">
    <thead>
      <tr>
        <th scope="col">${w.urlColumn}</th>
        <th scope="col">${w.eventsColumn}</th>
        <th scope="col">${w.stateColumn}</th>
        <th scope="col"><span class="sr-only">${w.showLog}</span></th>
      </tr>
    </thead>
    <tbody>
      ${subscriptions.map(
        (s) => html`<tr data-subscription=${s.id} data-enabled=${String(s.enabled)}>
          <td>
            <span class="mono">${s.url}</span>
            ${s.description ? html`<p class="help">${s.description}</p>` : nothing}
          </td>
          <td>
            <ul class="plain">
              ${s.eventTypes.map((type) => html`<li class="mono">${type}</li>`)}
            </ul>
          </td>
          <td>
            <span class="badge" part="subscription-state">${s.enabled ? w.enabled : w.disabled}</span>
          </td>
          <td>
            <div class="actions">
            <button
              type="button"
              part="toggle"
              aria-label=${`${s.enabled ? w.disable : w.enable} ${s.url}`}
              ?disabled=${busy}
              @click=${() => actions.toggle(s)}
            >
              ${s.enabled ? w.disable : w.enable}
            </button>
            <button
              type="button"
              part="show-log"
              aria-label=${`${w.showLog} ${s.url}`}
              @click=${() => actions.showLog(s)}
            >
              ${w.showLog}
            </button>
            ${
              removing === s.id
                ? html`<div class="confirm" part="remove-confirm" role="group" aria-labelledby="confirm-${s.id}">
                  <p id="confirm-${s.id}">${fill(w.confirmRemove, s.url)}</p>
                  <button
                    type="button"
                    class="primary"
                    part="confirm-remove"
                    ?disabled=${busy}
                    @click=${() => actions.confirmRemove(s)}
                  >
                    ${w.remove}
                  </button>
                  <button type="button" part="cancel-remove" @click=${() => actions.cancelRemove()}>
                    ${t.cancel}
                  </button>
                </div>`
                : html`<button
                  type="button"
                  part="remove"
                  aria-label=${`${w.remove} ${s.url}`}
                  @click=${() => actions.askRemove(s)}
                >
                  ${w.remove}
                </button>`
            }
          </div>
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
