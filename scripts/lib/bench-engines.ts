/**
 * One engine at one size: the graph loaded (Kùzu: COPY into a fresh file; Neo4j: the bulk
 * statements in batches), the key questions raw and through GraphQL on one in-process server,
 * on Neo4j the @neo4j/graphql peer beside our API, then start-to-healthy of
 * `node dist/src/server.js` on that database and autocannon against it.
 */
import type { Label } from '../../src/model.js';
import type { GraphData } from '../../src/seeds/graph-data.js';
import type { Engine, Options } from './bench-options.js';
import { selected } from './bench-options.js';
import { cannon, graphqlData, measurePeer, measureQuery, type CannonResult, type PeerResult, type QueryResult } from './bench-measure.js';
import { prepareGraph, type SizeSpec } from './graphs.js';
import { HttpClient } from './http.js';
import { cannonRequests, keyQueries, pickTargets, type Targets } from './keyqueries.js';
import { loadIntoNeo4j, neo4jEnv, openDriver, type Neo4jConnection } from './neo4j-graph.js';
import { peerQuestions, type PeerTargets } from './peer/questions.js';
import { captureCypher, startPeer } from './peer/server.js';
import { spawnServer, startInProcess } from './server.js';
import { ms } from './stats.js';

const log = (s: string) => process.stderr.write(`${s}\n`);

export interface EngineLoad {
  reused: boolean;
  /** The load itself (null when reused). */
  ms: number | null;
  nodes: number;
  relationships: number;
  /** How it was loaded, for the report. */
  how: string;
  /** Kùzu's database file (the server's EMBEDDED_DB). */
  path?: string;
}

export interface PeerStatement {
  question: string;
  /** The GraphQL document sent to @neo4j/graphql. */
  graphql: string;
  cypher: string;
  params: string;
}

export interface EngineRun {
  engine: Engine;
  load: EngineLoad;
  queries: QueryResult[];
  inProcessRss: { before: number; after: number };
  peer?: { schemaMs: number; results: PeerResult[]; statements: PeerStatement[]; ourTrips: Record<string, number> };
  startToHealthy?: { runs: number[]; median: number };
  cannon?: CannonResult[];
  serverRss?: { before: number; after: number };
  serverErrors?: string[];
}

export interface SizeContext {
  size: SizeSpec;
  o: Options;
  /** The graph in memory (built once per size, loaded into each engine). */
  graph: () => GraphData;
  neo4j: Neo4jConnection | null;
  /** Picked on the first engine measured, then shared: both engines answer the same questions. */
  targets: Targets | null;
}

async function load(engine: Engine, ctx: SizeContext): Promise<EngineLoad> {
  if (engine === 'kuzu') {
    const g = await prepareGraph(ctx.size, { reuse: ctx.o.reuse, log, graph: ctx.o.reuse ? undefined : ctx.graph() });
    return { reused: g.reused, ms: g.loadMs, nodes: g.nodes, relationships: g.relationships, how: 'COPY from generated CSV into a fresh file', path: g.path };
  }
  const r = await loadIntoNeo4j(ctx.neo4j!, ctx.graph(), { log, reuse: ctx.o.reuse });
  return {
    reused: r.reused, ms: r.reused ? null : r.loadMs, nodes: r.nodes, relationships: r.relationships,
    how: `the adapter's bulk statements (UNWIND … MERGE) in batches of ${r.batchSize.toLocaleString('en')} rows, one transaction each; of which ${(r.indexMs / 1000).toFixed(1)} s waiting for the indexes`
      + (r.wipeMs > 1000 ? `; emptying the previous graph first: ${(r.wipeMs / 1000).toFixed(1)} s` : ''),
  };
}

function serverEnv(engine: Engine, ctx: SizeContext, l: EngineLoad): { db: string; env: Record<string, string> } {
  return engine === 'kuzu' ? { db: l.path!, env: {} } : { db: '', env: neo4jEnv(ctx.neo4j!) };
}

async function labelOf(run: (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>, id: string): Promise<Label> {
  const [row] = await run('entityById', { id });
  if (!row) throw new Error(`no entity ${id} to ask @neo4j/graphql about`);
  return row.label as Label;
}

/** Ours and @neo4j/graphql's, question by question, on the database our in-process server reads. */
async function measurePeerSide(ctx: SizeContext, ours: HttpClient, lastTrips: () => number, run: (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>): Promise<EngineRun['peer']> {
  const t = ctx.targets!;
  const targets: PeerTargets = {
    searchText: t.searchText, from: t.from, to: t.to,
    nestedId: t.entityId, nestedLabel: await labelOf(run, t.entityId),
    hoodId: t.hoodId, hoodLabel: await labelOf(run, t.hoodId),
  };
  const driver = openDriver(ctx.neo4j!);
  const peer = await startPeer(driver);
  const theirs = new HttpClient(peer.url, 4);
  const results: PeerResult[] = [];
  const statements: PeerStatement[] = [];
  const ourTrips: Record<string, number> = {};
  try {
    log(`  @neo4j/graphql: schema built in ${ms(peer.schemaMs)} ms, serving at ${peer.url}`);
    for (const q of peerQuestions(targets)) {
      if (!selected(ctx.o, q.name)) continue;
      log(`  ours vs @neo4j/graphql, ${q.name}: ${q.what} …`);
      const r = await measurePeer(q, ours, theirs, ctx.o);
      results.push(r);
      if (r.error) {
        log(`    FAILED: ${r.error}`);
        continue;
      }
      await graphqlData(ours, q.ours.query, q.ours.variables);
      ourTrips[q.name] = lastTrips();
      for (const s of await captureCypher(() => graphqlData(theirs, q.theirs.query, q.theirs.variables))) statements.push({ question: q.name, graphql: q.theirs.query, ...s });
      log(`    ours p50 ${ms(r.ours.p50)} ms, @neo4j/graphql p50 ${ms(r.theirs.p50)} ms, ours/theirs ${r.ratio.toFixed(2)} (items ${r.items.ours}/${r.items.theirs}, n=${r.ours.n})`);
    }
  } finally {
    theirs.close();
    await peer.close();
    await driver.close();
  }
  return { schemaMs: peer.schemaMs, results, statements, ourTrips };
}

export async function measureEngine(engine: Engine, ctx: SizeContext): Promise<EngineRun> {
  const o = ctx.o;
  log(`  -- ${engine} --`);
  const l = await load(engine, ctx);
  log(l.reused ? `  ${engine}: reused the loaded graph` : `  ${engine}: loaded ${l.nodes} nodes, ${l.relationships} rels in ${ms(l.ms!)} ms`);
  global.gc?.();
  const { db, env } = serverEnv(engine, ctx, l);

  // Raw and GraphQL on one store, in this process: the same buffer pool or driver pool.
  const server = await startInProcess(db, env);
  const http = new HttpClient(server.url, 4);
  const out: EngineRun = { engine, load: l, queries: [], inProcessRss: { before: 0, after: 0 } };
  try {
    ctx.targets ??= await pickTargets(server.running.store, ctx.size.nodes === null);
    out.inProcessRss.before = process.memoryUsage().rss;
    for (const q of keyQueries(ctx.targets)) {
      if (!selected(o, q.name)) continue;
      log(`  ${engine} ${q.name}: ${q.what} …`);
      const r = await measureQuery(q, server, http, o);
      out.queries.push(r);
      log(r.error
        ? `    FAILED: ${r.error}`
        : `    raw p50 ${ms(r.raw.p50)} ms, GraphQL p50 ${ms(r.graphql.p50)} ms, ratio ${r.ratio.toFixed(2)} (n=${r.raw.n})`);
    }
    out.inProcessRss.after = process.memoryUsage().rss;
    if (engine === 'neo4j' && !o.skipPeer) {
      out.peer = await measurePeerSide(ctx, http, () => server.lastRoundTrips(), (name, params) => server.running.store.run(name, params));
    }
  } finally {
    http.close();
    await server.close();
  }

  if (!o.skipCannon) {
    const runs: number[] = [];
    for (let i = 0; i < o.startRuns; i++) {
      const spawned = await spawnServer({ db, env });
      runs.push(spawned.startToHealthyMs);
      if (i < o.startRuns - 1) {
        await spawned.stop();
        continue;
      }
      log(`  ${engine} start-to-healthy: ${runs.map((r) => ms(r)).join(', ')} ms`);
      // The last one serves the load generator.
      const before = spawned.rss();
      out.cannon = [];
      for (const [kind, req] of Object.entries(cannonRequests(ctx.targets!))) {
        log(`  ${engine} autocannon ${kind} (${o.connections} connections, ${o.cannonSeconds} s) …`);
        out.cannon.push(await cannon(spawned.url, `${kind}: ${req.name}`, req.body, o));
      }
      out.serverRss = { before, after: spawned.rss() };
      out.serverErrors = spawned.stderr.slice(-20);
      await spawned.stop();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    out.startToHealthy = { runs, median: sorted[Math.floor(sorted.length / 2)]! };
  }
  return out;
}
