/**
 * Builds the single-file bundle in memory and checks what it weighs, minified and gzipped:
 * 1. core tree-shakes: the bundle holds none of the core modules the element does not use
 *    (the zod schemas, the format matcher) and no zod at all;
 * 2. the element itself, with lit and idb, stays within its budget;
 * 3. the core code it uses stays within its allowance.
 * The product target is 25 kB for everything; the report says by how much the bundle misses it.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBundle } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The target for the whole bundle, lit, idb and core included. */
const TARGET = 25_000;
/** The element with lit and idb (core left out). */
const ELEMENT_BUDGET = 27_000;
/**
 * The core modules the element uses (compileFormat with every check algorithm and all four
 * locales, formatHint, parseGs1 with the GS1 AI table). Lower it as core slims down.
 */
const CORE_ALLOWANCE = 23_000;

/** Modules that must not reach the bundle, with why. */
const FORBIDDEN = [
  [/core\/src\/schemas\//, 'core’s zod schemas: the element checks answers by hand'],
  [/core\/src\/matching\//, 'core’s matcher: the element validates against a few formats'],
  [/node_modules\/zod\//, 'zod'],
];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function measure(external) {
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

const full = await measure([]);
const element = await measure(['@serialkit/core']);
const core = full.gzipped - element.gzipped;

// Where the minified bytes come from, by package or core folder.
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
line('element, lit and idb', element.gzipped, `   (budget ${kB(ELEMENT_BUDGET)})`);
line('core code used', core, `   (allowance ${kB(CORE_ALLOWANCE)})`);
line(
  'whole bundle',
  full.gzipped,
  `   (target ${kB(TARGET)}${full.gzipped > TARGET ? `, missed by ${kB(full.gzipped - TARGET)}` : ', met'})`,
);
console.log(`  whole bundle, minified only     ${kB(full.minified).padStart(9)}`);

const forbiddenIn = (inputs) =>
  inputs.flatMap(([input]) =>
    FORBIDDEN.filter(([pattern]) => pattern.test(input)).map(
      ([, what]) => `${input} is in the bundle: ${what} must not be`,
    ),
  );

// A control: the same check must catch zod when a schema is imported, or it proves nothing.
const control = await build({
  stdin: { contents: "export { verifyResultSchema } from '@serialkit/core';", resolveDir: root },
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
if (forbiddenIn(controlInputs).length === 0)
  failures.push('the tree-shaking check did not notice zod in a bundle that imports a schema');
if (element.gzipped > ELEMENT_BUDGET)
  failures.push(
    `the element with lit and idb is ${kB(element.gzipped)}, over ${kB(ELEMENT_BUDGET)}`,
  );
if (core > CORE_ALLOWANCE)
  failures.push(`the core code used is ${kB(core)}, over its ${kB(CORE_ALLOWANCE)} allowance`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log(
  '✓ no core schemas, matcher or zod in the bundle; element and core within their limits',
);
