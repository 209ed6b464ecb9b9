import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));

/** `tsc -p` of a type test project; the output is the list of errors. */
function typecheck(project: string) {
  const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the JSX types shipped in dist/jsx/', () => {
  it('type a <serial-lookup> in React, Preact and Solid, and reject wrong attribute values', () => {
    // test-types/*.tsx: each `@ts-expect-error` fails the check if its line typechecks.
    const { status, output } = typecheck('test-types/tsconfig.json');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('are generated from the manifest: every attribute and event of it has a prop', () => {
    const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
    const element = manifest.modules
      .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
      .find((declaration: { tagName?: string }) => declaration.tagName === 'serial-lookup');
    const jsx = readFileSync(`${root}dist/jsx/custom-elements-jsx.d.ts`, 'utf8');
    const solid = readFileSync(`${root}dist/jsx/custom-elements-solid.d.ts`, 'utf8');
    for (const { name } of element.attributes) {
      const prop = new RegExp(`^\\s+"?${name}"?\\?:`, 'm');
      expect(jsx).toMatch(prop);
      expect(solid).toMatch(prop);
    }
    for (const { name, type } of element.events) {
      expect(jsx).toContain(`"on${name}"?: (e: ${type.text}) => void;`);
      expect(solid).toContain(`"on:${name}"?: (e: ${type.text}) => void;`);
    }
  });

  it('are reached through the package exports', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    for (const framework of ['react', 'preact', 'solid']) {
      expect(pkg.exports[`./jsx/${framework}`]).toEqual({
        types: `./dist/jsx/${framework}.d.ts`,
        import: `./dist/jsx/${framework}.js`,
      });
      expect(readFileSync(`${root}dist/jsx/${framework}.d.ts`, 'utf8')).toContain(
        'interface IntrinsicElements extends CustomElements {}',
      );
    }
  });
});
