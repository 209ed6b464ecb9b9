/**
 * Builds the CDN bundle in memory and checks it, minified and gzipped:
 * 1. core tree-shakes: no file of the bundle holds the modules the browser entry leaves out (the
 *    zod schemas, the matcher, the generator, regex formats, the GS1 AI table, the full check
 *    algorithms, the table of every locale) and no zod at all;
 * 2. the bundle registers the element;
 * 3. the script a storefront loads first (`serial-lookup.bundle.js` and the chunks it imports
 *    statically), lit included, stays within the 25 kB ceiling.
 * It prints what each part weighs: lit, the element and core in the first script, and each chunk
 * loaded on demand (the format engine, each language, the camera scanner, the offline queue, the
 * register mode's fields).
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBundle, bundleFile } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The ceiling for the script a storefront loads first, minified and gzipped, lit included. */
const CEILING = 25_000;

/** Modules that must not reach the bundle, with why. */
const FORBIDDEN = [
  [/core\/src\/schemas\//, 'core’s zod schemas: the element checks answers by hand'],
  [/core\/src\/matching\//, 'core’s matcher: the element validates against a few formats'],
  [/node_modules\/zod\//, 'zod'],
  [
    /core\/src\/formats\/(compile|generate-serial|regex-format)\.ts$/,
    'compileFormat, its generator and regex formats',
  ],
  [
    /core\/src\/gs1\/(ai|parse)\.ts$/,
    'the GS1 AI table and full parser: the element reads units only',
  ],
  [
    /core\/src\/checksums\/(luhn|damm|verhoeff|iso7064|crockford|gs1-pair)\.ts$/,
    'the full check algorithms',
  ],
  [
    /core\/src\/locales\/index\.ts$/,
    'the table of every locale: the element imports each one it speaks',
  ],
];

/** Modules that must stay out of the first script, loaded on demand as chunks. */
const ON_DEMAND = [
  [/core\/src\//, 'core (the format engine)'],
  [/src\/localize\/translations\/(?!en\.ts)/, 'a language other than English'],
  [/src\/scan\/barcode-scanner\.ts$/, 'the camera scanner'],
  [/src\/cache\/offline-queue\.ts$/, 'the offline queue'],
  [/src\/serial-lookup\/register\/register-form\.ts$/, 'the register mode’s fields'],
  [/node_modules\/idb\//, 'IndexedDB access'],
];

/** Packages left out to weigh a part; subpaths (`lit/decorators.js`) go with their package. */
const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((p) => [
  p,
  `${p}/*`,
]);
const CORE = ['@serialkit/core', '@serialkit/core/*'];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const gz = (file) => gzipSync(file.contents, { level: 9 }).byteLength;

/**
 * Builds the bundle and follows its imports: `first` is the entry and every chunk it imports
 * statically (what loads before the element runs), `lazy` each chunk it imports on demand, with
 * the chunks that one needs beyond the first script.
 */
async function measure(external = []) {
  const result = await buildBundle({ write: false, external });
  const files = new Map(
    result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f]),
  );
  const outputs = new Map(
    Object.entries(result.metafile.outputs)
      .filter(([path]) => path.endsWith('.js'))
      .map(([path, output]) => [`${root}${path}`, output]),
  );
  const closure = (path, seen = new Set()) => {
    if (seen.has(path)) return seen;
    seen.add(path);
    for (const { path: to, kind } of outputs.get(path).imports) {
      if (kind === 'import-statement' && !to.startsWith('lit') && outputs.has(`${root}${to}`))
        closure(`${root}${to}`, seen);
    }
    return seen;
  };
  // Chunks loaded on demand are entry points too: the first script is the bundle's file.
  const entry = `${root}${bundleFile}`;
  const first = closure(entry);
  const weigh = (paths) => [...paths].reduce((sum, path) => sum + gz(files.get(path)), 0);
  const lazy = outputs
    .get(entry)
    .imports.filter(({ kind }) => kind === 'dynamic-import')
    .map(({ path }) => {
      const own = [...closure(`${root}${path}`)].filter((p) => !first.has(p));
      return {
        name: basename(path)
          .replace(/^serial-lookup\./, '')
          .replace(/-[A-Z0-9]+\.js$/, ''),
        own,
        gzipped: weigh(own),
      };
    });
  // What an English page loads in all once it has rendered, scanner aside: the first script, the
  // format engine, the cached hints and the offline queue.
  const everyday = new Set(first);
  for (const { name, own } of lazy) {
    if (['format-engine', 'format-cache', 'offline-queue'].includes(name))
      for (const p of own) everyday.add(p);
  }
  return {
    gzipped: weigh(first),
    everyday: weigh(everyday),
    minified: [...first].reduce((sum, path) => sum + files.get(path).contents.byteLength, 0),
    lazy,
    // Every module that kept code in some file, with its minified bytes and whether it is first.
    inputs: [...outputs].flatMap(([path, output]) =>
      Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input, { bytesInOutput }]) => [input, { bytesInOutput, first: first.has(path) }]),
    ),
  };
}

const full = await measure();
// What a part weighs is what the first script loses without it.
const lit = full.gzipped - (await measure(LIT)).gzipped;
// Core is in chunks only: leaving it out may even cost the first script a few bytes of gzip.
const core = Math.max(0, full.gzipped - (await measure(CORE)).gzipped);
const element = full.gzipped - lit - core;

// Where the minified bytes of the first script come from, by package or folder.
const groups = new Map();
for (const [input, { bytesInOutput, first }] of full.inputs) {
  if (!first) continue;
  const group =
    input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
    input.match(/core\/src\/[^/.]+/)?.[0].replace('core/src/', '@serialkit/core: ') ??
    input.match(/^src\/([^/]+)/)?.[1].replace(/^/, 'element: ') ??
    input;
  groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
}
console.log('the first script (serial-lookup.bundle.js and its static imports), minified bytes:');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${group.padEnd(32)} ${kB(bytes).padStart(9)}`);
}
const line = (label, value, note = '') =>
  console.log(`  ${label.padEnd(32)} ${kB(value).padStart(9)}${note}`);
console.log('the first script, minified + gzip:');
line('lit', lit);
line('the element', element);
line('core code used', core);
line('whole first script', full.gzipped, `   (ceiling ${kB(CEILING)})`);
console.log(`  whole first script, minified     ${kB(full.minified).padStart(9)}`);
console.log('loaded on demand from beside it, minified + gzip (with the chunks each one adds):');
for (const { name, gzipped } of full.lazy) line(name, gzipped);
line(
  'an English page, all told',
  full.everyday,
  '   (the first script, the engine, the hints cache, the offline queue)',
);

/** One export of core, bundled alone, minified and gzipped. */
async function weighCore(name) {
  const result = await build({
    stdin: { contents: `export { ${name} } from '@serialkit/core';`, resolveDir: root },
    bundle: true,
    format: 'esm',
    minify: true,
    conditions: ['source'],
    write: false,
  });
  return gz(result.outputFiles[0]);
}
// The element reads scanned codes with core's compact unit reader, a second reader of GS1 beside
// the full parser: worth it only while it saves at least a third of what the parser would add to
// every page that checks a serial.
const unitReader = await weighCore('readGs1Unit');
const fullParser = await weighCore('parseGs1');
console.log('reading GS1 codes (Digital Link, element strings), minified + gzip, alone:');
line('readGs1Unit (the element uses it)', unitReader);
line('parseGs1 (the AI table)', fullParser, `   (${(fullParser / unitReader).toFixed(1)}× more)`);

const forbiddenIn = (inputs) =>
  inputs.flatMap(([input]) =>
    FORBIDDEN.filter(([pattern]) => pattern.test(input)).map(
      ([, what]) => `${input} is in the bundle: ${what} must not be`,
    ),
  );

// A control: the same check must catch what the full entry brings, or it proves nothing.
const control = await build({
  stdin: {
    contents:
      "export { compileFormat, createMatcher, parseGs1, verifyResultSchema } from '@serialkit/core';",
    resolveDir: root,
  },
  bundle: true,
  format: 'esm',
  minify: true,
  conditions: ['source'],
  metafile: true,
  write: false,
});
const controlInputs = Object.entries(Object.values(control.metafile.outputs)[0].inputs).filter(
  ([, { bytesInOutput }]) => bytesInOutput > 0,
);
const failures = forbiddenIn(full.inputs);
for (const [pattern, what] of ON_DEMAND) {
  for (const [input] of full.inputs.filter(([i, { first }]) => first && pattern.test(i)))
    failures.push(`${input} is in the first script: ${what} must load on demand`);
}
// The package marks its modules side-effect free but this one: without it the bundle would
// export the class and never register <serial-lookup>.
if (!full.inputs.some(([input]) => input === 'src/serial-lookup/serial-lookup.ts'))
  failures.push('the bundle does not define <serial-lookup> (check "sideEffects")');
for (const [pattern, what] of FORBIDDEN) {
  if (!controlInputs.some(([input]) => pattern.test(input)))
    failures.push(`the tree-shaking check did not notice ${what} in a bundle that has it`);
}
if (unitReader * 3 > fullParser * 2)
  failures.push(
    `readGs1Unit (${kB(unitReader)}) no longer saves a third of parseGs1 (${kB(fullParser)}): use parseGs1 and delete the second reader`,
  );
if (full.gzipped > CEILING)
  failures.push(`the first script is ${kB(full.gzipped)}, over its ${kB(CEILING)} ceiling`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log(
  `✓ only core's browser entry, no zod; the first script is within its ${kB(CEILING)} ceiling`,
);
