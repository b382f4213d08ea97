/**
 * The hostile suite (./hostile-statements.ts) against a real Neo4j (`npm run test:neo4j`): every
 * statement an attacker can send in Neo4j's dialect (its own and the shared ones) goes to the
 * `cypher` field of a server on Neo4j, as a process of its own. Each must be refused, or
 * stopped by a limit or by the read-access transaction; afterwards the graph's checksum, the
 * users, databases, indexes, constraints and labels are what they were, and all along the
 * server answered a cheap question within a second, every time (asked from a process of its own).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { spawnServer, type SpawnedServer } from '../../scripts/lib/server.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { startApi, type Api } from '../api/helpers.js';
import { statementsFor, type Outcome } from './hostile-statements.js';
import { sendHostile, summary } from './hostile-run.js';

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

describe('hostile statements against Neo4j, over HTTP', () => {
  const statements = statementsFor('neo4j');

  it(`sends at least 150 statements in Neo4j's dialect (${statements.length})`, () => {
    expect(statements.length).toBeGreaterThanOrEqual(150);
  });

  it('refuses or bounds every one, changes nothing, and keeps answering within a second', async () => {
    const before = await graphFingerprint(api.server.store);
    const state = await serverState();
    expect(before.nodes).toBeGreaterThan(300);
    // No folder of ours is involved: a statement that reached Neo4j reads and writes nowhere.
    const run = await sendHostile(server.url, statements, CODES, '/nonexistent');
    console.info(summary('hostile suite on Neo4j', statements.length, run));
    expect(run.wrong).toEqual([]);
    expect(run.failures).toEqual([]);
    expect(run.times.length).toBeGreaterThan(10);
    expect(run.slow, `the server's stalls: ${stalls.join('\n')}`).toEqual([]);
    expect(server.exit).toBeNull();
    expect(await graphFingerprint(api.server.store)).toEqual(before);
    expect(await serverState()).toEqual(state);
    expect(run.seen.get('QUERY_REFUSED')).toBeGreaterThanOrEqual(statements.length - 20);
  }, 900_000);
});
