#!/usr/bin/env node
/**
 * The composition root: config → store → schema → HTTP.
 *
 * - `POST /graphql` and `GET /graphql?query=…`: the API (Apollo Server through
 *   executeHTTPGraphQLRequest; no web framework).
 * - `GET /healthz`: 200 `{status, engine, ready, dataVersion}` once the store is open and
 *   migrated and answers; 503 before that or when it stops answering.
 * - everything else is offered to the pages and exports of src/web first; 404 when they
 *   decline it.
 *
 * On the embedded engine an empty database is seeded from seeds/ at start, so a fresh clone
 * answers real questions. Each request gets its own loaders and round-trip counter and logs one
 * JSON line; nothing else is kept between requests, so replicas behind a balancer agree.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApollo } from './graphql/apollo.js';
import { createContext, type ApiContext } from './graphql/context.js';
import { DEFAULT_LIMITS, type Limits } from './graphql/limits.js';
import { buildSchema } from './graphql/schema.js';
import { createLogger, logLevelFrom, type Logger, type LogLevel } from './logging.js';
import { projectPath } from './paths.js';
import { checkSeedFolder, formatProblem, loadGraph } from './seeds/index.js';
import { openStore } from './store/index.js';
import { CountingStore, type Store } from './store/port.js';
import { handleWebRequest } from './web/routes.js';

export interface ServerOptions {
  /** Environment to read the config from (default process.env); ignored when `config` is given. */
  env?: NodeJS.ProcessEnv;
  config?: Config;
  /** Port to listen on; 0 picks a free one. Default: the config's PORT. */
  port?: number;
  host?: string;
  /** Seed folder loaded into an empty embedded database; false: never seed. Default seeds/. */
  seedDir?: string | false;
  limits?: Partial<Limits>;
  logLevel?: LogLevel;
  logger?: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** How long a stop waits for requests in flight before cutting them off. */
  drainMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
/** Under Docker Compose's default 30 s between SIGTERM and SIGKILL (see docker-compose.yml). */
const DEFAULT_DRAIN_MS = 20_000;
/** A health check answers within this, whatever the database does. */
const PING_TIMEOUT_MS = 2_000;
const RETRY_MAX_MS = 10_000;

class NotReady extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NotReady(message)), ms);
    }),
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/**
 * A refusal outside GraphQL execution (wrong method, unknown path, not ready, our own failure),
 * in the shape GraphQL clients read: `errors[].extensions.code`.
 */
function sendError(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  sendJson(req, res, status, { errors: [{ message, extensions: { code, ...extra } }] }, headers);
}

/** Past the body limit, this much more is read and dropped before the connection is cut. */
const DISCARD_BYTES = 64 * 1024 * 1024;

/**
 * The request body, up to `limit` bytes; JSON bodies parsed (Apollo wants an object). A larger
 * body is refused at once, and the rest of it read and dropped rather than left on the socket:
 * cutting the connection would make a keep-alive client's next request fail with a reset
 * instead of reading the 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      let dropped = 0;
      req.on('data', (more: Buffer) => {
        dropped += more.length;
        if (dropped > DISCARD_BYTES) req.socket.destroy();
      });
      reject(new HttpError(413, `the request body is larger than ${limit} bytes`));
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      if (size > limit) return;
      try {
        resolve(parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!/\bjson\b/i.test(contentType ?? '')) return text;
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}

/** A short fingerprint of what the graph holds, from its counts: equal graphs, equal versions. */
async function dataVersion(store: Store): Promise<string> {
  const [labels, types] = await Promise.all([store.run('countByLabel'), store.run('countByRelationshipType')]);
  return createHash('sha256').update(JSON.stringify([labels, types])).digest('hex').slice(0, 12);
}

async function seedIfEmpty(store: Store, dir: string, logger: Logger): Promise<void> {
  const counts = await store.run('countByLabel');
  if (counts.some((r) => Number(r.count) > 0)) return;
  const { problems, graph } = checkSeedFolder(dir);
  if (problems.length) {
    throw new Error(`the database is empty and ${dir} does not validate, so there is nothing to serve:\n${problems.map(formatProblem).join('\n')}`);
  }
  const started = Date.now();
  const loaded = await loadGraph(store, graph);
  logger.info('seeded the empty database', { dir, ...loaded, ms: Date.now() - started });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = options.config ?? loadConfig(env);
  const logger = options.logger ?? createLogger(options.logLevel ?? logLevelFrom(env.LOG_LEVEL));
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    // The ad hoc statement never outlives the configured statement time limit.
    cypherTimeoutMs: Math.min(DEFAULT_LIMITS.cypherTimeoutMs, config.queryTimeoutMs),
    ...options.limits,
  };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const engine = config.store.engine;

  let store: Store | undefined;
  let apollo: ApolloServer<ApiContext> | undefined;
  let ready = false;
  let stopping = false;
  /** Why the server is not ready, for /healthz and for the one log line per change. */
  let notReadyReason = 'starting';

  const setReason = (reason: string) => {
    if (reason !== notReadyReason) logger.error('not ready', { engine, reason });
    notReadyReason = reason;
  };

  const health = async (req: IncomingMessage, res: ServerResponse) => {
    if (stopping) return sendJson(req, res, 503, { status: 'draining', engine, ready: false });
    if (!ready || !store) return sendJson(req, res, 503, { status: 'unavailable', engine, ready: false, reason: notReadyReason });
    try {
      await withTimeout(store.ping(), PING_TIMEOUT_MS, `the database did not answer within ${PING_TIMEOUT_MS} ms`);
      const version = await withTimeout(dataVersion(store), PING_TIMEOUT_MS, 'the database did not answer in time');
      if (notReadyReason !== '') logger.info('the database answers', { engine });
      notReadyReason = '';
      sendJson(req, res, 200, { status: 'ok', engine, ready: true, dataVersion: version });
    } catch (error) {
      setReason(`the database does not answer: ${firstLine(error)}`);
      sendJson(req, res, 503, { status: 'unavailable', engine, ready: false, reason: notReadyReason });
    }
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiContext) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : undefined;
    const response = await apollo!.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: url.search, body },
      context: async () => ctx,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(req, res, 400, 'BAD_REQUEST', 'bad request address');
    }
    if (url.pathname === '/healthz') {
      await health(req, res);
      logger.debug('request', { method: req.method, path: url.pathname, status: res.statusCode, ms: elapsed(started) });
      return;
    }
    if (!ready || !store || !apollo) {
      return sendError(req, res, 503, 'SERVICE_UNAVAILABLE', `not ready: ${notReadyReason}`, { reason: notReadyReason }, { 'retry-after': '2' });
    }
    const ctx = createContext(store, limits);
    try {
      if (await handleWebRequest(req, res, { store: ctx.store, production: config.production, playground: config.playground })) {
        // served by src/web
      } else if (url.pathname === '/graphql' && (req.method === 'GET' || req.method === 'POST')) {
        await graphql(req, res, url, ctx);
      } else if (url.pathname === '/graphql') {
        sendError(req, res, 405, 'METHOD_NOT_ALLOWED', 'use POST /graphql, or GET /graphql?query=… for queries', {}, { allow: 'GET, POST' });
      } else {
        sendError(req, res, 404, 'NOT_FOUND', `nothing at ${url.pathname}: the API is at /graphql`);
      }
    } catch (error) {
      if (req.destroyed && !req.complete) {
        // The client went away mid-request (closed or reset the connection): nobody to answer.
        logger.info('client went away', { path: url.pathname, error: (error as Error).message });
      } else if (error instanceof HttpError) {
        sendError(req, res, error.status, 'BAD_REQUEST', error.message);
      } else {
        logger.error('request failed', { path: url.pathname, error: (error as Error).message, stack: (error as Error).stack });
        if (!res.headersSent) sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error: the server log has the details');
        else res.end();
      }
    }
    logger.info('request', {
      method: req.method,
      path: url.pathname,
      status: res.statusCode,
      ms: elapsed(started),
      roundTrips: ctx.store.roundTrips,
      ...(ctx.report.operationName !== undefined ? { operation: ctx.report.operationName } : {}),
      ...(ctx.report.complexity !== undefined ? { complexity: ctx.report.complexity } : {}),
      ...(ctx.report.errorCodes?.length ? { errors: ctx.report.errorCodes } : {}),
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      logger.error('request handler crashed', { error: error.message, stack: error.stack });
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    });
  });
  // A request Node cannot parse as HTTP gets its refusal in the API's shape too.
  const refused = new WeakSet<object>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Node reports the broken parser again for every later chunk: the first report was answered.
    if (refused.has(socket)) return;
    refused.add(socket);
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({ errors: [{ message: `malformed HTTP request (${error.code ?? 'unreadable'})`, extensions: { code: 'BAD_REQUEST' } }] });
    // Read and drop what the client is still sending: closing on unread bytes would reset the
    // connection before it reads the answer. It closes its side once it has; or in 5 s.
    socket.resume();
    setTimeout(() => socket.destroy(), 5000).unref();
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // Health checks get their 503 while the store opens and seeds.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  /** Stops accepting, lets requests in flight finish (bounded), then closes the store. */
  const close = async () => {
    if (stopping) return;
    stopping = true;
    ready = false;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = sleep(options.drainMs ?? DEFAULT_DRAIN_MS).then(() => 'timeout' as const);
    if ((await Promise.race([drained, deadline])) === 'timeout') {
      logger.error('requests still running at the end of the drain; cutting them off');
      server.closeAllConnections();
      await drained;
    }
    await apollo?.stop();
    await store?.close();
  };

  /**
   * Opens the store and gets it ready to serve. The embedded engine is migrated (and seeded
   * when empty) here, and any failure is final. Neo4j is migrated by `graph migrate` before
   * the API starts (the compose file's graph-init); until it answers and has its schema the
   * server keeps trying, answers 503 saying why, and serves as soon as it can, no restart.
   */
  const prepare = async (): Promise<void> => {
    store ??= await openStore(config);
    await withTimeout(store.ping(), 5_000, 'the database did not answer within 5 s');
    if (engine === 'kuzu') {
      await store.migrate();
      const seedDir = options.seedDir ?? projectPath('seeds');
      if (seedDir !== false) await seedIfEmpty(store, seedDir, logger);
    } else {
      const pending = await store.pendingMigrations();
      if (pending.length) throw new NotReady(`the schema is missing ${pending.join(', ')}: run npm run graph -- migrate`);
    }
    if (!apollo) {
      const created = createApollo(await buildSchema(), { limits, production: config.production, logger });
      await created.start();
      apollo = created;
    }
    ready = true;
    notReadyReason = '';
    logger.info('ready', { engine });
  };

  const retry = async (attempt: number): Promise<void> => {
    while (!stopping && !ready) {
      await sleep(Math.min(RETRY_MAX_MS, 500 * 2 ** attempt++));
      if (stopping) return;
      await prepare().catch((error: unknown) => setReason(firstLine(error)));
    }
  };

  try {
    await prepare();
  } catch (error) {
    if (engine === 'kuzu' || error instanceof ConfigError) {
      await close().catch(() => undefined);
      throw error;
    }
    setReason(firstLine(error));
    void retry(1);
  }
  const url = `http://127.0.0.1:${port}`;
  logger.info('listening', { url: `${url}/graphql`, engine, production: config.production, ready });
  return { url, port, store: store!, close };
}

function firstLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? error).split('\n')[0]!;
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** Run as a program (`node dist/src/server.js`): start, and stop cleanly on SIGTERM/SIGINT. */
async function main() {
  const logger = createLogger(logLevelFrom(process.env.LOG_LEVEL));
  let running: RunningServer;
  try {
    running = await startServer({ logger });
  } catch (error) {
    logger.error('the server could not start', { error: (error as Error).message });
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    running.close().then(() => process.exit(0), (error: Error) => {
      logger.error('stopping failed', { error: error.message });
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
