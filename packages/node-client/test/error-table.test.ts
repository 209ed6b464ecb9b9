import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ERROR_CODES, type ErrorCodeInfo } from '../src/errors.js';

/** The README's error table, as ERROR_CODES gives it. */
function renderTable(): string {
  const rows = Object.entries(ERROR_CODES as Record<string, ErrorCodeInfo>).map(
    ([code, info]) =>
      `| ${info.className ? `\`${info.className}\`` : '—'} | \`${code}\` | ${info.status} | ${info.when}${info.retryable ? ' (retryable)' : ''} |`,
  );
  return ['| class | code | status | when |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

test("the README's error table lists every code the service sends, as the code does", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme, `README.md's error table must read:\n${renderTable()}`).toContain(renderTable());
});
