/**
 * The server as a process on a real Neo4j that goes away and comes back: /healthz turns 503
 * with the reason and GraphQL requests are answered with a code, the process stays up; once
 * Neo4j is back, 200 without restarting the API; SIGTERM finishes the request in flight, closes
 * the driver (Neo4j sees its connections go) and exits 0, also after an outage.
 * Stops and starts the local Neo4j: the one the global setup started, or one of its own when
 * NEO4J_URI named another server.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import { openStore } from '../../src/store/index.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { spawnServerProcess } from '../support/processes.js';
import { freePort, startLocalNeo4j, stopLocalNeo4j } from './local-server.js';

const FIXTURE_NODES = Object.values(checkSeedFolder(FIXTURE_DIR).graph.nodes).reduce((sum, rows) => sum + (rows?.length ?? 0), 0);

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

const startApiProcess = () =>
  spawnServerProcess({ NEO4J_URI: target.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: target.password, NODE_ENV: 'production' }, children);

/** The request log lines of /graphql the server wrote. */
const requestLines = (output: string) =>
  output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; path?: string; errors?: string[] })
    .filter((l) => l.msg === 'request' && l.path === '/graphql');

/** A second or so of work on Neo4j: every path of up to six steps in the fixture. */
const SLOW = '{ cypher(query: "MATCH p = (a)-[*1..6]-(b) RETURN count(p) AS n") { rows } }';

/** SIGTERM while SLOW runs: it gets its answer, and the process exits 0 within `ms`. */
async function sigtermDrains(api: ReturnType<typeof startApiProcess>, url: string, ms: number) {
  const slow = gql(url, SLOW);
  await new Promise((r) => setTimeout(r, 300));
  const signalled = Date.now();
  api.child.kill('SIGTERM');
  const response = await slow;
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data?: { cypher: { rows: { n: number }[] } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data!.cypher.rows[0]!.n).toBeGreaterThan(0);
  expect(await exitOf(api, ms)).toBe(0);
  expect(api.output()).toContain('"signal":"SIGTERM","msg":"stopping"');
  // Drained, not cut off at the end of the drain time: the answered connections closed.
  expect(api.output()).not.toContain('cutting them off');
  expect(api.output()).toMatch(/"drainMs":\d+,"closeMs":\d+,"msg":"stopped"/);
  return Date.now() - signalled;
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
    const logged = requestLines(api.output()).length;
    for (const query of ['{ stats { nodeCount } }', '{ entity(id: "cybersecurity-law") { name } }', '{ cypher(query: "RETURN 1 AS one") { rows } }']) {
      const r = await gql(url, query);
      const body = (await r.json()) as { errors?: { extensions: { code: string } }[] };
      expect(r.status, query).toBeGreaterThanOrEqual(200);
      expect(body.errors?.[0]?.extensions.code, query).toMatch(/^[A-Z_]+$/);
      expect(body.errors?.[0]?.extensions.code, query).not.toBe('INTERNAL_SERVER_ERROR');
    }
    // The request log says what the clients got, not what the error was before formatting.
    await eventually(async () => requestLines(api.output()).slice(logged), (lines) => lines.length === 3, 5_000);
    for (const line of requestLines(api.output()).slice(logged)) expect(line.errors).toEqual(['SERVICE_UNAVAILABLE']);
    expect(api.child.exitCode).toBeNull();
    expect(api.output()).toMatch(/"level":"error",[^\n]*"engine":"neo4j","reason":[^\n]*"msg":"not ready"/);

    await startLocalNeo4j({ port: target.port, dir: target.dir, password: target.password });
    await eventually(() => health(url), (h) => h.status === 200, 60_000);
    expect((await (await gql(url, '{ stats { nodeCount } }')).json()).data.stats.nodeCount).toBe(FIXTURE_NODES);
    expect(api.child.exitCode).toBeNull();
    // And it still stops as it should: the request in flight answered, the driver closed, exit 0.
    const stopMs = await sigtermDrains(api, url, 15_000);
    console.info(`SIGTERM after an outage and recovery: exited in ${stopMs} ms`);
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
      await sigtermDrains(api, url, 15_000);
      await eventually(connections, (n) => n === alone, 10_000);
    } finally {
      await admin.close();
    }
  }, 120_000);
});
