/**
 * `npm run bench`: what the GraphQL layer costs over each engine, the engines side by side, our
 * API beside @neo4j/graphql, and how the server holds up. For each graph size (see --size), on
 * each engine (--engine; Neo4j: NEO4J_URI, or a throw-away local one started here):
 *   1. bulk load of the graph (timed): Kùzu by COPY into a fresh file, Neo4j through the
 *      adapter's bulk statements in batches (scripts/lib/neo4j-graph.ts);
 *   2. the key questions (scripts/lib/keyqueries.ts), each asked raw — the named queries on the
 *      store — and through GraphQL over loopback HTTP, taking turns after a warm-up, one at a
 *      time: p50, p99, the ratio GraphQL p50 / raw p50, database round trips per request;
 *   3. on Neo4j, the questions @neo4j/graphql 7 can express too (scripts/lib/peer/), ours and
 *      theirs over HTTP on the same database, taking turns; the Cypher it generated is written
 *      to docs/bench/neo4j-graphql-cypher.md;
 *   4. start-to-healthy of `node dist/src/server.js` on that database (spawn → first 200 from
 *      /healthz), a few times, and autocannon at 50 connections against it, a simple and a
 *      heavy request: throughput, p50/p99, RSS of the server before and after;
 *   5. with --baseline REF: the simple request's throughput of this tree's server and REF's on
 *      the Kùzu database, taking turns (scripts/lib/bench-baseline.ts).
 * Prints tables (scripts/lib/bench-report.ts) and writes everything as JSON to
 * bench-results/<timestamp>.json. `npm run bench` runs it with NODE_ENV=production, as the server
 * is deployed: graphql-js reads NODE_ENV when it loads and, outside production, checks every
 * type test against a second copy of itself.
 *
 * Usage: npm run bench [-- --engine kuzu|neo4j|both] [--size seed,1m] [--only search,path] … (--help)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../src/paths.js';
import type { GraphData } from '../src/seeds/graph-data.js';
import { baselineServer, compareThroughput, gitCommit } from './lib/bench-baseline.js';
import { measureEngine, type SizeContext } from './lib/bench-engines.js';
import { benchIngest } from './lib/bench-ingest.js';
import { parseOptions, USAGE, UsageError, type Options } from './lib/bench-options.js';
import { printSize, targetLines, type SizeResult } from './lib/bench-report.js';
import { buildGraph, sizeLabel, type SizeSpec } from './lib/graphs.js';
import { cannonRequests } from './lib/keyqueries.js';
import { canRunLocalNeo4j, startThrowAwayNeo4j } from './lib/neo4j-local.js';
import type { Neo4jConnection } from './lib/neo4j-graph.js';
import { writePeerCypher } from './lib/peer/cypher-doc.js';
import { mib, ms } from './lib/stats.js';

const log = (s: string) => process.stderr.write(`${s}\n`);

async function measureSize(size: SizeSpec, o: Options, neo4j: Neo4jConnection | null, baseline: { script: string; label: string } | null): Promise<SizeResult> {
  const began = performance.now();
  log(`\n== ${size.name}: ${sizeLabel(size)} ==`);
  let graph: GraphData | null = null;
  const ctx: SizeContext = { size, o, neo4j, targets: null, graph: () => (graph ??= buildGraph(size)) };
  const result: SizeResult = { size, label: sizeLabel(size), runs: [], seconds: 0 };
  for (const engine of o.engines) result.runs.push(await measureEngine(engine, ctx));
  graph = null;
  const kuzu = result.runs.find((r) => r.engine === 'kuzu');
  if (baseline && kuzu) {
    const simple = cannonRequests(ctx.targets!).simple;
    result.comparison = await compareThroughput(kuzu.load.path!, simple.body, `simple: ${simple.name}`, baseline, o);
  }
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/** The local Neo4j's settings with the bench's page cache (the tests' 1g would not hold 1M relationships). */
function benchConf(pageCache: string): string {
  const file = join(tmpdir(), `bench-neo4j-${process.pid}.conf`);
  const conf = readFileSync(projectPath('tools/neo4j-local/neo4j.conf'), 'utf8').replace(/^server\.memory\.pagecache\.size=.*$/m, `server.memory.pagecache.size=${pageCache}`);
  writeFileSync(file, conf);
  return file;
}

async function main() {
  const parsed = parseOptions(process.argv.slice(2), { canRunNeo4j: canRunLocalNeo4j(), neo4jUri: process.env.NEO4J_URI || undefined });
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const o = parsed;
  const started = performance.now();
  const environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryMiB: mib(totalmem()),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    commit: gitCommit(),
    date: new Date().toISOString(),
    engines: o.engines,
    neo4j: '' as string,
  };
  // The machine's load through the run (one-minute average every 10 s): on a shared machine it
  // says how far to trust the figures.
  const loadSamples: number[] = [];
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 10_000);
  if (o.engineNote) log(`bench: ${o.engineNote}`);
  log(`bench: engines ${o.engines.join(', ')}; sizes ${o.sizes.map((s) => s.name).join(', ')}; node ${environment.node}, ${environment.cpus} CPUs, load average ${environment.loadAverageAtStart.join(' ')}`);

  let neo4j: Neo4jConnection | null = null;
  let stopNeo4j = async () => {};
  if (o.engines.includes('neo4j')) {
    if (process.env.NEO4J_URI) {
      neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
      environment.neo4j = `${neo4j.uri} (NEO4J_URI; its database is replaced)`;
    } else {
      const t = performance.now();
      const conf = benchConf(o.neo4jPageCache);
      const local = await startThrowAwayNeo4j({ heap: o.neo4jHeap, conf });
      neo4j = { uri: local.uri, user: 'neo4j', password: local.password };
      stopNeo4j = async () => {
        await local.stop();
        rmSync(conf, { force: true });
      };
      environment.neo4j = `local Neo4j 5.26 (tools/neo4j-local), heap ${o.neo4jHeap}, page cache ${o.neo4jPageCache}, started in ${((performance.now() - t) / 1000).toFixed(0)} s`;
    }
    log(`bench: Neo4j: ${environment.neo4j}`);
  }
  const baseline = o.baseline ? baselineServer(o.baseline) : null;
  const results: SizeResult[] = [];
  const failures: string[] = [];
  try {
    for (const size of o.sizes) {
      // A size that fails (a load cut off, a server that would not start) is reported, and the
      // next size is still measured.
      try {
        results.push(await measureSize(size, o, neo4j, baseline));
      } catch (error) {
        log(`bench: ${size.name} failed: ${(error as Error).stack ?? error}`);
        failures.push(`${size.name}: ${(error as Error).message}`);
      }
    }
  } finally {
    baseline?.remove();
    await stopNeo4j();
    clearInterval(sampler);
  }
  const ingest = benchIngest(); // `graph ingest` of a 25,000-word report against 100k entities (scripts/lib/bench-ingest.ts)
  const loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
  const seconds = (performance.now() - started) / 1000;
  const loadDuring = loadSamples.length
    ? { min: Math.min(...loadSamples), mean: loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length, max: Math.max(...loadSamples) }
    : null;

  const report: string[] = [];
  report.push(`## npm run bench — ${environment.date}`);
  report.push(`node ${environment.node}, ${environment.cpus} × ${environment.cpu}, ${environment.memoryMiB} MiB; commit ${environment.commit ?? '?'}; engines ${o.engines.join(', ')}${environment.neo4j ? `; Neo4j: ${environment.neo4j}` : ''}`);
  report.push(`load average (1 min): ${environment.loadAverageAtStart[0]} at start, ${loadDuring ? `${loadDuring.min.toFixed(1)}–${loadDuring.max.toFixed(1)} during (mean ${loadDuring.mean.toFixed(1)}), ` : ''}${loadAverageAtEnd[0]} at end, on ${environment.cpus} CPUs`);
  for (const r of results) report.push(printSize(r));
  report.push('');
  report.push(...targetLines(results));
  for (const f of failures) report.push(`FAILED size ${f}`);
  for (const r of results) {
    for (const run of r.runs.filter((x) => x.startToHealthy)) report.push(`start-to-healthy, ${r.size.name}, ${run.engine}: ${ms(run.startToHealthy!.median)} ms`);
  }
  report.push(ingest.line);
  report.push(`total run time ${seconds.toFixed(0)} s`);

  const peerRuns = results.flatMap((r) => r.runs.filter((x) => x.peer).map((run) => ({ size: r.size.name, peer: run.peer! })));
  if (peerRuns.length) report.push(`@neo4j/graphql's Cypher: ${writePeerCypher(peerRuns, environment.date)}`);
  const dir = projectPath('bench-results');
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${environment.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify({ environment: { ...environment, loadAverageAtEnd, loadDuring }, options: o, seconds, results, ingest }, null, 2)}\n`);
  report.push(`JSON: ${file}`);
  console.log(report.join('\n'));
  if (failures.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof UsageError ? error.message : error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
