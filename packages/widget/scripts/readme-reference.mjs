/**
 * The README's reference tables (attributes and properties, events, slots, CSS parts, CSS custom
 * properties), written from the custom elements manifest, that is from the element's JSDoc: one
 * place for each description. Each table sits between `<!-- manifest:NAME -->` and
 * `<!-- /manifest:NAME -->` in the README.
 *
 * `node scripts/readme-reference.mjs` rewrites the tables; `--check` exits 1 when they differ
 * from the manifest (test-node/readme-reference.test.ts runs the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readmeUrl = new URL('../README.md', import.meta.url);
const manifestUrl = new URL('../custom-elements.json', import.meta.url);

/** The `<serial-lookup>` declaration of the manifest. */
function element(manifest) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === 'serial-lookup') return declaration;
    }
  }
  throw new Error('custom-elements.json declares no <serial-lookup>');
}

/** A table cell: one line, with the pipes of union types escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '—');

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The tables by marker name, rendered from the manifest. */
export function renderTables(manifest) {
  const el = element(manifest);
  const fields = new Map((el.members ?? []).map((member) => [member.name, member]));
  return {
    attributes: table(
      ['attribute', 'property', 'type', 'default', 'description'],
      (el.attributes ?? []).map((attribute) => {
        // An attribute without a field of its own is HTMLElement's (`lang`): same property name.
        const property = attribute.fieldName ?? attribute.name;
        const field = fields.get(property);
        return [
          code(attribute.name),
          code(property),
          code(attribute.type?.text ?? field?.type?.text),
          code(attribute.default ?? field?.default),
          cell(attribute.description),
        ];
      }),
    ),
    events: table(
      ['event', 'class', 'description'],
      (el.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        cell(event.description),
      ]),
    ),
    slots: table(
      ['slot', 'description'],
      (el.slots ?? []).map((slot) => [
        slot.name ? code(slot.name) : '(default)',
        cell(slot.description),
      ]),
    ),
    parts: table(
      ['part', 'description'],
      (el.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
    ),
    'custom-properties': table(
      ['property', 'description'],
      (el.cssProperties ?? []).map((property) => [code(property.name), cell(property.description)]),
    ),
  };
}

/** The README with every marked table replaced by its rendering from the manifest. */
export function withTables(readme, manifest) {
  let result = readme;
  for (const [name, rendered] of Object.entries(renderTables(manifest))) {
    const start = `<!-- manifest:${name} -->`;
    const end = `<!-- /manifest:${name} -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks ${start} … ${end}`);
    result = `${result.slice(0, from + start.length)}\n${rendered}\n${result.slice(to)}`;
  }
  return result;
}

/** The README and the manifest as they are on disk. */
export function readSources() {
  return {
    readme: readFileSync(readmeUrl, 'utf8'),
    manifest: JSON.parse(readFileSync(manifestUrl, 'utf8')),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readme, manifest } = readSources();
  const expected = withTables(readme, manifest);
  if (process.argv.includes('--check')) {
    if (expected !== readme) {
      console.error(
        'README.md: the reference tables differ from custom-elements.json; run `node scripts/readme-reference.mjs`',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(readmeUrl, expected);
    console.log('README.md: reference tables written from custom-elements.json');
  }
}
