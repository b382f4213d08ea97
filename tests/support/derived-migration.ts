/**
 * The migration's backfill of derived properties (src/seeds/derived.ts), on either engine: a
 * graph loaded without them (as a database made before they existed holds it) gets, from
 * `migrate()`, exactly what the loader writes; a second migration writes nothing.
 * tests/store/derived.test.ts runs it on Kùzu, tests/neo4j/derived.neo4j.ts on Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import type { GraphData } from '../../src/seeds/graph-data.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import type { Store } from '../../src/store/port.js';

/** `entities`: a pattern matching every entity node in the engine's dialect. */
export function describeDerivedMigration(engine: string, open: () => Promise<Store>, entities: string): void {
  describe(`the migration fills them in on a graph loaded without them (${engine})`, () => {
    let store: Store;
    let graph: GraphData;
    const opts = { timeoutMs: 30_000, maxRows: 100_000 };
    const rows = async (text: string) => (await store.readOnlyCypher(text, {}, opts)).rows;
    beforeAll(async () => {
      const checked = checkSeedFolder(projectPath('seeds'));
      expect(checked.problems).toEqual([]);
      graph = checked.graph;
      const stripped: GraphData = {
        ...graph,
        nodes: Object.fromEntries(Object.entries(graph.nodes).map(([label, list]) => [label, list!.map((r) => ({
          ...r, ...('exactKeys' in r ? { exactKeys: null } : {}), ...('listDate' in r ? { listDate: null, listDatePrecision: null } : {}),
        }))])),
      };
      store = await open();
      await loadGraph(store, stripped);
      expect((await rows('MATCH (p:Policy) WHERE p.listDate IS NOT NULL RETURN count(*) AS n'))[0]!.n).toBe(0);
      await store.migrate();
    }, 600_000);
    afterAll(async () => {
      await store?.close();
    });

    it('exactKeys of every entity as the loader writes them', async () => {
      const want = Object.values(graph.nodes).flatMap((list) => list!.filter((r) => 'exactKeys' in r).map((r): [string, unknown] => [r.id, r.exactKeys]));
      const got = await rows(`MATCH (n${entities}) RETURN n.id AS id, n.exactKeys AS k`);
      expect(new Map(got.map((r) => [r.id, r.k]))).toEqual(new Map(want));
    });

    it('listDate of every policy as the loader writes it', async () => {
      const want = graph.nodes.Policy!.map((r): [string, unknown] => [r.id, [r.listDate, r.listDatePrecision]]);
      const got = await rows('MATCH (p:Policy) RETURN p.id AS id, p.listDate AS d, p.listDatePrecision AS pr');
      expect(new Map(got.map((r) => [r.id, [r.d, r.pr]]))).toEqual(new Map(want));
      // The seeds hold policies dated by their effective date only: the fallback is exercised.
      expect(graph.nodes.Policy!.some((r) => r.issued === null && r.effective !== null && r.listDate === r.effective)).toBe(true);
    });

    it('writes nothing the second time', async () => {
      await store.migrate();
      expect((await rows(`MATCH (n${entities}) WHERE n.exactKeys IS NULL RETURN count(*) AS n`))[0]!.n).toBe(0);
    });
  });
}
