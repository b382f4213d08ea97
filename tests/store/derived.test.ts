/**
 * The derived properties (src/seeds/derived.ts): what the loader writes, and what the
 * migration fills in on a graph loaded before they existed — the same values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { exactKeys, exactSearchKey, KEY_SEPARATOR, listDate, UNDATED } from '../../src/seeds/derived.js';
import type { GraphData } from '../../src/seeds/graph-data.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';

const S = KEY_SEPARATOR;

describe('derived properties', () => {
  it('exactKeys: the id as it is, names and aliases in lower case, each between separators', () => {
    expect(exactKeys('csl', ['Cybersecurity Law', null, '网络安全法', '', 'CSL'])).toBe(`${S}csl${S}cybersecurity law${S}网络安全法${S}csl${S}`);
    expect(exactSearchKey('  Cybersecurity LAW ')).toBe(`${S}cybersecurity law${S}`);
    expect(exactSearchKey(`a${S}b`)).toBeNull();
    expect(exactSearchKey('   ')).toBeNull();
  });

  it('listDate: issued, else effective, else undated (listed last)', () => {
    expect(listDate({ id: 'p', issued: '2016-11-07', issuedPrecision: 'DAY', effective: '2017-06-01', effectivePrecision: 'DAY' })).toEqual({ listDate: '2016-11-07', listDatePrecision: 'DAY' });
    expect(listDate({ id: 'p', issued: null, issuedPrecision: null, effective: '2017', effectivePrecision: 'YEAR' })).toEqual({ listDate: '2017', listDatePrecision: 'YEAR' });
    expect(listDate({ id: 'p', issued: null, effective: null })).toEqual({ listDate: UNDATED, listDatePrecision: null });
  });
});

describe('the migration fills them in on a graph loaded without them (Kùzu)', () => {
  let store: KuzuStore;
  let graph: GraphData;
  const opts = { timeoutMs: 10_000, maxRows: 100_000 };
  beforeAll(async () => {
    const checked = checkSeedFolder(projectPath('seeds'));
    expect(checked.problems).toEqual([]);
    graph = checked.graph;
    const stripped: GraphData = {
      ...graph,
      nodes: Object.fromEntries(Object.entries(graph.nodes).map(([label, rows]) => [label, rows!.map((r) => ({
        ...r, ...('exactKeys' in r ? { exactKeys: null } : {}), ...('listDate' in r ? { listDate: null, listDatePrecision: null } : {}),
      }))])),
    };
    store = await KuzuStore.open({ path: ':memory:', bufferPoolMb: 256 });
    await loadGraph(store, stripped);
    const before = await store.readOnlyCypher('MATCH (p:Policy) WHERE p.listDate IS NOT NULL RETURN count(*) AS n', {}, opts);
    expect(before.rows[0]!.n).toBe(0);
    await store.migrate();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('exactKeys of every entity as the loader writes them', async () => {
    const want = Object.values(graph.nodes).flatMap((rows) => rows!.filter((r) => 'exactKeys' in r).map((r): [string, unknown] => [r.id, r.exactKeys]));
    const got = await store.readOnlyCypher('MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person) RETURN n.id AS id, n.exactKeys AS k', {}, opts);
    expect(new Map(got.rows.map((r) => [r.id, r.k]))).toEqual(new Map(want));
  });

  it('listDate of every policy as the loader writes it', async () => {
    const want = graph.nodes.Policy!.map((r): [string, unknown] => [r.id, [r.listDate, r.listDatePrecision]]);
    const got = await store.readOnlyCypher('MATCH (p:Policy) RETURN p.id AS id, p.listDate AS d, p.listDatePrecision AS pr', {}, opts);
    expect(new Map(got.rows.map((r) => [r.id, [r.d, r.pr]]))).toEqual(new Map(want));
    // The seeds hold policies dated by their effective date only: the fallback is exercised.
    expect(graph.nodes.Policy!.some((r) => r.issued === null && r.effective !== null && r.listDate === r.effective)).toBe(true);
  });

  it('writes nothing the second time', async () => {
    await store.migrate();
    const got = await store.readOnlyCypher('MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person) WHERE n.exactKeys IS NULL RETURN count(*) AS n', {}, opts);
    expect(got.rows[0]!.n).toBe(0);
  });
});
