/**
 * The bench's graphs on Neo4j: the same graph as on Kùzu (scripts/lib/graphs.ts builds it),
 * written through the adapter's bulk statements (cypher/writes/bulkNodes, bulkRelationships,
 * setAliases: UNWIND of a batch of rows, MERGE on id), one transaction per batch.
 *
 * Why not `loadGraph` (one transaction for the whole graph, what `graph seed` does so that a
 * reader never sees half a graph): Neo4j keeps a transaction's changes in memory until it
 * commits, and the server bounds that (db.memory.transaction.max = 512m in
 * tools/neo4j-local/neo4j.conf and docker-compose.yml). A million relationships with their
 * citations is several GiB of transaction state, so one transaction cannot hold them; batches
 * of 10,000 rows each commit on their own. A half-loaded bench graph is harmless: the bench
 * throws it away.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Label } from '../../src/model.js';
import { countGraph, type GraphData } from '../../src/seeds/graph-data.js';
import { Neo4jStore } from '../../src/store/neo4j/adapter.js';
import { sleep } from './stats.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export function neo4jEnv(c: Neo4jConnection): Record<string, string> {
  return { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password };
}

export function openDriver(c: Neo4jConnection): Driver {
  return neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
}

function* batches<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Nodes and relationships in the database (Neo4j reads both from its counts store). */
async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const n = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { routing: neo4j.routing.READ });
  const r = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n', {}, { routing: neo4j.routing.READ });
  return { nodes: Number(n.records[0]!.get('n')), relationships: Number(r.records[0]!.get('n')) };
}

/**
 * Empties the database a batch at a time (a large graph's DETACH DELETE in one transaction
 * would exceed the transaction memory bound, as the load would).
 */
async function wipe(driver: Driver): Promise<void> {
  for (;;) {
    const r = await driver.executeQuery('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted');
    if (Number(r.records[0]!.get('deleted')) === 0) return;
  }
}

/** Waits until every index is online (the full-text index fills in the background after a load). */
async function awaitIndexes(driver: Driver, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = await driver.executeQuery('SHOW INDEXES YIELD name, state WHERE state <> "ONLINE" RETURN name, state');
    if (!r.records.length) return;
    await sleep(200);
  }
  throw new Error('Neo4j indexes were not online within 10 minutes');
}

export interface Neo4jLoad {
  nodes: number;
  relationships: number;
  /** Emptying the database first (the previous size's graph). */
  wipeMs: number;
  /** The batched load, index population included. */
  loadMs: number;
  /** Of which waiting for the indexes to come online after the last batch. */
  indexMs: number;
  batchSize: number;
  /** Kept what the database held (`reuse`, and the counts were the graph's). */
  reused: boolean;
}

/**
 * Replaces whatever the database holds with `graph`: migrate (constraints, indexes, full-text
 * index), wipe, then nodes, aliases and relationships in batches, each batch one transaction.
 */
export async function loadIntoNeo4j(c: Neo4jConnection, graph: GraphData, options: { batchSize?: number; log?: (s: string) => void; reuse?: boolean } = {}): Promise<Neo4jLoad> {
  const size = options.batchSize ?? 10_000;
  const driver = openDriver(c);
  const store = await Neo4jStore.open({ ...c, timeoutMs: 600_000 });
  try {
    const held = await counts(driver);
    const wanted = countGraph(graph);
    if (options.reuse && held.nodes === wanted.nodes && held.relationships === wanted.relationships) {
      await store.migrate();
      await awaitIndexes(driver);
      return { ...wanted, wipeMs: 0, loadMs: 0, indexMs: 0, batchSize: size, reused: true };
    }
    let t = performance.now();
    if (held.nodes) await wipe(driver);
    const wipeMs = performance.now() - t;
    t = performance.now();
    await store.migrate();
    const total = wanted.nodes + wanted.relationships;
    let written = 0;
    let shown = 0;
    const progress = (n: number) => {
      written += n;
      const tenth = Math.floor((written / total) * 10);
      if (tenth > shown) {
        shown = tenth;
        options.log?.(`  loading into Neo4j: ${tenth * 10}% (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      }
    };
    for (const [label, rows] of Object.entries(graph.nodes) as [Label, GraphData['nodes'][Label]][]) {
      for (const batch of batches(rows ?? [], size)) {
        await store.write((tx) => tx.run(`bulkNodes.${label}`, { rows: batch }));
        progress(batch.length);
      }
    }
    for (const [label, rows] of Object.entries(graph.aliases) as [Label, { id: string; aliases: string[] }[]][]) {
      for (const batch of batches(rows, size)) await store.write((tx) => tx.run(`setAliases.${label}`, { rows: batch }));
    }
    for (const group of graph.relationships) {
      for (const batch of batches(group.rows, size)) {
        await store.write((tx) => tx.run(`bulkRelationships.${group.type}.${group.from}.${group.to}`, { rows: batch }));
        progress(batch.length);
      }
    }
    const indexStart = performance.now();
    await awaitIndexes(driver);
    const indexMs = performance.now() - indexStart;
    return { ...wanted, wipeMs, loadMs: performance.now() - t, indexMs, batchSize: size, reused: false };
  } finally {
    await store.close();
    await driver.close();
  }
}
