import { describe, expect, test } from 'vitest';
import { harness, READ_KEY, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };
const R = { key: READ_KEY };

async function quarantinedHarness() {
  const h = await harness();
  await h.client.returns.accept({
    orderId: 'ORD-1',
    serial: h.headphones[0]!,
    disposition: 'quarantine',
  });
  return h;
}

describe('corrections over HTTP', () => {
  test('release, lift a recall, edit and void, each answering the unit', async () => {
    const h = await quarantinedHarness();
    const [first, second, third] = h.headphones;
    const released = await h.call('POST', '/v1/corrections/release', {
      ...W,
      body: { serial: first, to: 'in_stock', reason: 'Tested fine' },
    });
    expect(released.status).toBe(200);
    expect((await released.json()).status).toBe('in_stock');

    await h.client.recalls.create({ sku: 'HP-200', lot: 'L1', notice: 'Check the cable' });
    const lifted = await h.call('POST', '/v1/corrections/lift-recall', {
      ...W,
      body: { serial: second, reason: 'Cable revision B' },
    });
    expect(lifted.status).toBe(200);
    expect((await lifted.json()).recallId).toBeUndefined();

    // A scanned Digital Link names the unit as well as its serial does.
    const link = `https://shop.example/01/04012345000016/21/${third}`;
    const edited = await h.call('POST', '/v1/corrections/edit', {
      ...W,
      body: { serial: link, lot: 'L2', manufacturedAt: null },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ serial: third, lot: 'L2' });
    const events = await h.client.events.list({ sku: 'HP-200', serial: third });
    expect(events.items.at(-1)?.data).toMatchObject({
      before: { lot: 'L1', manufacturedAt: '2024-05-01' },
      after: { lot: 'L2', manufacturedAt: null },
    });

    const voided = await h.call('POST', '/v1/corrections/void', {
      ...W,
      body: { serial: third, reason: 'Registered twice' },
    });
    expect(voided.status).toBe(200);
    expect(await voided.json()).toEqual({ sku: 'HP-200', serial: third, freed: true });
  });

  test('a state that forbids the correction is a 409 that says why', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/corrections/void', {
      ...W,
      body: { serial: h.headphones[0], reason: 'x' },
    });
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ reason: 'not_voidable', status: 'shipped' });
    const release = await h.call('POST', '/v1/corrections/release', {
      ...W,
      body: { serial: h.headphones[5], to: 'in_stock' },
    });
    expect(release.status).toBe(409);
    expect((await release.json()).error.details.reason).toBe('not_quarantined');
  });

  test('as an attacker: keys, scopes, unknown keys, malformed and huge bodies', async () => {
    const h = await quarantinedHarness();
    const serial = h.headphones[0];
    const body = { serial, to: 'in_stock' };
    expect((await h.call('POST', '/v1/corrections/release', { body })).status).toBe(401);
    expect((await h.call('POST', '/v1/corrections/release', { ...R, body })).status).toBe(403);
    const spoofed = await h.call('POST', '/v1/corrections/release', {
      body,
      headers: { 'x-api-key': WRITE_KEY.slice(0, -1), 'x-forwarded-for': '127.0.0.1' },
    });
    expect(spoofed.status).toBe(401);
    const unknownKey = await h.call('POST', '/v1/corrections/release', {
      ...W,
      body: { ...body, status: 'in_stock' },
    });
    expect(unknownKey.status).toBe(400);
    const wrongTarget = await h.call('POST', '/v1/corrections/release', {
      ...W,
      body: { serial, to: 'shipped' },
    });
    expect(wrongTarget.status).toBe(400);
    const malformed = await h.call('POST', '/v1/corrections/edit', {
      ...W,
      body: '{"serial":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const notJson = await h.call('POST', '/v1/corrections/edit', {
      ...W,
      body: 'serial=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
    const huge = await h.call('POST', '/v1/corrections/void', {
      ...W,
      body: { serial, reason: 'x'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
    const longSerial = await h.call('POST', '/v1/corrections/void', {
      ...W,
      body: { serial: 'S'.repeat(5000), reason: 'x' },
    });
    expect(longSerial.status).toBe(400);
    const unknownUnit = await h.call('POST', '/v1/corrections/void', {
      ...W,
      body: { serial: h.headphones[0]!.replace('2024', '2023'), reason: 'x' },
    });
    expect([400, 404]).toContain(unknownUnit.status);
    // Nothing changed through any of these.
    expect((await h.client.serials.lookup(serial!)).record.status).toBe('quarantined');
  });

  test('the OpenAPI document lists every correction', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    for (const path of ['release', 'lift-recall', 'void', 'edit']) {
      const operation = doc.paths[`/v1/corrections/${path}`]?.post;
      expect(operation?.requestBody).toBeDefined();
      expect(Object.keys(operation.responses)).toContain('409');
    }
  });
});
