import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Browser tests (`npm run test:e2e`): Debian's Chromium against the real server, one file at a
 * time (each starts its own server on an in-memory graph seeded from seeds/).
 */
export default defineConfig({
  resolve: {
    // As in vitest.config.ts: one copy of graphql for our code and type-graphql.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
