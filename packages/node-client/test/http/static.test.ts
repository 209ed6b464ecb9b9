import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../src/http/static.js';

const root = mkdtempSync(join(tmpdir(), 'serialkit-static-'));
writeFileSync(join(root, 'index.html'), '<h1>shop</h1>');
writeFileSync(join(root, 'theme.css'), 'body{}');
writeFileSync(join(root, '.env'), 'SECRET=1');
const asset = join(root, 'bundle.js');
writeFileSync(asset, 'export {}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = serveStatic(root, { files: { '/assets/serial-lookup.js': asset } });
const get = (path: string, init?: RequestInit) =>
  files(new Request(`http://shop.test${path}`, init));

describe('serveStatic', () => {
  test('serves files with their content type and the index for /', async () => {
    const index = await get('/');
    expect(index?.status).toBe(200);
    expect(index?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index?.text()).toBe('<h1>shop</h1>');
    expect((await get('/theme.css'))?.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await get('/assets/serial-lookup.js'))?.text()).toBe('export {}');
  });

  test('revalidates with the ETag', async () => {
    const first = await get('/theme.css');
    const etag = first?.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await get('/theme.css', { headers: { 'if-none-match': etag } }))?.status).toBe(304);
  });

  test('never serves dotfiles or paths outside the root, and leaves other paths to the API', async () => {
    expect(await get('/.env')).toBeNull();
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(await get('/v1/verify')).toBeNull();
    expect(await get('/', { method: 'POST' })).toBeNull();
  });

  test('answers GS1 Digital Link paths with the storefront page', async () => {
    const page = await get('/01/09506000134352/21/ABC123');
    expect(page?.status).toBe(200);
    expect(await page?.text()).toBe('<h1>shop</h1>');
    expect((await get('/products/01/09506000134352'))?.status).toBe(200);
    expect(await get('/01/123/21/ABC')).toBeNull();
    const off = serveStatic(root, { digitalLinkPages: false });
    expect(await off(new Request('http://shop.test/01/09506000134352/21/ABC123'))).toBeNull();
  });
});
