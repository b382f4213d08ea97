/** The tables `npm run bench` prints, from its results (pure: tests/scripts/bench-report.test.ts). */
import type { Comparison } from './bench-baseline.js';
import type { EngineRun } from './bench-engines.js';
import type { Engine } from './bench-options.js';
import type { QueryResult } from './bench-measure.js';
import type { SizeSpec } from './graphs.js';
import { mib, ms, table } from './stats.js';

export const TARGETS = {
  /** GraphQL p50 / raw p50, each engine, each key question, each size. */
  ratio: 1.15,
  /** Neo4j at 100k nodes / 1M relationships: each key question's GraphQL p50, ms. */
  neo4jMs: 50,
};

export interface SizeResult {
  size: SizeSpec;
  label: string;
  runs: EngineRun[];
  comparison?: Comparison;
  seconds: number;
}

const ENGINE_NAME: Record<Engine, string> = { kuzu: 'Kùzu', neo4j: 'Neo4j' };
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

function loadLine(r: EngineRun): string {
  const l = r.load;
  if (l.reused) return `${ENGINE_NAME[r.engine]}: reused an earlier load (--reuse)`;
  return `${ENGINE_NAME[r.engine]}: bulk load ${(l.ms! / 1000).toFixed(1)} s (${l.how})`;
}

/** Kùzu and Neo4j side by side, question by question. */
export function engineTable(runs: EngineRun[]): string {
  const names = [...new Set(runs.flatMap((r) => r.queries.map((q) => q.name)))];
  const columns = ['question'];
  for (const r of runs) columns.push(`${ENGINE_NAME[r.engine]} raw`, `${ENGINE_NAME[r.engine]} GraphQL`, 'ratio');
  if (runs.length === 2) columns.push('Neo4j / Kùzu');
  columns.push('trips', 'items');
  const rows = names.map((name) => {
    const qs = runs.map((r) => r.queries.find((q) => q.name === name));
    const row: (string | number)[] = [name];
    for (const q of qs) row.push(q && !q.error ? ms(q.raw.p50) : '–', q && !q.error ? ms(q.graphql.p50) : '–', q?.error ? 'FAILED' : q ? times(q.ratio) : '–');
    if (runs.length === 2) row.push(qs[0] && qs[1] && !qs[0].error && !qs[1].error ? times(qs[1].graphql.p50 / qs[0].graphql.p50) : '–');
    row.push(qs.map((q) => (q ? `${q.roundTrips.graphql}` : '–')).join('/'));
    row.push(qs.map((q) => (q ? (q.items.raw === q.items.graphql ? String(q.items.raw) : `${q.items.raw}≠${q.items.graphql}`) : '–')).join('/'));
    return row;
  });
  return table(columns, rows);
}

function detailTable(r: EngineRun): string {
  return table(
    ['question', 'asked', 'raw p50', 'raw p99', 'GraphQL p50', 'GraphQL p99', 'ratio p50', 'n'],
    r.queries.map((q: QueryResult) => [q.name, q.what, ms(q.raw.p50), ms(q.raw.p99), ms(q.graphql.p50), ms(q.graphql.p99), q.error ? 'FAILED' : times(q.ratio), q.raw.n]),
  );
}

export function peerTable(r: EngineRun): string {
  const p = r.peer!;
  const statements = (name: string) => p.statements.filter((s) => s.question === name).length;
  return table(
    ['question', 'asked', 'ours p50', 'ours p99', '@neo4j/graphql p50', 'its p99', 'ours / theirs', 'items', 'KiB', 'statements'],
    p.results.map((q) => [
      q.name, q.what, ms(q.ours.p50), ms(q.ours.p99), ms(q.theirs.p50), ms(q.theirs.p99), q.error ? 'FAILED' : times(q.ratio),
      q.items.ours === q.items.theirs ? String(q.items.ours) : `${q.items.ours}/${q.items.theirs}`,
      `${(q.bytes.ours / 1024).toFixed(1)}/${(q.bytes.theirs / 1024).toFixed(1)}`,
      `${p.ourTrips[q.name] ?? '–'}/${statements(q.name)}`,
    ]),
  );
}

export function printSize(r: SizeResult): string {
  const lines: string[] = [];
  const first = r.runs[0];
  lines.push(`\n### ${r.size.name}: ${r.label} — ${first?.load.nodes.toLocaleString('en')} nodes, ${first?.load.relationships.toLocaleString('en')} relationships`);
  for (const run of r.runs) lines.push(loadLine(run));
  lines.push('');
  lines.push(engineTable(r.runs));
  lines.push('(GraphQL p50 and raw p50 in ms; ratio = GraphQL / raw; Neo4j / Kùzu = GraphQL p50 of one over the other; trips = database round trips per GraphQL request, Kùzu/Neo4j; items = answer size)');
  for (const run of r.runs) {
    lines.push(`\n${ENGINE_NAME[run.engine]}, p99 and samples:`);
    lines.push(detailTable(run));
    for (const q of run.queries.filter((x) => x.error)) lines.push(`FAILED ${q.name}: ${q.error}`);
    if (run.peer) {
      lines.push(`\nOur API vs @neo4j/graphql 7 on the same Neo4j database, both over HTTP (its schema built in ${ms(run.peer.schemaMs)} ms):`);
      lines.push(peerTable(run));
      lines.push('(ms; ours / theirs below 1: ours is faster; items and KiB: ours/theirs; statements: our round trips / the Cypher statements it ran)');
      for (const q of run.peer.results.filter((x) => x.error)) lines.push(`FAILED ${q.name}: ${q.error}`);
    }
  }
  lines.push('');
  for (const run of r.runs) {
    if (run.startToHealthy) {
      lines.push(`${ENGINE_NAME[run.engine]} start-to-healthy (node dist/src/server.js → 200 /healthz): median ${ms(run.startToHealthy.median)} ms (runs: ${run.startToHealthy.runs.map((x) => ms(x)).join(', ')})`);
    }
  }
  const cannons = r.runs.filter((x) => x.cannon);
  if (cannons.length) {
    lines.push('');
    lines.push(table(
      ['autocannon', 'engine', 'connections', 's', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'GraphQL errors'],
      cannons.flatMap((run) => run.cannon!.map((c) => [c.name, ENGINE_NAME[run.engine], c.connections, c.seconds, c.requests, c.rps.toFixed(0), c.p50, c.p99, c.non2xx, c.errors + c.timeouts, c.graphqlErrors])),
    ));
    for (const run of cannons) lines.push(`${ENGINE_NAME[run.engine]}: RSS of the server ${mib(run.serverRss!.before)} MiB before autocannon, ${mib(run.serverRss!.after)} MiB after`);
  }
  if (r.comparison) {
    const c = r.comparison;
    lines.push('');
    lines.push(table(
      [`throughput, ${c.request}`, 'req/s per turn', 'mean req/s', 'CPU ms per request, per turn', 'mean CPU ms'],
      c.servers.map((x) => [x.label, x.rps.map((v) => v.toFixed(0)).join(', '), x.mean.toFixed(0), x.cpuMsPerRequest.map((v) => v.toFixed(3)).join(', '), x.meanCpuMs.toFixed(3)]),
    ));
    lines.push(`this tree / baseline: throughput ${c.ratio.toFixed(3)}×, CPU per request ${c.cpuRatio.toFixed(3)}× (${c.connections} connections, ${c.servers[0]!.rps.length} turns each, taken alternately)`);
  }
  lines.push(`(${r.seconds.toFixed(0)} s for this size)`);
  return lines.join('\n');
}

/** Each target, met or not, with the questions that miss it. */
export function targetLines(results: SizeResult[]): string[] {
  const out: string[] = [];
  const over: string[] = [];
  let worst = 0;
  for (const r of results) {
    for (const run of r.runs) {
      for (const q of run.queries) {
        if (!q.error) worst = Math.max(worst, q.ratio);
        if (q.error || q.ratio > TARGETS.ratio) over.push(`${r.size.name}/${run.engine}/${q.name} ${q.error ? 'failed' : times(q.ratio)}`);
      }
    }
  }
  out.push(`GraphQL / raw p50 (target ≤ ${TARGETS.ratio}): worst ${times(worst)}; ${over.length ? `over: ${over.join(', ')}` : 'every question within'}`);
  const big = results.filter((r) => (r.size.rels ?? 0) >= 1_000_000);
  for (const r of big) {
    const neo = r.runs.find((x) => x.engine === 'neo4j');
    if (!neo) continue;
    const slow = neo.queries.filter((q) => q.error || q.graphql.p50 > TARGETS.neo4jMs);
    out.push(`Neo4j at ${r.size.name}, GraphQL p50 (target ≤ ${TARGETS.neo4jMs} ms): ${slow.length ? `over: ${slow.map((q) => `${q.name} ${ms(q.graphql.p50)} ms`).join(', ')}` : 'every question within'}`);
  }
  const slower = results.flatMap((r) => r.runs.flatMap((run) => (run.peer?.results ?? [])
    .filter((q) => q.error || q.ratio > 1).map((q) => `${r.size.name}/${q.name} ${q.error ? 'failed' : times(q.ratio)}`)));
  if (results.some((r) => r.runs.some((x) => x.peer))) {
    out.push(`ours vs @neo4j/graphql (target: ours at least as fast, p50): ${slower.length ? `slower: ${slower.join(', ')}` : 'ours as fast or faster on every question'}`);
  }
  return out;
}
