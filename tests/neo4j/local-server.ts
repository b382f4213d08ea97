/** Moved to scripts/lib/neo4j-local.ts, which the bench shares; kept so the test files' imports stand. */
export * from '../../scripts/lib/neo4j-local.js';
