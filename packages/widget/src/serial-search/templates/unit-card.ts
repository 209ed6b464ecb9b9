import type { Lookup, SerialEvent, Trace } from '@serialkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';

/** Dates and times in the element's language. */
export type DateText = (iso: string | undefined) => string;

/** Who a shipment went to, in one line (name and email, or the business account). */
export function recipient(ref: Trace['soldTo'] | Lookup['record']['shipment']): string {
  if (!ref) return '';
  if (ref.account) return [ref.account.name, ref.account.id].filter(Boolean).join(' · ');
  const c = ref.customer;
  return c ? [c.name, c.email, c.postcode].filter(Boolean).join(' · ') : ref.channel;
}

/**
 * Every shipment the unit left in, oldest first (the lookup's `shipments`), with who it went to
 * when known (the current shipment, or the trace's last sale) and when it came back.
 */
function ordersOf(lookup: Lookup, trace: Trace | undefined) {
  const current = lookup.record.shipment;
  return lookup.shipments.map((shipment) => ({
    orderId: shipment.orderId,
    at: shipment.shippedAt,
    returnedAt: shipment.returnedAt,
    to:
      current?.orderId === shipment.orderId && current.shippedAt === shipment.shippedAt
        ? recipient(current)
        : trace?.soldTo?.orderId === shipment.orderId
          ? recipient(trace.soldTo)
          : (shipment.accountId ?? shipment.channel),
  }));
}

function eventText(t: ConsoleTranslation, event: SerialEvent): string {
  const data = event.data ?? {};
  const details = ['orderId', 'reason', 'recallId', 'source', 'disposition', 'url', 'note']
    .map((key) => data[key])
    .filter((value) => typeof value === 'string' && value.length > 0);
  return [t.eventTypes[event.type] ?? event.type, ...details].join(' · ');
}

/**
 * The unit card: SKU, status, `corrections` (the actions its state allows), every shipment it
 * left in with recipients and returns, history as a timeline, sightings.
 */
export function unitCard(
  t: ConsoleTranslation,
  lookup: Lookup,
  trace: Trace | undefined,
  date: DateText,
  corrections: TemplateResult | typeof nothing = nothing,
) {
  const { record } = lookup;
  const orders = ordersOf(lookup, trace);
  const sightings = trace?.sightings ?? lookup.events.filter((e) => e.type === 'sighted');
  return html`<article part="unit-card" class="card" aria-labelledby="unit-title">
    <h3 id="unit-title" class="mono">${record.serial}</h3>
    <dl class="facts">
      <div><dt>${t.unitSku}</dt><dd part="unit-sku">${record.sku}${lookup.skuName ? ` · ${lookup.skuName}` : ''}</dd></div>
      <div>
        <dt>${t.unitStatus}</dt>
        <dd><span class="badge status" part="unit-status" data-status=${record.status}>${t.statuses[record.status] ?? record.status}</span></dd>
      </div>
      ${record.lot ? html`<div><dt>${t.unitLot}</dt><dd>${record.lot}</dd></div>` : nothing}
      ${record.manufacturedAt ? html`<div><dt>${t.unitManufactured}</dt><dd>${date(record.manufacturedAt)}</dd></div>` : nothing}
      <div><dt>${t.unitRegistered}</dt><dd>${date(record.registeredAt)}</dd></div>
      ${
        lookup.recall
          ? html`<div><dt>${t.unitRecall}</dt><dd class="warn-text">${lookup.recall.id} · ${lookup.recall.notice}</dd></div>`
          : nothing
      }
    </dl>
    ${corrections}
    <h4>${t.ordersTitle}</h4>
    ${
      orders.length === 0
        ? html`<p class="help">${t.notShipped}</p>`
        : html`<table part="orders">
          <thead>
            <tr>
              <th scope="col">${t.orderColumn}</th>
              <th scope="col">${t.shippedToColumn}</th>
              <th scope="col">${t.shippedAtColumn}</th>
              <th scope="col">${t.returnedAtColumn}</th>
            </tr>
          </thead>
          <tbody>
            ${orders.map(
              (order) => html`<tr>
                <td class="mono" part="order-id">${order.orderId}</td>
                <td>${order.to}</td>
                <td>${date(order.at)}</td>
                <td>${date(order.returnedAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
    }
    <h4>${t.historyTitle}</h4>
    <ol part="timeline" class="timeline">
      ${lookup.events.map(
        (event) => html`<li data-type=${event.type}>
          <time datetime=${event.at}>${date(event.at)}</time>
          <span>${eventText(t, event)}</span>
        </li>`,
      )}
    </ol>
    <h4>${t.sightingsTitle}</h4>
    ${
      sightings.length === 0
        ? html`<p class="help">${t.noSightings}</p>`
        : html`<ul part="sightings">
          ${sightings.map((event) => html`<li>${date(event.at)} · ${eventText(t, event)}</li>`)}
        </ul>`
    }
  </article>`;
}
