/**
 * `npm run test:fuzz`: at least FUZZ_REQUESTS (default 10,000) hostile or random requests to
 * `node dist/src/server.js` in production mode on a seeded on-disk embedded database (FUZZ_DB, default a temporary folder),
 * loopback only (scripts/lib/fuzz-cases.ts says what they are). Passes when no answer is a
 * 5xx, every refusal carries `errors[].extensions.code` (never INTERNAL_SERVER_ERROR: that is
 * a bug of ours), no answer leaks a stack trace, every request gets an answer, the server
 * neither exits nor logs an error, and the graph is unchanged at the end (the Cypher field
 * must not have written). Exits 1 otherwise, printing the failing requests and FUZZ_SEED.
 *
 * Environment: FUZZ_REQUESTS, FUZZ_SEED (default: random, printed), FUZZ_CONCURRENCY (default 8),
 * FUZZ_ENGINE=neo4j (the server on the seeded Neo4j at NEO4J_URI instead of the embedded engine),
 * FUZZ_ONLY (request numbers of the run to send alone, e.g. FUZZ_SEED=1 FUZZ_ONLY=5309).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { envInteger } from '../src/config.js';
import { projectPath } from '../src/paths.js';
import {
  aliasFlood, asJsonRequest, batch, brokenHttp, deepVariables, malformedBody, paddedFragments, randomCypher, randomFrom, SchemaFuzzer,
  shapeAttack, wrongTransport,
  type FuzzRequest, type Random,
} from './lib/fuzz-cases.js';
import { hostileCypher } from './lib/fuzz-cypher.js';
import { HttpClient, parseJson, type HttpResponse } from './lib/http.js';
import { spawnServer } from './lib/server.js';
import { table } from './lib/stats.js';

const total = envInteger(process.env, 'FUZZ_REQUESTS', 10_000, 1, 10_000_000);
const seed = envInteger(process.env, 'FUZZ_SEED', Math.floor(Math.random() * 2 ** 31), 0, 2 ** 32 - 1);
const concurrency = envInteger(process.env, 'FUZZ_CONCURRENCY', 8, 1, 256);
/** FUZZ_ONLY=5309,17 sends just these requests of the run (with its FUZZ_SEED), to look at one failure. */
const only = process.env.FUZZ_ONLY ? process.env.FUZZ_ONLY.split(',').map(Number).filter(Number.isSafeInteger) : null;
const indexes = only ?? Array.from({ length: total }, (_, i) => i);

/** The request for index `i`: its own generator, so one request can be rebuilt from (seed, i). */
function requestAt(i: number, fuzzer: (r: Random) => SchemaFuzzer, ids: string[]): FuzzRequest {
  const r = randomFrom(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const f = fuzzer(r);
  const operation = f.operation();
  const valid = JSON.stringify(operation);
  const roll = r.next();
  if (roll < 0.44) return asJsonRequest(operation, 'schema');
  if (roll < 0.47) return paddedFragments(r, ids);
  if (roll < 0.49) return aliasFlood(r, ids);
  if (roll < 0.51) return deepVariables(r);
  if (roll < 0.62) {
    const { query, params } = r.chance(0.5) ? hostileCypher(r) : randomCypher(r, ids);
    const withParams = params !== undefined && r.chance(0.7);
    return asJsonRequest({
      query: `query($q: String!${withParams ? ', $p: JSON' : ''}) { cypher(query: $q${withParams ? ', params: $p' : ''}) { columns rows rowCount truncated } }`,
      variables: withParams ? { q: query, p: params } : { q: query },
    }, 'cypher');
  }
  if (roll < 0.74) return malformedBody(r, valid);
  if (roll < 0.84) return wrongTransport(r, valid);
  if (roll < 0.93) return shapeAttack(r, ids);
  if (roll < 0.95) return brokenHttp(r);
  return batch(r, () => f.operation());
}

interface Verdict { ok: boolean; codes: string[]; why?: string }

/** What a user of the API may see: an answer below 500, and refusals that say their code. */
function judge(req: FuzzRequest, res: HttpResponse): Verdict {
  if (res.status >= 500) return { ok: false, codes: [], why: `status ${res.status}` };
  const body = parseJson(res.text);
  if (!body || typeof body !== 'object') return { ok: false, codes: [], why: `status ${res.status}, not JSON: ${res.text.slice(0, 120)}` };
  if (/stacktrace|\bat [\w.<>]+ \(?(file:|\/)/.test(res.text)) return { ok: false, codes: [], why: 'a stack trace in the answer' };
  const errors: { extensions?: { code?: unknown } }[] = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : 'NO CODE'));
  if (res.status !== 200 && !errors.length) return { ok: false, codes, why: `status ${res.status} without errors[]` };
  if (res.status === 200 && !errors.length && !('data' in body)) return { ok: false, codes, why: '200 with neither data nor errors' };
  if (codes.includes('NO CODE')) return { ok: false, codes, why: 'an error without extensions.code' };
  if (codes.includes('INTERNAL_SERVER_ERROR')) return { ok: false, codes, why: 'INTERNAL_SERVER_ERROR' };
  return { ok: true, codes };
}

/** Writes bytes to a bare connection and reads what comes back until the server closes it. */
function sendRaw(port: number, bytes: string): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (!status) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 100))}`));
      resolve({ status, headers: {}, text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.end(Buffer.from(bytes, 'latin1'));
  });
}

/** Real clients frame their bodies; the unframed cases are brokenHttp's. */
function send(http: HttpClient, port: number, req: FuzzRequest): Promise<HttpResponse> {
  if (req.raw !== undefined) return sendRaw(port, req.raw);
  const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
  return http.send({ method: req.method, path: req.path, headers, body: req.body, timeoutMs: 60_000 });
}

const show = (req: FuzzRequest) => `${req.method} ${req.path.slice(0, 120)} ${JSON.stringify(req.headers)} ${JSON.stringify(String(req.body ?? req.raw ?? '').slice(0, 300))}`;

async function graphCounts(http: HttpClient): Promise<string> {
  const res = await http.graphql('{ stats { nodeCount relationshipCount nodes { label count } relationships { type count } } }');
  return JSON.stringify(parseJson(res.text)?.data ?? res.text);
}

async function main() {
  const started = performance.now();
  console.log(`test:fuzz — ${indexes.length} requests${process.env.FUZZ_ENGINE === 'neo4j' ? ' on Neo4j' : ''}, seed ${seed} (FUZZ_SEED=${seed} repeats this run), ${concurrency} at a time, loopback`);
  // The per-client budgets stay on, far above what the run sends (spawnServer's MEASURING_BUDGETS).
  // FUZZ_ENGINE=neo4j: the server on the Neo4j that NEO4J_URI names, already seeded (see
  // scripts/neo4j-local-run.sh). Otherwise on disk, as deployed: ad hoc statements then run in
  // their own process (src/store/kuzu/adhoc-runner.ts).
  const onNeo4j = process.env.FUZZ_ENGINE === 'neo4j';
  if (onNeo4j && !process.env.NEO4J_URI) throw new Error('FUZZ_ENGINE=neo4j needs NEO4J_URI (and NEO4J_PASSWORD) of a seeded Neo4j');
  const server = await spawnServer(onNeo4j
    ? { db: ':memory:', env: { NODE_ENV: 'production', NEO4J_URI: process.env.NEO4J_URI! } }
    : { db: process.env.FUZZ_DB || join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'graph.kuzu'), env: { NODE_ENV: 'production', EMBEDDED_BUFFER_MB: '512' } });
  const http = new HttpClient(server.url, concurrency);
  // What the server logged before it was healthy is its start (a Neo4j still busy after the
  // seed can make the first readiness check wait, and the server says so and tries again):
  // the run judges what it logs while it is fuzzed.
  const fuzzedFrom = new Date().toISOString();
  const whileFuzzed = (line: string) => String(parseJson(line)?.time ?? '') >= fuzzedFrom;
  const failures: string[] = [];
  const byKind = new Map<string, { sent: number; statuses: Map<number, number> }>();
  const byCode = new Map<string, number>();
  let answered = 0;
  try {
    const before = await graphCounts(http);
    const idsRes = parseJson((await http.graphql('{ cypher(query: "MATCH (n) RETURN n.id AS id ORDER BY id") { rows } }')).text);
    const ids: string[] = (idsRes?.data?.cypher?.rows ?? []).map((row: unknown) => (Array.isArray(row) ? row[0] : (row as { id: string }).id));
    if (ids.length < 100) throw new Error(`expected the seed graph's ids, got ${ids.length}: ${JSON.stringify(idsRes).slice(0, 300)}`);
    const schema = buildSchema(readFileSync(projectPath('schema.graphql'), 'utf8'));
    const fuzzer = (r: Random) => new SchemaFuzzer(schema, r, ids);

    let next = 0;
    const worker = async () => {
      while (next < indexes.length && failures.length < 20 && server.exit === null) {
        const i = indexes[next++]!;
        const req = requestAt(i, fuzzer, ids);
        const kind = byKind.get(req.kind) ?? { sent: 0, statuses: new Map() };
        byKind.set(req.kind, kind);
        kind.sent++;
        let res: HttpResponse;
        try {
          res = await send(http, server.port, req);
        } catch (error) {
          failures.push(`#${i} ${req.kind}: no answer (${(error as Error).message}): ${show(req)}`);
          continue;
        }
        answered++;
        kind.statuses.set(res.status, (kind.statuses.get(res.status) ?? 0) + 1);
        const verdict = judge(req, res);
        for (const c of verdict.codes) byCode.set(c, (byCode.get(c) ?? 0) + 1);
        if (!verdict.ok) failures.push(`#${i} ${req.kind}: ${verdict.why}: ${show(req)}\n    answer ${res.status}: ${res.text.slice(0, 300)}`);
        if (answered % 2000 === 0) process.stderr.write(`  ${answered} answered …\n`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    if (server.exit !== null) failures.push(`the server exited: ${JSON.stringify(server.exit)}; last stderr: ${server.stderr.slice(-5).join(' | ')}`);
    else {
      const health = await http.send({ method: 'GET', path: '/healthz' });
      if (health.status !== 200) failures.push(`/healthz answers ${health.status} after the run`);
      const after = await graphCounts(http);
      if (after !== before) failures.push(`the graph changed: ${before} → ${after}`);
    }
    const errors = server.stderr.filter((l) => l.includes('"level":"error"'));
    for (const line of errors.filter((l) => !whileFuzzed(l))) console.log(`  logged while starting: ${line.slice(0, 300)}`);
    const logged = errors.filter(whileFuzzed);
    if (logged.length) {
      const kinds = new Set(logged.map((l) => { const e = parseJson(l); return e ? `${e.msg}: ${e.error ?? e.reason}` : l.slice(0, 200); }));
      failures.push(`the server logged ${logged.length} errors: ${[...kinds].slice(0, 5).join(' | ')}`);
    }
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    http.close();
    await server.stop();
  }

  console.log('');
  console.log(table(['kind of request', 'sent', 'answers by status'], [...byKind].sort().map(([k, v]) => [
    k, v.sent, [...v.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' '),
  ])));
  console.log('');
  console.log(table(['error code', 'count'], [...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => [c, n])));
  console.log(`\n${answered} of ${indexes.length} requests answered in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (answered < indexes.length && !failures.length) failures.push(`only ${answered} of ${indexes.length} requests were answered`);
  if (failures.length) {
    console.log(`FAILED (seed ${seed}):`);
    for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log('PASSED: no 5xx, every refusal with an error code, the server up and the graph unchanged');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
