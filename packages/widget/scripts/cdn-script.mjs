/**
 * The README's one-script-tag embed: a CDN URL pinned to this version of the package, with the
 * Subresource Integrity hash (sha384) of the built `dist/serial-lookup.bundle.js`, so that a
 * browser refuses a script that is not the one published.
 *
 * `node scripts/cdn-script.mjs` (after `npm run build`) rewrites every such tag in the README;
 * `--check` exits 1 when one differs (test-node/cdn-script.test.ts runs the same check).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readmeUrl = new URL('../README.md', import.meta.url);
const bundleUrl = new URL('../dist/serial-lookup.bundle.js', import.meta.url);
const packageUrl = new URL('../package.json', import.meta.url);

/** Every CDN script tag of the bundle in a text, whatever its version and attributes. */
export const cdnScriptTag =
  /<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/@serialkit\/widget@[^/"]+\/dist\/serial-lookup\.bundle\.js"[^>]*><\/script>/g;

/** `sha384-…` of the built bundle, as the `integrity` attribute takes it. */
export function bundleIntegrity(bundle = readFileSync(bundleUrl)) {
  return `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
}

/** The package's version. */
export function packageVersion() {
  return JSON.parse(readFileSync(packageUrl, 'utf8')).version;
}

/** The script tag a storefront copies: this version, this bundle's hash. */
export function scriptTag(version = packageVersion(), integrity = bundleIntegrity()) {
  return `<script type="module" src="https://cdn.jsdelivr.net/npm/@serialkit/widget@${version}/dist/serial-lookup.bundle.js" integrity="${integrity}" crossorigin="anonymous"></script>`;
}

/** The README with every CDN script tag replaced by {@link scriptTag}'s. */
export function withScriptTag(readme, tag = scriptTag()) {
  const count = readme.match(cdnScriptTag)?.length ?? 0;
  if (count === 0) throw new Error('README.md has no CDN script tag of the bundle');
  return readme.replace(cdnScriptTag, tag);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(readmeUrl, 'utf8');
  const expected = withScriptTag(readme);
  if (process.argv.includes('--check')) {
    if (expected !== readme) {
      console.error(
        'README.md: the CDN script tag is not this version and bundle; run `npm run build -w @serialkit/widget && node packages/widget/scripts/cdn-script.mjs`',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(readmeUrl, expected);
    console.log(`README.md: ${scriptTag()}`);
  }
}
