/**
 * Watches the event loop: one warn line per stall longer than STALL_LOG_MS, naming the requests
 * that were in flight when it began (one of them, or work started for one, held the loop),
 * and at close one info line with the delay over the server's life (max, p99, mean, stalls).
 * A stall is measured by a timer that should fire every TICK_MS: how late it fires is how long
 * the loop was held. perf_hooks' histogram (monitorEventLoopDelay) gives the distribution.
 * Both cost a timer tick every 100 ms (and a read of /proc) and two map operations per request.
 *
 * Where the kernel tells (Linux /proc/<pid>/task/<pid>/schedstat), each stall is split into the
 * main thread's time on a CPU (our synchronous work: JavaScript, a native call, garbage
 * collection), its time waiting for a CPU (the machine is busy: not ours to fix) and the rest
 * (blocked in the kernel: a synchronous file read, a fork, a page fault).
 */
import { openSync, readSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../logging.js';

const TICK_MS = 100;
/** Requests that ended this long ago are forgotten. */
const KEEP_ENDED_MS = 10_000;

/** What a stall line says of one request; taken when it ends, so that no request is kept. */
interface Described {
  method: string;
  path: string;
  bytes?: number;
  query?: string;
  operation?: string;
}

/**
 * A request in flight holds its request object; an ended one only its description: a request
 * object holds its GraphQL context (loaders and their caches), and ten seconds of them at load
 * were a hundred megabytes the server kept.
 */
interface Tracked {
  request?: FastifyRequest;
  described?: Described;
  started: number;
  ended?: number;
}

export interface LoopSummary {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** Stalls past the logging threshold. */
  stalls: number;
  longestStallMs: number;
  /** Over those stalls: the main thread on a CPU, waiting for one, and neither (blocked), ms. */
  stallOnCpuMs?: number;
  stallWaitingForCpuMs?: number;
  stallBlockedMs?: number;
}

/** The main thread's scheduler figures, kept open: a read at every tick, no open and close. */
let schedstatFd: number | undefined | null;
const schedstatBuffer = Buffer.alloc(128);

/** The main thread's time on a CPU and waiting for one so far, ms; undefined off Linux. */
function schedstat(): { onCpu: number; waiting: number } | undefined {
  try {
    if (schedstatFd === undefined) schedstatFd = openSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'r');
    if (schedstatFd === null) return undefined;
    const length = readSync(schedstatFd, schedstatBuffer, 0, schedstatBuffer.length, 0);
    const [onCpu, waiting] = schedstatBuffer.toString('latin1', 0, length).split(' ').map(Number);
    return { onCpu: onCpu! / 1e6, waiting: waiting! / 1e6 };
  } catch {
    schedstatFd = null;
    return undefined;
  }
}

export interface LoopWatch {
  summary(): LoopSummary;
}

/** What the log says of a request: enough to rebuild it, nothing of its variables. */
function described(request: FastifyRequest): Described {
  const body = request.body as { query?: unknown; operationName?: unknown } | string | undefined;
  const query = typeof body === 'object' && body && typeof body.query === 'string' ? body.query : undefined;
  const length = Number(request.headers['content-length']) || undefined;
  return {
    method: request.method,
    path: request.url.split('?')[0]!.slice(0, 120),
    ...(length !== undefined ? { bytes: length } : {}),
    ...(query !== undefined ? { query: query.slice(0, 160) } : {}),
    ...(request.api?.report.operationName !== undefined ? { operation: request.api.report.operationName } : {}),
  };
}

function describe(tracked: Tracked, stallStart: number) {
  return {
    ...(tracked.described ?? described(tracked.request!)),
    startedMsBefore: Math.round(stallStart - tracked.started),
    ...(tracked.ended !== undefined ? { endedMsAfter: Math.round(tracked.ended - stallStart) } : {}),
  };
}

export function registerLoopWatch(app: FastifyInstance, logger: Logger, stallLogMs: number): LoopWatch {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const tracked = new Map<FastifyRequest | symbol, Tracked>();
  let stalls = 0;
  let longestStallMs = 0;

  app.addHook('onRequest', (request, _reply, done) => {
    tracked.set(request, { request, started: performance.now() });
    done();
  });
  const ended = (request: FastifyRequest) => {
    const entry = tracked.get(request);
    if (!entry || entry.ended !== undefined) return;
    entry.ended = performance.now();
    entry.described = described(request);
    delete entry.request;
    tracked.delete(request);
    // Keyed by a token of its own from now on: the map must not hold the request either.
    tracked.set(Symbol('ended'), entry);
  };
  app.addHook('onResponse', (request, _reply, done) => {
    ended(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    ended(request);
    done();
  });

  let last = performance.now();
  let lastSched = schedstat();
  const split = lastSched ? { onCpu: 0, waiting: 0, blocked: 0 } : undefined;
  const timer = setInterval(() => {
    const now = performance.now();
    const sched = lastSched && schedstat();
    const stall = now - last - TICK_MS;
    const stallStart = last + TICK_MS;
    const interval = now - last;
    const prevSched = lastSched;
    last = now;
    lastSched = sched;
    if (stall > stallLogMs) {
      stalls++;
      longestStallMs = Math.max(longestStallMs, stall);
      const inFlight = [...tracked.values()]
        .filter((t) => t.started <= stallStart && (t.ended === undefined || t.ended >= stallStart))
        .map((t) => describe(t, stallStart));
      let where = {};
      if (sched && prevSched && split) {
        // Over the whole interval (the stall and the one tick before it).
        const onCpu = sched.onCpu - prevSched.onCpu;
        const waiting = sched.waiting - prevSched.waiting;
        const blocked = Math.max(0, interval - onCpu - waiting);
        split.onCpu += onCpu;
        split.waiting += waiting;
        split.blocked += blocked;
        where = { onCpuMs: Math.round(onCpu), waitingForCpuMs: Math.round(waiting), blockedMs: Math.round(blocked) };
      }
      logger.warn({ stallMs: Math.round(stall), ...where, inFlight: inFlight.slice(0, 20), inFlightCount: inFlight.length }, 'event loop stalled');
    }
    for (const [request, t] of tracked) if (t.ended !== undefined && now - t.ended > KEEP_ENDED_MS) tracked.delete(request);
  }, TICK_MS);
  timer.unref();

  const summary = (): LoopSummary => ({
    maxMs: Math.round(histogram.max / 1e5) / 10,
    p99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
    meanMs: Math.round(histogram.mean / 1e5) / 10,
    stalls,
    longestStallMs: Math.round(longestStallMs),
    ...(split ? { stallOnCpuMs: Math.round(split.onCpu), stallWaitingForCpuMs: Math.round(split.waiting), stallBlockedMs: Math.round(split.blocked) } : {}),
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    histogram.disable();
    logger.info({ eventLoop: summary() }, 'event loop delay over the server\'s life');
    done();
  });
  return { summary };
}
