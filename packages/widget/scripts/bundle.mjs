/**
 * The CDN build: `dist/serial-lookup.bundle.js`, the script a storefront embeds with one
 * `<script type="module" src="…/serial-lookup.bundle.js">` (lit and the element, minified), and
 * the chunks it loads on demand from beside it, `dist/serial-lookup.*-HASH.js`: the format engine
 * (core's compiler and GS1 reader, the cached hints), the languages other than English, the
 * camera scanner and the offline queue. The chunks sit in the same folder as the script (no
 * subfolder: a Shopify theme's assets are flat), so uploading them beside it is all it takes.
 * Run directly to write it; `check-size.mjs` imports `buildBundle` to measure it.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundleFile = 'dist/serial-lookup.bundle.js';
/** The chunks' names, beside the bundle (and so beside the URL it is served from). */
export const chunkNames = 'serial-lookup.[name]-[hash]';
const chunkFile = /^serial-lookup\.[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/;

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
    chunkNames,
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

/** The merchant console's single-file build, served at `/admin/console.js` by `npm start`. */
export const consoleBundleFile = 'dist/serialkit-console.bundle.js';

/**
 * Builds the console bundle: `<serialkit-console>` and its elements, lit and core, in one file
 * (no chunks: an admin page loads it once). Built apart from the storefront bundle, which it
 * leaves as it is.
 */
export async function buildConsoleBundle({ write = true } = {}) {
  return build({
    absWorkingDir: root,
    entryPoints: { 'serialkit-console.bundle': 'src/console.ts' },
    outdir: 'dist',
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    banner: {
      js: '/*! @serialkit/widget console (MIT); includes Lit, Copyright Google LLC, BSD-3-Clause */',
    },
    sourcemap: write ? 'linked' : false,
    metafile: true,
    plugins: [minifyTemplatesPlugin()],
    write,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = new URL('../dist/', import.meta.url);
  const old = await readdir(dist).catch(() => []);
  await Promise.all(old.filter((f) => chunkFile.test(f)).map((f) => rm(new URL(f, dist))));
  await buildBundle();
  // The bundle exports what the package exports: give it the same types.
  await writeFile(
    new URL('../dist/serial-lookup.bundle.d.ts', import.meta.url),
    "export * from './index.js';\n",
  );
  console.log(`wrote ${bundleFile}`);
  await buildConsoleBundle();
  await writeFile(
    new URL('../dist/serialkit-console.bundle.d.ts', import.meta.url),
    "export * from './console.js';\n",
  );
  console.log(`wrote ${consoleBundleFile}`);
}
