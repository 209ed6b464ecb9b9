/** SKU settings: serial tracking on or off, the serial format and its uniqueness. */
import { type Issue, type Sku, type SkuUpdate, skuSchema, skuUpdateSchema } from '@serialkit/core';
import { ConflictError, ValidationError } from '../errors.js';
import type { PageOptions, SkuFilter } from '../store.js';
import type { ClientContext } from './context.js';
import { parseInput, wireIssues } from './input.js';
import { createList, type List } from './list.js';

/** Incompatible units listed in a format change conflict. */
const MAX_INCOMPATIBLE_EXAMPLES = 10;

export interface SkusResource {
  /**
   * Creates or replaces a SKU's settings. The format is compiled on save: a pattern that does
   * not compile is a `ValidationError` whose issue points at the column. Once a SKU has units,
   * its format may only change to one under which every unit is still valid and canonical, and
   * its uniqueness cannot change (a `ConflictError` otherwise).
   *
   * @example
   * await client.skus.update('KB-100', {
   *   name: 'Mechanical keyboard',
   *   gtin: '04012345678901',
   *   serialTracking: { enabled: true, format: 'KB-{YYYY}-{D:6}{check:luhn}' },
   * });
   */
  update(sku: string, update: SkuUpdate): Promise<Sku>;
  /**
   * A SKU, or a `NotFoundError`.
   *
   * @example
   * const { serialTracking } = await client.skus.get('KB-100');
   */
  get(sku: string): Promise<Sku>;
  /**
   * SKUs ordered by id, optionally only those with tracking on (or off).
   *
   * @example
   * for await (const sku of client.skus.list({ tracking: true })) console.log(sku.sku);
   */
  list(filter?: SkuFilter, page?: PageOptions): List<Sku>;
}

export function skusResource(ctx: ClientContext): SkusResource {
  return {
    async update(sku, update) {
      const id = parseInput(skuSchema.shape.sku, sku, 'SKU id', ['sku']);
      const input = parseInput(skuUpdateSchema, update, 'SKU settings');
      const tracking = input.serialTracking;
      if (tracking.format !== undefined && tracking.regex !== undefined) {
        throw new ValidationError('Give a serial format or a regex, not both', {
          issues: [
            {
              code: 'invalid_union',
              message: 'give format or regex, not both',
              path: ['serialTracking', 'regex'],
            },
          ],
        });
      }
      const format = ctx.formats.compile(tracking);
      const existing = await ctx.store.getSku(id);

      if (existing) {
        const before = existing.serialTracking;
        const formatChanged = before.format !== tracking.format || before.regex !== tracking.regex;
        const uniquenessChanged = before.uniqueness !== tracking.uniqueness;
        if (formatChanged || uniquenessChanged) {
          const probe = await ctx.store.listSerials({ sku: id }, { limit: 1 });
          if (probe.items.length > 0) {
            if (uniquenessChanged) {
              // Stored units carry unique keys derived from the old policy.
              throw new ConflictError(
                `SKU ${id} has units: its serial uniqueness cannot change from '${before.uniqueness}' to '${tracking.uniqueness}'`,
                { details: { sku: id, reason: 'uniqueness_locked' } },
              );
            }
            const incompatible: { serial: string; issues: Issue[] }[] = [];
            // Every unit is checked, so that the merchant learns how many the change would break.
            let count = 0;
            let cursor: string | null = null;
            do {
              const page = await ctx.store.listSerials({ sku: id }, { cursor, limit: 1000 });
              for (const unit of page.items) {
                const result = format.validate(unit.serial);
                if (result.success && result.data.serial === unit.serial) continue;
                count++;
                if (incompatible.length >= MAX_INCOMPATIBLE_EXAMPLES) continue;
                incompatible.push({
                  serial: unit.serial,
                  issues: result.success
                    ? [
                        {
                          code: 'not_canonical',
                          message: `would become ${result.data.serial}`,
                          input: unit.serial,
                        },
                      ]
                    : wireIssues(result.issues),
                });
              }
              cursor = page.nextCursor;
            } while (cursor !== null);
            if (incompatible.length > 0) {
              throw new ConflictError(
                `SKU ${id} has units that the new serial format does not accept, e.g. ${incompatible[0]!.serial}`,
                { details: { sku: id, reason: 'format_incompatible', count, incompatible } },
              );
            }
          }
        }
      }

      const now = ctx.nowIso();
      const record: Sku = {
        sku: id,
        name: input.name,
        ...(input.gtin === undefined ? {} : { gtin: input.gtin }),
        ...(input.warranty === undefined ? {} : { warranty: input.warranty }),
        serialTracking: {
          enabled: tracking.enabled,
          ...(tracking.format === undefined ? {} : { format: tracking.format }),
          ...(tracking.regex === undefined ? {} : { regex: tracking.regex }),
          uniqueness: tracking.uniqueness,
        },
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await ctx.store.putSku(record);
      ctx.catalog.invalidate();
      return record;
    },

    get(sku) {
      return ctx.requireSku(sku);
    },

    list(filter = {}, page) {
      return createList(async ({ cursor, limit }) => {
        if (filter.tracking !== undefined && typeof filter.tracking !== 'boolean') {
          throw new ValidationError('Invalid SKU filter', {
            issues: [
              { code: 'invalid_type', message: 'tracking must be a boolean', path: ['tracking'] },
            ],
          });
        }
        return ctx.store.listSkus(filter, { cursor, limit });
      }, page);
    },
  };
}
