/** SKUs in PostgreSQL: the `skus` table, one row a SKU with its settings. */
import type { Sku } from '@serialkit/core';
import type { PageOptions, SkuFilter, StorePage } from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { type SqlDialect, SqlParams, where } from '../shared/filter.js';
import { rowToSku, type SkuRow } from '../shared/records.js';
import type { PgStatement } from './driver.js';

export async function getSku(query: PgStatement, skus: string, sku: string): Promise<Sku | null> {
  const { rows } = await query(`SELECT * FROM ${skus} WHERE sku = $1`, [sku], true);
  const row = rows[0] as SkuRow | undefined;
  return row ? rowToSku(row) : null;
}

/** Creates or replaces a SKU. */
export async function putSku(query: PgStatement, skus: string, sku: Sku): Promise<void> {
  await query(
    `INSERT INTO ${skus} (sku, name, gtin, tracking_enabled, format, regex, uniqueness, created_at, updated_at, warranty)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (sku) DO UPDATE SET
       name = EXCLUDED.name, gtin = EXCLUDED.gtin, tracking_enabled = EXCLUDED.tracking_enabled,
       format = EXCLUDED.format, regex = EXCLUDED.regex, uniqueness = EXCLUDED.uniqueness,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
       warranty = EXCLUDED.warranty`,
    [
      sku.sku,
      sku.name,
      sku.gtin ?? null,
      sku.serialTracking.enabled,
      sku.serialTracking.format ?? null,
      sku.serialTracking.regex ?? null,
      sku.serialTracking.uniqueness,
      sku.createdAt,
      sku.updatedAt,
      sku.warranty === undefined ? null : JSON.stringify(sku.warranty),
    ],
  );
}

/** SKUs by id, a page at a time. */
export async function listSkus(
  query: PgStatement,
  skus: string,
  dialect: SqlDialect,
  filter: SkuFilter,
  page: PageOptions,
): Promise<StorePage<Sku>> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('skus', page.cursor, 1);
  const params = new SqlParams(dialect);
  const conditions: string[] = [];
  if (filter.tracking !== undefined) {
    conditions.push(`tracking_enabled = ${params.add(filter.tracking)}`);
  }
  if (after) conditions.push(`sku > ${params.add(after[0])}`);
  const { rows } = await query(
    `SELECT * FROM ${skus} ${where(conditions)} ORDER BY sku LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return pageOf((rows as unknown as SkuRow[]).map(rowToSku), limit, (last) =>
    encodeCursor('skus', [last.sku]),
  );
}
