/**
 * JSX types for `<serial-lookup>`, generated from the custom elements manifest by the
 * custom-elements-manifest ecosystem's generators (custom-element-jsx-integration for React and
 * Preact, custom-element-solidjs-integration for Solid), and written to `dist/jsx/`:
 *
 * - `custom-elements-jsx.d.ts`, `custom-elements-solid.d.ts`: the generated prop types
 *   (`CustomElements`), every attribute typed from the element's own property types;
 * - `react.d.ts`, `preact.d.ts`, `solid.d.ts`: one import each adds `serial-lookup` to that
 *   framework's `JSX.IntrinsicElements` (`@serialkit/widget/jsx/react` …).
 *
 * Runs as a `cem analyze` plugin (see custom-elements-manifest.config.mjs), so `npm run build`
 * writes the types from the manifest it has just written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';

const outdir = fileURLToPath(new URL('../dist/jsx/', import.meta.url));
const STOREFRONT_TAG = 'serial-lookup';

/**
 * The manifest as the generators need it, leaving the published one as it is:
 * - `<serial-lookup>` alone (see below);
 * - an attribute the element inherits from HTMLElement (`lang`) has no field of the class in the
 *   manifest; it is typed by HTMLElement's property of the same name.
 */
function forGenerators(manifest) {
  const copy = structuredClone(manifest);
  // The storefront element only: the console's elements are typed from `@serialkit/widget/console`,
  // which the generators' single import path (`../index.js`) does not reach.
  for (const module of copy.modules) {
    module.declarations = (module.declarations ?? []).filter(
      (declaration) => !declaration.customElement || declaration.tagName === STOREFRONT_TAG,
    );
  }
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const attribute of declaration.attributes ?? []) attribute.fieldName ??= attribute.name;
    }
  }
  return copy;
}

/**
 * The generators type each listener's argument as `CustomEvent<type>`, reading the manifest's
 * event type as the detail's type. The element's events are their own classes (a typed `detail`
 * and `eventName`): type the listener's argument as the class itself.
 */
function eventClassesAsListenerArguments(source, manifest) {
  const eventClasses = new Set(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        (declaration.events ?? []).map((event) => event.type?.text).filter(Boolean),
      ),
    ),
  );
  let replaced = 0;
  const result = source.replace(/\(e: CustomEvent<(\w+)>\)/g, (whole, name) => {
    if (!eventClasses.has(name)) return whole;
    replaced += 1;
    return `(e: ${name})`;
  });
  if (replaced === 0 && eventClasses.size > 0) {
    throw new Error('jsx-types: the generated listeners no longer read `(e: CustomEvent<…>)`');
  }
  return result;
}

/** One framework's `JSX.IntrinsicElements`, extended with the generated element types. */
function augmentation(framework, typesFile) {
  return `/**
 * \`<serial-lookup>\` in ${framework}'s JSX: import this module once (\`import type {} from
 * '@serialkit/widget/jsx/${framework.toLowerCase()}'\`) or list it in tsconfig's \`types\`.
 * Generated from custom-elements.json by scripts/jsx-types.mjs.
 */
import type { CustomElements } from './${typesFile}.js';

declare module '${framework === 'React' ? 'react' : framework === 'Preact' ? 'preact' : 'solid-js'}' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

export type { CustomElements };
`;
}

/** Writes `dist/jsx/` from a custom elements manifest. */
export function writeJsxTypes(manifest) {
  mkdirSync(outdir, { recursive: true });
  const input = forGenerators(manifest);
  const common = { outdir, globalTypePath: '../index.js', hideLogs: true };
  generateJsxTypes(structuredClone(input), { ...common, fileName: 'custom-elements-jsx.d.ts' });
  generateSolidJsTypes(structuredClone(input), {
    ...common,
    fileName: 'custom-elements-solid.d.ts',
  });
  for (const file of ['custom-elements-jsx.d.ts', 'custom-elements-solid.d.ts']) {
    const path = `${outdir}${file}`;
    writeFileSync(path, eventClassesAsListenerArguments(readFileSync(path, 'utf8'), input));
  }
  for (const [framework, typesFile] of [
    ['React', 'custom-elements-jsx'],
    ['Preact', 'custom-elements-jsx'],
    ['Solid', 'custom-elements-solid'],
  ]) {
    const name = framework.toLowerCase();
    writeFileSync(`${outdir}${name}.d.ts`, augmentation(framework, typesFile));
    // A module to resolve, so that bundlers and package checkers find the entry point.
    writeFileSync(`${outdir}${name}.js`, 'export {};\n');
  }
}

/** The `cem analyze` plugin: writes the JSX types once the manifest is complete. */
export function jsxTypesPlugin() {
  return {
    name: 'serialkit-jsx-types',
    packageLinkPhase({ customElementsManifest }) {
      writeJsxTypes(customElementsManifest);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(
    readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
  );
  writeJsxTypes(manifest);
  console.log(`wrote ${outdir}`);
}
