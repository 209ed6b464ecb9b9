/**
 * The single-file bundle `dist/serial-lookup.bundle.js`: the element with lit, idb and the parts
 * of @serialkit/core it uses, minified, for `<script type="module" src="…/serial-lookup.js">`.
 * Run directly to write it; `check-size.mjs` imports `buildBundle` to measure it.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundleFile = 'dist/serial-lookup.bundle.js';

/**
 * Builds the bundle; returns esbuild's result with its metafile. `external` leaves packages out
 * (to measure what they weigh).
 */
export async function buildBundle({ write = true, external = [] } = {}) {
  return build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
    outfile: bundleFile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Core's sources, so that the bundle tree-shakes them module by module.
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    // Lit's license comments, once instead of once per module.
    legalComments: 'none',
    banner: {
      js: '/*! @serialkit/widget (MIT); includes Lit, Copyright Google LLC, BSD-3-Clause */',
    },
    sourcemap: write ? 'linked' : false,
    metafile: true,
    plugins: [minifyTemplatesPlugin()],
    external,
    write,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
  // The bundle exports what the package exports: give it the same types.
  await writeFile(
    new URL('../dist/serial-lookup.bundle.d.ts', import.meta.url),
    "export * from './index.js';\n",
  );
  console.log(`wrote ${bundleFile}`);
}
