/**
 * The API side of the guard: statements go to a worker thread (./worker.ts) one at a time,
 * and a check that takes longer than CHECK_TIMEOUT_MS is refused and its thread terminated
 * (a new one starts for the next statement). If the thread cannot start or dies, statements
 * are refused: no check, no statement.
 */
import { Worker } from 'node:worker_threads';
import { StoreInputError, type Engine } from '../port.js';
import { MAX_LENGTH } from './allow-list.js';
import { compiledSibling } from './compiled.js';
import type { CheckedStatement } from './guard.js';
import type { CheckReply, CheckRequest } from './worker.js';

/** A check over this is refused: ordinary statements take a few milliseconds. */
export const CHECK_TIMEOUT_MS = 2_000;
/** Loading the grammar in a new thread. */
const START_TIMEOUT_MS = 30_000;

const refuse = (message: string): never => {
  throw new StoreInputError(message, 'QUERY_REFUSED');
};

class GuardThread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending = new Map<number, (reply: CheckReply | { died: string }) => void>();

  constructor() {
    this.worker = new Worker(compiledSibling(import.meta.url, './worker.js'));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Cypher grammar did not load in time')), START_TIMEOUT_MS).unref();
      this.worker.once('message', (m: { ready: boolean; message?: string }) => {
        clearTimeout(timer);
        if (m.ready) resolve();
        else reject(new Error(`the Cypher grammar could not be loaded (${m.message})`));
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: CheckReply | { ready: boolean }) => {
      if ('id' in m) {
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      }
    });
    const fail = (why: string) => {
      for (const resolve of this.pending.values()) resolve({ died: why });
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`exit code ${code}`));
    // Last: adding a 'message' listener refs the thread again. The CLI exits when its work
    // is done, not when this thread does.
    this.worker.unref();
  }

  ask(request: CheckRequest): Promise<CheckReply | { died: string }> {
    // Held while a check is pending (an unreferenced thread's answer would not keep the
    // process alive to receive it), let go when idle.
    this.worker.ref();
    return new Promise<CheckReply | { died: string }>((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }
}

let thread: GuardThread | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function currentThread(): GuardThread {
  thread ??= new GuardThread();
  return thread;
}

/** Starts the guard's thread (loading the grammar takes a second or two) without waiting. */
export function warmUpGrammar(): void {
  currentThread();
}

async function checkNow(text: string, engine: Engine): Promise<CheckedStatement> {
  const t = currentThread();
  try {
    t.worker.ref();
    await t.ready;
  } catch (error) {
    await t.worker.terminate();
    if (thread === t) thread = undefined;
    return refuse(`ad hoc queries are unavailable: ${(error as Error).message}`);
  }
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<'overdue'>((resolve) => {
    timer = setTimeout(() => resolve('overdue'), CHECK_TIMEOUT_MS);
  });
  const reply = await Promise.race([t.ask({ id: nextId++, text, engine }), overdue]);
  clearTimeout(timer);
  if (reply === 'overdue' || 'died' in reply) {
    if (thread === t) thread = undefined;
    await t.worker.terminate();
    return refuse(reply === 'overdue'
      ? `the statement is too complex to check within ${CHECK_TIMEOUT_MS} ms: simplify it (fewer nested expressions)`
      : 'the statement could not be checked');
  }
  if (reply.ok) return { text: reply.text, parameters: reply.parameters };
  throw new StoreInputError(reply.message, reply.code);
}

/** Checks a statement against the allow-list for `engine`; refuses with QUERY_REFUSED. */
export function checkAdHocStatement(text: string, engine: Engine): Promise<CheckedStatement> {
  // Cheap refusals first, without queueing behind a slow check.
  if (typeof text !== 'string') return Promise.reject(new StoreInputError('the query must be text', 'QUERY_REFUSED'));
  if (text.length > MAX_LENGTH) return Promise.reject(new StoreInputError(`the query is longer than ${MAX_LENGTH} characters`, 'QUERY_REFUSED'));
  const result = queue.then(() => checkNow(text, engine));
  queue = result.catch(() => undefined);
  return result;
}
