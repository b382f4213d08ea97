/**
 * TRUST_PROXY: behind a proxy, the per-client budgets count each client the proxy forwards for,
 * and only the proxy named there is believed. A client that connects directly and sends its
 * own X-Forwarded-For keeps its own address (and budget), whatever it writes there.
 * The machine's loopback stands in for a network: the "proxy" connects from 127.0.0.2, a
 * direct client from 127.0.0.1.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './helpers.js';

const PROXY = '127.0.0.2';
const BUDGET = 3;

let api: Api;
beforeAll(async () => {
  api = await startApi({ seedDir: false, env: { TRUST_PROXY: PROXY, RATE_LIMIT_REQUESTS: String(BUDGET), RATE_LIMIT_WINDOW_MS: '600000' } });
});
afterAll(async () => {
  await api?.close();
});

/** One POST /graphql from `from`, with these headers; its status and error code. */
function ask(from: string, headers: Record<string, string> = {}): Promise<{ status: number; code?: string }> {
  const body = JSON.stringify({ query: '{ __typename }' });
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress: from, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
        const parsed = JSON.parse(text) as { errors?: { extensions: { code: string } }[] };
        resolve({ status: res.statusCode!, code: parsed.errors?.[0]?.extensions.code });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('TRUST_PROXY', () => {
  it('a direct client cannot pick its identity with X-Forwarded-For: its own address spends its own budget', async () => {
    const statuses = [];
    for (let i = 0; i <= BUDGET; i++) statuses.push((await ask('127.0.0.1', { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Without the header, the same client: still spent.
    expect(await ask('127.0.0.1')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('through the trusted proxy, each forwarded client has its own budget', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await ask(PROXY, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect(await ask(PROXY, { 'x-forwarded-for': '203.0.113.7' })).toEqual({ status: 429, code: 'RATE_LIMITED' });
    // Another client behind the same proxy is not charged for the first one.
    expect((await ask(PROXY, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    // Nor is the proxy itself, or the direct client of the test before (spent on its own).
    expect(await ask('127.0.0.1')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('believes only the hop the proxy added: what the client wrote before it does not count', async () => {
    // A proxy that appends (X-Forwarded-For: <client's own value>, <client's address>): the
    // client's own entries are not believed, since only the proxy is trusted.
    for (let i = 0; i < BUDGET; i++) expect((await ask(PROXY, { 'x-forwarded-for': `192.0.2.${i + 1}, 203.0.113.9` })).status).toBe(200);
    expect((await ask(PROXY, { 'x-forwarded-for': '192.0.2.200, 203.0.113.9' })).status).toBe(429);
  });
});
