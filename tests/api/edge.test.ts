/**
 * The HTTP edge as an attacker and a browser meet it: CSRF prevention, `cypher` only by POST,
 * security headers on every kind of answer, /healthz methods, the listening address, the
 * per-client budgets (429 RATE_LIMITED with Retry-After), load shedding (503) and abandoned
 * work that stops.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startApi, codesOf, type Api, type GraphQLBody } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const post = (url: string, body: string, headers: Record<string, string>) => fetch(`${url}/graphql`, { method: 'POST', headers, body });
const errorsOf = async (response: Response) => ((await response.json()) as GraphQLBody).errors ?? [];

describe('CSRF prevention', () => {
  const query = JSON.stringify({ query: '{ stats { nodeCount } }' });

  it('refuses a POST a page on another site could send without a preflight (text/plain, a form)', async () => {
    const plain = await post(api.url, query, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    const [error] = await errorsOf(plain);
    expect(error!.extensions.code).toBe('BAD_REQUEST');
    expect(error!.message).toMatch(/CSRF/);
    const form = await post(api.url, `query=${encodeURIComponent('{ stats { nodeCount } }')}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect((await errorsOf(form))[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a GET without a header no cross-site page can set, and answers it with one', async () => {
    const address = `${api.url}/graphql?query=${encodeURIComponent('{ stats { nodeCount } }')}`;
    const bare = await fetch(address, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(400);
    expect((await errorsOf(bare))[0]!.extensions.code).toBe('BAD_REQUEST');
    const marked = await fetch(address, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(marked.status).toBe(200);
    const viaPost = (await api.gql('{ stats { nodeCount } }')).body.data!.stats.nodeCount as number;
    expect(((await marked.json()) as GraphQLBody).data!.stats.nodeCount).toBe(viaPost);
    expect(viaPost).toBeGreaterThan(300);
  });

  it('serves cypher by POST only: a GET that asks for it is refused before it runs', async () => {
    const before = api.logs.length;
    const address = `${api.url}/graphql?query=${encodeURIComponent('{ cypher(query: "MATCH (n) RETURN count(n) AS n") { rows } }')}`;
    const response = await fetch(address, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const [error] = await errorsOf(response);
    expect(error!.extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect(error!.message).toMatch(/only served over POST/);
    expect(api.logs.slice(before).find((l) => l.msg === 'request')).toMatchObject({ roundTrips: 0 });
    // The same by POST runs.
    const r = await api.gql('{ cypher(query: "MATCH (n) RETURN count(n) AS n") { rows } }');
    expect(r.status).toBe(200);
  });
});

describe('security headers', () => {
  const expectHeaders = (response: Response, what: string) => {
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(response.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy'), what).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options'), what).toBe('DENY');
    expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  };

  it('come with every kind of answer: JSON, GraphQL errors, pages, assets, exports, refusals, health', async () => {
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    expectHeaders(await post(api.url, JSON.stringify({ query: '{ stats { nodeCount } }' }), json), 'a GraphQL answer');
    expectHeaders(await post(api.url, JSON.stringify({ query: '{ nothing }' }), json), 'a GraphQL error');
    expectHeaders(await post(api.url, '{"query": ', json), 'a body that is not JSON');
    expectHeaders(await post(api.url, JSON.stringify({ query: `{ stats { nodeCount } } #${'x'.repeat(1_100_000)}` }), json), 'a 413');
    const page = await fetch(`${api.url}/explore`, { headers: { accept: 'text/html' } });
    expectHeaders(page, 'a page');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
    expectHeaders(await fetch(api.url + script), 'an asset');
    expectHeaders(await fetch(`${api.url}/export/nodes.csv`), 'an export');
    expectHeaders(await fetch(`${api.url}/no/such/page`), 'a 404');
    expectHeaders(await fetch(`${api.url}/graphql`, { method: 'PUT' }), 'a 405');
    expectHeaders(await fetch(`${api.url}/healthz`), 'the health check');
  });

  it('come with the answer to HTTP that cannot be parsed', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(api.url).port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
      socket.end('GARBAGE\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
  });
});

describe('/healthz', () => {
  it('answers GET and HEAD, and 405 with the methods it takes to anything else', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const head = await fetch(`${api.url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await fetch(`${api.url}/healthz`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow'), method).toBe('GET, HEAD');
      if (method !== 'HEAD') expect((await errorsOf(response))[0]!.extensions.code, method).toBe('METHOD_NOT_ALLOWED');
    }
  });
});

describe('the listening address', () => {
  it('is 127.0.0.1 unless HOST says otherwise', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    // The test helper names the host; a server started without one listens on loopback only.
    const { startServer } = await import('../../src/server.js');
    const server = await startServer({
      env: { ...process.env, EMBEDDED_DB: ':memory:', EMBEDDED_BUFFER_MB: '128', NEO4J_URI: '', HOST: '', LOG_LEVEL: 'silent' },
      port: 0,
      seedDir: false,
    });
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
    } finally {
      await server.close();
    }
  });
});

describe('per-client budgets', () => {
  it('answers 429 RATE_LIMITED with Retry-After once the request budget is spent, and never limits /healthz', async () => {
    const limited = await startApi({ seedDir: false, env: { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.gql('{ stats { nodeCount } }')).status).toBe(200);
      const response = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { nodeCount } }' }) });
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const [error] = await errorsOf(response);
      expect(error!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
      for (let i = 0; i < 5; i++) expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('charges cypher, costly queries and exports more than cheap reads: their budgets run out first', async () => {
    const limited = await startApi({
      env: { RATE_LIMIT_REQUESTS: '1000', RATE_LIMIT_CYPHER: '2', RATE_LIMIT_COSTLY: '1', RATE_LIMIT_COSTLY_COMPLEXITY: '500', RATE_LIMIT_EXPORTS: '1' },
    });
    try {
      const cypher = '{ a: cypher(query: "RETURN 1 AS x") { rows } }';
      expect((await limited.gql(cypher)).status).toBe(200);
      expect((await limited.gql(cypher)).status).toBe(200);
      const spent = await limited.gql(cypher);
      expect(spent.status).toBe(429);
      expect(codesOf(spent)).toEqual(['RATE_LIMITED']);
      expect(spent.body.errors![0]!.message).toMatch(/too many cypher statements from this client: try again in \d+ s/);
      // Two cypher fields in one operation spend two.
      const costly = '{ search(text: "law", first: 100) { entity { relations(first: 5) { node { id } } } } }';
      expect((await limited.gql(costly)).status).toBe(200);
      const costlyAgain = await limited.gql(costly);
      expect(costlyAgain.status).toBe(429);
      expect(costlyAgain.body.errors![0]!.message).toMatch(/too many costly queries/);
      // Cheap reads go on.
      for (let i = 0; i < 10; i++) expect((await limited.gql('{ entity(id: "china") { name } }')).status).toBe(200);
      expect((await fetch(`${limited.url}/export/nodes.csv`)).status).toBe(200);
      const exportAgain = await fetch(`${limited.url}/export/nodes.csv`);
      expect(exportAgain.status).toBe(429);
      expect(Number(exportAgain.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await errorsOf(exportAgain))[0]!.extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop lags, and serves again once it does not', async () => {
    const loaded = await startApi({ seedDir: false, env: { MAX_EVENT_LOOP_DELAY_MS: '100' } });
    try {
      expect((await loaded.gql('{ stats { nodeCount } }')).status).toBe(200);
      // Hold the event loop (the server runs in this process), as a runaway computation would,
      // twice: under-pressure reads its delay histogram on a timer, and when that timer runs
      // before the histogram has recorded a stall, the stall counts in the next window only.
      for (let stall = 0; stall < 2; stall++) {
        const until = Date.now() + 700;
        while (Date.now() < until) { /* busy */ }
        await new Promise((r) => setImmediate(r));
      }
      const shed = await fetch(`${loaded.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { nodeCount } }' }) });
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('2');
      expect((await errorsOf(shed))[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
      // Once a window passes without the lag, requests are served again (polled: on a busy
      // machine a window of 100 ms may itself lag).
      let status = 0;
      for (const until = Date.now() + 10_000; status !== 200 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await loaded.gql('{ stats { nodeCount } }')).status;
      }
      expect(status).toBe(200);
    } finally {
      await loaded.close();
    }
  });
});

describe('abandoned work', () => {
  it('starts no further statement once the client has gone away, and hands the statement in flight the abort', async () => {
    const store = api.server.store;
    const run = store.run.bind(store);
    const cypher = store.readOnlyCypher.bind(store);
    let runs = 0;
    let cypherSignal: AbortSignal | undefined;
    store.run = async (name, params) => {
      runs++;
      await new Promise((r) => setTimeout(r, 300));
      return run(name, params);
    };
    store.readOnlyCypher = async (text, params, options) => {
      cypherSignal = (options as { signal?: AbortSignal }).signal;
      await new Promise((r) => setTimeout(r, 600));
      return cypher(text, params, options);
    };
    const nested = '{ entity(id: "china") { relations(first: 3) { node { relations(first: 3) { node { relations(first: 3) { node { id } } } } } } } c: cypher(query: "RETURN 1 AS x") { rows } }';
    try {
      // Answered in full: every level of the query reaches the store.
      expect((await api.gql(nested)).status).toBe(200);
      const whole = runs;
      expect(whole).toBeGreaterThanOrEqual(4);
      runs = 0;
      const controller = new AbortController();
      const abandoned = fetch(`${api.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: nested }), signal: controller.signal,
      }).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 150));
      controller.abort();
      expect(await abandoned).toBeInstanceOf(Error);
      await new Promise((r) => setTimeout(r, 1500));
      // The level in flight when the client left finishes; nothing after it starts.
      expect(runs).toBe(1);
      expect(cypherSignal?.aborted).toBe(true);
    } finally {
      store.run = run;
      store.readOnlyCypher = cypher;
    }
  });
});
