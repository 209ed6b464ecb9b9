import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { registerRange, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

async function ownerSetup(kind: StoreKind) {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 3);
  return s;
}

const ada = { name: 'Ada Lovelace', email: 'Ada@Example.com', consent: true as const };

describe.each(['memory', 'sqlite'] as const)('owners (%s)', (kind) => {
  it('answers the same whether the unit had an owner, and keeps the second for review', async () => {
    const { client, clock } = await ownerSetup(kind);
    const first = await client.owners.register({ input: 'sn 000001', ...ada });
    clock.advance(1);
    const second = await client.owners.register({
      input: sn(1),
      name: 'Mallory',
      email: 'mallory@example.com',
      consent: true,
    });
    expect(first).toEqual({ status: 'received', serial: sn(1) });
    expect(second).toEqual(first);
    // The same owner again: same answer, nothing new.
    expect(await client.owners.register({ input: sn(1), ...ada })).toEqual(first);

    const owners = await client.owners.list({ serial: sn(1) }).toArray();
    expect(owners.map((o) => [o.status, o.name, o.email])).toEqual([
      ['active', 'Ada Lovelace', 'ada@example.com'],
      ['pending_review', 'Mallory', 'mallory@example.com'],
    ]);
    expect(
      (await client.owners.list({ status: 'pending_review' }).toArray()).map((o) => o.name),
    ).toEqual(['Mallory']);
    // History carries the registration, never the person.
    const events = (await client.serials.lookup(sn(1))).events.filter(
      (e) => e.type === 'owner_registered',
    );
    expect(events.map((e) => e.data?.status)).toEqual(['active', 'pending_review']);
    expect(JSON.stringify(events)).not.toMatch(/ada@|mallory|lovelace/i);

    expect(await client.owners.register({ input: sn(99), ...ada })).toEqual({
      status: 'unknown',
      serial: sn(99),
    });
    expect(await client.owners.register({ input: 'nonsense', ...ada })).toEqual({
      status: 'invalid',
      serial: null,
    });
  });

  it('refuses registrations without consent, email or a clean name', async () => {
    const { client } = await ownerSetup(kind);
    for (const bad of [
      { input: sn(1), name: 'Ada', email: 'ada@example.com', consent: false },
      { input: sn(1), name: 'Ada', email: 'not-an-email', consent: true },
      { input: sn(1), name: 'Ada\u202Eevil', email: 'ada@example.com', consent: true },
      { input: sn(1), name: '   ', email: 'ada@example.com', consent: true },
      { input: sn(1), name: 'Ada', email: 'ada@example.com', consent: true, role: 'admin' },
    ]) {
      await expect(client.owners.register(bad as never)).rejects.toSatisfy(
        ValidationError.isInstance,
      );
    }
    expect(await client.owners.list().toArray()).toEqual([]);
  });

  it('exports a unit’s owners as CSV and erases an owner on request', async () => {
    const { client, clock } = await ownerSetup(kind);
    await client.owners.register({ input: sn(2), ...ada, name: '=cmd()' });
    const lines: string[] = [];
    for await (const line of client.owners.exportCsv(sn(2))) lines.push(line);
    const rows = parse(lines.join(''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serial: sn(2), name: "'=cmd()", email: 'ada@example.com' });

    const [owner] = await client.owners.list({ email: 'ADA@example.com' }).toArray();
    clock.advance(5);
    const erased = await client.owners.erase(owner!.id);
    expect(erased).toEqual({
      id: owner!.id,
      sku: 'SKU-1',
      serial: sn(2),
      status: 'erased',
      registeredAt: owner!.registeredAt,
      erasedAt: '2024-05-01T12:05:00.000Z',
    });
    expect(await client.owners.list({ email: 'ada@example.com' }).toArray()).toEqual([]);
    const history = (await client.serials.lookup(sn(2))).events;
    expect(history.at(-1)).toMatchObject({ type: 'owner_erased', data: { ownerId: owner!.id } });
    expect(JSON.stringify(history)).not.toContain('ada@');
    await expect(client.owners.erase('own_missing')).rejects.toSatisfy(NotFoundError.isInstance);
  });
});
