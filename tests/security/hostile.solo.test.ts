/**
 * Every hostile statement (./hostile-statements.ts) sent to the `cypher` field over HTTP, on
 * the embedded default as deployed: `node dist/src/server.js` on an on-disk database, ad hoc
 * statements in their own process. Each must be refused or bounded; afterwards the graph's
 * checksum is what it was, no file has appeared outside the database folder, and all along the
 * server answered a cheap question within a second, every time.
 *
 * The server and the prober that asks the cheap question each run in a process of their own,
 * not in the test runner's (whose other test files may keep it busy): what is measured is the
 * server's answer time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { spawnServer, type SpawnedServer } from '../../scripts/lib/server.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { codesOf, dataOf, startApi, type GraphQLBody } from '../api/helpers.js';
import { HOSTILE_STATEMENTS, statementsFor, withDir, type Outcome } from './hostile-statements.js';

const CODES: Record<Outcome, string[]> = {
  refused: ['QUERY_REFUSED'],
  'bad-parameter': ['BAD_PARAMETER'],
  bounded: ['QUERY_TIMEOUT', 'QUERY_TOO_LARGE', 'QUERY_FAILED'],
};

const scratch = mkdtempSync(join(tmpdir(), 'hostile-scratch-'));
const dbFolder = mkdtempSync(join(tmpdir(), 'hostile-db-'));
const dbPath = join(dbFolder, 'graph.kuzu');
let server: SpawnedServer;
const stalls: string[] = [];
let before: Awaited<ReturnType<typeof graphFingerprint>>;

/** The graph's fingerprint, read in this process while no server holds the database. */
async function fingerprintOnDisk() {
  const store = await KuzuStore.open({ path: dbPath, bufferPoolMb: 256 });
  try {
    return await graphFingerprint(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  // Seeded by a first server in this process, then fingerprinted; the suite's server is a process.
  const seeding = await startApi({ embeddedDb: dbPath });
  await seeding.close();
  before = await fingerprintOnDisk();
  // `cypher` statements get 1.5 s (the statement limit follows QUERY_TIMEOUT_MS).
  server = await spawnServer({
    db: dbPath,
    env: { QUERY_TIMEOUT_MS: '1500', NODE_ENV: 'production' },
    // Its stalls (src/http/loop-watch.ts) say where a slow answer's time went.
    onLogLine: (line) => void (line.includes('"event loop stalled"') && stalls.push(line)),
  });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(dbFolder, { recursive: true, force: true });
});

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The cheap question every 200 ms from a process of its own (scripts/lib/prober.ts), until stopped. */
function probe() {
  const child = spawn(process.execPath, [projectPath('dist/scripts/lib/prober.js'), server.url, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async (): Promise<{ times: number[]; failures: string[] }> => {
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(out) as { times: number[]; failures: string[] };
    },
  };
}

describe('hostile statements against the embedded engine, over HTTP', () => {
  // An attacker is free to send either dialect: the embedded engine gets them all.
  const statements = HOSTILE_STATEMENTS;

  it(`has at least 150 statements (${statements.length}), in both dialects`, () => {
    expect(statementsFor('neo4j').length).toBeGreaterThanOrEqual(150);
    expect(statements.length).toBeGreaterThanOrEqual(150);
    expect(statements.filter((s) => s.dialect === 'neo4j').length).toBeGreaterThan(50);
    expect(statements.filter((s) => s.dialect === 'kuzu').length).toBeGreaterThan(50);
  });

  it('refuses or bounds every one, leaves the graph and the disk as they were, and keeps answering within a second', async () => {
    expect(before.nodes).toBeGreaterThan(300);
    const workingFolder = readdirSync(process.cwd()).sort();
    const prober = probe();
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const s of statements) {
      const outcome = s.outcome ?? 'refused';
      const r = await gql('query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', { q: withDir(s.statement, scratch), p: s.params ?? null });
      const codes = codesOf(r);
      seen.set(codes.join(','), (seen.get(codes.join(',')) ?? 0) + 1);
      if (r.status !== 200 || r.body.data?.cypher != null || codes.length !== 1 || !CODES[outcome].includes(codes[0]!)) {
        wrong.push(`${s.why} [${outcome}]: HTTP ${r.status} ${codes.join(',') || 'no error'} ${r.body.errors?.[0]?.message.slice(0, 120) ?? ''}`);
      }
    }
    const { times, failures } = await prober.stop();
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    console.info(`hostile suite: ${statements.length} statements, outcomes ${JSON.stringify(Object.fromEntries(seen))}, cheap answers p95 ${Math.round(p95)} ms, slowest ${Math.round(sorted.at(-1) ?? 0)} ms over ${times.length} probes`);
    expect(wrong).toEqual([]);
    expect(failures).toEqual([]);
    expect(times.length).toBeGreaterThan(10);
    expect(times.filter((ms) => ms >= 1_000), `cheap answers that took a second or more while the suite ran; the server's stalls: ${stalls.join('\n')}`).toEqual([]);
    expect(server.exit).toBeNull();
    expect(readdirSync(scratch)).toEqual([]);
    expect(readdirSync(process.cwd()).sort()).toEqual(workingFolder);
    expect(readdirSync(dbFolder).filter((f) => !f.startsWith('graph.kuzu'))).toEqual([]);
    // The refusals dominate; the limits stopped the rest.
    expect(seen.get('QUERY_REFUSED')).toBeGreaterThanOrEqual(statements.length - 15);
  }, 600_000);

  it('still answers ad hoc questions afterwards, with parameters', async () => {
    const r = dataOf(await gql('{ cypher(query: "MATCH (f:Firm)-[:OPERATES_IN]->(s:Sector {id: $s}) RETURN count(f) AS n", params: {s: "endpoint-security"}) { rows } }'));
    expect((r.cypher.rows as { n: number }[])[0]!.n).toBeGreaterThan(0);
  });

  it('leaves the graph as it was: the same checksum once the server has stopped', async () => {
    await server.stop();
    expect(server.exit).toEqual({ code: 0, signal: null });
    expect(await fingerprintOnDisk()).toEqual(before);
  }, 120_000);
});
