/**
 * The embedded database's files: free-space checks before writing, and clean-up of loads that
 * never finished.
 */
import { readdirSync, rmSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../config.js';

/**
 * Kùzu 0.11.3 does not survive a full disk: a write that fails for want of space aborts the
 * process from C++ ("Invalid transaction type to rollback", exit 134, no log line, measured
 * on a 3 MiB tmpfs). So space is checked before anything is written, and a disk too full is a
 * clear error instead. A disk that fills from elsewhere during a load can still abort the
 * load; its half-written files are removed at the next start (removeAbandonedLoads).
 */
export const MIN_FREE_TO_OPEN = 64 * 1024 * 1024;
export const MIN_FREE_TO_LOAD = 256 * 1024 * 1024;

/** A ConfigError: the fix is in the environment (space, or EMBEDDED_DB), and both the CLI and the server report it in one line. */
export class DiskFullError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'DiskFullError';
  }
}

export function assertFreeSpace(path: string, needed: number, what: string): void {
  let free: number;
  try {
    const stats = statfsSync(dirname(path));
    free = stats.bavail * stats.bsize;
  } catch {
    return; // no statfs here: the engine will find out
  }
  if (free < needed) {
    const mib = (n: number) => `${Math.floor(n / (1024 * 1024))} MiB`;
    throw new DiskFullError(`not enough free disk space to ${what}: ${mib(free)} free in ${dirname(path)}, at least ${mib(needed)} needed. Free some space or set EMBEDDED_DB to a folder on another disk`);
  }
}

export function databaseBytes(path: string): number {
  let total = 0;
  for (const file of [path, `${path}.wal`]) {
    try {
      total += statSync(file).size;
    } catch { /* absent */ }
  }
  return total;
}

/** Half-written files of loads whose process was killed: nothing will ever finish them. */
export function removeAbandonedLoads(path: string): void {
  const prefix = `${basename(path)}.loading-`;
  for (const name of readdirSync(dirname(path))) {
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!name.startsWith(prefix) || !Number.isInteger(pid)) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(dirname(path), name), { force: true, recursive: true });
  }
}

export function removeDatabaseFiles(path: string): void {
  for (const file of [path, `${path}.wal`, `${path}.shadow`]) rmSync(file, { force: true, recursive: true });
}
