/** The suggestion rule on PostgreSQL: one `serials` filter of many candidates per SKU. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { postgresStore } from '../../src/stores/postgres.js';
import { b2c, registerRange, SN, setup, trackedSku } from './fixtures.js';

const url = inject('postgresUrl');
const schema = `t_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('suggestions (postgres)', () => {
  it('serials.suggest and a pick of a typo that reads as a valid serial', async () => {
    const store = postgresStore({ connectionString: url }, { schema });
    const { client } = setup({ store });
    try {
      await trackedSku(client, 'SKU-1', SN);
      await registerRange(client, 'SKU-1', 10, 120);
      await client.shipments.create(b2c('ORD-9', 'SKU-1', ['SN-000128']));
      expect((await client.serials.suggest('SN-0001277')).items).toEqual([
        { sku: 'SKU-1', serial: 'SN-000127', status: 'in_stock' },
      ]);
      expect((await client.serials.suggest('SN-00O128')).items).toEqual([
        { sku: 'SKU-1', serial: 'SN-000128', status: 'shipped' },
      ]);
      await client.orders.create({
        id: 'ORD-1',
        channel: 'b2c',
        customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada' },
        lines: [{ sku: 'SKU-1', quantity: 1 }],
      });
      const swapped = await client.orders.pick('ORD-1', 'SN-000112');
      expect([swapped.outcome, swapped.suggestions?.[0]]).toEqual([
        'mistyped',
        { sku: 'SKU-1', serial: 'SN-000121' },
      ]);
    } finally {
      await client.close();
    }
  });
});
