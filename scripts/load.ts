/**
 * `npm run test:load`: the server under sustained load, on loopback only. Starts
 * `node dist/src/server.js` in production mode on an in-memory embedded database (it seeds itself from seeds/),
 * checks that every request of the mix (scripts/lib/mix.ts, all root fields) answers, warms up,
 * then drives it with autocannon: 50 connections for LOAD_SECONDS (default 60) seconds, cycling
 * through the mix. Passes when there are zero errors (connection errors, timeouts, non-200
 * answers, GraphQL `errors`), zero 5xx, the server is still up, and its RSS grew less than 10%
 * from the end of the warm-up to the end of the run. Exits 1 otherwise. Prints its figures.
 *
 * Environment: LOAD_SECONDS (run length), LOAD_CONNECTIONS (default 50), LOAD_WARMUP_SECONDS
 * (default 10), LOAD_DB (a database path instead of a seeded in-memory one), LOAD_MAX_RSS_GROWTH
 * (percent, default 10), LOAD_CYPHER=1 (a `cypher` request after every other request of the mix,
 * with relationship patterns and parameters: the soak of the ad hoc road; use it with an on-disk
 * LOAD_DB, where those statements run in their own process).
 */
import autocannon from 'autocannon';
import { envInteger } from '../src/config.js';
import { HttpClient, parseJson } from './lib/http.js';
import { MIX, mixBodies } from './lib/mix.js';
import { spawnServer } from './lib/server.js';
import { mib, sleep, table } from './lib/stats.js';

const seconds = envInteger(process.env, 'LOAD_SECONDS', 60, 1, 3600);
const connections = envInteger(process.env, 'LOAD_CONNECTIONS', 50, 1, 1000);
const warmupSeconds = envInteger(process.env, 'LOAD_WARMUP_SECONDS', 10, 0, 600);
const maxGrowth = envInteger(process.env, 'LOAD_MAX_RSS_GROWTH', 10, 1, 100) / 100;
const db = process.env.LOAD_DB || ':memory:';
const cypherSoak = process.env.LOAD_CYPHER === '1';

/** Ad hoc statements for LOAD_CYPHER=1: relationship patterns (the kind that leaked 47 KB each in-process), parameters. */
const SOAK_CYPHER = [
  { q: 'MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency) RETURN a.name AS agency, count(*) AS n ORDER BY n DESC LIMIT 5' },
  { q: 'MATCH (f:Firm)-[:OPERATES_IN]->(s:Sector {id: $s}) RETURN f.name AS firm', p: { s: 'endpoint-security' } },
  { q: 'MATCH (f:Firm) WHERE f.id IN $ids RETURN f.id AS id, f.name AS name', p: { ids: ['venustech', 'nsfocus'] } },
  { q: 'MATCH (c:Sector)-[:SUBSECTOR_OF*1..3]->(s:Sector) RETURN s.id AS sector, count(DISTINCT c) AS n ORDER BY n DESC LIMIT 3' },
].map(({ q, p }) => ({ field: 'cypher', body: JSON.stringify({ query: 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', variables: { q, p: p ?? null } }) }));

/** The mix, with a `cypher` request after every other one when LOAD_CYPHER=1. */
function loadBodies() {
  const bodies = mixBodies();
  if (!cypherSoak) return bodies;
  return bodies.flatMap((b, i) => (i % 2 === 1 ? [b, SOAK_CYPHER[((i - 1) / 2) % SOAK_CYPHER.length]!] : [b]));
}

interface Tally {
  responses: number;
  byStatus: Map<number, number>;
  graphqlErrors: number;
  byField: Map<string, number>;
  samples: string[];
}

function newTally(): Tally {
  return { responses: 0, byStatus: new Map(), graphqlErrors: 0, byField: new Map(), samples: [] };
}

async function run(url: string, duration: number, tally: Tally) {
  const bodies = loadBodies();
  return autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    timeout: 30,
    requests: bodies.map(({ field, body }) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      onResponse: (status: number, text: string) => {
        tally.responses++;
        tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
        tally.byField.set(field, (tally.byField.get(field) ?? 0) + 1);
        // Bodies of the mix never hold the word "errors" unless GraphQL reports one.
        if (status !== 200 || text.includes('"errors"')) {
          if (status === 200) tally.graphqlErrors++;
          if (tally.samples.length < 5) tally.samples.push(`${field} → ${status}: ${text.slice(0, 300)}`);
        }
      },
    })),
  });
}

async function main() {
  const started = performance.now();
  console.log(`test:load — ${connections} connections for ${seconds} s (after ${warmupSeconds} s of warm-up), loopback, database ${db}${cypherSoak ? ', cypher after every other request' : ''}`);
  const server = await spawnServer({ db, env: { NODE_ENV: 'production', EMBEDDED_BUFFER_MB: '512' } });
  console.log(`server pid ${server.pid} healthy after ${server.startToHealthyMs.toFixed(0)} ms at ${server.url}`);
  const failures: string[] = [];
  try {
    // Every request of the mix must answer before any load: a broken mix is not a load result.
    const http = new HttpClient(server.url, 1);
    for (const { field, body } of loadBodies()) {
      const res = await http.send({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body });
      const parsed = parseJson(res.text);
      if (res.status !== 200 || !parsed?.data || parsed.errors) failures.push(`the mix's ${field} request fails on its own: ${res.status} ${res.text.slice(0, 300)}`);
    }
    http.close();
    if (failures.length) throw new Error(failures.join('\n'));

    const rssStart = server.rss();
    const warm = newTally();
    await run(server.url, warmupSeconds, warm);
    const rssBaseline = server.rss();

    const tally = newTally();
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(server.rss()), 1000);
    const result = await run(server.url, seconds, tally);
    clearInterval(sampler);
    const rssEnd = server.rss();
    await sleep(200);
    const alive = server.exit === null;

    const fivexx = [...tally.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const non200 = [...tally.byStatus].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
    const growth = (rssEnd - rssBaseline) / rssBaseline;
    const rssMax = Math.max(rssEnd, ...rssSamples.filter(Number.isFinite));

    console.log('');
    console.log(table(['figure', 'value'], [
      ['requests answered', tally.responses],
      ['requests per second', result.requests.average.toFixed(0)],
      ['latency p50 / p99 / max (ms)', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max}`],
      ['connection errors / timeouts', `${result.errors} / ${result.timeouts}`],
      ['non-200 answers', non200],
      ['5xx answers', fivexx],
      ['GraphQL errors in 200 answers', tally.graphqlErrors],
      ['server still running', alive ? 'yes' : `no (${JSON.stringify(server.exit)})`],
      ['RSS at start (MiB)', mib(rssStart)],
      [`RSS after ${warmupSeconds} s warm-up (MiB)`, mib(rssBaseline)],
      ['RSS at the end / highest (MiB)', `${mib(rssEnd)} / ${mib(rssMax)}`],
      ['RSS growth during the run', `${(growth * 100).toFixed(1)}%`],
    ]));
    console.log('');
    console.log(table(['root field', 'answers'], [...tally.byField].sort().map(([f, n]) => [f, n])));
    console.log(`status codes: ${[...tally.byStatus].map(([s, n]) => `${s}×${n}`).join(', ')}`);
    for (const s of tally.samples) console.log(`  e.g. ${s}`);

    if (result.errors || result.timeouts) failures.push(`${result.errors} connection errors and ${result.timeouts} timeouts`);
    if (non200) failures.push(`${non200} answers were not 200 (${fivexx} were 5xx)`);
    if (tally.graphqlErrors) failures.push(`${tally.graphqlErrors} answers carried GraphQL errors`);
    if (!alive) failures.push('the server exited during the run');
    if (!(growth < maxGrowth)) failures.push(`RSS grew ${(growth * 100).toFixed(1)}% (limit ${(maxGrowth * 100).toFixed(0)}%)`);
    if (tally.responses === 0) failures.push('no request was answered');
    const unanswered = [...new Set(MIX.map((m) => m.field))].filter((f) => !tally.byField.get(f));
    if (unanswered.length) failures.push(`no answer for ${unanswered.join(', ')}: run longer (LOAD_SECONDS) so every connection goes round the mix`);
    const serverErrors = server.stderr.filter((l) => l.includes('"level":"error"'));
    if (serverErrors.length) {
      failures.push(`the server logged ${serverErrors.length} errors`);
      for (const l of serverErrors.slice(0, 3)) console.log(`  server: ${l.slice(0, 300)}`);
    }
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await server.stop();
  }
  console.log(`\n${failures.length ? `FAILED:\n  ${failures.join('\n  ')}` : 'PASSED'} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
