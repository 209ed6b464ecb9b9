import { html, nothing } from 'lit';
import { AdminApiError } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { saveFile } from '../console/save-file.js';
import { ImportDoneEvent } from '../events/import-done.js';
import { fill } from '../localize/translation.js';
import styles from './csv-import.styles.js';
import { errorReportCsv, type ImportReport, importedOf } from './import-report.js';

type Kind = 'serials' | 'shipments';

/**
 * Imports a CSV file of units or shipments: a progress bar while it uploads, then the report,
 * with the lines that were not imported and why, downloadable as CSV.
 *
 * @summary CSV import in the merchant console.
 * @tagname serialkit-import
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty for this origin.
 *
 * @event {ImportDoneEvent} serialkit-import-done - The service answered an import's report.
 *
 * @csspart base - The wrapper.
 * @csspart kind - What the file holds.
 * @csspart sku-input - The SKU for files without a sku column.
 * @csspart file-input - The file field.
 * @csspart start - The import button.
 * @csspart progress - The upload progress bar.
 * @csspart summary - The report's summary.
 * @csspart errors - The table of lines not imported.
 * @csspart download-errors - The error report download.
 *
 * @example
 * <serialkit-import></serialkit-import>
 */
export class CsvImport extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    kind: { state: true },
    sku: { state: true },
    progress: { state: true },
    report: { state: true },
    error: { state: true },
  };

  declare private kind: Kind;
  declare private sku: string;
  declare private progress: number | undefined;
  declare private report: ImportReport | undefined;
  declare private error: string | undefined;

  constructor() {
    super();
    this.kind = 'serials';
    this.sku = '';
  }

  async #start(event: Event): Promise<void> {
    event.preventDefault();
    const file = this.renderRoot.querySelector<HTMLInputElement>('#file')?.files?.[0];
    if (!file || this.progress !== undefined) return;
    this.report = undefined;
    this.error = undefined;
    this.progress = 0;
    try {
      const report = await this.api.upload<ImportReport>(
        `/v1/imports/${this.kind}`,
        file,
        this.kind === 'serials' ? { sku: this.sku.trim() } : {},
        (share) => (this.progress = share),
      );
      this.report = report;
      const summary = fill(this.t.importDone, report.rows, importedOf(report), report.errorCount);
      this.announce(summary);
      this.dispatchEvent(
        new ImportDoneEvent({
          kind: this.kind,
          rows: report.rows,
          imported: importedOf(report),
          errorCount: report.errorCount,
        }),
      );
    } catch (error) {
      const issues = error instanceof AdminApiError ? error.issues.map((i) => i.message) : [];
      this.error = fill(this.t.failed, issues.join('; ') || (error as Error).message);
      this.announce(this.error);
    } finally {
      this.progress = undefined;
    }
  }

  override render() {
    const t = this.t;
    const report = this.report;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.importTitle}</h2>
      <form @submit=${this.#start}>
        <div class="field">
          <label for="kind">${t.importKindLabel}</label>
          <select
            id="kind"
            part="kind"
            @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as Kind)}
          >
            ${(['serials', 'shipments'] as const).map(
              (kind) =>
                html`<option value=${kind} ?selected=${this.kind === kind}>
                  ${t.importKinds[kind]}
                </option>`,
            )}
          </select>
        </div>
        ${
          this.kind === 'serials'
            ? html`<div class="field">
              <label for="sku">${t.skuColumn}</label>
              <p id="sku-help" class="help">${t.importSkuHelp}</p>
              <input
                id="sku"
                part="sku-input"
                aria-describedby="sku-help"
                .value=${this.sku}
                @input=${(e: Event) => (this.sku = (e.target as HTMLInputElement).value)}
              />
            </div>`
            : nothing
        }
        <div class="field">
          <label for="file">${t.fileLabel}</label>
          <input id="file" type="file" accept=".csv,text/csv" part="file-input" />
        </div>
        <button class="primary" type="submit" part="start" ?disabled=${this.progress !== undefined}>
          ${t.startImport}
        </button>
      </form>
      ${
        this.progress !== undefined
          ? html`<p>
            <label for="progress">${fill(t.uploading, Math.round(this.progress * 100))}</label>
            <progress id="progress" part="progress" max="1" .value=${this.progress}></progress>
          </p>`
          : nothing
      }
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${
        report
          ? html`<p
              class="notice ${report.errorCount ? 'warn' : 'ok'}"
              part="summary"
              data-errors=${report.errorCount}
            >
              ${fill(t.importDone, report.rows, importedOf(report), report.errorCount)}
            </p>
            ${
              report.errors.length
                ? html`<table part="errors">
                    <thead>
                      <tr>
                        <th scope="col">${t.lineColumn}</th>
                        <th scope="col">${t.serialColumn}</th>
                        <th scope="col">${t.codeColumn}</th>
                        <th scope="col">${t.messageColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${report.errors.map(
                        (e) => html`<tr data-line=${e.line}>
                          <td>${e.line}</td>
                          <td class="mono">${e.serial ?? ''}</td>
                          <td class="mono">${e.code}</td>
                          <td>${e.message}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                  <button
                    type="button"
                    part="download-errors"
                    @click=${() => saveFile(errorReportCsv(report), 'import-errors.csv')}
                  >
                    ${t.downloadErrors}
                  </button>`
                : nothing
            }`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
