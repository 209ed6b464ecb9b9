/**
 * The README's examples are tests. Every ```ts block runs as a module of its own (blocks tagged
 * `no-run` and other languages do not), importing `@serialkit/core` from the sources, and every
 * line of the form `expression; // → value` is checked: the expression's value must equal the
 * value written after the arrow (which may continue on the comment lines below it).
 *
 * The generated modules keep the README's line numbers, so a failure points at README.md. The
 * syntax table is checked too: each example pattern accepts the serial shown next to it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type CodeBlock, checkAt, codeBlocks, runnable } from '../../../scripts/readme-examples.js';
import { compileFormat } from '../src/index.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const VALIDATE_ENTRY = fileURLToPath(new URL('../src/validate.ts', import.meta.url));
/** The rows of the markdown table whose header has `columns`, as cell texts by column. */
function tableRows(markdown: string, columns: string[]): Record<string, string>[] {
  const cells = (text: string) =>
    text
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const lines = markdown.split('\n');
  const start = lines.findIndex(
    (text) => text.startsWith('|') && columns.every((column) => cells(text).includes(column)),
  );
  if (start < 0) return [];
  const header = cells(lines[start]!);
  const rows: Record<string, string>[] = [];
  for (const text of lines.slice(start + 2)) {
    if (!text.startsWith('|')) break;
    const row = cells(text);
    rows.push(Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])));
  }
  return rows;
}

/** The text of a cell that is one code span. */
const code = (cell: string | undefined) => /^`([^`]+)`$/.exec(cell ?? '')?.[1];

interface Transformed {
  source: string;
  /** README lines of the `// →` checks. */
  checks: number[];
}

/**
 * The block as a module whose line N is README line N: imports of the package point at its
 * sources, and `expression; // → value` lines become checks (continuation lines become blank).
 */
function transform(block: CodeBlock): Transformed {
  const out: string[] = Array.from({ length: block.line - 1 }, () => '');
  const checks: number[] = [];
  const { lines } = block;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(
      /from '@serialkit\/core(\/validate)?'/,
      (_, validate) => `from ${JSON.stringify(validate ? VALIDATE_ENTRY : ENTRY)}`,
    );
    const line = block.line + i;
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
  return { source: `${out.join('\n')}\n`, checks };
}

const markdown = readFileSync(README, 'utf8');
const blocks = codeBlocks(markdown);
const directory = mkdtempSync(join(tmpdir(), 'serialkit-core-readme-'));
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
  test('has runnable examples with checked output', () => {
    expect(blocks.filter(runnable).length).toBeGreaterThanOrEqual(20);
  });

  const syntax = tableRows(markdown, ['example pattern', 'a valid serial']);
  test('syntax table: every example pattern accepts its serial', () => {
    expect(syntax.length).toBeGreaterThanOrEqual(10);
    for (const row of syntax) {
      const pattern = code(row['example pattern']);
      const serial = code(row['a valid serial']);
      if (pattern === undefined || serial === undefined) throw new Error(`bad row: ${row.syntax}`);
      expect(compileFormat(pattern).validate(serial), pattern).toEqual({
        success: true,
        data: expect.objectContaining({ serial }),
      });
    }
  });

  for (const block of blocks.filter(runnable)) {
    const title = block.lines.find((text) => text.trim() !== '' && !text.startsWith('import'));
    test(`line ${block.line}: ${title?.trim().slice(0, 60)}`, async () => {
      const { source, checks } = transform(block);
      const file = join(directory, `readme-${block.line}.ts`);
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      // A check in a branch that did not run (a catch block with nothing thrown) proves nothing.
      const skipped = checks.filter((line) => !ran.has(line));
      expect(skipped, 'README lines whose check never ran').toEqual([]);
    });
  }
});
