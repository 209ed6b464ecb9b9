/**
 * The shared-state contract, run against every implementation. "Two processes" are two
 * coordination objects on one database, each with its own connection, as two serve instances are.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Coordination } from '../../src/coordination/coordination.js';
import { memoryCoordination } from '../../src/coordination/memory.js';
import { postgresCoordination } from '../../src/coordination/postgres.js';
import { sqliteCoordination } from '../../src/coordination/sqlite.js';
import { ConflictError, ConnectionError } from '../../src/errors.js';

const url = inject('postgresUrl');
const dir = mkdtempSync(join(tmpdir(), 'serialkit-coordination-'));
const schemas: string[] = [];
const opened: Coordination[] = [];
afterAll(async () => {
  for (const coordination of opened) await coordination.close();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

/** Two handles on one shared place (the same object twice for memory). */
type Pair = () => [Coordination, Coordination];
const kinds: Record<string, Pair> = {
  memory: () => {
    const one = memoryCoordination();
    return [one, one];
  },
  sqlite: () => {
    const filename = join(dir, `${randomBytes(6).toString('hex')}.db`);
    const pair: [Coordination, Coordination] = [
      sqliteCoordination({ filename }),
      sqliteCoordination({ filename }),
    ];
    opened.push(...pair);
    return pair;
  },
  postgres: () => {
    const schema = `c_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const pair: [Coordination, Coordination] = [
      postgresCoordination({ connectionString: url, schema }),
      postgresCoordination({ connectionString: url, schema }),
    ];
    opened.push(...pair);
    return pair;
  },
};

const answer = (body: unknown, status = 201) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe.each(Object.entries(kinds))('%s coordination', (_kind, pair) => {
  test('a burst is limited once across processes, with a Retry-After in seconds', async () => {
    const [a, b] = pair();
    const policy = { capacity: 4, refillPerSecond: 0.01 };
    const limiters = [a.rateLimiter('public', policy), b.rateLimiter('public', policy)];
    const decisions = [];
    for (let i = 0; i < 10; i++) decisions.push(await limiters[i % 2]!.hit('203.0.113.7'));
    expect(decisions.filter((d) => d.ok)).toHaveLength(4);
    expect(decisions.slice(0, 4).every((d) => d.ok)).toBe(true);
    const refused = decisions[9]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    // Another client and another limiter name each have their own bucket.
    expect((await limiters[0]!.hit('198.51.100.1')).ok).toBe(true);
    expect((await a.rateLimiter('auth', policy).hit('203.0.113.7')).ok).toBe(true);
    // A cost larger than what is left is refused without taking anything.
    const other = b.rateLimiter('costs', policy);
    expect(await other.hit('k', 3)).toEqual({ ok: true, remaining: 1 });
    expect((await other.hit('k', 2)).ok).toBe(false);
    expect(await other.hit('k', 1)).toEqual({ ok: true, remaining: 0 });
    // peek looks without taking, and sees the other process's hits.
    expect((await limiters[1]!.peek('203.0.113.7')).ok).toBe(false);
    expect(await limiters[0]!.peek('192.0.2.200')).toEqual({ ok: true, remaining: 4 });
    expect(await limiters[0]!.peek('192.0.2.200')).toEqual({ ok: true, remaining: 4 });
    // reset refills, seen from the other process.
    await limiters[1]!.reset('203.0.113.7');
    expect((await limiters[0]!.hit('203.0.113.7')).ok).toBe(true);
  });

  test('a repeated key replays the first answer, from another process too', async () => {
    const [a, b] = pair();
    let runs = 0;
    const produce = async () => answer({ run: ++runs });
    const first = await a.idempotency().run('scope\u0000op\u0000key-1', 'h1', produce);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ run: 1 });
    const again = await b.idempotency().run('scope\u0000op\u0000key-1', 'h1', produce);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(await again.json()).toEqual({ run: 1 });
    expect(runs).toBe(1);
    // The same key with another body is refused, naming only the client's key.
    const error = await b
      .idempotency()
      .run('scope\u0000op\u0000key-1', 'h2', produce)
      .catch((e: unknown) => e);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).details).toEqual({ idempotencyKey: 'key-1' });
  });

  test('concurrent repeats on two processes run the request once', async () => {
    const [a, b] = pair();
    let runs = 0;
    const produce = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return answer({ ok: true });
    };
    const runners = [a.idempotency(), b.idempotency()];
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => runners[i % 2]!.run('k\u0000concurrent', 'h', produce)),
    );
    expect(runs).toBe(1);
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
  });

  test('an answer that decides nothing (5xx, 429) is not kept: the retry runs for real', async () => {
    const [a, b] = pair();
    let runs = 0;
    const produce = async () => (++runs === 1 ? answer({ down: true }, 503) : answer({ ok: 1 }));
    expect((await a.idempotency().run('k\u0000retry', 'h', produce)).status).toBe(503);
    const second = await b.idempotency().run('k\u0000retry', 'h', produce);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(runs).toBe(2);
  });
});

describe.each(['sqlite', 'postgres'])('%s coordination, shared only', (kind) => {
  test('many instances starting at once on a fresh database all start', async () => {
    // Each first call creates the tables (CREATE … IF NOT EXISTS); concurrent creations race, and
    // the losers must take the winner's tables instead of failing their first request.
    const schema = `c_${randomBytes(6).toString('hex')}`;
    const filename = join(dir, `${schema}.db`);
    if (kind === 'postgres') schemas.push(schema);
    const all = Array.from({ length: 8 }, () =>
      kind === 'postgres'
        ? postgresCoordination({ connectionString: url, schema })
        : sqliteCoordination({ filename }),
    );
    opened.push(...all);
    const answers = await Promise.all(
      all.map((c, i) => c.idempotency().run(`k\u0000start-${i}`, 'h', async () => answer({ i }))),
    );
    expect(answers.map((r) => r.status)).toEqual(all.map(() => 201));
  });

  test('a claim whose process died is taken over once its lease ran out', async () => {
    const [a, b] = kinds[kind]!();
    let finish!: (response: Response) => void;
    let running!: () => void;
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const stuck = a.idempotency({ leaseMs: 300 }).run('k\u0000dead', 'h', () => {
      running();
      return new Promise<Response>((resolve) => {
        finish = resolve;
      });
    });
    await started;
    // The first process loses its database: it can no longer renew its claim.
    await a.close();
    const taken = await b
      .idempotency({ leaseMs: 300 })
      .run('k\u0000dead', 'h', async () => answer({ second: true }));
    expect(await taken.json()).toEqual({ second: true });
    finish(answer({ first: true }));
    // The first process still answers its own caller; it cannot record the answer any more.
    expect(await (await stuck).json()).toEqual({ first: true });
  });

  test('an answer too large to keep is recorded as applied: a replay is a 409', async () => {
    const [a, b] = kinds[kind]!();
    const big = 'x'.repeat(2_000);
    const first = await a
      .idempotency({ maxResponseBytes: 1_000 })
      .run('k\u0000big', 'h', async () => answer({ big }));
    expect(((await first.json()) as { big: string }).big).toBe(big);
    const replay = await b
      .idempotency({ maxResponseBytes: 1_000 })
      .run('k\u0000big', 'h', async () => answer({ again: true }))
      .catch((e: unknown) => e);
    expect(ConflictError.isInstance(replay)).toBe(true);
  });

  test('an unreachable database is a retryable 503 without the driver message', async () => {
    const coordination =
      kind === 'postgres'
        ? postgresCoordination({ connectionString: 'postgres://postgres@127.0.0.1:1/none' })
        : sqliteCoordination({ filename: join(dir, 'missing', 'nested', 'x.db') });
    const error = await Promise.resolve()
      .then(() => coordination.rateLimiter('public', { capacity: 1, refillPerSecond: 1 }).hit('a'))
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).status).toBe(503);
    expect((error as ConnectionError).retryable).toBe(true);
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|nested/);
    await coordination.close();
  });
});
