/**
 * A full disk on the embedded engine: Kùzu 0.11.3 aborts the process from C++ when a write
 * fails for want of space (exit 134, no log line: measured on a 3 MiB tmpfs), so the adapter
 * checks the space first and says so in one line; a disk that fills during a load abandons the
 * load, removes its files and keeps the previous graph. Real small filesystems (tmpfs): the
 * test needs to be able to mount one (root in a container that allows it) and says so when not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';

const mounted: string[] = [];

function smallDisk(sizeMb: number): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'disk-full-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  if (r.status !== 0) return undefined;
  mounted.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of mounted.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

const canMount = (() => {
  const dir = smallDisk(1);
  return dir !== undefined;
})();

function run(args: string[], db: string) {
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, EMBEDDED_DB: db, NEO4J_URI: '', PORT: '0', LOG_LEVEL: 'info' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!canMount)('a full disk (needs to mount a tmpfs)', () => {
  it('at start: the server logs one clear line and exits 1, no abort', () => {
    const disk = smallDisk(3)!;
    const r = run([projectPath('dist/src/server.js')], join(disk, 'graph.kuzu'));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('"the server could not start"'));
    expect(line).toMatch(/"error":"configuration: not enough free disk space to open the embedded database: \d+ MiB free in .*, at least 64 MiB needed/);
    expect(r.out).not.toMatch(/terminate called|Aborted/);
  });

  it('before a load: graph seed refuses in one line, and writes nothing', () => {
    const disk = smallDisk(120)!;
    const r = run([projectPath('dist/src/cli.js'), 'seed'], join(disk, 'graph.kuzu'));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not enough free disk space to load a graph: \d+ MiB free .*, at least 256 MiB needed/);
    expect(readdirSync(disk).filter((f) => f.includes('loading'))).toEqual([]);
  });

  it('leftovers of a load whose process died are removed at the next start', () => {
    const disk = smallDisk(400)!;
    const db = join(disk, 'graph.kuzu');
    // A load's files from a process that no longer exists (pid 2^22 + 1 is above Linux's pid_max).
    for (const suffix of ['', '.wal', '.shadow']) writeFileSync(`${db}.loading-4194305${suffix}`, 'half-written');
    const r = run([projectPath('dist/src/cli.js'), 'stats'], db);
    expect(r.code).toBe(0);
    expect(readdirSync(disk).filter((f) => f.includes('loading'))).toEqual([]);
    expect(existsSync(db)).toBe(true);
  });
});
