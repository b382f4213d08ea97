/**
 * Killing `graph generate` / `graph seed` (SIGKILL, no chance to clean up) in the middle of a
 * load leaves an on-disk embedded database holding either the previous graph or the complete
 * new one, never a part: compared by counts and a checksum over every node and relationship.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { projectPath } from '../../src/paths.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { killLoadsAfter } from '../support/killed-load.js';

const CLI = projectPath('dist/src/cli.js');

async function fingerprintAt(path: string) {
  const store = await KuzuStore.open({ path, bufferPoolMb: 256 });
  try {
    return await graphFingerprint(store);
  } finally {
    await store.close();
  }
}

describe('a load killed half-way', () => {
  it('leaves the previous graph or the complete new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    const db = join(dir, 'graph.kuzu');
    const env = { ...process.env, EMBEDDED_DB: db, EMBEDDED_BUFFER_MB: '512', NEO4J_URI: '' };
    const seeded = spawnSync(process.execPath, [CLI, 'seed', '--dir', FIXTURE_DIR], { env, encoding: 'utf8' });
    expect(seeded.status, seeded.stderr).toBe(0);
    const previous = await fingerprintAt(db);
    expect(previous.nodes).toBe(27);

    const outcomes = await killLoadsAfter([300, 1_200, 2_500], { env, previous, fingerprint: () => fingerprintAt(db) });
    expect(outcomes).toContain('previous');
    // The killed loads' half-written files are cleared by the next load.
    const again = spawnSync(process.execPath, [CLI, 'seed', '--dir', FIXTURE_DIR], { env, encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.loading-'))).toEqual([]);
    expect(existsSync(db)).toBe(true);
    expect(await fingerprintAt(db)).toEqual(previous);
  }, 120_000);
});
