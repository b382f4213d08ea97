/**
 * Starting the API for measurements: as a separate process (`node dist/src/server.js`, what
 * production runs: start-to-healthy, load generators, fuzzing, crash detection) or inside the
 * measuring process (startServer, to compare GraphQL with the engine on one store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from '../../src/paths.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createLogger } from '../../src/logging.js';
import { sleep } from './stats.js';

/** A free loopback port (bound and released; the spawned server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process, in bytes (Linux /proc), or NaN when it is gone. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds a process has used so far, all its threads, user and system (Linux /proc; the
 * kernel counts in ticks of 1/100 s), or NaN when it is gone. On a shared machine the CPU a
 * request costs is steadier than the requests a second it gets.
 */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

export interface SpawnedServer {
  child: ChildProcess;
  pid: number;
  url: string;
  port: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startToHealthyMs: number;
  /** Lines the server wrote to stderr (errors), kept for the report. */
  stderr: string[];
  /** Set when the process ended: its exit code or signal. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  rss(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Kùzu database path, or ':memory:' (seeded from seeds/ at start). */
  db: string;
  env?: Record<string, string>;
  /** Give up waiting for /healthz after this long. */
  timeoutMs?: number;
  /** Where the server's stdout goes: 'ignore' (default) drops the request log. */
  stdout?: 'ignore' | 'inherit';
  /** Each line of the server's stdout log (its stdout is then read, whatever `stdout` says). */
  onLogLine?: (line: string) => void;
  /** Node options for the server process, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  /** The server program; default this tree's dist/src/server.js (bench --baseline runs another's). */
  script?: string;
}

/**
 * The measuring scripts drive the server from one address far harder than any client should:
 * the per-client budgets stay on (their cost is part of what is measured) but far above what a
 * run sends. A script's own env overrides them.
 */
export const MEASURING_BUDGETS: Record<string, string> = {
  RATE_LIMIT: 'true', RATE_LIMIT_REQUESTS: '100000000', RATE_LIMIT_EXPORTS: '100000000', RATE_LIMIT_COSTLY: '100000000', RATE_LIMIT_CYPHER: '100000000',
  // Load shedding stays on, but at 10 s of event-loop lag rather than 1 s: these runs judge
  // answers, and a shared two-core machine lags past 1 s without any fault of the server's
  // (tests/api/edge.test.ts checks shedding itself). A stall past 10 s still fails them.
  MAX_EVENT_LOOP_DELAY_MS: '10000',
};

export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? projectPath('dist/src/server.js')], {
    env: {
      ...process.env,
      NEO4J_URI: '',
      EMBEDDED_DB: options.db,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...MEASURING_BUDGETS,
      ...options.env,
    },
    stdio: ['ignore', options.onLogLine ? 'pipe' : options.stdout ?? 'ignore', 'pipe'],
  });
  if (options.onLogLine) {
    const onLine = options.onLogLine;
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line) onLine(line);
    });
  }
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) stderr.push(line);
    if (stderr.length > 2000) stderr.splice(0, stderr.length - 2000);
  });
  const server: SpawnedServer = {
    child,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    port,
    startToHealthyMs: NaN,
    stderr,
    exit: null,
    rss: () => rssOf(child.pid!),
    stop: async (graceMs = 30_000) => {
      if (server.exit) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  child.once('exit', (code, signal) => {
    server.exit = { code, signal };
  });
  const deadline = started + (options.timeoutMs ?? 120_000);
  while (performance.now() < deadline) {
    if (server.exit) {
      throw new Error(`the server exited (${server.exit.code ?? server.exit.signal}) before it was healthy:\n${stderr.slice(-20).join('\n')}`);
    }
    const ok = await fetch(`${server.url}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) {
      server.startToHealthyMs = performance.now() - started;
      return server;
    }
    await sleep(10);
  }
  await server.stop(2_000);
  throw new Error(`the server was not healthy within ${options.timeoutMs ?? 120_000} ms:\n${stderr.slice(-20).join('\n')}`);
}

export interface InProcessServer {
  running: RunningServer;
  url: string;
  /** Round trips of the last /graphql request, from its log line. */
  lastRoundTrips(): number;
  /** Error log lines the server wrote. */
  errors: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The API in this process on an existing database (never seeds it). */
export async function startInProcess(db: string, env: Record<string, string> = {}): Promise<InProcessServer> {
  let lastTrips = NaN;
  const errors: Record<string, unknown>[] = [];
  // The one structured line per request (src/http/app.ts) carries its round trips.
  const logger = createLogger('info', (line) => {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.level === 'error') errors.push(entry);
    else if (entry.msg === 'request' && entry.path === '/graphql') lastTrips = Number(entry.roundTrips);
  });
  const running = await startServer({
    env: { ...process.env, NEO4J_URI: '', EMBEDDED_DB: db, NODE_ENV: 'production', LOG_LEVEL: 'info', ...MEASURING_BUDGETS, ...env },
    port: 0,
    host: '127.0.0.1',
    seedDir: false,
    logger,
  });
  return {
    running,
    url: running.url,
    lastRoundTrips: () => lastTrips,
    errors,
    close: () => running.close(),
  };
}
