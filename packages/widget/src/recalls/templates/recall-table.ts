import type { Recall } from '@serialkit/core';
import { html } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';

/** The recalls, newest first, each with its contact list to download. */
export function recallTable(
  t: ConsoleTranslation,
  recalls: Recall[],
  download: (recall: Recall) => void,
  date: (iso: string) => string,
) {
  if (recalls.length === 0) return html`<p class="help">${t.noResults}</p>`;
  return html`<table part="recalls">
    <thead>
      <tr>
        <th scope="col">${t.createdColumn}</th>
        <th scope="col">${t.skuColumn}</th>
        <th scope="col">${t.noticeColumn}</th>
        <th scope="col">${t.affectedColumn}</th>
        <th scope="col">${t.statuses.shipped}</th>
        <th scope="col"><span class="sr-only">${t.downloadContacts}</span></th>
      </tr>
    </thead>
    <tbody>
      ${recalls.map(
        (recall) => html`<tr data-recall=${recall.id}>
          <td>${date(recall.createdAt)}</td>
          <td class="mono">${recall.sku}${recall.criteria.lot ? ` · ${recall.criteria.lot}` : ''}</td>
          <td>${recall.notice}</td>
          <td>${recall.counts.affected}</td>
          <td>${recall.counts.shipped}</td>
          <td>
            <button
              type="button"
              part="download-contacts"
              aria-label=${`${t.downloadContacts} ${recall.id}`}
              @click=${() => download(recall)}
            >
              ${t.downloadContacts}
            </button>
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
