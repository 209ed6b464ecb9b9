/**
 * Writes the service's OpenAPI document (`openapi.json`, shipped in the package) and the types
 * openapi-typescript generates from it (`src/service/openapi-types.ts`, which the service client
 * is typed with). Run `npm run openapi -w @serialkit/node-client` after changing a route;
 * test/service/openapi-current.test.ts fails while either file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from './openapi-render.js';

const { json, types } = await renderOpenApi();
await writeFile(fileURLToPath(new URL('../openapi.json', import.meta.url)), json);
await writeFile(fileURLToPath(new URL('../src/service/openapi-types.ts', import.meta.url)), types);
console.log('wrote openapi.json and src/service/openapi-types.ts');
