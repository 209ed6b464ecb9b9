import { describe, expect, test } from 'vitest';
import { AuthError, ForbiddenError, type SerialkitError } from '../../src/errors.js';
import { type Access, type ApiKeys, createAuthorizer } from '../../src/http/auth.js';

const READ = 'read-key-0123456789abcdef';
const WRITE = 'write-key-0123456789abcdef';
const ADMIN = 'admin-key-0123456789abcdef';
const STORE = 'store-key-0123456789abcdef';
const KEYS: ApiKeys = [
  { key: READ, scope: 'read' },
  { key: WRITE, scope: 'write' },
  { key: ADMIN, scope: 'admin' },
  { key: STORE, scope: 'store' },
];

const request = (authorization?: string) =>
  new Request('http://localhost/v1/skus', {
    headers: authorization === undefined ? {} : { authorization },
  });

async function outcome(
  keys: ApiKeys | undefined,
  authorization: string | undefined,
  needs: Access,
): Promise<Access | { code: string; status: number; message: string }> {
  try {
    return await createAuthorizer(keys)(request(authorization), needs);
  } catch (error) {
    const e = error as SerialkitError;
    return { code: e.code, status: e.status, message: e.message };
  }
}

describe('createAuthorizer', () => {
  test('grants each scope what it may do, and nothing more', async () => {
    const table: [string, Access, Access | string][] = [
      [READ, 'read', 'read'],
      [READ, 'write', 'forbidden'],
      [READ, 'store', 'forbidden'],
      [WRITE, 'read', 'write'],
      [WRITE, 'write', 'write'],
      [WRITE, 'store', 'forbidden'],
      [ADMIN, 'read', 'write'],
      [ADMIN, 'write', 'write'],
      [ADMIN, 'store', 'forbidden'],
      [STORE, 'read', 'forbidden'],
      [STORE, 'write', 'forbidden'],
      [STORE, 'store', 'store'],
    ];
    for (const [key, needs, expected] of table) {
      const got = await outcome(KEYS, `Bearer ${key}`, needs);
      expect(typeof got === 'string' ? got : got.code, `${key} for ${needs}`).toBe(expected);
    }
  });

  test('says why a key is refused, with 401 or 403', async () => {
    expect(await outcome(KEYS, undefined, 'read')).toEqual({
      code: 'unauthorized',
      status: 401,
      message: 'Missing API key: send "Authorization: Bearer <key>"',
    });
    expect(await outcome(KEYS, '', 'read')).toMatchObject({ code: 'unauthorized' });
    expect(await outcome(KEYS, `Basic ${WRITE}`, 'read')).toEqual({
      code: 'unauthorized',
      status: 401,
      message: 'Malformed Authorization header: expected "Bearer <key>"',
    });
    expect(await outcome(KEYS, 'Bearer not-a-configured-key-000', 'read')).toEqual({
      code: 'unauthorized',
      status: 401,
      message: 'Invalid API key',
    });
    expect(await outcome(KEYS, `Bearer ${READ}`, 'write')).toEqual({
      code: 'forbidden',
      status: 403,
      message: 'This API key is read-only; use a write key for changes',
    });
    expect(await outcome(KEYS, `Bearer ${STORE}`, 'read')).toEqual({
      code: 'forbidden',
      status: 403,
      message: 'A store key may only use /v1/store/*',
    });
    expect(await outcome(KEYS, `Bearer ${WRITE}`, 'store')).toEqual({
      code: 'forbidden',
      status: 403,
      message: 'The store protocol needs a key of scope store',
    });
  });

  test('reads the Bearer scheme as RFC 6750 writes it, and nothing looser', async () => {
    for (const header of [
      `Bearer ${WRITE}`,
      `bearer ${WRITE}`,
      `BEARER ${WRITE}`,
      `Bearer  ${WRITE}`,
      `Bearer\t${WRITE}`,
      `Bearer ${WRITE} `,
      `Bearer ${WRITE}\t`,
    ]) {
      expect(await outcome(KEYS, header, 'write'), JSON.stringify(header)).toBe('write');
    }
    for (const header of [
      `Bearer${WRITE}`,
      `Bearer ${WRITE} extra`,
      `Bearer ${WRITE},other`.replace(',', ' '),
      `Token ${WRITE}`,
      `xBearer ${WRITE}`,
      'Bearer ',
    ]) {
      expect(await outcome(KEYS, header, 'read'), JSON.stringify(header)).toMatchObject({
        code: 'unauthorized',
      });
    }
  });

  test('a key must match whole: prefixes, extensions and case changes are other keys', async () => {
    for (const near of [
      WRITE.slice(0, -1),
      `${WRITE}x`,
      WRITE.toUpperCase(),
      `x${WRITE.slice(1)}`,
      `${WRITE.slice(0, -1)}F`,
    ]) {
      expect(await outcome(KEYS, `Bearer ${near}`, 'read'), near).toMatchObject({
        code: 'unauthorized',
      });
    }
  });

  test('a key listed twice keeps its first scope', async () => {
    const keys: ApiKeys = [
      { key: WRITE, scope: 'read' },
      { key: WRITE, scope: 'write' },
    ];
    expect(await outcome(keys, `Bearer ${WRITE}`, 'write')).toMatchObject({ code: 'forbidden' });
    const reversed: ApiKeys = [
      { key: WRITE, scope: 'write' },
      { key: WRITE, scope: 'read' },
    ];
    expect(await outcome(reversed, `Bearer ${WRITE}`, 'write')).toBe('write');
  });

  test('refuses keys shorter than 16 characters when configured', () => {
    expect(() => createAuthorizer([{ key: 'a'.repeat(15), scope: 'write' }])).toThrow(
      'API keys must be at least 16 characters long',
    );
    expect(() => createAuthorizer([{ key: 'a'.repeat(16), scope: 'write' }])).not.toThrow();
  });

  test('a key with Latin-1 characters works, its ASCII look-alike does not', async () => {
    const key = 'clé-secrète-0123456789';
    const keys: ApiKeys = [{ key, scope: 'write' }];
    const withHeader = (value: string) =>
      createAuthorizer(keys)(
        { headers: new Headers([['authorization', value]]) } as unknown as Request,
        'write',
      ).catch((error: unknown) => (error as SerialkitError).code);
    expect(await withHeader(`Bearer ${key}`)).toBe('write');
    expect(await withHeader('Bearer cle-secrete-0123456789')).toBe('unauthorized');
  });

  test('without keys every admin route is refused; a function decides scopes itself', async () => {
    expect(await outcome(undefined, `Bearer ${WRITE}`, 'read')).toMatchObject({
      code: 'unauthorized',
    });
    const seen: string[] = [];
    const resolver: ApiKeys = async (key) => {
      seen.push(key);
      return key === 'from-the-vault-0000' ? 'write' : null;
    };
    expect(await outcome(resolver, 'Bearer from-the-vault-0000', 'write')).toBe('write');
    expect(await outcome(resolver, 'Bearer other', 'read')).toMatchObject({
      code: 'unauthorized',
    });
    expect(seen).toEqual(['from-the-vault-0000', 'other']);
  });

  test('errors are the typed classes', async () => {
    const missing = await createAuthorizer(KEYS)(request(), 'read').catch((e: unknown) => e);
    expect(AuthError.isInstance(missing)).toBe(true);
    const readOnly = await createAuthorizer(KEYS)(request(`Bearer ${READ}`), 'write').catch(
      (e: unknown) => e,
    );
    expect(ForbiddenError.isInstance(readOnly)).toBe(true);
  });
});
