import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `npm run test:neo4j`: the suites that run against a real Neo4j (tests/neo4j/global-setup.ts
 * starts one unless NEO4J_URI is set): the catalogue contract cases, the API tests over HTTP
 * (tests/api/helpers.ts serves them from Neo4j when TEST_ENGINE=neo4j), and tests/neo4j/*.neo4j.ts
 * (among them the `cypher` field against Neo4j's dialect: tests/api/cypher-readonly.test.ts
 * tries Kùzu's).
 * One file at a time: they share the one database and each loads its own graph.
 */
export default defineConfig({
  resolve: {
    // As in vitest.config.ts: one copy of graphql for our code and type-graphql.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: [
      'tests/store/neo4j-contract.neo4j.ts',
      'tests/api/queries.test.ts',
      'tests/api/errors.test.ts',
      'tests/api/limits.test.ts',
      'tests/api/round-trips.test.ts',
      'tests/api/relations-batch.test.ts',
      'tests/api/readme.test.ts',
      'tests/api/server.test.ts',
      'tests/api/seeding.test.ts',
      'tests/neo4j/**/*.neo4j.ts',
      'tests/security/**/*.neo4j.ts',
    ],
    globalSetup: ['tests/neo4j/global-setup.ts'],
    testTimeout: 120_000,
    // A first load into a fresh server plans every write statement: minutes on a busy machine.
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
