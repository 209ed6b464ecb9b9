/**
 * The README's runtime snippets are the files the runtime tests mount: each file's code (below its
 * opening doc comment) appears verbatim in README.md, so the documentation shows what is tested.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const APPS = [
  'bun.ts',
  'express.ts',
  'fastify.ts',
  'hono.ts',
  'next-app/app/v1/[...path]/route.ts',
  'next-app/next.config.mjs',
  'worker.ts',
];
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test.each(APPS)('README.md shows apps/%s as tested', (file) => {
  const source = readFileSync(new URL(`./apps/${file}`, import.meta.url), 'utf8');
  const code = source.replace(/^\/\*\*[\s\S]*?\*\/\n/, '').trimEnd();
  expect(code.length).toBeGreaterThan(100);
  expect(readme).toContain(code);
});
