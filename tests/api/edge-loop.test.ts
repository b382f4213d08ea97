/**
 * The event-loop watch (src/http/loop-watch.ts): a stall of the loop is logged with the
 * requests that were in flight when it began and where the main thread's time went, and the
 * delay over the server's life is logged when it stops.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startApi } from './helpers.js';

describe('event-loop watch', () => {
  it('logs a stall with the request in flight and the split of its time, and the delay at close', async () => {
    const api = await startApi({ seedDir: false, env: { STALL_LOG_MS: '150' } });
    try {
      // A request in flight: its headers are read (onRequest has run), its body is not all here.
      const socket = connect(new URL(api.url).port as unknown as number, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
      await new Promise((r) => setTimeout(r, 300));
      // The server runs in this process: holding this thread holds its loop.
      const heldAt = Date.now();
      const until = performance.now() + 400;
      while (performance.now() < until) { /* the stall */ }
      await new Promise((r) => setTimeout(r, 300));
      socket.destroy();
      const stalls = api.logs.filter((l) => l.msg === 'event loop stalled');
      expect(stalls.length).toBeGreaterThanOrEqual(1);
      // The one logged after the busy wait (a loaded machine may stall the start too).
      const stall = stalls.find((s) => Date.parse(s.time as string) >= heldAt && (s.stallMs as number) >= 300)!;
      expect(stall).toBeDefined();
      expect(stall.level).toBe('warn');
      expect(stall.inFlight).toEqual([expect.objectContaining({ method: 'POST', path: '/graphql', bytes: 100 })]);
      if (stall.onCpuMs !== undefined) {
        // Busy on a CPU for most of it (unless the machine took the CPU away meanwhile).
        expect((stall.onCpuMs as number) + (stall.waitingForCpuMs as number)).toBeGreaterThan(250);
      }
    } finally {
      await api.close();
    }
    const summary = api.logs.find((l) => l.msg === "event loop delay over the server's life");
    expect(summary?.eventLoop).toMatchObject({ stalls: expect.any(Number), maxMs: expect.any(Number), p99Ms: expect.any(Number) });
    expect((summary!.eventLoop as { maxMs: number }).maxMs).toBeGreaterThanOrEqual(300);
  });
});
