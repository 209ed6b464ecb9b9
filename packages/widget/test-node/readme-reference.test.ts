import { describe, expect, it } from 'vitest';
import { readSources, renderTables, withTables } from '../scripts/readme-reference.mjs';

describe("the README's reference tables", () => {
  it('are the tables written from custom-elements.json', () => {
    const { readme, manifest } = readSources();
    // On failure: `node scripts/readme-reference.mjs` rewrites them from the manifest.
    expect(readme).toBe(withTables(readme, manifest));
  });

  it('list every attribute, event, slot, part and custom property of the manifest', () => {
    const { readme, manifest } = readSources();
    const tables = renderTables(manifest);
    const element = manifest.modules
      .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
      .find((declaration: { tagName?: string }) => declaration.tagName === 'serial-lookup');
    const rows = (table: string) => table.split('\n').slice(2);
    expect(rows(tables.attributes)).toHaveLength(element.attributes.length);
    expect(rows(tables.events)).toHaveLength(element.events.length);
    expect(rows(tables.slots)).toHaveLength(element.slots.length);
    expect(rows(tables.parts)).toHaveLength(element.cssParts.length);
    expect(rows(tables['custom-properties'])).toHaveLength(element.cssProperties.length);
    expect(readme).toContain(
      "| `mode` | `mode` | `'verify' \\| 'return' \\| 'register'` | `'verify'` |",
    );
    expect(readme).toContain('| `--serial-lookup-accent` |');
  });

  it('fail the check when a description in the README drifts from the manifest', () => {
    const { readme, manifest } = readSources();
    const drifted = readme.replace('Hides the camera scan button', 'Hides the scanner');
    expect(drifted).not.toBe(readme);
    expect(withTables(drifted, manifest)).not.toBe(drifted);
    const renamed = structuredClone(manifest);
    const element = renamed.modules
      .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
      .find((declaration: { tagName?: string }) => declaration.tagName === 'serial-lookup');
    element.slots.push({ name: 'badge', description: 'A new slot.' });
    expect(withTables(readme, renamed)).toContain('| `badge` | A new slot. |');
  });
});
