/**
 * The CDN build: `dist/serial-lookup.bundle.js`, the script a storefront embeds with one
 * `<script type="module" src="…/serial-lookup.bundle.js">` (lit and the element, minified), and
 * the chunks it loads on demand from beside it, `dist/chunks/*.js`: the format engine (core's
 * compiler and GS1 reader, the cached hints), the languages other than English, the camera
 * scanner and the offline queue. Serve `dist/chunks/` next to the script.
 * Run directly to write it; `check-size.mjs` imports `buildBundle` to measure it.
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundleFile = 'dist/serial-lookup.bundle.js';
/** Where the chunks go, relative to the bundle (and so to the URL it is served from). */
export const chunkDir = 'chunks';

/**
 * Core's messages for a language go in that language's chunk. Imported through the
 * `@serialkit/core/validate` barrel they would land in the chunk that the format engine shares
 * with every language, so that each page loaded all of them: the language chunks import the
 * locale's module itself.
 */
function localeModulesPlugin() {
  return {
    name: 'core-locale-per-chunk',
    setup(build) {
      build.onResolve({ filter: /^@serialkit\/core\/validate$/ }, ({ importer }) => {
        const lang = importer.match(/[\\/]src[\\/]localize[\\/]languages[\\/](\w+)\.ts$/)?.[1];
        return lang
          ? { path: fileURLToPath(new URL(`../../core/src/locales/${lang}.ts`, import.meta.url)) }
          : undefined;
      });
    },
  };
}

/**
 * Builds the bundle; returns esbuild's result with its metafile. `external` leaves packages out
 * (to measure what they weigh).
 */
export async function buildBundle({ write = true, external = [] } = {}) {
  return build({
    absWorkingDir: root,
    entryPoints: { 'serial-lookup.bundle': 'src/index.ts' },
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: `${chunkDir}/[name]-[hash]`,
    splitting: true,
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
    plugins: [localeModulesPlugin(), minifyTemplatesPlugin()],
    external,
    write,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await rm(new URL(`../dist/${chunkDir}`, import.meta.url), { recursive: true, force: true });
  await buildBundle();
  // The bundle exports what the package exports: give it the same types.
  await writeFile(
    new URL('../dist/serial-lookup.bundle.d.ts', import.meta.url),
    "export * from './index.js';\n",
  );
  console.log(`wrote ${bundleFile}`);
}
