/**
 * The process that runs ad hoc statements on the embedded engine (src/store/kuzu/adhoc-runner.ts):
 * a statement that hangs is killed at the deadline, a crash costs one answer and the next
 * statement gets a new process, the memory ceiling is the kernel's, processes are replaced
 * after a fixed number of statements, and their handle cannot write.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdHocRunner, type RunnerSettings } from '../../src/store/kuzu/adhoc-runner.js';
import { FIXTURE_DIR, openSeededStore } from '../helpers/fixture-store.js';
import { isAlive } from '../support/processes.js';

const folder = mkdtempSync(join(tmpdir(), 'adhoc-runner-'));
const dbPath = join(folder, 'graph.kuzu');
const runners: AdHocRunner[] = [];

function runner(settings: Partial<RunnerSettings> = {}): AdHocRunner {
  const r = new AdHocRunner({
    path: dbPath, bufferPoolMb: 64, memoryMb: 512, statementsPerChild: 50, graceMs: 500, maxDbBytes: 2 ** 30, ...settings,
  });
  runners.push(r);
  return r;
}

/** A stand-in child that misbehaves on purpose: hangs on "hang", crashes on "crash", answers otherwise. */
function fakeChild(): string {
  const script = join(folder, 'fake-child.cjs');
  writeFileSync(script, `
    process.on('message', (m) => {
      if (m.text === 'hang') { for (;;) {} }
      if (m.text === 'crash') process.kill(process.pid, 'SIGSEGV');
      process.send({ id: m.id, ok: true, columns: ['pid'], rows: [{ pid: process.pid }], truncated: false });
    });
    process.send({ ready: true });
  `);
  return script;
}


async function failure(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected the statement to fail');
}

const opts = { timeoutMs: 1_000, maxRows: 100 };

beforeAll(async () => {
  const store = await openSeededStore(FIXTURE_DIR, dbPath);
  await store.close(); // the children need the file free of a read-write handle
}, 120_000);
afterAll(async () => {
  for (const r of runners) await r.close();
});

describe('the ad hoc process', () => {
  it('is killed at the deadline when the statement does not come back, and the next one gets a new process', async () => {
    const r = runner({ script: fakeChild() });
    const first = (await r.run('hello', {}, opts)).rows[0]!.pid as number;
    const started = Date.now();
    const hung = await failure(r.run('hang', {}, { ...opts, timeoutMs: 300 }));
    expect(hung.code).toBe('QUERY_TIMEOUT');
    expect(hung.message).toMatch(/ran past the time limit \(300 ms\) and was stopped/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(first)).toBe(false);
    const next = (await r.run('hello', {}, opts)).rows[0]!.pid as number;
    expect(next).not.toBe(first);
  });

  it('answers a crash with QUERY_FAILED and carries on with a fresh process', async () => {
    const r = runner({ script: fakeChild() });
    const first = (await r.run('hello', {}, opts)).rows[0]!.pid;
    const crashed = await failure(r.run('crash', {}, opts));
    expect(crashed.code).toBe('QUERY_FAILED');
    expect(crashed.message).toMatch(/the query process stopped \(signal SIGSEGV\)/);
    const next = (await r.run('hello', {}, opts)).rows[0]!.pid;
    expect(next).not.toBe(first);
  });

  it('stops a statement when its request is cancelled', async () => {
    const r = runner({ script: fakeChild() });
    await r.run('hello', {}, opts);
    const controller = new AbortController();
    const pending = failure(r.run('hang', {}, { ...opts, timeoutMs: 60_000, signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [pid] = r.pids();
    controller.abort();
    expect((await pending).code).toBe('QUERY_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(pid!)).toBe(false);
  });

  it('is replaced after its number of statements', async () => {
    const r = runner({ script: fakeChild(), statementsPerChild: 3 });
    const pids: unknown[] = [];
    for (let i = 0; i < 7; i++) pids.push((await r.run('hello', {}, opts)).rows[0]!.pid);
    expect(new Set(pids.slice(0, 3)).size).toBe(1);
    expect(new Set(pids).size).toBe(3);
  });

  it('runs real statements on a read-only handle: a write that got past the guard is still refused by the engine', async () => {
    const r = runner();
    expect((await r.run('MATCH (p:Policy) RETURN count(p) AS n', {}, opts)).rows).toEqual([{ n: 4 }]);
    const write = await failure(r.run("CREATE (:Policy {id: 'evil', name: 'evil'})", {}, opts));
    expect(write.code).toBe('CYPHER_ERROR');
    expect(write.message).toMatch(/read.only/i);
    expect((await r.run('MATCH (p:Policy) RETURN count(p) AS n', {}, opts)).rows).toEqual([{ n: 4 }]);
  });

  it('lives under a memory ceiling the kernel enforces: what it holds when idle plus its allowance', async () => {
    const r = runner({ memoryMb: 256 });
    await r.run('RETURN 1 AS x', {}, opts);
    const [pid] = r.pids();
    const limit = Number(/Max address space\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))![1]);
    const size = Number(/VmSize:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
    expect(limit - size).toBeLessThanOrEqual(256 * 1024 * 1024);
    expect(limit).toBeGreaterThan(size);
    // 100,000 rows of 200-character strings: runs with 4 GiB to spare (measured), not with 256 MiB.
    const hog = await failure(r.run("UNWIND range(1, 100000) AS i RETURN i, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + string(i) AS s", {}, { timeoutMs: 20_000, maxRows: 1_000_000 }));
    expect(['QUERY_FAILED', 'QUERY_TOO_LARGE']).toContain(hog.code);
    expect(isAlive(pid!)).toBe(hog.code === 'QUERY_TOO_LARGE'); // the engine reported it, or the kernel stopped the process
    expect((await r.run('RETURN 2 AS x', {}, opts)).rows).toEqual([{ x: 2 }]);
  }, 60_000);
});
