import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/testing.ts', 'src/http.ts', 'src/service.ts', 'src/cli.ts'],
  // CommonJS too, for projects that require() the client; the CLI runs as ESM.
  format: ['esm', 'cjs'],
  shims: true,
  dts: { entry: ['src/index.ts', 'src/testing.ts', 'src/http.ts', 'src/service.ts'] },
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'pg-copy-streams', 'vitest'],
});
