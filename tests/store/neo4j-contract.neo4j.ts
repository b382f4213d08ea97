/**
 * The Neo4j contract suite: the same catalogue cases that run on Kùzu, run against a real
 * Neo4j 5 server, by `npm run test:neo4j` (which starts a local one unless NEO4J_URI is set,
 * e.g. `docker compose up -d neo4j`; `npm test` does not run it).
 * It replaces the graph with the test fixture, so it refuses a database that already holds
 * nodes unless NEO4J_TEST_WIPE=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/port.js';
import type { CatalogueCase } from './catalogue-case.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';

const modules = import.meta.glob<{ cases: CatalogueCase[] }>('./cases/*.cases.ts', { eager: true });
const cases = Object.values(modules).flatMap((m) => m.cases);

describe('catalogue on Neo4j', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(loadConfig());
    await store.ping();
    await store.migrate();
    const existing = await store.readOnlyCypher('MATCH (n) RETURN count(n) AS n', {}, { timeoutMs: 10_000, maxRows: 1 });
    if (Number(existing.rows[0]?.n) > 0 && process.env.NEO4J_TEST_WIPE !== '1') {
      throw new Error('the Neo4j database is not empty; set NEO4J_TEST_WIPE=1 to let the suite replace its graph');
    }
    await loadGraph(store, checkSeedFolder(FIXTURE_DIR).graph);
  }, 600_000);
  afterAll(async () => {
    await store?.close();
  });

  it('reports the engine', () => {
    expect(store.engine).toBe('neo4j');
  });

  for (const c of cases) {
    it(`${c.query}${c.title ? `: ${c.title}` : ''}`, async () => {
      c.check(await store.run(c.query, c.params ?? {}));
    });
  }
});
