import { html, type TemplateResult } from 'lit';

/**
 * A translated sentence with its values (serials, formats) in spans that do not wrap, so that a
 * serial never breaks at a hyphen. The translation keeps its own word order.
 */
export function sentence(text: string, ...values: string[]): TemplateResult {
  return html`${text
    .split(/\{(\d)\}/)
    .map((part, i) =>
      i % 2 === 1 ? html`<span class="nowrap">${values[Number(part)]}</span>` : part,
    )}`;
}
