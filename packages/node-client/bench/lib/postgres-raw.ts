/**
 * The raw pg baselines, on the table the PostgreSQL store's migration created: COPY FROM STDIN of
 * the units, and the recall's INSERT … SELECT + UPDATE.
 */
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Fixture, REGISTERED_AT, SKU } from './fixture.js';

/** Rows per COPY chunk written to the socket. */
const CHUNK_ROWS = 5000;

/** Every unit in one COPY (text format) into `<schema>.serials`. */
export async function copyRaw(client: pg.ClientBase, schema: string, fixture: Fixture) {
  const stream = client.query(
    copyFrom(`COPY ${schema}.serials (registered_at, sku, serial, status, lot) FROM STDIN`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const { rows } = fixture;
  const registeredAt = Date.parse(REGISTERED_AT);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let text = '';
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) {
      const row = rows[i] as { serial: string; lot: string };
      text += `${registeredAt}\t${SKU}\t${row.serial}\tin_stock\t${row.lot}\n`;
    }
    if (!stream.write(text)) await once(stream, 'drain');
  }
  stream.end();
  await done;
}

/** The raw form of a recall, in one transaction: log an event per selected unit, then mark them. */
export function rawRecallPg(
  pool: pg.Pool,
  schema: string,
  by: { range: { from: string; to: string } } | { lot: string },
): (recallId: string, at: string) => Promise<number> {
  const [condition, params] =
    'range' in by
      ? ['sku = $1 AND serial BETWEEN $2 AND $3', [SKU, by.range.from, by.range.to]]
      : ['sku = $1 AND lot = $2', [SKU, by.lot]];
  const n = params.length;
  return async (recallId, at) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${schema}.events (sku, serial, type, at, data)
         SELECT sku, serial, 'recalled', $${n + 2}::text, $${n + 3}::jsonb FROM ${schema}.serials
         WHERE ${condition} AND recall_id IS DISTINCT FROM $${n + 1}`,
        [...params, recallId, at, JSON.stringify({ recallId })],
      );
      const marked = await client.query(
        `UPDATE ${schema}.serials SET recall_id = $${n + 1}, updated_at = $${n + 2}
         WHERE ${condition} AND recall_id IS DISTINCT FROM $${n + 1}`,
        [...params, recallId, Date.parse(at)],
      );
      await client.query('COMMIT');
      return marked.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}
