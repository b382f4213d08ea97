/**
 * The HTTP edge on fastify: its order is the order a request meets it.
 *   security headers (helmet) → load shedding (under-pressure) → draining / not ready →
 *   the client's request budget (rate-limit) → body limit and content type (fastify's parsers)
 *   → the route: /healthz, /graphql (Apollo), the pages, assets and exports (src/web).
 * Every refusal on the way, and every error, answers `errors[].extensions.code`
 * (replies.ts); one pino line per request logs its duration, database round trips and
 * complexity.
 */
import type { ApolloServer } from '@apollo/server';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { ApiContext } from '../graphql/context.js';
import type { Limits } from '../graphql/limits.js';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import { registerWebRoutes } from '../web/routes.js';
import { registerGraphQLRoute } from './graphql.js';
import { exportBudget, RateLimited, registerBudgets, registerHeaders, registerLoadShedding } from './protections.js';
import { clientErrorHandler, sendError } from './replies.js';

/** What the edge asks of the server it fronts (src/server.ts owns the store and its state). */
export interface EdgeState {
  /** 'serving', or why not: 'draining' once stopping, the not-ready reason before. */
  status(): { serving: true } | { serving: false; draining: boolean; reason: string };
  store(): Store;
  apollo(): ApolloServer<ApiContext>;
  /** The health check's answer. */
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
}

export interface EdgeOptions {
  config: Config;
  logger: Logger;
  limits: Limits;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  state: EdgeState;
  /** Where the built pages live; default dist/web. */
  assetsDir?: string;
}

/** Past the body limit, this much more is read and dropped before the connection is cut. */
const DISCARD_BYTES = 64 * 1024 * 1024;

/**
 * The rest of a body over the limit, read and dropped rather than left on the socket: fastify
 * would close the connection while the client is still sending, and the client would see a
 * reset (EPIPE) instead of reading the 413. A client that goes on past DISCARD_BYTES is cut off.
 */
function drainBody(raw: import('node:http').IncomingMessage, reply: { removeHeader(name: string): unknown }) {
  if (raw.complete) return;
  reply.removeHeader('connection');
  let dropped = 0;
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_BYTES) raw.socket.destroy();
  });
  raw.resume();
}

/** Paths whose other methods are answered 405 with the methods they take. */
const METHODS: Record<string, string> = {
  '/graphql': 'GET, POST',
  '/healthz': 'GET, HEAD',
};

export async function createHttpApp(options: EdgeOptions): Promise<FastifyInstance> {
  const { config, logger, limits, state } = options;
  const app = Fastify({
    // pino's Logger and fastify's FastifyBaseLogger differ only in typing (msgPrefix).
    loggerInstance: logger as FastifyBaseLogger,
    // The one request line is ours (below), with the round trips and complexity fastify cannot know.
    logController: new LogController({ disableRequestLogging: true }),
    // request.log is the logger itself: a child per request (for a request id nobody reads)
    // costs every request a little.
    childLoggerFactory: (logger) => logger,
    // An address the router cannot decode, in our shape too.
    frameworkErrors: (error, _request, reply) => {
      sendError(reply, 400, 'BAD_REQUEST', `bad request address: ${error.message}`);
    },
    bodyLimit: options.maxBodyBytes,
    // proxy-addr takes a hop count too; fastify's types leave it out.
    trustProxy: config.http.trustProxy as boolean | string[],
    // Requests that arrive while stopping get our 503, in our shape (see the hook below).
    return503OnClosing: false,
    // Node's own limit on a slow client: the whole request within 30 s.
    requestTimeout: 30_000,
    clientErrorHandler: clientErrorHandler(),
    routerOptions: { maxParamLength: 200 },
  });

  await registerHeaders(app);
  await registerLoadShedding(app, config.http);

  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/healthz' || request.url.startsWith('/healthz?')) return;
    const status = state.status();
    if (status.serving) return;
    if (status.draining) {
      reply.header('connection', 'close');
      return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'the server is stopping: send the request again (to another replica)', {}, { 'retry-after': '2' });
    }
    return sendError(reply, 503, 'SERVICE_UNAVAILABLE', `not ready: ${status.reason}`, { reason: status.reason }, { 'retry-after': '2' });
  });

  // A request still running when the server began to stop is answered, and its connection
  // closed with the answer: the server closes idle connections once, when it begins to stop,
  // and one that became idle later (a client's keep-alive) would hold the stop until the
  // drain time ran out (20 s, seen after every SIGTERM with a request in flight).
  app.addHook('onSend', async (_request, reply) => {
    const status = state.status();
    if (!status.serving && status.draining) reply.header('connection', 'close');
  });

  // One line per request: what it was, how it ended, how long it took and what it cost.
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (path === '/healthz') return void request.log.debug({ method: request.method, path, status: reply.statusCode, ms }, 'request');
    const api = request.api;
    request.log.info({
      method: request.method,
      path,
      status: reply.statusCode,
      ms,
      ...(api ? { roundTrips: api.store.roundTrips } : {}),
      ...(api?.report.operationName !== undefined ? { operation: api.report.operationName } : {}),
      ...(api?.report.complexity !== undefined ? { complexity: api.report.complexity } : {}),
      ...(api?.report.errorCodes?.length ? { errors: api.report.errorCodes } : {}),
    }, 'request');
  });
  // A client that leaves before its answer: its work was stopped (graphql.ts); say so once.
  app.addHook('onRequestAbort', async (request) => {
    request.log.info({ method: request.method, path: request.url.split('?')[0], roundTrips: request.api?.store.roundTrips ?? 0 }, 'client went away');
  });

  const charge = await registerBudgets(app, config.http);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RateLimited) {
      return sendError(reply, 429, 'RATE_LIMITED', error.message, { retryAfter: error.retryAfterSeconds, budget: error.budget }, { 'retry-after': String(error.retryAfterSeconds) });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      drainBody(request.raw, reply);
      return sendError(reply, 413, 'BAD_REQUEST', `the request body is larger than ${options.maxBodyBytes} bytes`);
    }
    if (status === 415) {
      return sendError(reply, 415, 'BAD_REQUEST', `the content type ${JSON.stringify(request.headers['content-type'] ?? '')} is not served: send the query as application/json`);
    }
    if (status >= 400 && status < 500) {
      const json = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError || /JSON/i.test(error.message);
      return sendError(reply, status, 'BAD_REQUEST', json ? 'the request body is not valid JSON' : error.message);
    }
    if (request.raw.destroyed) {
      // The client went away mid-request: nobody to answer.
      request.log.info({ path: request.routeOptions.url, error: error.message }, 'client went away');
      return reply;
    }
    request.log.error({ path: request.url.split('?')[0], error: error.message, stack: error.stack }, 'request failed');
    return sendError(reply, 500, 'INTERNAL_SERVER_ERROR', 'internal server error: the server log has the details');
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = METHODS[path];
    if (allowed) {
      return sendError(reply, 405, 'METHOD_NOT_ALLOWED', `${path} takes ${allowed.replace(', ', ' or ')}${path === '/graphql' ? ': use POST /graphql, or GET /graphql?query=… for queries' : ''}`, {}, { allow: allowed });
    }
    return sendError(reply, 404, 'NOT_FOUND', `nothing at ${path}: the API is at /graphql`);
  });

  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    const { status, body } = await state.health();
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });

  const web = { store: () => state.store(), production: config.production, playground: config.playground, assetsDir: options.assetsDir, exportConfig: exportBudget(config.http) };
  registerGraphQLRoute(app, { apollo: () => state.apollo(), store: () => state.store(), limits, web, charge, requestTimeoutMs: config.http.requestTimeoutMs });
  await registerWebRoutes(app, web);

  return app;
}
