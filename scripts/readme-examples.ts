/**
 * What the README tests of the packages share: reading the fenced code blocks of a README and
 * turning `expression; // → value` lines into checks, keeping README line numbers.
 */
import ts from 'typescript';

export const ARROW = '// →';

export interface CodeBlock {
  /** 1-based README line of the block's first code line. */
  line: number;
  lang: string;
  tags: string[];
  lines: string[];
}

/** The fenced code blocks of a markdown text. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: CodeBlock | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (open) {
      if (/^```\s*$/.test(text)) {
        blocks.push(open);
        open = undefined;
      } else open.lines.push(text);
      return;
    }
    const fence = /^```(\S*)\s*(.*)$/.exec(text);
    if (fence) {
      const [, lang = '', info = ''] = fence;
      open = { line: index + 2, lang, tags: info.split(/\s+/).filter(Boolean), lines: [] };
    }
  });
  if (open) throw new Error(`README.md:${open.line - 1}: unclosed code block`);
  return blocks;
}

/** TypeScript blocks not tagged `no-run`. */
export const runnable = (block: CodeBlock) =>
  (block.lang === 'ts' || block.lang === 'typescript') && !block.tags.includes('no-run');

/** Whether `source` parses as one TypeScript expression. */
export function isExpression(source: string): boolean {
  if (source.trim() === '') return false;
  const { diagnostics = [] } = ts.transpileModule(`(${source}\n);`, { reportDiagnostics: true });
  return diagnostics.length === 0;
}

/**
 * Line `i` of a block as a check when it reads `expression; // → value` (the value may continue
 * on the comment lines below it): the code `__readme.check(line, actual, expected)` and how many
 * continuation lines it took. Null for any other line.
 */
export function checkAt(
  lines: readonly string[],
  i: number,
  line: number,
): { code: string; continuation: number } | null {
  const text = lines[i]!;
  const arrow = text.indexOf(ARROW);
  if (arrow < 0 || /^\s*\/\//.test(text)) return null;
  const indent = /^\s*/.exec(text)![0];
  const actual = text.slice(0, arrow).trim().replace(/;$/, '');
  let expected = text.slice(arrow + ARROW.length).trim();
  let continuation = 0;
  while (!isExpression(expected) && /^\s*\/\//.test(lines[i + continuation + 1] ?? '')) {
    continuation++;
    expected += ` ${lines[i + continuation]!.replace(/^\s*\/\/\s?/, '').trim()}`;
  }
  if (!isExpression(actual) || !isExpression(expected)) {
    throw new Error(`README.md:${line}: a checked line is "expression; ${ARROW} value"`);
  }
  return {
    code: `${indent}__readme.check(${line}, (${actual}), (${expected}));`,
    continuation,
  };
}
