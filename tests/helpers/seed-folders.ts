import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIR } from './fixture-store.js';

/** A copy of the fixture with `extra` appended to one file; returns the folder and the line it starts at. */
export function brokenFixture(file: string, extra: string): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const line = readFileSync(path, 'utf8').split('\n').length;
  appendFileSync(path, extra);
  return { dir, line };
}

