/**
 * `npm run bench -- --baseline REF`: the simple request's throughput of this tree's server and
 * of REF's (a git commit, built in a temporary worktree, or a folder holding a built checkout),
 * on the same database, taking turns (A B A B …), so that both meet the same machine load.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectPath } from '../../src/paths.js';
import { cannon } from './bench-measure.js';
import type { Options } from './bench-options.js';
import { cpuSecondsOf, spawnServer } from './server.js';

const log = (s: string) => process.stderr.write(`${s}\n`);

export function gitCommit(): string | null {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: projectPath(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: projectPath(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return null;
  }
}

/**
 * The server program of the baseline: a folder's dist/src/server.js as it is, or a commit
 * checked out in a temporary worktree, its dependencies installed from its own lockfile and its
 * code compiled (the web pages are not needed to serve the API).
 */
export function baselineServer(ref: string): { script: string; label: string; remove(): void } {
  const folder = resolve(ref);
  if (existsSync(join(folder, 'dist', 'src', 'server.js'))) return { script: join(folder, 'dist', 'src', 'server.js'), label: folder, remove: () => undefined };
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: projectPath(), encoding: 'utf8' }).trim();
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-baseline-')), commit);
  log(`  baseline ${ref} (${commit}): checking out in ${dir}, npm ci, tsc …`);
  execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: projectPath(), stdio: 'ignore' });
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  execFileSync(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return {
    script: join(dir, 'dist', 'src', 'server.js'),
    label: `${ref} (${commit})`,
    remove: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: projectPath(), stdio: 'ignore' }),
  };
}

export interface Comparison {
  request: string;
  connections: number;
  servers: { label: string; rps: number[]; mean: number; cpuMsPerRequest: number[]; meanCpuMs: number }[];
  /** This tree's mean throughput over the baseline's. */
  ratio: number;
  /** This tree's mean CPU per request over the baseline's (below 1: cheaper). */
  cpuRatio: number;
}

/** The simple request against the baseline's server and ours in turn, on one database. */
export async function compareThroughput(db: string, body: string, request: string, baseline: { script: string; label: string }, o: Options): Promise<Comparison> {
  const servers = [
    { label: `baseline ${baseline.label}`, script: baseline.script, rps: [] as number[], cpu: [] as number[] },
    { label: `this tree (${gitCommit() ?? '?'})`, script: projectPath('dist', 'src', 'server.js'), rps: [] as number[], cpu: [] as number[] },
  ];
  for (let round = 0; round < o.rounds; round++) {
    for (const server of round % 2 ? [...servers].reverse() : servers) {
      const spawned = await spawnServer({ db, script: server.script });
      try {
        const cpuBefore = cpuSecondsOf(spawned.pid);
        const result = await cannon(spawned.url, request, body, o);
        const cpuMs = ((cpuSecondsOf(spawned.pid) - cpuBefore) * 1000) / result.requests;
        if (result.non2xx || result.errors || result.graphqlErrors) throw new Error(`${server.label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.graphqlErrors} GraphQL errors`);
        server.rps.push(result.rps);
        server.cpu.push(cpuMs);
        log(`  compare, round ${round + 1}: ${server.label}: ${result.rps.toFixed(0)} req/s, ${cpuMs.toFixed(3)} CPU ms per request`);
      } finally {
        await spawned.stop();
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const withMean = servers.map(({ label, rps, cpu }) => ({ label, rps, mean: mean(rps), cpuMsPerRequest: cpu, meanCpuMs: mean(cpu) }));
  return {
    request, connections: o.connections, servers: withMean,
    ratio: withMean[1]!.mean / withMean[0]!.mean, cpuRatio: withMean[1]!.meanCpuMs / withMean[0]!.meanCpuMs,
  };
}

