/**
 * The README's examples are tests. Its ```ts blocks (not those tagged `no-run`, which need a
 * service of their own such as PostgreSQL or Express) continue one another, so they run in order
 * as one module: the package is imported from its sources, an import repeated in a later block is
 * dropped, and every line of the form `expression; // → value` is checked: the expression's value
 * must equal the value written after the arrow (which may continue on the comment lines below).
 *
 * The generated module keeps the README's line numbers, so a failure points at README.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type CodeBlock, checkAt, codeBlocks, runnable } from '../../../scripts/readme-examples.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SOURCES: Record<string, string> = {
  '@serialkit/node-client': fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  '@serialkit/node-client/testing': fileURLToPath(new URL('../src/testing.ts', import.meta.url)),
  '@serialkit/node-client/http': fileURLToPath(new URL('../src/http.ts', import.meta.url)),
  '@serialkit/node-client/service': fileURLToPath(new URL('../src/service.ts', import.meta.url)),
  '@serialkit/core': fileURLToPath(new URL('../../core/src/index.ts', import.meta.url)),
};
/**
 * Import declarations across blocks: each local name is bound once, so a later block may repeat
 * the imports a reader needs to copy it alone.
 */
class Imports {
  /** Local name → module it was imported from. */
  readonly #names = new Map<string, string>();

  /** The declaration without the names already imported ('' when none is left). */
  declaration(statement: string, line: number): string {
    const match = /^import\s+(type\s+)?(.*?)\s+from\s+'([^']+)';?$/s.exec(statement.trim());
    if (!match) return statement; // a side-effect import: harmless to repeat
    const [, typeOnly = '', clause = '', specifier = ''] = match;
    const source = SOURCES[specifier] ?? specifier;
    const from = JSON.stringify(source);
    const fresh = (local: string) => {
      const known = this.#names.get(local);
      if (known === undefined) {
        this.#names.set(local, source);
        return true;
      }
      if (known !== source) {
        throw new Error(`README.md:${line}: ${local} is imported from two modules`);
      }
      return false;
    };
    const named = /^\{(.*)\}$/s.exec(clause.trim());
    if (!named) {
      // `import x from` or `import * as x from`
      const local = clause.trim().split(/\s+/).at(-1)!;
      return fresh(local) ? `import ${typeOnly}${clause} from ${from};` : '';
    }
    const kept = named[1]!
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .filter((part) =>
        fresh(
          part
            .split(/\s+as\s+/)
            .at(-1)!
            .replace(/^type\s+/, ''),
        ),
      );
    return kept.length > 0 ? `import ${typeOnly}{ ${kept.join(', ')} } from ${from};` : '';
  }
}

interface Transformed {
  source: string;
  /** README lines of the `// →` checks. */
  checks: number[];
}

/**
 * The runnable blocks as one module whose line N is README line N: imports point at the
 * sources, and `expression; // → value` lines become checks (continuation lines become blank).
 */
function transform(blocks: CodeBlock[]): Transformed {
  const out: string[] = [];
  const checks: number[] = [];
  const imports = new Imports();
  for (const block of blocks) {
    while (out.length < block.line - 1) out.push('');
    const { lines } = block;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      const line = block.line + i;
      if (/^import\s/.test(text)) {
        // A declaration may span lines: it ends at its module specifier.
        let end = i;
        while (!/from\s+'[^']+';?\s*$|^import\s+'[^']+';?\s*$/.test(lines[end]!)) {
          end++;
          if (end >= lines.length) throw new Error(`README.md:${line}: unterminated import`);
        }
        out.push(imports.declaration(lines.slice(i, end + 1).join('\n'), line));
        for (let k = i; k < end; k++) out.push('');
        i = end;
        continue;
      }
      const check = checkAt(lines, i, line);
      if (!check) {
        out.push(text);
        continue;
      }
      checks.push(line);
      out.push(check.code);
      for (let k = 0; k < check.continuation; k++) out.push('');
      i += check.continuation;
    }
  }
  return { source: `${out.join('\n')}\n`, checks };
}

const blocks = codeBlocks(readFileSync(README, 'utf8')).filter(runnable);
const directory = mkdtempSync(join(tmpdir(), 'serialkit-node-client-readme-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The checks that ran, by README line. */
const ran = new Set<number>();
(globalThis as { __readme?: unknown }).__readme = {
  check(line: number, actual: unknown, expected: unknown) {
    ran.add(line);
    expect(actual, `README.md:${line}`).toEqual(expected);
  },
};

describe('README.md', () => {
  test('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(20);
  });

  test('every example runs, in order, and shows what it outputs', async () => {
    const { source, checks } = transform(blocks);
    const file = join(directory, 'readme.ts');
    writeFileSync(file, source);
    await import(/* @vite-ignore */ file);
    expect(checks.length).toBeGreaterThanOrEqual(50);
    // A check in a branch that did not run (a catch block with nothing thrown) proves nothing.
    const skipped = checks.filter((line) => !ran.has(line));
    expect(skipped, 'README lines whose check never ran').toEqual([]);
  });
});
