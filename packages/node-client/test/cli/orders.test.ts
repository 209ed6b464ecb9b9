import { expect, test } from 'vitest';
import { cliOnTemporaryStore } from './harness.js';

const { cli } = cliOnTemporaryStore('orders');

test('serialkit orders: create, list, pick (refusals exit 4), unpick, ship partially, cancel a shipment, cancel', async () => {
  expect((await cli(['sku', 'set', 'KB', '--name', 'Keyboard', '--format', 'KB-{D:4}'])).code).toBe(
    0,
  );
  expect((await cli(['generate', 'KB', '3'])).code).toBe(0);

  const created = await cli([
    'orders',
    'create',
    'ORD-1',
    '--email',
    'ada@example.com',
    '--line',
    'KB=2',
    '--json',
  ]);
  expect(created.code).toBe(0);
  expect(JSON.parse(created.stdout)).toMatchObject({ id: 'ORD-1', status: 'open', source: 'cli' });
  expect(
    (await cli(['orders', 'create', 'ORD-1', '--email', 'a@b.example', '--line', 'KB=1'])).code,
  ).toBe(4);
  expect((await cli(['orders', 'create', 'ORD-2', '--line', 'KB=zero'])).code).toBe(2);

  const list = await cli(['orders', 'list']);
  expect(list.stdout).toContain('ORD-1');
  expect(list.stdout).toContain('KB×2');

  const picked = await cli(['orders', 'pick', 'ORD-1', 'kb-0001', '--json']);
  expect(picked.code).toBe(0);
  expect(JSON.parse(picked.stdout).map((r: { outcome: string }) => r.outcome)).toEqual([
    'accepted',
  ]);
  const refused = await cli(['orders', 'pick', 'ORD-1', 'KB-0001', 'KB-0099']);
  expect(refused.code).toBe(4);
  expect(refused.stdout).toContain('already_picked');
  expect(refused.stdout).toContain('not_registered');

  expect((await cli(['orders', 'pick', 'ORD-1', 'KB-0002'])).code).toBe(0);
  expect((await cli(['orders', 'unpick', 'ORD-1', 'KB-0002', '--sku', 'KB'])).code).toBe(0);
  expect((await cli(['orders', 'ship', 'ORD-1'])).code).toBe(4);
  const shipped = await cli(['orders', 'ship', 'ORD-1', '--partial', '--json']);
  expect(shipped.code).toBe(0);
  expect(JSON.parse(shipped.stdout).order.status).toBe('partially_shipped');

  const show = await cli(['orders', 'show', 'ORD-1']);
  expect(show.stdout).toContain('shipment ORD-1-1');
  expect((await cli(['orders', 'cancel-shipment', 'ORD-1', 'ORD-1-1'])).code).toBe(0);
  expect((await cli(['lookup', 'KB-0001', '--json'])).stdout).toContain('"in_stock"');
  expect((await cli(['orders', 'cancel', 'ORD-1'])).code).toBe(0);
  expect((await cli(['orders', 'list'])).stdout).not.toContain('ORD-1');
  expect((await cli(['orders', 'list', '--status', 'cancelled'])).stdout).toContain('ORD-1');
  expect((await cli(['orders', 'show', 'ORD-404'])).code).toBe(3);
});
