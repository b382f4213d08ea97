import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql: without this vite resolves the ESM build for our code and the
    // CJS build for type-graphql, and graphql refuses to mix schema objects from both.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Files that measure latency run afterwards, alone (vitest.solo.config.ts).
    exclude: ['**/node_modules/**', 'tests/**/*.solo.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
