/**
 * Runs ad hoc statements outside the API process, in a child (./adhoc-child.ts) with:
 * - its own read-only handle on the database file (Kùzu 0.11.3 lets several processes open a
 *   file read-only, but none while one process has it open read-write: the adapter therefore
 *   serves from a read-only handle too, and reopens read-write only for writes);
 * - a memory ceiling the kernel enforces (RLIMIT_AS through util-linux `prlimit`, or the
 *   shell's `ulimit -v`): past it the child's allocations fail and the child dies, not the API;
 * - a wall-clock limit that SIGKILLs it, preparation included (Kùzu's own query timeout
 *   interrupts execution only);
 * - one statement at a time, and a fresh process after `statementsPerChild` statements, so
 *   nothing a statement leaves behind (memory the engine leaks, a changed setting) outlives it;
 * - a lower CPU priority (nice 10) than the API, so a busy statement does not slow cheap requests.
 * A child that dies costs its one answer (QUERY_FAILED); the next statement gets a new child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { compiledSibling } from '../adhoc/compiled.js';
import { StoreInputError, type AdHocOptions, type AdHocResult, type Params } from '../port.js';
import type { AdHocReply, AdHocRequest, ChildSettings } from './adhoc-child.js';

export interface RunnerSettings {
  path: string;
  /** The child's buffer pool, MiB. */
  bufferPoolMb: number;
  /** Memory the child may take beyond what it holds once started and idle, MiB. */
  memoryMb: number;
  statementsPerChild: number;
  /** Time after the statement's own limit before the child is killed. */
  graceMs: number;
  /** Kùzu's buffer-pool address reservation (a power of two, at least the database's size). */
  maxDbBytes: number;
  /** The child program (tests put a misbehaving one here); ./adhoc-child.js by default. */
  script?: string;
}

const CHILD_SCRIPT = compiledSibling(import.meta.url, './adhoc-child.js');
const START_TIMEOUT_MS = 20_000;
/** Address space a child may use while it starts (Node, the engine, its threads), beyond the buffer pool's reservation. */
const START_ALLOWANCE_BYTES = 2 * 1024 ** 3;

/** Whether `command` is on PATH: a look, not a trial run (nothing here may hold up the event loop). */
const onPath = (command: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));

let launcher: 'prlimit' | 'sh' | undefined;
function findLauncher(): 'prlimit' | 'sh' {
  launcher ??= onPath('prlimit') ? 'prlimit' : 'sh';
  return launcher;
}

/**
 * The child runs at this niceness: when a statement keeps the engine's threads busy, the kernel
 * gives the API's own thread the CPU first, so that cheap requests keep their answer time.
 */
const CHILD_NICENESS = 10;
let nice: boolean | undefined;

function quoteForShell(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

class Child {
  readonly process: ChildProcess;
  statements = 0;
  readonly ready: Promise<void>;
  private stderr = '';
  exited = false;
  private onExit: ((reason: string) => void) | undefined;
  private onReply: ((reply: AdHocReply) => void) | undefined;

  constructor(settings: RunnerSettings) {
    const startLimit = settings.maxDbBytes + (settings.bufferPoolMb + settings.memoryMb) * 1024 * 1024 + START_ALLOWANCE_BYTES;
    const child: ChildSettings = {
      path: settings.path, bufferPoolMb: settings.bufferPoolMb, maxDbBytes: settings.maxDbBytes,
      // Once started, the ceiling is lowered to what the child holds then plus `memoryMb`, so that
      // the allowance means the same whatever Node, the engine and the number of cores reserve
      // at start. The child does it (its fork is cheap; the API's is not); without prlimit the
      // start ceiling stays.
      ...(findLauncher() === 'prlimit' ? { memoryMb: settings.memoryMb } : {}),
    };
    // The child's settings travel as its one argument: an internal hand-off, not a setting.
    nice ??= onPath('nice');
    const node = [...(nice ? ['nice', '-n', String(CHILD_NICENESS)] : []), process.execPath, settings.script ?? CHILD_SCRIPT, JSON.stringify(child)];
    const [command, args] = findLauncher() === 'prlimit'
      ? ['prlimit', [`--as=${startLimit}`, '--', ...node]]
      : ['sh', ['-c', `ulimit -v ${Math.floor(startLimit / 1024)} && exec ${node.map(quoteForShell).join(' ')}`]];
    this.limitBytes = startLimit;
    this.process = spawn(command as string, args as string[], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    this.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-2000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(new Error('the query process did not start in time'));
      }, START_TIMEOUT_MS);
      this.process.once('message', (m: { ready: boolean; message?: string; limitBytes?: number }) => {
        clearTimeout(timer);
        if (!m.ready) return reject(new Error(`the query process could not start: ${m.message}`));
        if (m.limitBytes !== undefined) this.limitBytes = m.limitBytes;
        resolve();
      });
      this.process.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`the query process stopped while starting: ${this.lastError()}`));
      });
    });
    this.ready.catch(() => undefined);
    this.process.on('message', (m: AdHocReply | { ready: boolean }) => {
      if ('id' in m) this.onReply?.(m);
    });
    this.process.on('exit', (code, signal) => {
      this.exited = true;
      this.onExit?.(signal ? `signal ${signal}` : `exit code ${code}`);
    });
    this.process.on('error', () => undefined);
  }

  /** The ceiling in force for statements (bytes of address space): what the idle child holds plus the allowance. */
  limitBytes = 0;

  lastError(): string {
    return this.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500) || 'no message';
  }

  /** Sends one statement and waits for its answer, its death or the deadline. */
  ask(request: AdHocRequest, deadlineMs: number, signal?: AbortSignal): Promise<AdHocReply | { died: string } | { overdue: true } | { cancelled: true }> {
    this.statements++;
    return new Promise((resolve) => {
      const finish = (value: AdHocReply | { died: string } | { overdue: true } | { cancelled: true }) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        this.onReply = undefined;
        this.onExit = undefined;
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.kill();
        finish({ overdue: true });
      }, deadlineMs);
      const cancel = () => {
        this.kill();
        finish({ cancelled: true });
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.onReply = (reply) => { if (reply.id === request.id) finish(reply); };
      this.onExit = (reason) => finish({ died: reason });
      if (this.exited) return finish({ died: 'it had already stopped' });
      this.process.send(request);
    });
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /** Kills the child and waits until it is gone (its lock on the database file with it). */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.process.once('exit', resolve));
    this.kill();
    await gone;
  }
}

/** How long past its own limit an ad hoc statement may run before its process is killed. */
const AD_HOC_GRACE_MS = 2_000;

/** The settings for a store's ad hoc processes: the defaults the README documents. */
export function runnerSettings(options: { path: string; bufferPoolMb?: number; adHoc?: { bufferPoolMb?: number; memoryMb?: number; statementsPerChild?: number } }): RunnerSettings {
  const bufferPoolMb = options.adHoc?.bufferPoolMb ?? Math.min(options.bufferPoolMb ?? 2048, 1024);
  let size = 0;
  try {
    size = statSync(options.path).size;
  } catch { /* a missing file reads as empty */ }
  // Kùzu reserves address space for its buffer pool, and a read-only handle needs it to cover
  // the file: a power of two, at least 1 GiB and four times the file, so that the memory
  // ceiling (which counts reserved space) stays what it says on top of it.
  let maxDbBytes = 2 ** 30;
  while (maxDbBytes < size * 4) maxDbBytes *= 2;
  return {
    path: options.path,
    bufferPoolMb,
    memoryMb: options.adHoc?.memoryMb ?? 1024,
    statementsPerChild: options.adHoc?.statementsPerChild ?? 500,
    graceMs: AD_HOC_GRACE_MS,
    maxDbBytes,
  };
}

const isMemory = (message: string) => /buffer pool is full|unable to allocate|bad_alloc|out of memory|cannot allocate/i.test(message);

export class AdHocRunner {
  private current: Child | undefined;
  private spare: Child | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly settings: RunnerSettings) {}

  private async take(): Promise<Child> {
    let child = this.current;
    if (!child || child.exited || child.statements >= this.settings.statementsPerChild) {
      child?.kill();
      child = this.spare && !this.spare.exited ? this.spare : new Child(this.settings);
      this.spare = undefined;
      this.current = child;
    }
    try {
      await child.ready;
    } catch (error) {
      child.kill();
      this.current = undefined;
      throw new StoreInputError(`ad hoc queries are unavailable right now: ${(error as Error).message}`, 'QUERY_FAILED');
    }
    // A spare, started while this one works: recycling, a timeout or a crash then cost no
    // waiting (a child takes 0.5 to 3 s to start; measured, waiting for it at every 50th
    // statement made the mean 65 ms where the median is 3 ms).
    if ((!this.spare || this.spare.exited) && !this.closed) this.spare = new Child(this.settings);
    return child;
  }

  /** One statement, already checked by the guard: the caller runs them one at a time. */
  async run(text: string, params: Params, options: AdHocOptions & { signal?: AbortSignal }): Promise<AdHocResult> {
    if (this.closed) throw new StoreInputError('the embedded database is closed', 'QUERY_FAILED');
    if (options.signal?.aborted) throw new StoreInputError('the request was cancelled', 'QUERY_TIMEOUT');
    const child = await this.take();
    if (options.signal?.aborted) throw new StoreInputError('the request was cancelled', 'QUERY_TIMEOUT');
    const request: AdHocRequest = { id: this.nextId++, text, params, maxRows: options.maxRows, timeoutMs: options.timeoutMs };
    const answer = await child.ask(request, options.timeoutMs + this.settings.graceMs, options.signal);
    if ('overdue' in answer) {
      this.current = undefined;
      throw new StoreInputError(`the statement ran past the time limit (${options.timeoutMs} ms) and was stopped`, 'QUERY_TIMEOUT');
    }
    if ('cancelled' in answer) {
      this.current = undefined;
      throw new StoreInputError('the request was cancelled and its statement stopped', 'QUERY_TIMEOUT');
    }
    if ('died' in answer) {
      this.current = undefined;
      const why = child.lastError();
      if (isMemory(why) || /SIGKILL|SIGABRT|SIGSEGV/.test(answer.died)) {
        throw new StoreInputError(
          `the query process stopped (${answer.died}) while running the statement, most likely for want of memory: bound variable-length patterns, start from fewer nodes or aggregate sooner`,
          'QUERY_FAILED',
        );
      }
      throw new StoreInputError(`the query process stopped (${answer.died}) while running the statement`, 'QUERY_FAILED');
    }
    if (answer.ok) return { columns: answer.columns, rows: answer.rows, truncated: answer.truncated };
    if (isMemory(answer.message)) {
      throw new StoreInputError(
        `the statement needs more memory than the database has for it (${answer.message.slice(0, 120)}): bound variable-length patterns more tightly (e.g. *1..2), start from fewer nodes, or aggregate sooner`,
        'QUERY_TOO_LARGE',
      );
    }
    throw new StoreInputError(answer.message, /interrupt|timeout/i.test(answer.message) ? 'QUERY_TIMEOUT' : 'CYPHER_ERROR');
  }

  /** Kills the children (before the database is reopened read-write, or at close). */
  async stop(): Promise<void> {
    const children = [this.current, this.spare];
    this.current = this.spare = undefined;
    await Promise.all(children.map((c) => c?.stop()));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  /** Process ids of the live children (tests check they are gone after a timeout). */
  pids(): number[] {
    return [this.current, this.spare].filter((c): c is Child => !!c && !c.exited).map((c) => c.process.pid!);
  }
}
