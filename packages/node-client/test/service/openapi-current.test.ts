import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { renderOpenApi } from '../../scripts/openapi-render.js';

test('openapi.json and the service client types match the routes (npm run openapi)', async () => {
  const { json, types } = await renderOpenApi();
  const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');
  const stale = 'stale: run `npm run openapi -w @serialkit/node-client`';
  expect(await read('../../openapi.json'), stale).toBe(json);
  expect(await read('../../src/service/openapi-types.ts'), stale).toBe(types);
});
