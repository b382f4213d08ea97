#!/usr/bin/env node
/**
 * The composition root: config → store → schema → HTTP edge (src/http/, fastify).
 *
 * - `POST /graphql` and `GET /graphql?query=…`: the API (Apollo Server; `cypher` over POST only).
 * - `GET /healthz`: 200 `{status, engine, ready, dataVersion}` once the store is open and
 *   migrated and answers; 503 before that or when it stops answering.
 * - the pages, assets and exports of src/web; 404 for the rest.
 *
 * On the embedded engine an empty database is seeded from seeds/ at start, so a fresh clone
 * answers real questions. Each request gets its own loaders and round-trip counter and logs one
 * JSON line; nothing else is kept between requests (the rate-limit budgets are per process), so
 * replicas behind a balancer agree.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { ApolloServer } from '@apollo/server';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApollo } from './graphql/apollo.js';
import type { ApiContext } from './graphql/context.js';
import { DEFAULT_LIMITS, type Limits } from './graphql/limits.js';
import { buildSchema } from './graphql/schema.js';
import { createHttpApp } from './http/app.js';
import { createLogger, logLevelFrom, type Logger, type LogLevel } from './logging.js';
import { projectPath } from './paths.js';
import { checkSeedFolder, formatProblem, loadGraph } from './seeds/index.js';
import { openStore } from './store/index.js';
import type { Store } from './store/port.js';

export interface ServerOptions {
  /** Environment to read the config from (default process.env); ignored when `config` is given. */
  env?: NodeJS.ProcessEnv;
  config?: Config;
  /** Port to listen on; 0 picks a free one. Default: the config's PORT. */
  port?: number;
  /** Address to listen on. Default: the config's HOST (127.0.0.1 unless set). */
  host?: string;
  /** Where the built pages live; default dist/web. */
  assetsDir?: string;
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
  logger.info({ dir, ...loaded, ms: Date.now() - started }, 'seeded the empty database');
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
  const engine = config.store.engine;

  let store: Store | undefined;
  let apollo: ApolloServer<ApiContext> | undefined;
  let ready = false;
  let stopping = false;
  /** Why the server is not ready, for /healthz and for the one log line per change. */
  let notReadyReason = 'starting';

  const setReason = (reason: string) => {
    if (reason !== notReadyReason) logger.error({ engine, reason }, 'not ready');
    notReadyReason = reason;
  };

  const health = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    if (stopping) return { status: 503, body: { status: 'draining', engine, ready: false } };
    if (!ready || !store) return { status: 503, body: { status: 'unavailable', engine, ready: false, reason: notReadyReason } };
    try {
      await withTimeout(store.ping(), PING_TIMEOUT_MS, `the database did not answer within ${PING_TIMEOUT_MS} ms`);
      const version = await withTimeout(dataVersion(store), PING_TIMEOUT_MS, 'the database did not answer in time');
      if (notReadyReason !== '') logger.info({ engine }, 'the database answers');
      notReadyReason = '';
      return { status: 200, body: { status: 'ok', engine, ready: true, dataVersion: version } };
    } catch (error) {
      setReason(`the database does not answer: ${firstLine(error)}`);
      return { status: 503, body: { status: 'unavailable', engine, ready: false, reason: notReadyReason } };
    }
  };

  const app = await createHttpApp({
    config,
    logger,
    limits,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    assetsDir: options.assetsDir,
    state: {
      status: () => (ready && store && apollo && !stopping ? { serving: true } : { serving: false, draining: stopping, reason: notReadyReason }),
      store: () => store!,
      apollo: () => apollo!,
      health,
    },
  });
  // Health checks get their 503 while the store opens and seeds.
  await app.listen({ port: options.port ?? config.port, host: options.host ?? config.host });
  const address = app.server.address() as AddressInfo;
  const port = address.port;

  /** Stops accepting, lets requests in flight finish (bounded), then closes the store. */
  const close = async () => {
    if (stopping) return;
    stopping = true;
    ready = false;
    // fastify.close stops listening, closes idle keep-alive connections and waits for the
    // requests in flight; past the drain time the rest are cut off.
    const started = Date.now();
    const drained = app.close();
    const deadline = sleep(options.drainMs ?? DEFAULT_DRAIN_MS).then(() => 'timeout' as const);
    if ((await Promise.race([drained.then(() => 'drained' as const), deadline])) === 'timeout') {
      logger.error('requests still running at the end of the drain; cutting them off');
      app.server.closeAllConnections();
      await drained;
    }
    const drainMs = Date.now() - started;
    await apollo?.stop();
    await store?.close();
    logger.info({ drainMs, closeMs: Date.now() - started - drainMs }, 'stopped');
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
    logger.info({ engine }, 'ready');
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
  const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  const url = `http://${host}:${port}`;
  logger.info({ url: `${url}/graphql`, host: address.address, engine, production: config.production, ready }, 'listening');
  return { url, port, store: store!, close };
}

function firstLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? error).split('\n')[0]!;
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}


/** Run as a program (`node dist/src/server.js`): start, and stop cleanly on SIGTERM/SIGINT. */
async function main() {
  const logger = createLogger(logLevelFrom(process.env.LOG_LEVEL));
  let running: RunningServer;
  try {
    running = await startServer({ logger });
  } catch (error) {
    logger.error({ error: (error as Error).message }, 'the server could not start');
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    running.close().then(() => process.exit(0), (error: Error) => {
      logger.error({ error: error.message }, 'stopping failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
