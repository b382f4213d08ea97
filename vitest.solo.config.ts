import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The second half of `npm test`: files that assert how fast the server answers (e.g. every
 * cheap query within 1 s while hostile statements run). They run after the rest, one file at a
 * time, so that what they measure is the server and not other test files sharing its CPUs.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    include: ['tests/**/*.solo.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
  },
});
