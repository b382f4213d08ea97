/**
 * The HTTP side of the server: health, GET and POST /graphql, what other paths get, the request
 * log, and the program as `npm start` runs it (seeding.test.ts: a server told not to seed).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.js';
import { projectPath } from '../../src/paths.js';
import { StoreUnavailableError, type Store } from '../../src/store/port.js';
import { startApi, codesOf, dataOf, TEST_ENGINE, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

describe('GET /healthz', () => {
  it('answers 200 with the engine and a data version once the store is open', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ status: 'ok', engine: TEST_ENGINE, ready: true, dataVersion: expect.stringMatching(/^[0-9a-f]{12}$/) });
    // Derived from the data, so every replica serving the same graph says the same.
    expect((await (await fetch(`${api.url}/healthz`)).json()).dataVersion).toBe(body.dataVersion);
  });

  it('answers 503 when the database stops answering', async () => {
    const store = api.server.store;
    const ping = store.ping.bind(store);
    store.ping = () => Promise.reject(new Error('connection lost'));
    try {
      const response = await fetch(`${api.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', ready: false });
    } finally {
      store.ping = ping;
    }
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});

describe('/graphql over HTTP', () => {
  it('answers GET /graphql?query= for queries that say they are no cross-site request', async () => {
    const query = encodeURIComponent('{ entity(id: "cybersecurity-law") { name } }');
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { entity: { name: "Cybersecurity Law of the People's Republic of China" } } });
  });

  it('refuses a body that is not JSON, or too large, and other methods', async () => {
    const bad = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    const huge = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ stats { nodeCount } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
    const put = await fetch(`${api.url}/graphql`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect(((await put.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('keeps a keep-alive connection usable after refusing a body over the limit', async () => {
    // One socket (maxSockets 1): a reset after the 413 would fail the next request on it.
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) => new Promise<number>((resolve, reject) => {
      const req = request(`${api.url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(body);
    });
    try {
      expect(await post(JSON.stringify({ query: `{ stats { nodeCount } } #${'x'.repeat(3_000_000)}` }))).toBe(413);
      expect(await post(JSON.stringify({ query: '{ stats { nodeCount } }' }))).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('answers HTTP it cannot parse in the same shape, with a code', async () => {
    const raw = (bytes: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(api.url).port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
      socket.end(bytes);
    });
    const garbage = await raw('GARBAGE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const bigHeader = await raw(`GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(bigHeader).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('serves no landing page from a CDN', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'application/json' } });
    const text = await response.text();
    expect(text).not.toMatch(/cdn|apollographql\.com|embeddable-sandbox/i);
  });
});

describe('other paths', () => {
  it('offers them to the web pages first, and answers 404 for what nobody serves', async () => {
    const home = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    const missing = await fetch(`${api.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ message: 'nothing at /no/such/page: the API is at /graphql', extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('request log', () => {
  it('writes one line per request with status, duration and round trips', async () => {
    const before = api.logs.length;
    dataOf(await api.gql('query Named { entity(id: "venustech") { name relations(first: 2) { node { name } } } }'));
    const lines = api.logs.slice(before).filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200, roundTrips: 3, operation: 'Named' });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[0]!.complexity).toBeGreaterThan(0);
  });

  it('names the error codes of a failed request', async () => {
    const before = api.logs.length;
    await api.gql('{ timeline(first: 500) { date } }');
    expect(api.logs.slice(before).find((l) => l.msg === 'request')).toMatchObject({ errors: ['BAD_USER_INPUT'] });
  });

  it('records the codes the client got, also for errors that get theirs when formatted', async () => {
    const logged = async (query: string) => {
      const before = api.logs.length;
      const r = await api.gql(query);
      return { codes: codesOf(r), logged: api.logs.slice(before).find((l) => l.msg === 'request')?.errors };
    };
    for (const query of ['{ timeline(from: "2019-02-30") { date } }', '{ entity(id: ', '{ nothing }', '{ search(text: "?!") { score } }']) {
      const { codes, logged: errors } = await logged(query);
      expect(codes.length, query).toBeGreaterThan(0);
      expect(errors, query).toEqual(codes);
    }
    // A database outage: the store throws what an adapter throws when it cannot reach the server.
    const store = api.server.store as { run: Store['run'] };
    const run = store.run;
    store.run = async () => { throw new StoreUnavailableError('the database cannot be reached: stopped for this test'); };
    try {
      expect(await logged('{ stats { nodeCount } }')).toEqual({ codes: ['SERVICE_UNAVAILABLE'], logged: ['SERVICE_UNAVAILABLE'] });
    } finally {
      store.run = run;
    }
  });

  it('prints JSON lines, and nothing at LOG_LEVEL=silent', () => {
    const lines: string[] = [];
    createLogger('info', (line) => lines.push(line)).info({ status: 200 }, 'request');
    createLogger('info', (line) => lines.push(line)).debug('hidden');
    createLogger('silent', (line) => lines.push(line)).error('hidden too');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'request', status: 200, time: expect.any(String) });
  });
});

/** The address the server says it listens on, from its log line `listening`. */
function listeningUrl(output: string): string | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'listening') return entry.url;
  }
  return undefined;
}

describe('the program (npm start)', () => {
  it('starts on an empty database, seeds it, answers the search, and stops on SIGTERM', async () => {
    const main = projectPath('dist/src/server.js');
    expect(existsSync(main), 'dist/src/server.js is missing: run npm run build (npm test does)').toBe(true);
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, EMBEDDED_DB: ':memory:', EMBEDDED_BUFFER_MB: '256', NEO4J_URI: '', PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 60_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        url = listeningUrl(output);
        if (child.exitCode !== null) break;
      }
      expect(url, output).toBeDefined();
      expect(output).toContain('"msg":"seeded the empty database"');
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(text:"Data Security Law"){ entity{ id name } } }' }),
      });
      const body = await response.json();
      expect(body.data.search[0].entity.id).toBe('data-security-law');
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(output).toContain('"signal":"SIGTERM","msg":"stopping"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
