/**
 * Builds the single-file bundle in memory and checks it, minified and gzipped:
 * 1. core tree-shakes: the bundle holds core's browser entry only, none of the modules it leaves
 *    out (the zod schemas, the matcher, the generator, regex formats, the GS1 AI table, the full
 *    check algorithms, the table of every locale) and no zod at all;
 * 2. the bundle registers the element;
 * 3. the whole bundle, lit and the core code it uses included, stays within one ceiling on its
 *    way to the 25 kB target; the report says by how much it misses the target.
 * It prints what each part weighs: lit, the element, and core.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBundle } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The product target for the whole bundle, minified and gzipped, lit and core included. */
const TARGET = 25_000;
/**
 * The one ceiling this check enforces: the whole bundle as it stands, so that it only shrinks.
 * Lower it with every saving, down to TARGET.
 */
const BUDGET = 39_200;

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

/** Packages left out to weigh a part; subpaths (`lit/decorators.js`) go with their package. */
const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((p) => [
  p,
  `${p}/*`,
]);
const CORE = ['@serialkit/core', '@serialkit/core/*'];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function measure(external = []) {
  const result = await buildBundle({ write: false, external });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const [output] = Object.values(result.metafile.outputs);
  return {
    minified: js.contents.byteLength,
    gzipped: gzipSync(js.contents, { level: 9 }).byteLength,
    // Every module that kept code in the output, with its minified bytes.
    inputs: Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0),
  };
}

const full = await measure();
// What a part weighs is what the bundle loses without it.
const lit = full.gzipped - (await measure(LIT)).gzipped;
const core = full.gzipped - (await measure(CORE)).gzipped;
const element = full.gzipped - lit - core;

// Where the minified bytes come from, by package or folder.
const groups = new Map();
for (const [input, { bytesInOutput }] of full.inputs) {
  const group =
    input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
    input.match(/core\/src\/[^/.]+/)?.[0].replace('core/src/', '@serialkit/core: ') ??
    input.match(/^src\/([^/]+)/)?.[1].replace(/^/, 'element: ') ??
    input;
  groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
}
console.log('dist/serial-lookup.bundle.js, minified bytes by origin:');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${group.padEnd(32)} ${kB(bytes).padStart(9)}`);
}
const line = (label, value, note = '') =>
  console.log(`  ${label.padEnd(32)} ${kB(value).padStart(9)}${note}`);
console.log('minified + gzip:');
line('lit', lit);
line('the element', element);
line('core code used', core);
line(
  'whole bundle',
  full.gzipped,
  `   (ceiling ${kB(BUDGET)}; target ${kB(TARGET)}${full.gzipped > TARGET ? `, missed by ${kB(full.gzipped - TARGET)}` : ', met'})`,
);
console.log(`  whole bundle, minified only     ${kB(full.minified).padStart(9)}`);

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
// The package marks its modules side-effect free but this one: without it the bundle would
// export the class and never register <serial-lookup>.
if (!full.inputs.some(([input]) => input === 'src/serial-lookup/serial-lookup.ts'))
  failures.push('the bundle does not define <serial-lookup> (check "sideEffects")');
for (const [pattern, what] of FORBIDDEN) {
  if (!controlInputs.some(([input]) => pattern.test(input)))
    failures.push(`the tree-shaking check did not notice ${what} in a bundle that has it`);
}
if (full.gzipped > BUDGET)
  failures.push(`the bundle is ${kB(full.gzipped)}, over its ${kB(BUDGET)} ceiling`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log(`✓ only core's browser entry, no zod; the bundle is within its ${kB(BUDGET)} ceiling`);
