import { defineConfig } from 'vitest/config';

/**
 * The widget's Node tests: what the package ships beside the element (JSX types, the README's
 * reference tables and CDN tag). The element itself is tested in Chromium (web-test-runner).
 * They read `dist/`: run after `npm run build`.
 */
export default defineConfig({
  test: {
    name: 'widget',
    include: ['test-node/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
