import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cdnScriptTag, packageVersion, scriptTag, withScriptTag } from '../scripts/cdn-script.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe("the README's CDN script tag", () => {
  it("pins this version and carries the built bundle's sha384", () => {
    const bundle = readFileSync(new URL('../dist/serial-lookup.bundle.js', import.meta.url));
    const sha384 = createHash('sha384').update(bundle).digest('base64');
    const tags = readme.match(cdnScriptTag) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      // On failure: `npm run build` then `node scripts/cdn-script.mjs` writes the tag again.
      expect(tag).toContain(`/npm/@serialkit/widget@${pkg.version}/dist/serial-lookup.bundle.js"`);
      expect(tag).toContain(` integrity="sha384-${sha384}"`);
      expect(tag).toContain(' crossorigin="anonymous"');
    }
  });

  it('is rewritten for another version or bundle', () => {
    expect(packageVersion()).toBe(pkg.version);
    const next = withScriptTag(readme, scriptTag('9.9.9', 'sha384-other'));
    expect(next).toContain('@serialkit/widget@9.9.9/dist/serial-lookup.bundle.js');
    expect(next).toContain('integrity="sha384-other"');
    expect(next).not.toBe(readme);
  });

  it('is the file that package.json gives CDNs', () => {
    expect(pkg.jsdelivr).toBe('./dist/serial-lookup.bundle.js');
    expect(pkg.unpkg).toBe('./dist/serial-lookup.bundle.js');
    expect(pkg.files).toContain('dist');
  });
});
