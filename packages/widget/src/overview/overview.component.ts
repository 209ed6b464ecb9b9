import type { OverviewStats } from '@serialkit/core';
import { html, nothing, type PropertyValues } from 'lit';
import { ConsoleElement } from '../console/console-element.js';
import { fill } from '../localize/translation.js';
import styles from './overview.styles.js';
import { horizontalBars, stackedBars } from './templates/charts.js';

const OUTCOMES = ['genuine', 'suspicious', 'recalled', 'unknown', 'invalid'] as const;

/**
 * The numbers a merchant looks at first, as charts: verifications per day by outcome, units by
 * status, units flagged suspicious, return mismatches, and the open recalls with how many units
 * are still with customers. Each chart has its data as a table for screen readers.
 *
 * @summary The overview of the merchant console.
 * @tagname serialkit-overview
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 * @attr {number} days - Days in the window, ending today (or `to`). Default 30.
 * @attr {string} to - The window's last day (ISO date); default today.
 *
 * @csspart base - The wrapper.
 * @csspart tiles - The numbers.
 * @csspart chart - Each chart's SVG.
 * @csspart hbars - The units-by-status bars.
 * @csspart recalls - The open recalls.
 *
 * @example
 * <serialkit-overview days="14"></serialkit-overview>
 */
export class Overview extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    days: { type: Number },
    to: {},
    stats: { state: true },
    error: { state: true },
  };

  declare private stats: OverviewStats | undefined;
  declare private error: string | undefined;

  /** Days in the window. */
  declare days: number;
  /** The window's last day (ISO date), or undefined for today. */
  declare to: string | undefined;

  constructor() {
    super();
    this.days = 30;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('days') || changed.has('to') || changed.has('endpoint')) void this.refresh();
  }

  /** Asks the service for the numbers again. */
  async refresh(): Promise<void> {
    try {
      this.stats = await this.api.get<OverviewStats>('/v1/stats', {
        days: this.days,
        to: this.to ? `${this.to.slice(0, 10)}T23:59:59.999Z` : undefined,
      });
      this.error = undefined;
    } catch (error) {
      this.error = fill(this.t.failed, (error as Error).message);
    }
  }

  #verifications(stats: OverviewStats) {
    const t = this.t;
    const total = stats.verificationsByDay.reduce(
      (sum, day) => sum + Object.values(day.outcomes).reduce((a, b) => a + b, 0),
      0,
    );
    const caption = fill(t.verificationsChart, stats.verificationsByDay.length);
    const names: Record<string, string> = { ...t.outcomes };
    return html`<figure>
      <figcaption id="verifications">${caption}</figcaption>
      ${
        total === 0
          ? html`<p class="help">${t.noVerifications}</p>`
          : html`${stackedBars(
              stats.verificationsByDay.map((day) => ({ label: day.date, values: day.outcomes })),
              [...OUTCOMES],
              names,
              `${caption}: ${total}`,
            )}
            <table class="sr-only">
              <caption>${caption}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.createdColumn}</th>
                  ${OUTCOMES.map((o) => html`<th scope="col">${names[o]}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${stats.verificationsByDay
                  .filter((day) => Object.keys(day.outcomes).length)
                  .map(
                    (day) => html`<tr>
                      <th scope="row">${day.date}</th>
                      ${OUTCOMES.map((o) => html`<td>${day.outcomes[o] ?? 0}</td>`)}
                    </tr>`,
                  )}
              </tbody>
            </table>`
      }
    </figure>`;
  }

  override render() {
    const t = this.t;
    const stats = this.stats;
    if (!stats) {
      return html`<section part="base" aria-labelledby="title">
        <h2 id="title">${t.overviewTitle}</h2>
        ${
          this.error
            ? html`<p class="notice error" role="alert">${this.error}</p>`
            : html`<p>${t.loading}</p>`
        }
      </section>`;
    }
    const statuses = Object.entries(stats.unitsByStatus) as [string, number][];
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.overviewTitle}</h2>
      <div class="tiles" part="tiles">
        <div class="tile" data-tile="flagged">
          <span class="number">${stats.flagged.toLocaleString(this.lang_)}</span>${t.flaggedLabel}
        </div>
        <div class="tile" data-tile="mismatches">
          <span class="number">${stats.returnMismatches.toLocaleString(this.lang_)}</span
          >${t.mismatchesLabel}
        </div>
        <div class="tile" data-tile="recalls">
          <span class="number">${stats.openRecalls.length}</span>${t.openRecallsLabel}
        </div>
      </div>
      ${this.#verifications(stats)}
      <figure>
        <figcaption>${t.unitsChart}</figcaption>
        ${horizontalBars(statuses, { ...t.statuses })}
      </figure>
      ${
        stats.openRecalls.length
          ? html`<figure part="recalls">
            <figcaption>${t.openRecallsLabel}</figcaption>
            ${stats.openRecalls.map(
              (recall) => html`<div class="field">
                <label for=${`recall-${recall.id}`}
                  >${recall.sku} · ${recall.notice.slice(0, 80)}</label
                >
                <progress
                  id=${`recall-${recall.id}`}
                  max=${recall.affected}
                  .value=${recall.outstanding}
                ></progress>
                <p class="help">${fill(t.recallProgress, recall.outstanding, recall.affected)}</p>
              </div>`,
            )}
          </figure>`
          : nothing
      }
    </section>`;
  }
}
