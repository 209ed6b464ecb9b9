import type { Recall, RecallProgress } from '@serialkit/core';
import { html, nothing } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';

/** What the recall table does on a row's buttons. */
export interface RecallTableActions {
  download(recall: Recall): void;
  /** Asks to close (shows the confirmation). */
  askClose(recall: Recall): void;
  confirmClose(recall: Recall): void;
  cancelClose(): void;
  date(iso: string): string;
  number(value: number): string;
}

/** A recall's progress: a bar of the units returned or replaced, and the figures. */
function progressOf(
  t: ConsoleTranslation,
  recall: Recall,
  progress: RecallProgress | undefined,
  number: (value: number) => string,
) {
  if (!progress) return html`<span class="help">${t.loading}</span>`;
  const done = Math.min(progress.returned + progress.replaced, progress.affected);
  const label = fill(t.recallProgressBar, number(done), number(progress.affected));
  return html`<div part="progress" data-recall=${recall.id}>
    <progress
      max=${Math.max(progress.affected, 1)}
      .value=${done}
      aria-label=${`${label} (${recall.id})`}
    ></progress>
    <p class="figures">${label}</p>
    <p class="figures help">
      ${fill(
        t.recallFigures,
        number(progress.returned),
        number(progress.replaced),
        number(progress.unreachable),
      )}
    </p>
  </div>`;
}

/**
 * The recalls, newest first: each with its status, an open one's progress and Close action
 * (confirmed in the row), and its contact list to download.
 */
export function recallTable(
  t: ConsoleTranslation,
  recalls: Recall[],
  progress: ReadonlyMap<string, RecallProgress>,
  closing: string | undefined,
  actions: RecallTableActions,
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
        <th scope="col">${t.progressColumn}</th>
        <th scope="col"><span class="sr-only">${t.downloadContacts}</span></th>
      </tr>
    </thead>
    <tbody>
      ${recalls.map((recall) => {
        const closed = recall.status === 'closed';
        const skus = recall.skus?.length ? recall.skus : [recall.sku];
        return html`<tr data-recall=${recall.id} data-status=${recall.status ?? 'open'}>
          <td>${actions.date(recall.createdAt)}</td>
          <td class="mono">${skus.join(', ')}${recall.criteria.lot ? ` · ${recall.criteria.lot}` : ''}</td>
          <td>${recall.notice}</td>
          <td>${recall.counts.affected}</td>
          <td>${recall.counts.shipped}</td>
          <td>
            <span class="badge" part="recall-status">
              ${closed ? t.recallStatuses.closed : t.recallStatuses.open}
            </span>
            ${
              closed
                ? html`<p class="help">${fill(t.closedOn, actions.date(recall.closedAt ?? ''))}</p>`
                : progressOf(t, recall, progress.get(recall.id), actions.number)
            }
          </td>
          <td>
            <div class="actions">
            <button
              type="button"
              part="download-contacts"
              aria-label=${`${t.downloadContacts} ${recall.id}`}
              @click=${() => actions.download(recall)}
            >
              ${t.downloadContacts}
            </button>
            ${
              closed
                ? nothing
                : closing === recall.id
                  ? html`<div class="confirm" part="close-confirm" role="group" aria-labelledby="confirm-${recall.id}">
                    <p id="confirm-${recall.id}">${fill(t.confirmCloseRecall, recall.id)}</p>
                    <button
                      type="button"
                      class="primary"
                      part="confirm-close"
                      @click=${() => actions.confirmClose(recall)}
                    >
                      ${t.closeRecall}
                    </button>
                    <button type="button" part="cancel-close" @click=${() => actions.cancelClose()}>
                      ${t.cancel}
                    </button>
                  </div>`
                  : html`<button
                    type="button"
                    part="close-recall"
                    aria-label=${`${t.closeRecall} ${recall.id}`}
                    @click=${() => actions.askClose(recall)}
                  >
                    ${t.closeRecall}
                  </button>`
            }
          </div>
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
