import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every module `entry` loads, following its static imports. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ].map((match) => match[1]!);
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
    }
  };
  visit(entry);
  return graph;
}

test('the service client loads no Node-only module (it runs in browsers, workers and edges)', () => {
  const entry = join(dist, 'service.js');
  expect(existsSync(entry), 'build the package first (npm run build)').toBe(true);
  const builtins = new Set(builtinModules);
  const graph = moduleGraph(entry);
  expect(graph.size).toBeGreaterThan(1);
  const nodeOnly = [...graph.values()]
    .flat()
    .filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier));
  expect(nodeOnly).toEqual([]);
  // The HTTP handler's own modules stay out too: a client does not carry the server.
  expect(
    [...graph.keys()].some((file) => readFileSync(file, 'utf8').includes('createHandler')),
  ).toBe(false);
});
