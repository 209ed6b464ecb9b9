/** `serialkit webhooks`: subscriptions from the command line. */
import { expect, test } from 'vitest';
import { cliOnTemporaryStore } from './harness.js';

const { cli } = cliOnTemporaryStore('hooks');

test('create, list, update, show deliveries and dead letters, delete', async () => {
  const created = await cli([
    'webhooks',
    'create',
    '--url',
    'https://erp.example/hooks',
    '--event',
    'unit.shipped',
    '--event',
    'recall.created',
    '--json',
  ]);
  expect(created.code).toBe(0);
  const hook = JSON.parse(created.stdout);
  expect(hook).toMatchObject({
    url: 'https://erp.example/hooks',
    eventTypes: ['unit.shipped', 'recall.created'],
    enabled: true,
  });
  expect(hook.secret).toMatch(/^whsec_/);

  const listed = await cli(['webhooks', 'list']);
  expect(listed.stdout).toContain(hook.id);
  expect(listed.stdout).not.toContain(hook.secret);

  const updated = await cli(['webhooks', 'update', hook.id, '--enabled', 'false', '--json']);
  expect(JSON.parse(updated.stdout)).toMatchObject({ id: hook.id, enabled: false });
  expect((await cli(['webhooks', 'deliveries', hook.id])).stdout).toBe('No deliveries yet.\n');
  expect((await cli(['webhooks', 'dead-letters', hook.id])).stdout).toBe('No dead letters.\n');
  expect((await cli(['webhooks', 'replay', hook.id, '--all'])).stdout).toBe('No dead letters.\n');

  expect((await cli(['webhooks', 'delete', hook.id])).code).toBe(0);
  expect((await cli(['webhooks', 'get', hook.id])).code).toBe(3);
});

test('usage errors and invalid input', async () => {
  expect((await cli(['webhooks', 'create', '--event', 'unit.shipped'])).code).toBe(2);
  const badEvent = await cli([
    'webhooks',
    'create',
    '--url',
    'https://erp.example/hooks',
    '--event',
    'unit.exploded',
  ]);
  expect(badEvent.code).toBe(4);
  expect(badEvent.stderr).toContain('expected one of "unit.shipped"');
  const badUrl = await cli([
    'webhooks',
    'create',
    '--url',
    'file:///etc/passwd',
    '--event',
    'unit.shipped',
  ]);
  expect(badUrl.code).toBe(4);
  expect((await cli(['webhooks', 'update', 'wh_x', '--enabled', 'maybe'])).code).toBe(2);
});
