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
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { spawnServer, type SpawnedServer } from '../../scripts/lib/server.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { dataOf, startApi } from '../api/helpers.js';
import { HOSTILE_STATEMENTS, statementsFor, type Outcome } from './hostile-statements.js';
import { gql, sendHostile, summary } from './hostile-run.js';

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
    const run = await sendHostile(server.url, statements, CODES, scratch);
    console.info(summary('hostile suite', statements.length, run));
    expect(run.wrong).toEqual([]);
    expect(run.failures).toEqual([]);
    expect(run.times.length).toBeGreaterThan(10);
    expect(run.slow, `the server's stalls: ${stalls.join('\n')}`).toEqual([]);
    expect(server.exit).toBeNull();
    expect(readdirSync(scratch)).toEqual([]);
    expect(readdirSync(process.cwd()).sort()).toEqual(workingFolder);
    expect(readdirSync(dbFolder).filter((f) => !f.startsWith('graph.kuzu'))).toEqual([]);
    // The refusals dominate; the limits stopped the rest.
    expect(run.seen.get('QUERY_REFUSED')).toBeGreaterThanOrEqual(statements.length - 15);
  }, 600_000);

  it('still answers ad hoc questions afterwards, with parameters', async () => {
    const r = dataOf(await gql(server.url, '{ cypher(query: "MATCH (f:Firm)-[:OPERATES_IN]->(s:Sector {id: $s}) RETURN count(f) AS n", params: {s: "endpoint-security"}) { rows } }'));
    expect((r.cypher.rows as { n: number }[])[0]!.n).toBeGreaterThan(0);
  });

  it('leaves the graph as it was: the same checksum once the server has stopped', async () => {
    await server.stop();
    expect(server.exit).toEqual({ code: 0, signal: null });
    expect(await fingerprintOnDisk()).toEqual(before);
  }, 120_000);
});
