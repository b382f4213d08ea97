/**
 * The API under test: the real server (src/server.ts) on a free port, over HTTP, on an
 * in-memory embedded database seeded from seeds/ (the curated dataset) unless told otherwise.
 * With TEST_ENGINE=neo4j (npm run test:neo4j) the same server runs on the Neo4j that NEO4J_URI
 * names instead, its graph replaced with the same seeds first (unless it holds them already).
 * Its log lines are collected rather than printed, so tests can read them.
 */
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { createLogger, type Logger } from '../../src/logging.js';
import { projectPath } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import { loadSeedFolderOnce } from '../support/neo4j-graph.js';

/** Which engine the API tests run on: the embedded one unless TEST_ENGINE=neo4j. */
export const TEST_ENGINE = process.env.TEST_ENGINE === 'neo4j' ? 'neo4j' : 'kuzu';

let neo4jGraph: Promise<string | false | undefined> = Promise.resolve(undefined);
/** The graph each open API on Neo4j was started on (one entry per open API). */
const openNeo4jApis: (string | false)[] = [];

/**
 * Neo4j has one database for every server a test starts: migrated, and its graph replaced with
 * the seed folder asked for (emptied for `false`), once per folder in a row.
 */
function prepareNeo4j(seedDir: string | false): Promise<unknown> {
  neo4jGraph = neo4jGraph.catch(() => undefined).then(async (loaded) => {
    if (loaded === seedDir) return loaded;
    const store = await openStore(loadConfig(process.env));
    try {
      await store.migrate();
      if (seedDir === false) await store.replaceGraph(async () => {});
      // Kept when the database holds exactly this folder's graph already (another file loaded it).
      else await loadSeedFolderOnce(store, seedDir);
      return seedDir;
    } finally {
      await store.close();
    }
  });
  return neo4jGraph;
}

export interface LogEntry { level: string; msg: string; [field: string]: unknown }

export interface GraphQLBody<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; [k: string]: unknown } }[];
}

export interface Api {
  url: string;
  server: RunningServer;
  logs: LogEntry[];
  /** POSTs a GraphQL request; the HTTP status and the parsed body. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody<T> }>;
  /** The round trips the last logged GraphQL request made. */
  lastRoundTrips(): number;
  close(): Promise<void>;
}

/** The server's own pino logger, its lines parsed and kept instead of printed. */
function capturingLogger(logs: LogEntry[]): Logger {
  return createLogger('debug', (line) => void logs.push(JSON.parse(line) as LogEntry));
}

/**
 * The per-client budgets are on but far above what a test file sends (tests that exercise
 * them set their own through `env`). `embeddedDb`: a folder for an on-disk database instead
 * of the in-memory one, for tests of what only an on-disk database does (ad hoc statements in
 * their own process). `engine`: this server on another engine than TEST_ENGINE (the parity
 * test runs one on each).
 */
export async function startApi(options: { production?: boolean; embeddedDb?: string; env?: Record<string, string>; engine?: 'kuzu' | 'neo4j' } & Pick<ServerOptions, 'seedDir' | 'limits' | 'assetsDir'> = {}): Promise<Api> {
  const logs: LogEntry[] = [];
  const engine = options.engine ?? TEST_ENGINE;
  const graph = options.seedDir ?? projectPath('seeds');
  if (engine === 'neo4j') {
    // Replacing the one database's graph would change the answers of every API still open on it.
    const other = openNeo4jApis.find((open) => open !== graph);
    if (other !== undefined) {
      throw new Error(`tests on Neo4j share one database: an API on ${other === false ? 'an empty graph' : other} is still open, so one on ${graph === false ? 'an empty graph' : graph} cannot start; close it first, or move this test to a file of its own`);
    }
    await prepareNeo4j(graph);
    openNeo4jApis.push(graph);
  }
  const server = await startServer({
    env: {
      ...process.env,
      EMBEDDED_DB: options.embeddedDb ?? ':memory:',
      EMBEDDED_BUFFER_MB: '256',
      NEO4J_URI: engine === 'neo4j' ? process.env.NEO4J_URI : '',
      NODE_ENV: options.production ? 'production' : 'test',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_REQUESTS: '1000000',
      RATE_LIMIT_COSTLY: '1000000',
      RATE_LIMIT_CYPHER: '1000000',
      RATE_LIMIT_EXPORTS: '1000000',
      ...options.env,
    },
    port: 0,
    host: '127.0.0.1',
    seedDir: options.seedDir,
    limits: options.limits,
    assetsDir: options.assetsDir,
    logger: capturingLogger(logs),
  });
  const url = server.url;
  return {
    url,
    server,
    logs,
    async gql(query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody<any> };
    },
    lastRoundTrips() {
      const entry = logs.filter((l) => l.msg === 'request' && l.path === '/graphql').at(-1);
      if (!entry) throw new Error('no request was logged');
      return entry.roundTrips as number;
    },
    async close() {
      await server.close();
      if (engine === 'neo4j') openNeo4jApis.splice(openNeo4jApis.indexOf(graph), 1);
    },
  };
}

/** The data of a response that must have succeeded. */
export function dataOf<T = Record<string, any>>(response: { status: number; body: GraphQLBody<T> }): T {
  if (response.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return response.body.data as T;
}

/** The codes of a response's errors. */
export const codesOf = (response: { body: GraphQLBody }) => (response.body.errors ?? []).map((e) => e.extensions.code);
