import type { SerialRecord } from '@serialkit/core';
import { html } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { recipient } from '../../serial-search/templates/unit-card.js';

/** A page of units; each serial opens the unit. */
export function unitTable(
  t: ConsoleTranslation,
  units: SerialRecord[],
  open: (unit: SerialRecord) => void,
  date: (iso: string | undefined) => string,
) {
  if (units.length === 0) return html`<p class="notice">${t.noResults}</p>`;
  return html`<table part="table">
    <thead>
      <tr>
        <th scope="col">${t.serialColumn}</th>
        <th scope="col">${t.skuColumn}</th>
        <th scope="col">${t.statusColumn}</th>
        <th scope="col">${t.lotColumn}</th>
        <th scope="col">${t.orderColumn}</th>
        <th scope="col">${t.shippedToColumn}</th>
        <th scope="col">${t.shippedAtColumn}</th>
      </tr>
    </thead>
    <tbody>
      ${units.map(
        (unit) => html`<tr>
          <td>
            <button type="button" class="link mono" part="open-unit" @click=${() => open(unit)}>
              ${unit.serial}
            </button>
          </td>
          <td class="mono">${unit.sku}</td>
          <td>${t.statuses[unit.status] ?? unit.status}</td>
          <td>${unit.lot ?? ''}</td>
          <td class="mono">${unit.shipment?.orderId ?? ''}</td>
          <td>${recipient(unit.shipment)}</td>
          <td>${date(unit.shipment?.shippedAt)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
