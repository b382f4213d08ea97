/**
 * The server as a process on a real Neo4j that goes away and comes back: /healthz turns 503
 * with the reason and GraphQL requests are answered with a code, the process stays up; once
 * Neo4j is back, 200 without restarting the API; SIGTERM finishes the request in flight, closes
 * the driver (Neo4j sees its connections go) and exits 0.
 * Stops and starts the local Neo4j: the one the global setup started, or one of its own when
 * NEO4J_URI named another server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import { openStore } from '../../src/store/index.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';

const FIXTURE_NODES = Object.values(checkSeedFolder(FIXTURE_DIR).graph.nodes).reduce((sum, rows) => sum + (rows?.length ?? 0), 0);
import { freePort, startLocalNeo4j, stopLocalNeo4j } from './local-server.js';

interface Target { uri: string; password: string; port: number; dir: string; ownDir: boolean }
let target: Target;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (process.env.NEO4J_LOCAL_DIR && process.env.NEO4J_LOCAL_PORT) {
    target = {
      uri: process.env.NEO4J_URI!, password: process.env.NEO4J_PASSWORD!, port: Number(process.env.NEO4J_LOCAL_PORT),
      dir: process.env.NEO4J_LOCAL_DIR, ownDir: false,
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'neo4j-lifecycle-'));
    const started = await startLocalNeo4j({ port: await freePort(), dir, password: randomBytes(12).toString('hex') });
    target = { uri: started.uri, password: started.password, port: started.port, dir, ownDir: true };
  }
  const store = await openStore(loadConfig({ ...process.env, NEO4J_URI: target.uri, NEO4J_PASSWORD: target.password }));
  try {
    await loadGraph(store, checkSeedFolder(FIXTURE_DIR).graph);
  } finally {
    await store.close();
  }
}, 600_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (target?.ownDir) {
    await stopLocalNeo4j(target.dir);
    rmSync(target.dir, { recursive: true, force: true });
  }
});

function startApiProcess() {
  const child = spawn(process.execPath, [projectPath('dist/src/server.js')], {
    env: { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: target.password, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"listening"/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

/** The exit code, or a failure with the server's last output when it does not exit in time. */
async function exitOf(api: { exited: Promise<number | null>; output: () => string }, ms = 45_000) {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within ${ms} ms:\n${api.output().slice(-3000)}`)), ms));
  return Promise.race([api.exited, timeout]);
}

const gql = (url: string, query: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(60_000),
  });

/** Polls until `check` holds, or fails with what it last saw. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T;
  do {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  } while (Date.now() < deadline);
  throw new Error(`still ${JSON.stringify(last)} after ${ms} ms`);
}

const health = async (url: string) => {
  const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  return { status: r.status, body: (await r.json()) as { status: string; ready: boolean; reason?: string } };
};

describe('the API while Neo4j stops and starts', () => {
  it('503 with the reason and coded answers while Neo4j is down; 200 again once it is back; no restart', async () => {
    const api = startApiProcess();
    const url = await api.url;
    await eventually(() => health(url), (h) => h.status === 200, 30_000);
    expect((await (await gql(url, '{ stats { nodeCount } }')).json()).data.stats.nodeCount).toBe(FIXTURE_NODES);

    await stopLocalNeo4j(target.dir);
    const down = await eventually(() => health(url), (h) => h.status === 503, 30_000);
    expect(down.body).toMatchObject({ status: 'unavailable', ready: false });
    expect(down.body.reason).toMatch(/ServiceUnavailable|connect|ECONNREFUSED|did not answer/i);
    for (const query of ['{ stats { nodeCount } }', '{ entity(id: "cybersecurity-law") { name } }', '{ cypher(query: "RETURN 1 AS one") { rows } }']) {
      const r = await gql(url, query);
      const body = (await r.json()) as { errors?: { extensions: { code: string } }[] };
      expect(r.status, query).toBeGreaterThanOrEqual(200);
      expect(body.errors?.[0]?.extensions.code, query).toMatch(/^[A-Z_]+$/);
      expect(body.errors?.[0]?.extensions.code, query).not.toBe('INTERNAL_SERVER_ERROR');
    }
    expect(api.child.exitCode).toBeNull();
    expect(api.output()).toMatch(/"level":"error",[^\n]*"engine":"neo4j","reason":[^\n]*"msg":"not ready"/);

    await startLocalNeo4j({ port: target.port, dir: target.dir, password: target.password });
    await eventually(() => health(url), (h) => h.status === 200, 60_000);
    expect((await (await gql(url, '{ stats { nodeCount } }')).json()).data.stats.nodeCount).toBe(FIXTURE_NODES);
    expect(api.child.exitCode).toBeNull();
    // Stopped by afterAll: SIGTERM after an outage is not yet answered by an exit (the process
    // logs "stopping" and then waits; see the report of the Neo4j branch). The SIGTERM of a
    // server that saw no outage is the next test.
  }, 600_000);

  it('SIGTERM: the request in flight gets its answer, the driver is closed, exit 0', async () => {
    const admin = neo4j.driver(target.uri, neo4j.auth.basic('neo4j', target.password));
    const connections = async () => (await admin.executeQuery('CALL dbms.listConnections() YIELD connectionId RETURN count(*) AS n')).records[0]!.get('n').toNumber();
    try {
      const alone = await connections();
      const api = startApiProcess();
      const url = await api.url;
      await eventually(() => health(url), (h) => h.status === 200, 30_000);
      expect(await connections()).toBeGreaterThan(alone);
      // A second or so of work on Neo4j: every path of up to six steps in the fixture.
      const slow = gql(url, '{ cypher(query: "MATCH p = (a)-[*1..6]-(b) RETURN count(p) AS n") { rows } }');
      await new Promise((r) => setTimeout(r, 300));
      api.child.kill('SIGTERM');
      const response = await slow;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { cypher: { rows: { n: number }[] } }; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      expect(body.data!.cypher.rows[0]!.n).toBeGreaterThan(0);
      expect(await exitOf(api)).toBe(0);
      expect(api.output()).toContain('"signal":"SIGTERM","msg":"stopping"');
      await eventually(connections, (n) => n === alone, 10_000);
    } finally {
      await admin.close();
    }
  }, 120_000);
});
