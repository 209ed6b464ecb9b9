import type { Sku } from '@serialkit/core';
import { html } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';

/** The table of SKUs, or a line saying nothing matches. */
export function skuRows(t: ConsoleTranslation, skus: Sku[], select: (sku: string) => void) {
  if (skus.length === 0) return html`<p class="notice">${t.noResults}</p>`;
  return html`<table part="table">
    <thead>
      <tr>
        <th scope="col">${t.skuColumn}</th>
        <th scope="col">${t.nameColumn}</th>
        <th scope="col">${t.trackingColumn}</th>
        <th scope="col">${t.formatColumn}</th>
        <th scope="col"><span class="sr-only">${t.edit}</span></th>
      </tr>
    </thead>
    <tbody>
      ${skus.map(
        (sku) => html`<tr data-sku=${sku.sku}>
          <td class="mono">${sku.sku}</td>
          <td>${sku.name}</td>
          <td>
            <span class="badge tracking" data-on=${String(sku.serialTracking.enabled)}
              >${sku.serialTracking.enabled ? t.on : t.off}</span
            >
          </td>
          <td class="mono">${sku.serialTracking.format ?? sku.serialTracking.regex ?? ''}</td>
          <td>
            <button
              type="button"
              part="edit"
              aria-label=${`${t.edit} ${sku.sku}`}
              @click=${() => select(sku.sku)}
            >
              ${t.edit}
            </button>
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
