/**
 * Everything the server answers besides the API itself: the pages (/, /explore, /timeline,
 * /playground and a browser's GET /graphql), their bundled assets (/assets/…), the filter
 * choices of the timeline, and the exports (/export/…). The server offers each request it
 * does not serve itself here first; `false` means "not mine".
 *
 * Pages come with a Content-Security-Policy that allows this origin only, so even a future
 * dependency that tried to load a font or a script from a CDN would be stopped by the browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Store } from '../store/port.js';
import { projectPath } from '../paths.js';
import { EXPORT_FORMATS } from './export/index.js';
import { readGraphExport } from './export/model.js';
import { explorePage, indexPage, messagePage, playgroundPage, timelinePage, type Manifest } from './pages.js';

export interface WebDeps {
  store: Store;
  production: boolean;
  /** Whether the playground is served: `config.playground` (PLAYGROUND, off in production). */
  playground: boolean;
  /** Where the built pages live; default dist/web of the project. */
  assetsDir?: string;
}

const gzipAsync = promisify(gzip);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
export function prefersHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept) return false;
  const html = quality(accept, 'text/html');
  return html > 0 && html > quality(accept, 'application/json') && html > quality(accept, 'application/graphql-response+json');
}

function acceptsGzip(req: IncomingMessage): boolean {
  const enc = req.headers['accept-encoding'];
  return typeof enc === 'string' && /\bgzip\b/i.test(enc) && !/\bgzip\s*;\s*q=0(\.0*)?\b/i.test(enc);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Buffer) {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': buffer.length, 'x-content-type-options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : buffer);
}

function sendPage(req: IncomingMessage, res: ServerResponse, html: string, status = 200) {
  send(req, res, status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
  }, html);
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

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  svg: 'image/svg+xml',
  png: 'image/png',
};

async function serveAsset(req: IncomingMessage, res: ServerResponse, dir: string, name: string): Promise<boolean> {
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? '';
  // Names come from our build: letters, digits, '-', '_' and dots, never a path.
  if (!/^[\w-]+(\.[\w-]+)*$/.test(name) || !(ext in TYPES)) return notFound(req, res);
  const path = join(dir, 'assets', name);
  const headers: Record<string, string> = {
    'content-type': TYPES[ext]!,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept-Encoding',
  };
  try {
    if (acceptsGzip(req)) {
      const body = await readFile(`${path}.gz`).catch(() => undefined);
      if (body) {
        send(req, res, 200, { ...headers, 'content-encoding': 'gzip' }, body);
        return true;
      }
    }
    send(req, res, 200, headers, await readFile(path));
  } catch {
    return notFound(req, res);
  }
  return true;
}

function notFound(req: IncomingMessage, res: ServerResponse): true {
  send(req, res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found.\n');
  return true;
}

// ---- data endpoints -----------------------------------------------------------------------

function logError(what: string, error: unknown) {
  // One JSON line, like the server's request log; the client gets a plain message only.
  console.error(JSON.stringify({ level: 'error', msg: what, error: (error as Error)?.message ?? String(error) }));
}

async function serveExport(req: IncomingMessage, res: ServerResponse, deps: WebDeps, file: string): Promise<boolean> {
  const format = EXPORT_FORMATS.find((f) => f.file === file);
  if (!format) return notFound(req, res);
  let body: string;
  try {
    body = format.serialise(await readGraphExport(deps.store));
  } catch (error) {
    logError(`export ${file} failed`, error);
    send(req, res, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'The export failed; the server log says why.\n');
    return true;
  }
  const headers: Record<string, string> = {
    'content-type': format.contentType,
    'content-disposition': `attachment; filename="${file}"`,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
  };
  if (acceptsGzip(req) && body.length > 1024) {
    send(req, res, 200, { ...headers, 'content-encoding': 'gzip' }, await gzipAsync(body));
  } else {
    send(req, res, 200, headers, body);
  }
  return true;
}

async function serveFacets(req: IncomingMessage, res: ServerResponse, deps: WebDeps): Promise<boolean> {
  try {
    const rows = await deps.store.run('exportFacets', {});
    send(req, res, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }, JSON.stringify(rows));
  } catch (error) {
    logError('timeline filter choices failed', error);
    send(req, res, 500, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ error: 'The filter choices could not be read.' }));
  }
  return true;
}

// ---- the router ---------------------------------------------------------------------------

const PAGE_PATHS = new Set(['/', '/explore', '/timeline', '/playground', '/graphql']);

export async function handleWebRequest(req: IncomingMessage, res: ServerResponse, deps: WebDeps): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return false;
  }
  if (path.length > 1 && path.endsWith('/') && PAGE_PATHS.has(path.slice(0, -1))) {
    const url = req.url ?? '';
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    res.writeHead(308, { location: path.slice(0, -1) + query });
    res.end();
    return true;
  }
  const { playground } = deps;
  if (path === '/graphql') {
    // Only a browser asking for a page; every API request stays with the API.
    if (!playground || !prefersHtml(req)) return false;
  }
  if (path.startsWith('/export/')) return serveExport(req, res, deps, path.slice('/export/'.length));
  if (path === '/timeline/facets.json') return serveFacets(req, res, deps);
  if (path === '/favicon.ico') {
    res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
    res.end();
    return true;
  }
  if (!PAGE_PATHS.has(path) && !path.startsWith('/assets/')) return false;

  const dir = deps.assetsDir ?? projectPath('dist', 'web');
  const b = await loadBuilt(dir);
  if (!b) {
    sendPage(req, res, messagePage('Pages not built', 'The browser pages have not been built: run "npm run build" (npm start does it), then reload.'), 503);
    return true;
  }
  if (path.startsWith('/assets/')) return serveAsset(req, res, dir, path.slice('/assets/'.length));
  switch (path) {
    case '/':
      sendPage(req, res, indexPage(b.manifest, playground));
      return true;
    case '/explore':
      sendPage(req, res, explorePage(b.manifest, playground));
      return true;
    case '/timeline':
      sendPage(req, res, timelinePage(b.manifest, playground));
      return true;
    case '/playground':
    case '/graphql':
      if (!playground) {
        sendPage(req, res, messagePage('Playground off', 'The GraphQL playground is off in production; set PLAYGROUND=true to serve it. The API answers POST /graphql.'), 404);
        return true;
      }
      sendPage(req, res, playgroundPage(b.manifest));
      return true;
  }
  return false;
}
