/**
 * The server as a process: it stops cleanly on SIGTERM after finishing what it is doing,
 * degrades (503, one clear log line) rather than hanging when Neo4j cannot be reached, and
 * refuses a bad configuration at once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { spawnServerProcess } from '../support/processes.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

const start = (env: Record<string, string>) => spawnServerProcess(env, children);

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);

describe('server lifecycle', () => {
  it('finishes a slow request after SIGTERM, exits 0, and the embedded database reopens cleanly', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lifecycle-')), 'graph.kuzu');
    const server = start({ EMBEDDED_DB: db, EMBEDDED_BUFFER_MB: '256' });
    const url = await within(server.url, 60_000, 'start');
    // About a second of work on the seed graph: every path of up to three steps.
    const slow = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cypher(query: "MATCH (a)-[*1..3]-(b) RETURN count(*) AS n") { rows } }' }),
    });
    await new Promise((r) => setTimeout(r, 250));
    server.child.kill('SIGTERM');
    const response = await slow;
    expect(response.status).toBe(200);
    // Answered in full, not cut off: its rows, or, on a machine so busy that the statement
    // outlives the `cypher` time limit, that limit's own coded answer (never a reset or a 503).
    const body = (await response.json()) as { data: { cypher: { rows: { n: number }[] } | null } | null; errors?: { extensions: { code: string } }[] };
    if (body.data?.cypher) expect(body.data.cypher.rows[0]!.n).toBeGreaterThan(100_000);
    else expect(body.errors?.map((e) => e.extensions.code)).toEqual(['QUERY_TIMEOUT']);
    expect(await within(server.exited, 30_000, 'exit')).toBe(0);
    expect(server.output()).toContain('"signal":"SIGTERM","msg":"stopping"');
    // Drained, not cut off at the end of the drain time: the answered connection closed.
    expect(server.output()).not.toContain('cutting them off');

    const store = await KuzuStore.open({ path: db, bufferPoolMb: 128 });
    try {
      const rows = await store.run('countByLabel');
      expect(rows.find((r) => r.label === 'Policy')?.count).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('answers 503 with the reason while Neo4j cannot be reached, and still stops at once', async () => {
    const port = await closedPort();
    const server = start({ NEO4J_URI: `neo4j://127.0.0.1:${port}`, NEO4J_PASSWORD: 'not-used' });
    const url = await within(server.url, 20_000, 'listening');
    const health = await within(fetch(`${url}/healthz`), 5_000, 'a health check');
    expect(health.status).toBe(503);
    const body = (await health.json()) as { status: string; engine: string; ready: boolean; reason: string };
    expect(body).toMatchObject({ status: 'unavailable', engine: 'neo4j', ready: false });
    expect(body.reason).toMatch(/ServiceUnavailable|connect|ECONNREFUSED|did not answer/i);
    const query = await within(fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { labels { label count } } }' }),
    }), 5_000, 'a query');
    expect(query.status).toBe(503);
    const refused = (await query.json()) as { errors: { message: string; extensions: { code: string; reason: string } }[] };
    expect(refused.errors[0]!.message).toMatch(/^not ready: /);
    expect(refused.errors[0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: body.reason });
    expect(server.output()).toMatch(/"level":"error",[^\n]*"engine":"neo4j","reason":[^\n]*"msg":"not ready"/);
    server.child.kill('SIGTERM');
    expect(await within(server.exited, 10_000, 'exit')).toBe(0);
  }, 60_000);

  it('refuses a bad configuration at once, saying what is wrong', async () => {
    const server = start({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' });
    expect(await within(server.exited, 10_000, 'exit')).toBe(1);
    expect(server.output()).toMatch(/NEO4J_URI \\?"http:\/\/localhost:7474\\?" is not a Neo4j address/);
    const missing = start({ NEO4J_URI: 'neo4j://localhost:7687', NEO4J_PASSWORD: '' });
    expect(await within(missing.exited, 10_000, 'exit')).toBe(1);
    expect(missing.output()).toMatch(/NEO4J_PASSWORD is not set/);
  }, 30_000);
});
