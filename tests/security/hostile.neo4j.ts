/**
 * The hostile suite (./hostile-statements.ts) against a real Neo4j (`npm run test:neo4j`): every
 * statement an attacker can send in Neo4j's dialect (its own and the shared ones) goes to the
 * `cypher` field of a server on Neo4j, as a process of its own. Each must be refused, or
 * stopped by a limit or by the read-access transaction; afterwards the graph's checksum, the
 * users, databases, indexes, constraints and labels are what they were, and all along the
 * server answered a cheap question within a second, every time (asked from a process of its own).
 */
import { spawn } from 'node:child_process';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { spawnServer, type SpawnedServer } from '../../scripts/lib/server.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { codesOf, startApi, type Api, type GraphQLBody } from '../api/helpers.js';
import { statementsFor, withDir, type Outcome } from './hostile-statements.js';

/** On Neo4j the read-access transaction is a limit too: a write that reached it is a CYPHER_ERROR. */
const CODES: Record<Outcome, string[]> = {
  refused: ['QUERY_REFUSED'],
  'bad-parameter': ['BAD_PARAMETER'],
  bounded: ['QUERY_TIMEOUT', 'QUERY_TOO_LARGE', 'QUERY_FAILED', 'QUERY_REFUSED', 'CYPHER_ERROR'],
};

let api: Api;
let server: SpawnedServer;
let admin: Driver;
const stalls: string[] = [];

/** What an attempt could change outside the graph, read with the administrator's rights. */
async function serverState() {
  const names = async (database: string, statement: string, field: string) => {
    const { records } = await admin.executeQuery(statement, {}, { database });
    return records.map((r) => String(r.get(field))).sort();
  };
  const database = (loadConfig(process.env).store as { database?: string }).database ?? 'neo4j';
  return {
    users: await names('system', 'SHOW USERS YIELD user', 'user'),
    databases: await names('system', 'SHOW DATABASES YIELD name', 'name'),
    indexes: await names(database, 'SHOW INDEXES YIELD name', 'name'),
    constraints: await names(database, 'SHOW CONSTRAINTS YIELD name', 'name'),
    labels: await names(database, 'CALL db.labels()', 'label'),
  };
}

beforeAll(async () => {
  // Loads the seed graph into the test Neo4j (and is the in-process store the checksum reads).
  api = await startApi();
  expect(api.server.store.engine).toBe('neo4j');
  const { uri, user, password } = loadConfig(process.env).store as { uri: string; user: string; password: string };
  admin = neo4j.driver(uri, neo4j.auth.basic(user, password));
  server = await spawnServer({
    db: ':memory:',
    env: { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, QUERY_TIMEOUT_MS: '1500', NODE_ENV: 'production' },
    onLogLine: (line) => void (line.includes('"event loop stalled"') && stalls.push(line)),
  });
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await api?.close();
  await admin?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

describe('hostile statements against Neo4j, over HTTP', () => {
  const statements = statementsFor('neo4j');

  it(`sends at least 150 statements in Neo4j's dialect (${statements.length})`, () => {
    expect(statements.length).toBeGreaterThanOrEqual(150);
  });

  it('refuses or bounds every one, changes nothing, and keeps answering within a second', async () => {
    const before = await graphFingerprint(api.server.store);
    const state = await serverState();
    expect(before.nodes).toBeGreaterThan(300);
    const prober = spawn(process.execPath, [projectPath('dist/scripts/lib/prober.js'), server.url, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let probed = '';
    prober.stdout!.setEncoding('utf8').on('data', (chunk: string) => (probed += chunk));
    const proberExited = new Promise((resolve) => prober.once('exit', resolve));
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const s of statements) {
      const outcome = s.outcome ?? 'refused';
      // No folder of ours is involved: a statement that reached Neo4j reads and writes nowhere.
      const r = await gql('query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', { q: withDir(s.statement, '/nonexistent'), p: s.params ?? null });
      const codes = codesOf(r);
      seen.set(codes.join(','), (seen.get(codes.join(',')) ?? 0) + 1);
      if (r.status !== 200 || r.body.data?.cypher != null || codes.length !== 1 || !CODES[outcome].includes(codes[0]!)) {
        wrong.push(`${s.why} [${s.dialect}, ${outcome}]: HTTP ${r.status} ${codes.join(',') || 'no error'} ${r.body.errors?.[0]?.message.slice(0, 160) ?? JSON.stringify(r.body.data).slice(0, 160)}`);
      }
    }
    prober.kill('SIGTERM');
    await proberExited;
    const { times, failures } = JSON.parse(probed) as { times: number[]; failures: string[] };
    const sorted = [...times].sort((a, b) => a - b);
    console.info(`hostile suite on Neo4j: ${statements.length} statements, outcomes ${JSON.stringify(Object.fromEntries(seen))}, cheap answers p95 ${Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0)} ms, slowest ${Math.round(sorted.at(-1) ?? 0)} ms over ${times.length} probes`);
    expect(wrong).toEqual([]);
    expect(failures).toEqual([]);
    expect(times.length).toBeGreaterThan(10);
    expect(times.filter((ms) => ms >= 1_000), `cheap answers that took a second or more; the server's stalls: ${stalls.join('\n')}`).toEqual([]);
    expect(server.exit).toBeNull();
    expect(await graphFingerprint(api.server.store)).toEqual(before);
    expect(await serverState()).toEqual(state);
    expect(seen.get('QUERY_REFUSED')).toBeGreaterThanOrEqual(statements.length - 20);
  }, 900_000);
});
