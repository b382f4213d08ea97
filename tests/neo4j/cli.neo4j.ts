/**
 * The `graph` command against Neo4j: migrate (twice: the second changes nothing), validate,
 * seed and stats; and a load killed with SIGKILL leaves the previous graph or the complete new
 * one, never a part (tests/seeds/crash-safety.test.ts is the embedded version).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/port.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { checkSeedFolder } from '../../src/seeds/index.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { killLoadsAfter } from '../support/killed-load.js';

const CLI = projectPath('dist/src/cli.js');
const FIXTURE_NODES = Object.values(checkSeedFolder(FIXTURE_DIR).graph.nodes).reduce((sum, rows) => sum + (rows?.length ?? 0), 0);
/**
 * A fresh server plans each of the load's ~150 statements the first time it sees them: a first
 * seed took 36 s on a busy two-core machine, and 155 s with five other test runs beside it.
 */
const LOADS_MS = 400_000;

function graph(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

let store: Store;
beforeAll(async () => {
  store = await openStore(loadConfig(process.env));
});
afterAll(async () => {
  await store?.close();
});

describe('graph on Neo4j', () => {
  it('migrate twice: the schema is complete after the first, the second changes nothing', async () => {
    const first = await graph('migrate');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/schema is up to date/);
    expect(await store.pendingMigrations()).toEqual([]);
    const second = await graph('migrate');
    expect(second.code, second.err).toBe(0);
    expect(await store.pendingMigrations()).toEqual([]);
  }, LOADS_MS);

  it('validate, seed and stats', async () => {
    const valid = await graph('validate', '--dir', FIXTURE_DIR);
    expect(valid.code, valid.err).toBe(0);
    expect(valid.out).toMatch(new RegExp(`valid \\(${FIXTURE_NODES} nodes, \\d+ relationships\\)`));
    const seeded = await graph('seed', '--dir', FIXTURE_DIR);
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toMatch(new RegExp(`^loaded ${FIXTURE_NODES} nodes and \\d+ relationships in \\d+ ms`, 'm'));
    const stats = await graph('stats');
    expect(stats.code, stats.err).toBe(0);
    const nodes = [...stats.out.matchAll(/^\s*(Policy|Agency|Firm|Region|Sector|Event|Person|Indicator|Source)\s*[│|]\s*(\d+)/gm)];
    expect(nodes.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(FIXTURE_NODES);
    const fingerprint = await graphFingerprint(store);
    expect(fingerprint.nodes).toBe(FIXTURE_NODES);
    // Seeding again gives the same graph, not a second copy.
    expect((await graph('seed', '--dir', FIXTURE_DIR)).code).toBe(0);
    expect(await graphFingerprint(store)).toEqual(fingerprint);
  }, LOADS_MS);

  it('refuses a seed folder that does not validate, and writes nothing', async () => {
    const before = await graphFingerprint(store);
    const bad = await graph('seed', '--dir', projectPath('tests/fixtures/graph-does-not-exist'));
    expect(bad.code).not.toBe(0);
    expect(await graphFingerprint(store)).toEqual(before);
  });

  it('a load killed half-way leaves the previous graph or the complete new one', async () => {
    expect((await graph('seed', '--dir', FIXTURE_DIR)).code).toBe(0);
    const previous = await graphFingerprint(store);
    const outcomes = await killLoadsAfter([1_500, 4_000, 8_000], { env: process.env, previous, fingerprint: () => graphFingerprint(store) });
    expect(outcomes).toContain('previous');
    expect((await graph('seed', '--dir', FIXTURE_DIR)).code).toBe(0);
    expect(await graphFingerprint(store)).toEqual(previous);
  }, 2 * LOADS_MS);
});
