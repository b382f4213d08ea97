/**
 * Starting and stopping the local Neo4j (scripts/neo4j-local.sh → tools/neo4j-local) from
 * TypeScript: the Neo4j test suites (tests/neo4j/global-setup.ts) and the bench share it. A free
 * port, a data folder, a password, and the process's id in the folder so that whoever started
 * it last, the global teardown stops the one that runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';

export interface LocalNeo4j {
  uri: string;
  port: number;
  dir: string;
  password: string;
  pid: number;
}

export const PID_FILE = 'neo4j-local.pid';
/** Neo4j starts in 15–90 s on a busy two-core machine; the first build downloads ~120 MB. */
const START_TIMEOUT_MS = 600_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the Maven project if needed (its output goes to our stderr). */
export function buildLocalNeo4j(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [projectPath('scripts/neo4j-local.sh'), '--build-only'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building tools/neo4j-local failed (exit ${code})`))));
  });
}

/** Whether this machine can build and run the local Neo4j (Java and Maven on the PATH). */
export function canRunLocalNeo4j(): boolean {
  const found = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  return found('java') && found('mvn');
}

export interface StartOptions {
  port: number;
  dir: string;
  password: string;
  /** JVM heap (default NEO4J_LOCAL_HEAP or 1g). */
  heap?: string;
  /** A settings file other than tools/neo4j-local/neo4j.conf (the bench's bigger page cache). */
  conf?: string;
}

/** Starts the server and resolves once Bolt accepts connections. */
export function startLocalNeo4j(options: StartOptions): Promise<LocalNeo4j> {
  const child = spawn('bash', [projectPath('scripts/neo4j-local.sh')], {
    env: {
      ...process.env,
      NEO4J_PASSWORD: options.password,
      NEO4J_LOCAL_PORT: String(options.port),
      NEO4J_LOCAL_DIR: options.dir,
      NEO4J_LOCAL_HEAP: options.heap ?? process.env.NEO4J_LOCAL_HEAP ?? '1g',
      ...(options.conf ? { NEO4J_LOCAL_CONF: options.conf } : {}),
    },
    // Its own process group: a test runner's Ctrl-C reaches it through our teardown, not twice.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.unref();
  writeFileSync(join(options.dir, PID_FILE), String(child.pid));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the local Neo4j did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /NEO4J_URI=(bolt:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        // Stop reading: the server's later output is not ours to hold.
        child.stdout!.destroy();
        child.stderr!.destroy();
        resolve({ uri: m[1]!, port: options.port, dir: options.dir, password: options.password, pid: child.pid! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local Neo4j exited (${code}) before it accepted connections:\n${output}`));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM (Neo4j's clean shutdown), and waits for the process to be gone. */
export async function stopLocalNeo4j(dir: string, timeoutMs = 120_000): Promise<void> {
  const file = join(dir, PID_FILE);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A throw-away local Neo4j: built if needed, on a free port, in a temporary folder with a random
 * password; `stop()` shuts it down and removes the folder.
 */
export async function startThrowAwayNeo4j(options: { heap?: string; conf?: string } = {}): Promise<LocalNeo4j & { stop(): Promise<void> }> {
  await buildLocalNeo4j();
  const dir = mkdtempSync(join(tmpdir(), 'neo4j-local-'));
  const password = randomBytes(12).toString('hex');
  try {
    const server = await startLocalNeo4j({ port: await freePort(), dir, password, ...options });
    return {
      ...server,
      stop: async () => {
        await stopLocalNeo4j(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
