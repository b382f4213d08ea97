/**
 * Processes the tests start and watch: the API server as a program (`node dist/src/server.js`),
 * and whether a process id is still alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectPath } from '../../src/paths.js';

/** True while a process with this id exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** The base address, once the server logs `listening`; rejects when it exits first. */
  url: Promise<string>;
  /** Everything it wrote so far, stdout and stderr (its JSON log lines). */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * `node dist/src/server.js` on a free port with LOG_LEVEL=info and `env` on top of ours. The
 * child joins `children` so that an afterEach/afterAll can kill what a failed test left.
 */
export function spawnServerProcess(env: Record<string, string | undefined>, children: ChildProcess[]): ServerProcess {
  const child = spawn(process.execPath, [projectPath('dist/src/server.js')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"listening"/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  url.catch(() => undefined); // a test that expects the exit never awaits the address
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, output: () => output, exited };
}
