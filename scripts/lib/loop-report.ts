/**
 * What the server's event loop went through during a measuring run, read from its log
 * (src/http/loop-watch.ts): each stall past STALL_LOG_MS with the requests in flight when it
 * began, and at exit the delay over the run (max, p99, mean). FUZZ_LOG / a caller's file can
 * keep the whole log for correlating timestamps.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { parseJson } from './http.js';

interface Stall { time: string; stallMs: number; onCpuMs?: number; waitingForCpuMs?: number; blockedMs?: number; inFlight: Record<string, unknown>[] }
interface Summary {
  maxMs: number; p99Ms: number; meanMs: number; stalls: number; longestStallMs: number;
  stallOnCpuMs?: number; stallWaitingForCpuMs?: number; stallBlockedMs?: number;
}

/** "on a CPU 120 ms, waiting for one 400 ms, blocked 30 ms", where the server's log says. */
function where(s: { onCpuMs?: number; waitingForCpuMs?: number; blockedMs?: number }): string {
  return s.onCpuMs === undefined ? '' : `main thread on a CPU ${s.onCpuMs} ms, waiting for a CPU ${s.waitingForCpuMs} ms, blocked ${s.blockedMs} ms`;
}

export function watchLoop(logFile = process.env.FUZZ_LOG) {
  const stalls: Stall[] = [];
  let summary: Summary | undefined;
  return {
    onLogLine(line: string) {
      if (logFile) appendFileSync(logFile, `${line}\n`);
      if (!line.includes('event loop')) return;
      const entry = parseJson(line) as { msg?: string; time?: string; stallMs?: number; inFlight?: Record<string, unknown>[]; eventLoop?: Summary } | undefined;
      if (entry?.msg === 'event loop stalled') stalls.push({ ...(entry as Stall), time: entry.time ?? '', stallMs: entry.stallMs ?? NaN, inFlight: entry.inFlight ?? [] });
      else if (entry?.eventLoop) summary = entry.eventLoop;
    },
    /** Waits (up to 5 s) for the rest of the server's log after it exited. */
    async ended(child: ChildProcess) {
      const out = child.stdout;
      if (!out || out.readableEnded) return;
      await Promise.race([new Promise((r) => out.once('end', r)), new Promise((r) => setTimeout(r, 5000).unref())]);
    },
    summary: () => summary,
    stalls: () => stalls,
    report(): string {
      const lines = [summary
        ? `server event loop over the run: max ${summary.maxMs} ms, p99 ${summary.p99Ms} ms, mean ${summary.meanMs} ms; ${summary.stalls} stalls past the log threshold (longest ${summary.longestStallMs} ms)`
        : 'server event loop: no summary in its log (did it exit cleanly?)'];
      if (summary?.stallOnCpuMs !== undefined) {
        lines.push(`  over those stalls (each with the tick before it): ${where({ onCpuMs: summary.stallOnCpuMs, waitingForCpuMs: summary.stallWaitingForCpuMs, blockedMs: summary.stallBlockedMs })}`);
      }
      for (const s of [...stalls].sort((a, b) => b.stallMs - a.stallMs).slice(0, 5)) {
        lines.push(`  stall ${s.stallMs} ms at ${s.time} (${where(s) || 'no split'}); in flight: ${s.inFlight.map((r) => JSON.stringify(r).slice(0, 300)).join(' ') || 'nothing'}`);
      }
      return lines.join('\n');
    },
  };
}
