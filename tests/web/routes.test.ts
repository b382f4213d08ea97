/**
 * The web routes over real HTTP: pages, their assets, the playground switch, the exports and
 * the timeline's filter choices, served by registerWebRoutes in a fastify app of their own on
 * the fixture graph. (The full server with the API is exercised by tests/api and the browser
 * tests in tests/e2e.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openSeededStore } from '../helpers/fixture-store.js';
import type { Store } from '../../src/store/port.js';
import { prefersHtml, registerWebRoutes, servePlaygroundFor, type WebDeps } from '../../src/web/routes.js';
import { createLogger } from '../../src/logging.js';
import { registerHeaders } from '../../src/http/protections.js';
import { checkGexf, checkGraphml } from './xml-check.js';
import { csvObjects } from './csv-parse.js';
import { projectPath } from '../../src/paths.js';

let store: Store;
const servers: FastifyInstance[] = [];
/** The error lines the web routes logged. */
const errorLog: string[] = [];

/**
 * The web routes alone; whatever they decline (the API's requests, unknown paths) answers 404
 * "api", as the full server's API route or not-found handler would take it.
 */
async function serve(deps: Omit<Partial<WebDeps>, 'store'> & { store?: Store } = {}): Promise<string> {
  const app = Fastify({ loggerInstance: createLogger('error', (line) => void errorLog.push(line)) as FastifyBaseLogger });
  const web: WebDeps = { production: false, playground: true, ...deps, store: () => deps.store ?? store };
  await registerHeaders(app);
  await registerWebRoutes(app, web);
  app.get('/graphql', async (request, reply) => {
    if (await servePlaygroundFor(request, reply, web)) return reply;
    return reply.code(404).header('x-answered-by', 'api').send('declined');
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).header('x-answered-by', 'api').send('declined'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  servers.push(app);
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

let base: string;
beforeAll(async () => {
  if (!existsSync(projectPath('dist', 'web', 'manifest.json'))) {
    execFileSync(process.execPath, [projectPath('scripts', 'build-web.mjs')], { stdio: 'inherit' });
  }
  store = await openSeededStore();
  base = await serve({});
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await store?.close();
});

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('pages', () => {
  for (const [path, marker] of [['/', 'class="index"'], ['/explore', 'id="canvas"'], ['/timeline', 'id="filters"'], ['/playground', 'id="graphiql"']] as const) {
    it(`${path} is a page whose every asset is served from here`, async () => {
      const res = await fetch(base + path, { headers: { accept: BROWSER } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain(marker);
      // No absolute URL to anywhere: every src/href is local (a path, an in-page #fragment such as the skip link, or a data: icon).
      const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(refs.filter((r) => !r.startsWith('/') && !r.startsWith('#') && !r.startsWith('data:'))).toEqual([]);
      const assets = refs.filter((r) => r.startsWith('/assets/'));
      expect(assets.length).toBeGreaterThan(0);
      for (const a of assets) {
        const asset = await fetch(base + a, { headers: { 'accept-encoding': 'gzip' } });
        expect(asset.status, a).toBe(200);
        expect(asset.headers.get('cache-control')).toContain('immutable');
        expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    });
  }

  it('sends the precompressed copies (brotli first, then gzip) to clients that take them, and plain bytes to others', async () => {
    const html = await (await fetch(`${base}/explore`)).text();
    const script = /src="(\/assets\/explore-[^"]+\.js)"/.exec(html)![1]!;
    const { request } = await import('node:http');
    const raw = (enc: string | undefined) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(base + script, { headers: enc ? { 'accept-encoding': enc } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject).end();
      });
    const br = await raw('gzip, deflate, br');
    const gz = await raw('gzip, deflate');
    const plain = await raw(undefined);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(gz.body.length).toBeLessThan(plain.body.length / 2);
    expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    for (const answer of [br, gz, plain]) expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves source maps in development only', async () => {
    const html = await (await fetch(`${base}/explore`)).text();
    const map = `${/src="(\/assets\/explore-[^"]+\.js)"/.exec(html)![1]!}.map`;
    expect((await fetch(base + map)).status).toBe(200);
    const production = await serve({ production: true, playground: false });
    const refused = await fetch(production + map);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('sourcesContent');
    // The scripts themselves are served.
    expect((await fetch(production + map.slice(0, -'.map'.length))).status).toBe(200);
  });

  it('refuses asset names that try to leave the assets folder', async () => {
    for (const p of ['/assets/../manifest.json', '/assets/%2e%2e%2fmanifest.json', '/assets/..%2f..%2fpackage.json', '/assets/nope.js', '/assets/x.exe']) {
      const res = await fetch(base + p);
      expect([404, 403, 400], p).toContain(res.status);
      expect(await res.text()).not.toContain('"playground"');
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${base}/explore`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await res.text()).toBe('');
  });

  it('leaves the API and unknown paths alone', async () => {
    for (const [method, path, accept] of [
      ['GET', '/graphql', 'application/json'],
      ['GET', '/graphql', '*/*'],
      ['POST', '/graphql', BROWSER],
      ['GET', '/healthz', BROWSER],
      ['GET', '/nowhere', BROWSER],
      ['POST', '/explore', BROWSER],
    ] as const) {
      const res = await fetch(base + path, { method, headers: { accept }, body: method === 'POST' ? '{}' : undefined });
      expect(res.headers.get('x-answered-by'), `${method} ${path} ${accept}`).toBe('api');
    }
  });

  it('shows the playground to a browser at GET /graphql', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: BROWSER } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="graphiql"');
  });

  it('redirects a trailing slash', async () => {
    const res = await fetch(`${base}/explore/?id=cybersecurity-law`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/explore?id=cybersecurity-law');
  });

  it('says how to build when the pages are not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'web-'));
    try {
      const url = await serve({ assetsDir: empty });
      const res = await fetch(`${url}/explore`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('the playground switch', () => {
  it('in production: /playground says it is off, GET /graphql goes to the API, the other pages stay', async () => {
    const url = await serve({ production: true, playground: false });
    const off = await fetch(`${url}/playground`, { headers: { accept: BROWSER } });
    expect(off.status).toBe(404);
    expect(await off.text()).toContain('PLAYGROUND=true');
    expect((await fetch(`${url}/graphql`, { headers: { accept: BROWSER } })).headers.get('x-answered-by')).toBe('api');
    const explore = await fetch(`${url}/explore`);
    expect(explore.status).toBe(200);
    expect(await explore.text()).not.toContain('href="/playground"');
  });

  it('reads the Accept header by quality', () => {
    const req = (accept?: string) => ({ headers: accept === undefined ? {} : { accept } }) as never;
    expect(prefersHtml(req(BROWSER))).toBe(true);
    expect(prefersHtml(req('text/html'))).toBe(true);
    expect(prefersHtml(req('application/json'))).toBe(false);
    expect(prefersHtml(req('*/*'))).toBe(false);
    expect(prefersHtml(req())).toBe(false);
    expect(prefersHtml(req('application/json, text/html;q=0.5'))).toBe(false);
    expect(prefersHtml(req('text/html;q=0, */*'))).toBe(false);
  });
});

describe('exports over HTTP', () => {
  it('serves each format as a download that parses', async () => {
    const get = async (file: string) => {
      const res = await fetch(`${base}/export/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      return { type: res.headers.get('content-type'), body: await res.text() };
    };
    const graphml = await get('graph.graphml');
    expect(graphml.type).toBe('application/graphml+xml; charset=utf-8');
    expect(checkGraphml(graphml.body).nodes.size).toBe(27);
    const gexf = await get('graph.gexf');
    expect(checkGexf(gexf.body).edges).toHaveLength(47);
    const json = await get('graph.json');
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body).elements.nodes).toHaveLength(27);
    const nodes = await get('nodes.csv');
    expect(nodes.type).toContain('text/csv');
    expect(csvObjects(nodes.body)).toHaveLength(27);
    expect(csvObjects((await get('edges.csv')).body)).toHaveLength(47);
  });

  it('compresses for clients that take gzip (fetch decodes it)', async () => {
    const res = await fetch(`${base}/export/graph.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(await res.text()).elements.edges).toHaveLength(47);
  });

  it('404s an unknown export', async () => {
    expect((await fetch(`${base}/export/graph.pdf`)).status).toBe(404);
  });

  it('answers 500 with a plain message, not the engine’s, when the store fails', async () => {
    const broken = { ...store, read: async () => { throw new Error('disk on fire at /secret/path'); } } as unknown as Store;
    const url = await serve({ store: broken });
    const res = await fetch(`${url}/export/graph.gexf`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
    expect(errorLog.join('\n')).toContain('disk on fire');
  });
});

describe('timeline filter choices', () => {
  it('lists regions, sectors and agencies', async () => {
    const res = await fetch(`${base}/timeline/facets.json`);
    expect(res.status).toBe(200);
    const facets = (await res.json()) as { id: string; label: string; name: string }[];
    expect(facets.filter((f) => f.label === 'Region').map((f) => f.name)).toEqual(['Beijing', 'China', 'Shanghai']);
    expect(facets.find((f) => f.id === 'state-council')).toEqual({ id: 'state-council', label: 'Agency', name: 'State Council' });
    expect(facets.some((f) => f.label === 'Policy')).toBe(false);
  });
});
