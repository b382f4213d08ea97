/**
 * `npm run bench`: what the GraphQL layer costs over the embedded engine, and how the server
 * holds up. For each graph size (see --size):
 *   1. bulk load of the graph into a fresh on-disk Kùzu database (timed);
 *   2. the key questions (scripts/lib/keyqueries.ts), each asked raw — the named queries on the
 *      store — and through GraphQL over loopback HTTP, alternating, after a warm-up, one at a
 *      time: p50, p99, the ratio GraphQL p50 / raw p50, database round trips per request;
 *   3. start-to-healthy of `node dist/src/server.js` on that database (spawn → first 200 from
 *      /healthz), a few times;
 *   4. autocannon at 50 connections against that server, a simple and a heavy request:
 *      throughput, p50/p99, RSS of the server before and after.
 * Prints tables and writes everything as JSON to bench-results/<timestamp>.json. `npm run bench`
 * runs it with NODE_ENV=production, as the server is deployed: graphql-js reads NODE_ENV when it
 * loads and, outside production, checks every type test against a second copy of itself.
 *
 *   5. with --baseline REF: the simple request's throughput of this tree's server and of REF's
 *      (a git commit, built in a temporary worktree, or a folder holding a built checkout), on
 *      the same database, taking turns (A B A B …), so that both meet the same machine load.
 *
 * Usage: npm run bench [-- --size seed,1m] [--nodes N --rels M] [--reuse] [--seconds S]
 *        [--cannon-seconds S] [--only search,path] [--skip-cannon] [--baseline main --rounds 3]
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { projectPath } from '../src/paths.js';
import { CountingStore } from '../src/store/port.js';
import { benchIngest } from './lib/bench-ingest.js';
import { prepareGraph, SIZES, sizeLabel, type PreparedGraph, type SizeSpec } from './lib/graphs.js';
import { HttpClient, parseJson } from './lib/http.js';
import { cannonRequests, keyQueries, pickTargets, type KeyQuery, type Targets } from './lib/keyqueries.js';
import { cpuSecondsOf, spawnServer, startInProcess, type InProcessServer } from './lib/server.js';
import { mib, ms, summarize, table, type Summary } from './lib/stats.js';

interface Options {
  sizes: SizeSpec[];
  reuse: boolean;
  /** Time budget of each key question (both sides together), seconds. */
  seconds: number;
  minSamples: number;
  maxSamples: number;
  warmup: number;
  cannonSeconds: number;
  connections: number;
  startRuns: number;
  only: string[] | null;
  skipCannon: boolean;
  /** A commit or a built checkout whose server's simple-request throughput is compared with ours. */
  baseline: string | null;
  /** Turns each server takes in that comparison. */
  rounds: number;
}

const USAGE = `usage: npm run bench -- [options]
  --size LIST          sizes to measure, comma-separated: seed, 100k (10k nodes / 100k rels),
                       1m (100k nodes / 1M rels). Default: seed,1m
  --nodes N --rels M   a synthetic graph of this size instead of / besides --size
  --reuse              reuse a graph loaded by an earlier run (data/bench/) instead of loading it
  --seconds S          time budget per key question, raw and GraphQL together (default 12)
  --min-samples N      at least this many samples per side (default 20)
  --max-samples N      at most this many (default 300)
  --warmup N           warm-up rounds per question (default 5)
  --cannon-seconds S   duration of each autocannon run (default 10)
  --connections N      autocannon connections (default 50)
  --only LIST          only these key questions (search, timeline, policyDrivers, neighborhood, path, entity)
  --skip-cannon        no start-to-healthy and autocannon runs
  --baseline REF       also compare the simple request's throughput with REF's server: a git
                       commit or branch (built in a temporary worktree: npm ci and tsc), or the
                       folder of a built checkout (its dist/src/server.js)
  --rounds N           turns each server takes in the comparison (default 3)`;

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (a === '--reuse' || a === '--skip-cannon') bools.add(a.slice(2));
    else if (a.startsWith('--') && argv[i + 1] !== undefined) flags.set(a.slice(2), argv[++i]!);
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  const num = (name: string, fallback: number) => {
    const v = flags.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, not ${v}`);
    return n;
  };
  const custom = flags.has('nodes') || flags.has('rels');
  const sizeNames = flags.get('size')?.split(',').map((s) => s.trim()).filter(Boolean) ?? (custom ? [] : ['seed', '1m']);
  const sizes = sizeNames.map((n) => {
    const s = SIZES[n.toLowerCase()];
    if (!s) throw new Error(`unknown size ${n}: use ${Object.keys(SIZES).join(', ')} or --nodes/--rels`);
    return s;
  });
  if (custom) {
    const nodes = num('nodes', 10_000);
    const rels = num('rels', nodes * 10);
    sizes.push({ name: `${nodes}/${rels}`, nodes: Math.round(nodes), rels: Math.round(rels) });
  }
  return {
    sizes,
    reuse: bools.has('reuse'),
    seconds: num('seconds', 12),
    minSamples: num('min-samples', 20),
    maxSamples: num('max-samples', 300),
    warmup: num('warmup', 5),
    cannonSeconds: num('cannon-seconds', 10),
    connections: num('connections', 50),
    startRuns: num('start-runs', 3),
    only: flags.get('only')?.split(',').map((s) => s.trim()) ?? null,
    skipCannon: bools.has('skip-cannon'),
    baseline: flags.get('baseline') ?? null,
    rounds: num('rounds', 3),
  };
}

/**
 * The server program of the baseline: a folder's dist/src/server.js as it is, or a commit
 * checked out in a temporary worktree, its dependencies installed from its own lockfile and its
 * code compiled (the web pages are not needed to serve the API).
 */
function baselineServer(ref: string): { script: string; label: string; remove(): void } {
  const folder = resolve(ref);
  if (existsSync(join(folder, 'dist', 'src', 'server.js'))) return { script: join(folder, 'dist', 'src', 'server.js'), label: folder, remove: () => undefined };
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: projectPath(), encoding: 'utf8' }).trim();
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-baseline-')), commit);
  log(`  baseline ${ref} (${commit}): checking out in ${dir}, npm ci, tsc …`);
  execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: projectPath(), stdio: 'ignore' });
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  execFileSync(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return {
    script: join(dir, 'dist', 'src', 'server.js'),
    label: `${ref} (${commit})`,
    remove: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: projectPath(), stdio: 'ignore' }),
  };
}

interface Comparison {
  request: string;
  connections: number;
  servers: { label: string; rps: number[]; mean: number; cpuMsPerRequest: number[]; meanCpuMs: number }[];
  /** This tree's mean throughput over the baseline's. */
  ratio: number;
  /** This tree's mean CPU per request over the baseline's (below 1: cheaper). */
  cpuRatio: number;
}

/** The simple request against the baseline's server and ours in turn, on one database. */
async function compareThroughput(db: string, body: string, request: string, baseline: { script: string; label: string }, o: Options): Promise<Comparison> {
  const servers = [
    { label: `baseline ${baseline.label}`, script: baseline.script, rps: [] as number[], cpu: [] as number[] },
    { label: `this tree (${gitCommit() ?? '?'})`, script: projectPath('dist', 'src', 'server.js'), rps: [] as number[], cpu: [] as number[] },
  ];
  for (let round = 0; round < o.rounds; round++) {
    for (const server of round % 2 ? [...servers].reverse() : servers) {
      const spawned = await spawnServer({ db, script: server.script });
      try {
        const cpuBefore = cpuSecondsOf(spawned.pid);
        const result = await cannon(spawned.url, request, body, o);
        const cpuMs = ((cpuSecondsOf(spawned.pid) - cpuBefore) * 1000) / result.requests;
        if (result.non2xx || result.errors || result.graphqlErrors) throw new Error(`${server.label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.graphqlErrors} GraphQL errors`);
        server.rps.push(result.rps);
        server.cpu.push(cpuMs);
        log(`  compare, round ${round + 1}: ${server.label}: ${result.rps.toFixed(0)} req/s, ${cpuMs.toFixed(3)} CPU ms per request`);
      } finally {
        await spawned.stop();
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const withMean = servers.map(({ label, rps, cpu }) => ({ label, rps, mean: mean(rps), cpuMsPerRequest: cpu, meanCpuMs: mean(cpu) }));
  return {
    request, connections: o.connections, servers: withMean,
    ratio: withMean[1]!.mean / withMean[0]!.mean, cpuRatio: withMean[1]!.meanCpuMs / withMean[0]!.meanCpuMs,
  };
}

const log = (s: string) => process.stderr.write(`${s}\n`);

interface QueryResult {
  name: string;
  what: string;
  raw: Summary;
  graphql: Summary;
  ratio: number;
  roundTrips: { raw: number; graphql: number };
  items: { raw: number; graphql: number };
  error?: string;
}

async function measureQuery(q: KeyQuery, server: InProcessServer, http: HttpClient, o: Options): Promise<QueryResult> {
  const store = server.running.store;
  const rawSamples: number[] = [];
  const gqlSamples: number[] = [];
  let rawTrips = 0;
  let gqlTrips = 0;
  let rawItems = 0;
  let gqlItems = 0;
  const runRaw = async () => {
    const counting = new CountingStore(store);
    const t = performance.now();
    rawItems = await q.raw(counting);
    const elapsed = performance.now() - t;
    rawTrips = counting.roundTrips;
    return elapsed;
  };
  const runGql = async () => {
    const t = performance.now();
    const res = await http.graphql(q.graphql.query, q.graphql.variables);
    const body = parseJson(res.text);
    const elapsed = performance.now() - t;
    if (res.status !== 200 || !body || body.errors?.length) {
      throw new Error(`GraphQL answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    gqlItems = q.countGraphql(body.data);
    gqlTrips = server.lastRoundTrips();
    return elapsed;
  };
  const result = (error?: string): QueryResult => {
    const raw = summarize(rawSamples);
    const graphql = summarize(gqlSamples);
    return { name: q.name, what: q.what, raw, graphql, ratio: graphql.p50 / raw.p50, roundTrips: { raw: rawTrips, graphql: gqlTrips }, items: { raw: rawItems, graphql: gqlItems }, error };
  };
  try {
    const budgetEnd = performance.now() + o.seconds * 1000;
    for (let i = 0; i < o.warmup; i++) {
      await runRaw();
      await runGql();
      // One very slow question: no more warm-up than the budget allows.
      if (performance.now() > budgetEnd - o.seconds * 500) break;
    }
    const end = performance.now() + o.seconds * 1000;
    for (let i = 0; i < o.maxSamples; i++) {
      // Alternate which side goes first, so neither always follows the other.
      if (i % 2 === 0) {
        rawSamples.push(await runRaw());
        gqlSamples.push(await runGql());
      } else {
        gqlSamples.push(await runGql());
        rawSamples.push(await runRaw());
      }
      if (i + 1 >= o.minSamples && performance.now() > end) break;
    }
    return result();
  } catch (error) {
    return result((error as Error).message);
  }
}

interface CannonResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
}

async function cannon(url: string, name: string, body: string, o: Options): Promise<CannonResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: o.connections,
    duration: o.cannonSeconds,
    timeout: 30,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (status, text) => {
        if (status === 200 && text.includes('"errors"')) graphqlErrors++;
      },
    }],
  });
  return {
    name,
    connections: o.connections,
    seconds: o.cannonSeconds,
    requests: result.requests.total ?? result['2xx'] + result.non2xx,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
  };
}

interface SizeResult {
  size: SizeSpec;
  label: string;
  graph: Omit<PreparedGraph, 'size'>;
  targets: Targets;
  queries: QueryResult[];
  inProcessRss: { before: number; after: number };
  startToHealthy?: { runs: number[]; median: number };
  cannon?: CannonResult[];
  serverRss?: { before: number; after: number };
  serverErrors?: string[];
  comparison?: Comparison;
  seconds: number;
}

async function measureSize(size: SizeSpec, o: Options, baseline: { script: string; label: string } | null): Promise<SizeResult> {
  const began = performance.now();
  log(`\n== ${size.name}: ${sizeLabel(size)} ==`);
  const graph = await prepareGraph(size, { reuse: o.reuse, log });
  log(graph.reused ? `  reused ${graph.path}` : `  loaded ${graph.nodes} nodes, ${graph.relationships} rels in ${ms(graph.loadMs!)} ms`);
  global.gc?.();

  // Raw and GraphQL on one store, in this process: the same buffer pool, the same connections.
  const server = await startInProcess(graph.path);
  const http = new HttpClient(server.url, 4);
  const targets = await pickTargets(server.running.store, size.nodes === null);
  const rssBefore = process.memoryUsage().rss;
  const queries: QueryResult[] = [];
  for (const q of keyQueries(targets)) {
    if (o.only && !o.only.some((name) => q.name.startsWith(name))) continue;
    log(`  ${q.name}: ${q.what} …`);
    const r = await measureQuery(q, server, http, o);
    queries.push(r);
    log(r.error
      ? `    FAILED: ${r.error}`
      : `    raw p50 ${ms(r.raw.p50)} ms, GraphQL p50 ${ms(r.graphql.p50)} ms, ratio ${r.ratio.toFixed(2)} (n=${r.raw.n})`);
  }
  const rssAfter = process.memoryUsage().rss;
  http.close();
  await server.close();

  const out: SizeResult = {
    size, label: sizeLabel(size),
    graph: { path: graph.path, nodes: graph.nodes, relationships: graph.relationships, buildMs: graph.buildMs, loadMs: graph.loadMs, reused: graph.reused },
    targets, queries, inProcessRss: { before: rssBefore, after: rssAfter }, seconds: 0,
  };

  if (!o.skipCannon) {
    const runs: number[] = [];
    for (let i = 0; i < o.startRuns; i++) {
      const spawned = await spawnServer({ db: graph.path });
      runs.push(spawned.startToHealthyMs);
      const last = i === o.startRuns - 1;
      if (!last) {
        await spawned.stop();
        continue;
      }
      log(`  start-to-healthy: ${runs.map((r) => ms(r)).join(', ')} ms`);
      // The last one serves the load generator.
      const requests = cannonRequests(targets);
      const before = spawned.rss();
      out.cannon = [];
      for (const [kind, req] of Object.entries(requests)) {
        log(`  autocannon ${kind} (${o.connections} connections, ${o.cannonSeconds} s) …`);
        out.cannon.push(await cannon(spawned.url, `${kind}: ${req.name}`, req.body, o));
      }
      out.serverRss = { before, after: spawned.rss() };
      out.serverErrors = spawned.stderr.slice(-20);
      await spawned.stop();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    out.startToHealthy = { runs, median: sorted[Math.floor(sorted.length / 2)]! };
  }
  if (baseline) {
    const simple = cannonRequests(targets).simple;
    out.comparison = await compareThroughput(graph.path, simple.body, `simple: ${simple.name}`, baseline, o);
  }
  out.seconds = (performance.now() - began) / 1000;
  return out;
}

function printSize(r: SizeResult): string {
  const lines: string[] = [];
  lines.push(`\n### ${r.size.name}: ${r.label} — ${r.graph.nodes.toLocaleString('en')} nodes, ${r.graph.relationships.toLocaleString('en')} relationships`);
  lines.push(r.graph.reused ? 'bulk load: reused an earlier load (--reuse)' : `bulk load: ${(r.graph.loadMs! / 1000).toFixed(1)} s (building the graph in memory: ${(r.graph.buildMs / 1000).toFixed(1)} s)`);
  lines.push('');
  lines.push(table(
    ['question', 'asked', 'raw p50', 'raw p99', 'GraphQL p50', 'GraphQL p99', 'ratio p50', 'trips raw', 'trips GraphQL', 'items', 'n'],
    r.queries.map((q) => [
      q.name, q.what, ms(q.raw.p50), ms(q.raw.p99), ms(q.graphql.p50), ms(q.graphql.p99),
      q.error ? 'FAILED' : `${q.ratio.toFixed(2)}×`, q.roundTrips.raw, q.roundTrips.graphql,
      q.items.raw === q.items.graphql ? String(q.items.raw) : `${q.items.raw}≠${q.items.graphql}`, q.raw.n,
    ]),
  ));
  lines.push('(milliseconds; ratio = GraphQL p50 / raw p50; trips = database round trips per request)');
  for (const q of r.queries.filter((x) => x.error)) lines.push(`FAILED ${q.name}: ${q.error}`);
  lines.push(`RSS of the measuring process (server in-process): ${mib(r.inProcessRss.before)} MiB before the questions, ${mib(r.inProcessRss.after)} MiB after`);
  if (r.startToHealthy) {
    lines.push(`start-to-healthy (node dist/src/server.js → 200 /healthz): median ${ms(r.startToHealthy.median)} ms (runs: ${r.startToHealthy.runs.map((x) => ms(x)).join(', ')})`);
  }
  if (r.cannon) {
    lines.push('');
    lines.push(table(
      ['autocannon', 'connections', 's', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'GraphQL errors'],
      r.cannon.map((c) => [c.name, c.connections, c.seconds, c.requests, c.rps.toFixed(0), c.p50, c.p99, c.non2xx, c.errors + c.timeouts, c.graphqlErrors]),
    ));
    lines.push(`RSS of the server: ${mib(r.serverRss!.before)} MiB before autocannon, ${mib(r.serverRss!.after)} MiB after`);
  }
  if (r.comparison) {
    const c = r.comparison;
    lines.push('');
    lines.push(table(
      [`throughput, ${c.request}`, 'req/s per turn', 'mean req/s', 'CPU ms per request, per turn', 'mean CPU ms'],
      c.servers.map((x) => [x.label, x.rps.map((v) => v.toFixed(0)).join(', '), x.mean.toFixed(0), x.cpuMsPerRequest.map((v) => v.toFixed(3)).join(', '), x.meanCpuMs.toFixed(3)]),
    ));
    lines.push(`this tree / baseline: throughput ${c.ratio.toFixed(3)}×, CPU per request ${c.cpuRatio.toFixed(3)}× (${c.connections} connections, ${o_rounds(c)} turns each, taken alternately; the server's CPU, all threads, from /proc)`);
  }
  lines.push(`(${r.seconds.toFixed(0)} s for this size)`);
  return lines.join('\n');
}

const o_rounds = (c: Comparison) => c.servers[0]!.rps.length;

function gitCommit(): string | null {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: projectPath(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: projectPath(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return null;
  }
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryMiB: mib(totalmem()),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    commit: gitCommit(),
    date: new Date().toISOString(),
  };
  log(`bench: sizes ${o.sizes.map((s) => s.name).join(', ')}; node ${environment.node}, ${environment.cpus} CPUs, load average ${environment.loadAverageAtStart.join(' ')}`);
  const baseline = o.baseline ? baselineServer(o.baseline) : null;
  const results: SizeResult[] = [];
  try {
    for (const size of o.sizes) results.push(await measureSize(size, o, baseline));
  } finally {
    baseline?.remove();
  }
  const ingest = benchIngest(); // `graph ingest` of a 25,000-word report against 100k entities (scripts/lib/bench-ingest.ts)
  const loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
  const seconds = (performance.now() - started) / 1000;

  const report: string[] = [];
  report.push(`## npm run bench — ${environment.date}`);
  report.push(`node ${environment.node}, ${environment.cpus} × ${environment.cpu}, ${environment.memoryMiB} MiB; load average ${environment.loadAverageAtStart.join(' ')} at start, ${loadAverageAtEnd.join(' ')} at end; commit ${environment.commit ?? '?'}`);
  for (const r of results) report.push(printSize(r));
  if (results.length > 1 && results.every((r) => r.queries.length)) {
    report.push('\n### ratio GraphQL p50 / raw p50 by size (target ≤ 1.25)');
    const names = results[0]!.queries.map((q) => q.name);
    report.push(table(['question', ...results.map((r) => r.size.name)], names.map((n) => [
      n, ...results.map((r) => {
        const q = r.queries.find((x) => x.name === n);
        return q && !q.error ? `${q.ratio.toFixed(2)}×` : '–';
      }),
    ])));
  }
  const ratios = results.flatMap((r) => r.queries.filter((q) => !q.error).map((q) => q.ratio));
  const over = results.flatMap((r) => r.queries.filter((q) => q.error || q.ratio > 1.25).map((q) => `${r.size.name}/${q.name}`));
  report.push(`\nworst ratio ${Math.max(...ratios).toFixed(2)}×; ${over.length ? `over 1.25× or failed: ${over.join(', ')}` : 'every question within 1.25×'}`);
  const seed = results.find((r) => r.size.nodes === null && r.startToHealthy);
  if (seed) report.push(`start-to-healthy on the seed graph: ${ms(seed.startToHealthy!.median)} ms (target ≤ 5000)`);
  report.push(ingest.line);
  report.push(`total run time ${seconds.toFixed(0)} s`);

  const dir = projectPath('bench-results');
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${environment.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify({ environment: { ...environment, loadAverageAtEnd }, options: o, seconds, results, ingest }, null, 2)}\n`);
  report.push(`JSON: ${file}`);
  console.log(report.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
