/**
 * A CommonJS project can `require()` the built package: both entries resolve to their CommonJS
 * build (not to ESM through Node's require(esm)), and they work. Runs a real `node` on a `.cjs`
 * file inside the package, so resolution goes through the package's own `exports` map.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../.require-check.cjs', import.meta.url));

afterAll(() => rmSync(SCRIPT, { force: true }));

test('require() of @serialkit/core and @serialkit/core/validate loads the CommonJS build', () => {
  expect(
    existsSync(new URL('../dist/index.cjs', import.meta.url)),
    'run `npm run build` first',
  ).toBe(true);
  writeFileSync(
    SCRIPT,
    `'use strict';
const core = require('@serialkit/core');
const validate = require('@serialkit/core/validate');
const format = core.compileFormat('SN-{D:6}{check:luhn}');
process.stdout.write(JSON.stringify({
  main: require.resolve('@serialkit/core'),
  validate: require.resolve('@serialkit/core/validate'),
  luhn: core.checksums.luhn.validate('79927398713'),
  generated: format.generate({ sequence: 42 }),
  validator: validate.compileValidator('SN-{D:6}{check:luhn}').validate(
    format.generate({ sequence: 42 }).toLowerCase(),
  ),
}));
`,
  );
  const out = JSON.parse(
    execFileSync(process.execPath, [SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  );
  expect(out.main).toMatch(/dist[\\/]index\.cjs$/);
  expect(out.validate).toMatch(/dist[\\/]validate\.cjs$/);
  expect(out.luhn).toBe(true);
  expect(out.generated).toBe('SN-0000422');
  expect(out.validator).toMatchObject({ success: true, data: { serial: 'SN-0000422' } });
});
