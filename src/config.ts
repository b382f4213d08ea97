import { LOG_LEVELS, type LogLevel } from './logging.js';

/**
 * Configuration from the environment, validated in one place. Startup fails fast with a
 * readable message rather than half-working with a bad value.
 */
export interface Config {
  store: { engine: 'kuzu'; path: string; bufferPoolMb: number } | {
    engine: 'neo4j'; uri: string; user: string; password: string; database?: string;
  };
  /** Time limit of one database statement, in milliseconds. */
  queryTimeoutMs: number;
  port: number;
  /**
   * Address the HTTP server listens on: HOST, 127.0.0.1 by default (this machine only), so a
   * researcher's `npm start` is not reachable from the network; the image sets 0.0.0.0.
   */
  host: string;
  production: boolean;
  /** The GraphiQL playground: on by default, off in production unless PLAYGROUND=true. */
  playground: boolean;
  logLevel: LogLevel;
  http: HttpEdgeConfig;
}

/** The HTTP edge's protections (src/http/): per-client budgets, load shedding, proxies. */
export interface HttpEdgeConfig {
  /**
   * Per-client budgets, one window of `windowMs` each (RATE_LIMIT=false turns them all off):
   * every request spends one of `requests`; an export one of `exports`; a GraphQL operation
   * whose complexity is `costlyComplexity` or more one of `costly`; each `cypher` field one of
   * `cypher`. The costly classes are far smaller, so they are charged more.
   */
  rateLimit: false | {
    windowMs: number;
    requests: number;
    exports: number;
    costly: number;
    costlyComplexity: number;
    cypher: number;
  };
  /** Event-loop delay in ms past which requests are shed with 503 (0: never). */
  maxEventLoopDelayMs: number;
  /** A stall of the event loop longer than this (ms) is logged with the requests in flight (0: never). */
  stallLogMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (the rate-limit key):
   * false (none, the default), true (any), a hop count, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** A request's work is abandoned (its database statements cancelled) after this long. */
  requestTimeoutMs: number;
}export class ConfigError extends Error {
  constructor(message: string) {
    super(`configuration: ${message}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

/** A whole number from the environment, or `fallback` when unset; a ConfigError outside [min, max]. */
export function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const queryTimeoutMs = envInteger(env, 'QUERY_TIMEOUT_MS', 30_000, 100, 600_000);
  const port = envInteger(env, 'PORT', 4000, 0, 65_535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const production = env.NODE_ENV === 'production';
  const playground = flag(env, 'PLAYGROUND', !production);
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  const common = { queryTimeoutMs, port, host, production, playground, logLevel, http: httpEdgeConfig(env) };
  const uri = env.NEO4J_URI?.trim();
  if (!uri) {
    const path = env.EMBEDDED_DB?.trim() || 'data/graph.kuzu';
    const bufferPoolMb = envInteger(env, 'EMBEDDED_BUFFER_MB', 2048, 64, 65_536);
    return { store: { engine: 'kuzu', path, bufferPoolMb }, ...common };
  }
  const bad = () =>
    new ConfigError(`NEO4J_URI "${uri}" is not a Neo4j address: use one of ${NEO4J_SCHEMES.map((s) => `${s}://host:7687`).join(', ')}`);
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw bad();
  }
  if (!NEO4J_SCHEMES.includes(parsed.protocol.replace(/:$/, '')) || !parsed.hostname) throw bad();
  const password = env.NEO4J_PASSWORD;
  if (!password) throw new ConfigError('NEO4J_PASSWORD is not set (NEO4J_URI is, so the Neo4j engine is used)');
  const database = env.NEO4J_DATABASE?.trim() || undefined;
  return { store: { engine: 'neo4j', uri, user: env.NEO4J_USER?.trim() || 'neo4j', password, database }, ...common };
}

function httpEdgeConfig(env: NodeJS.ProcessEnv): HttpEdgeConfig {
  const rateLimit = flag(env, 'RATE_LIMIT', true) && {
    windowMs: envInteger(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 86_400_000),
    requests: envInteger(env, 'RATE_LIMIT_REQUESTS', 600, 1, 100_000_000),
    exports: envInteger(env, 'RATE_LIMIT_EXPORTS', 20, 1, 100_000_000),
    costly: envInteger(env, 'RATE_LIMIT_COSTLY', 60, 1, 100_000_000),
    costlyComplexity: envInteger(env, 'RATE_LIMIT_COSTLY_COMPLEXITY', 1000, 1, 1_000_000),
    cypher: envInteger(env, 'RATE_LIMIT_CYPHER', 30, 1, 100_000_000),
  };
  return {
    rateLimit,
    maxEventLoopDelayMs: envInteger(env, 'MAX_EVENT_LOOP_DELAY_MS', 1_000, 0, 600_000),
    stallLogMs: envInteger(env, 'STALL_LOG_MS', 200, 0, 600_000),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    requestTimeoutMs: envInteger(env, 'REQUEST_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
  };
}

function trustProxyFrom(raw: string | undefined): HttpEdgeConfig['trustProxy'] {
  const value = raw?.trim();
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of list) {
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(item) && !['loopback', 'linklocal', 'uniquelocal'].includes(item)) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops, or addresses/CIDRs separated by commas (or loopback, linklocal, uniquelocal), not "${raw}"`);
    }
  }
  return list;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}
