import { defineConfig } from 'tsup';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

/**
 * The npm package: ESM modules that import lit and @serialkit/core (deduplicated by the
 * app's bundler), with .d.ts. The single-file CDN bundle is built by scripts/bundle.mjs.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'serial-lookup': 'src/serial-lookup/serial-lookup.ts',
    'serial-lookup.component': 'src/serial-lookup/serial-lookup.component.ts',
    console: 'src/console.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['lit', '@serialkit/core'],
  esbuildPlugins: [minifyTemplatesPlugin()],
});
