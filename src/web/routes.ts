/**
 * Everything the server answers besides the API itself, as fastify routes: the pages (/,
 * /explore, /timeline, /playground and a browser's GET /graphql), their bundled assets
 * (/assets/…, by @fastify/static, precompressed copies sent to clients that take them), the
 * filter choices of the timeline, and the exports (/export/…).
 *
 * Every answer carries the edge's security headers (src/http/protections.ts): the pages'
 * Content-Security-Policy allows this origin only, so even a future dependency that tried to
 * load a font or a script from a CDN would be stopped by the browser. In production the
 * source maps are not served.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/port.js';
import { projectPath } from '../paths.js';
import { EXPORT_FORMATS } from './export/index.js';
import { readGraphExport } from './export/model.js';
import { explorePage, indexPage, messagePage, playgroundPage, timelinePage, type Manifest } from './pages.js';

export interface WebDeps {
  /** The store, once open (the routes are registered before it is). */
  store(): Store;
  production: boolean;
  /** Whether the playground is served: `config.playground` (PLAYGROUND, off in production). */
  playground: boolean;
  /** Where the built pages live; default dist/web of the project. */
  assetsDir?: string;
  /** Route config of the exports (their rate-limit budget). */
  exportConfig?: Record<string, unknown>;
}

const gzipAsync = promisify(gzip);

/** Quality of a media type in an Accept header (exact type, then type/*, then * / *). */
function quality(accept: string, type: string): number {
  let best = -1;
  let bestSpecificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const [t, s] = range.trim().split('/');
    const [wantT, wantS] = type.split('/');
    const specificity = t === wantT && s === wantS ? 2 : t === wantT && s === '*' ? 1 : t === '*' && s === '*' ? 0 : -1;
    if (specificity > bestSpecificity) {
      bestSpecificity = specificity;
      best = Number.isFinite(q) ? q : 0;
    }
  }
  return best < 0 ? 0 : best;
}

/** True when the client would rather have a page than JSON (a browser's address bar). */
export function prefersHtml(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  const accept = req.headers.accept;
  if (typeof accept !== 'string' || !accept) return false;
  const html = quality(accept, 'text/html');
  return html > 0 && html > quality(accept, 'application/json') && html > quality(accept, 'application/graphql-response+json');
}

function acceptsGzip(req: FastifyRequest): boolean {
  const enc = req.headers['accept-encoding'];
  return typeof enc === 'string' && /\bgzip\b/i.test(enc) && !/\bgzip\s*;\s*q=0(\.0*)?\b/i.test(enc);
}

function sendPage(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).send(html);
}

// ---- built assets -------------------------------------------------------------------------

interface Built { dir: string; manifest: Manifest; mtimeMs: number }
let built: Built | undefined;

/** The manifest of dist/web, re-read when a rebuild changed it. */
async function loadBuilt(dir: string): Promise<Built | undefined> {
  const file = join(dir, 'manifest.json');
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
  if (built && built.dir === dir && built.mtimeMs === mtimeMs) return built;
  built = { dir, manifest: JSON.parse(await readFile(file, 'utf8')) as Manifest, mtimeMs };
  return built;
}

// ---- data endpoints -----------------------------------------------------------------------

async function serveExport(request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply, deps: WebDeps) {
  const file = request.params.file;
  const format = EXPORT_FORMATS.find((f) => f.file === file);
  if (!format) return reply.callNotFound();
  let body: string;
  try {
    body = format.serialise(await readGraphExport(deps.store()));
  } catch (error) {
    request.log.error({ error: (error as Error)?.message ?? String(error) }, `export ${file} failed`);
    return reply.code(500).type('text/plain; charset=utf-8').send('The export failed; the server log says why.\n');
  }
  reply.headers({
    'content-type': format.contentType,
    'content-disposition': `attachment; filename="${file}"`,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
  });
  if (acceptsGzip(request) && body.length > 1024) return reply.header('content-encoding', 'gzip').send(await gzipAsync(body));
  return reply.send(body);
}

async function serveFacets(request: FastifyRequest, reply: FastifyReply, deps: WebDeps) {
  try {
    const rows = await deps.store().run('exportFacets', {});
    return reply.headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }).send(JSON.stringify(rows));
  } catch (error) {
    request.log.error({ error: (error as Error)?.message ?? String(error) }, 'timeline filter choices failed');
    return reply.code(500).type('application/json; charset=utf-8').send(JSON.stringify({ error: 'The filter choices could not be read.' }));
  }
}

// ---- the routes ---------------------------------------------------------------------------

const PAGE_PATHS = ['/', '/explore', '/timeline', '/playground'] as const;

/** The page at `path` (one of PAGE_PATHS, or /graphql for a browser), or the reason there is none. */
async function page(deps: WebDeps, path: string, reply: FastifyReply) {
  const b = await loadBuilt(deps.assetsDir ?? projectPath('dist', 'web'));
  if (!b) return sendPage(reply, messagePage('Pages not built', 'The browser pages have not been built: run "npm run build" (npm start does it), then reload.'), 503);
  const { playground } = deps;
  switch (path) {
    case '/': return sendPage(reply, indexPage(b.manifest, playground));
    case '/explore': return sendPage(reply, explorePage(b.manifest, playground));
    case '/timeline': return sendPage(reply, timelinePage(b.manifest, playground));
    default:
      if (!playground) {
        return sendPage(reply, messagePage('Playground off', 'The GraphQL playground is off in production; set PLAYGROUND=true to serve it. The API answers POST /graphql.'), 404);
      }
      return sendPage(reply, playgroundPage(b.manifest));
  }
}

/**
 * The playground for a browser's GET /graphql (the API route asks first): true when it was
 * sent, false for every API request, which stays with the API.
 */
export async function servePlaygroundFor(request: FastifyRequest, reply: FastifyReply, deps: WebDeps): Promise<boolean> {
  if (!deps.playground || !prefersHtml(request)) return false;
  await page(deps, '/playground', reply);
  return true;
}

export async function registerWebRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const assetsDir = deps.assetsDir ?? projectPath('dist', 'web');
  for (const path of PAGE_PATHS) {
    app.get(path, (_request, reply) => page(deps, path, reply));
    if (path !== '/') {
      // A trailing slash is redirected, the query string kept.
      app.get(`${path}/`, (request, reply) => {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        return reply.redirect(path + query, 308);
      });
    }
  }
  app.get('/favicon.ico', (_request, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/timeline/facets.json', (request, reply) => serveFacets(request, reply, deps));
  app.get<{ Params: { file: string } }>('/export/:file', { config: deps.exportConfig ?? {} }, (request, reply) => serveExport(request, reply, deps));
  await app.register(fastifyStatic, {
    root: join(assetsDir, 'assets'),
    prefix: '/assets/',
    // The build writes .br and .gz beside each file; a client that takes either gets it as is.
    preCompressed: true,
    // Names are content-hashed by the build: a name never changes its bytes.
    maxAge: '365d',
    immutable: true,
    index: false,
    list: false,
    dotfiles: 'deny',
    // Source maps help a developer, and show an attacker our sources: none in production.
    allowedPath: deps.production ? (path) => !path.endsWith('.map') : undefined,
  });
}
