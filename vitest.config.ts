import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: {
    __MESO_VERSION__: JSON.stringify('0.0.0-test'),
    __MINISEARCH_VERSION__: JSON.stringify('test'),
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 30000,
    env: { TZ: 'America/Costa_Rica', NO_COLOR: '1' },
  },
});
