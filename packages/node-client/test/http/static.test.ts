import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('serveStatic serves built assets only, with security headers', () => {
  const site = mkdtempSync(join(tmpdir(), 'serialkit-site-'));
  const inline = "document.title = 'shop';";
  writeFileSync(join(site, 'index.html'), `<h1>shop</h1><script type="module">${inline}</script>`);
  writeFileSync(join(site, 'app.js'), 'export {}');
  writeFileSync(join(site, 'package.json'), '{"name":"private"}');
  writeFileSync(join(site, 'tsconfig.json'), '{}');
  writeFileSync(join(site, 'server.ts'), 'const secret = 1;');
  writeFileSync(join(site, 'README.md'), '# notes');
  writeFileSync(join(site, 'app.js.map'), '{}');
  mkdirSync(join(site, 'node_modules', 'lib'), { recursive: true });
  writeFileSync(join(site, 'node_modules', 'lib', 'index.js'), 'export {}');
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const serve = serveStatic(site);
  const fetchFile = (path: string) => serve(new Request(`http://shop.test${path}`));

  test('package.json, sources, notes, maps and node_modules are not served', async () => {
    for (const path of [
      '/package.json',
      '/tsconfig.json',
      '/server.ts',
      '/README.md',
      '/app.js.map',
      '/node_modules/lib/index.js',
      '/%6eode_modules/lib/index.js',
    ]) {
      expect(await fetchFile(path), path).toBeNull();
    }
    expect((await fetchFile('/app.js'))?.status).toBe(200);
  });

  test('pages carry a CSP that allows their own inline scripts by hash, and no framing', async () => {
    const page = await fetchFile('/');
    expect(page?.status).toBe(200);
    const policy = page?.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(page?.headers.get('x-frame-options')).toBe('DENY');
    expect(page?.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetchFile('/app.js');
    expect(script?.headers.get('x-frame-options')).toBe('DENY');
    expect(script?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
