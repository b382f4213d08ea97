/**
 * Loading is idempotent and atomic: the same seeds twice give the same graph, and a load that
 * fails half-way leaves the previous graph exactly as it was.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSeedFolder, loadGraph, type GraphData } from '../../src/seeds/index.js';
import type { Store } from '../../src/store/port.js';
import { openSeededStore, FIXTURE_DIR } from '../helpers/fixture-store.js';
import { graphFingerprint } from '../helpers/fingerprint.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('loading seeds', () => {
  it('gives the same graph when run twice', async () => {
    store = await openSeededStore();
    const before = await graphFingerprint(store);
    await loadGraph(store, checkSeedFolder(FIXTURE_DIR).graph);
    expect(await graphFingerprint(store)).toEqual(before);
    expect(before.nodes).toBe(27);
  });

  it('stores dates as the first day of their period with their precision', async () => {
    store = await openSeededStore();
    const rows = await store.readOnlyCypher(
      "MATCH (p:Policy) WHERE p.id IN ['cybersecurity-law-draft', 'made-in-china-2025'] RETURN p.id AS id, p.issued AS issued, p.issuedPrecision AS precision ORDER BY id",
      {}, { timeoutMs: 5_000, maxRows: 10 },
    );
    expect(rows.rows).toEqual([
      { id: 'cybersecurity-law-draft', issued: '2015-07-01', precision: 'MONTH' },
      { id: 'made-in-china-2025', issued: '2015-01-01', precision: 'YEAR' },
    ]);
  });

  it('leaves the previous on-disk graph as it was when a load fails half-way', async () => {
    store = await openSeededStore(FIXTURE_DIR, join(mkdtempSync(join(tmpdir(), 'load-')), 'graph.kuzu'));
    const before = await graphFingerprint(store);
    const graph = checkSeedFolder(FIXTURE_DIR).graph;
    // A row the engine rejects (not a date), placed after the clear and many writes.
    const broken: GraphData = {
      ...graph,
      relationships: [...graph.relationships, { ...graph.relationships[0]!, rows: [{ ...graph.relationships[0]!.rows[0]!, since: '2017-99-99', sincePrecision: 'DAY' }] }],
    };
    await expect(loadGraph(store, broken)).rejects.toThrow(/date/);
    expect(await graphFingerprint(store)).toEqual(before);
    // And a good load after the failed one replaces the graph as usual.
    await loadGraph(store, graph);
    expect(await graphFingerprint(store)).toEqual(before);
  }, 60_000); // three on-disk loads, and the ad hoc process restarted after each (a read-only handle cannot stay open during a write)
});
