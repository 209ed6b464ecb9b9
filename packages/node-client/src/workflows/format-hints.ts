/** Format hints for storefront widgets: what a serial of each tracked SKU looks like. */
import { createHash } from 'node:crypto';
import type { FormatHint, FormatHints } from '@serialkit/core';
import type { ClientContext } from './context.js';

export interface FormatsResource {
  /**
   * The format, hint and example of every tracked SKU, and a `version` that changes whenever
   * any of them does (clients cache by it). `format` is null for regex and free-form SKUs,
   * which only the server validates.
   *
   * @example
   * const { version, formats } = await client.formats.hints();
   * // formats[0]: { sku: 'KB-100', name: 'Mechanical keyboard', format: 'KB-{YYYY}-{D:6}{check:luhn}',
   * //               hint: 'KB-YYYY-NNNNNN + check digit', example: 'KB-2024-0001238' }
   */
  hints(): Promise<FormatHints>;
}

export function formatsResource(ctx: ClientContext): FormatsResource {
  return {
    async hints() {
      const snapshot = await ctx.catalog.snapshot();
      const formats: FormatHint[] = [];
      for (const sku of snapshot.skus) {
        let format: ReturnType<typeof ctx.formats.of>;
        try {
          format = ctx.formats.of(sku);
        } catch {
          continue; // a stored format that no longer compiles has nothing to hint
        }
        formats.push({
          sku: sku.sku,
          name: sku.name,
          format: sku.serialTracking.format ?? null,
          hint: format.hint,
          example: format.example,
        });
      }
      const version = createHash('sha256')
        .update(JSON.stringify(formats))
        .digest('hex')
        .slice(0, 16);
      return { version, formats };
    },
  };
}
