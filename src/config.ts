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
  production: boolean;
  /** The GraphiQL playground: on by default, off in production unless PLAYGROUND=true. */
  playground: boolean;
  logLevel: LogLevel;
}



export class ConfigError extends Error {
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
  const production = env.NODE_ENV === 'production';
  const playground = flag(env, 'PLAYGROUND', !production);
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  const common = { queryTimeoutMs, port, production, playground, logLevel };
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

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}
