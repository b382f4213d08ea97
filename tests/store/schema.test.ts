/**
 * The schema in cypher/schema/kuzu.cypher is the one src/model.ts describes, and the tables
 * Kùzu creates from it have exactly the model's properties and relationship ends.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { kuzuDdl } from '../../src/store/kuzu/ddl.js';
import { LABELS, NODE_PROPERTIES, RELATIONSHIPS, RELATIONSHIP_PROPERTIES } from '../../src/model.js';
import { projectPath } from '../../src/paths.js';

describe('Kùzu schema', () => {
  let store: KuzuStore;
  const opts = { timeoutMs: 5_000, maxRows: 10_000 };
  beforeAll(async () => {
    store = await KuzuStore.open({ path: ':memory:', bufferPoolMb: 128 });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('is what src/model.ts generates (regenerate: npm run graph -- schema kuzu > cypher/schema/kuzu.cypher)', () => {
    expect(readFileSync(projectPath('cypher/schema/kuzu.cypher'), 'utf8')).toBe(kuzuDdl());
  });

  it('creates every node table with the model properties and types', async () => {
    for (const label of LABELS) {
      const info = await store.readOnlyCypher(`CALL table_info('${label}') RETURN *`, {}, opts);
      const columns = Object.fromEntries(info.rows.map((r) => [r.name, r.type]));
      expect(columns, label).toEqual(NODE_PROPERTIES[label]);
    }
  });

  it('creates every relationship table with the model ends and properties', async () => {
    for (const [type, pairs] of Object.entries(RELATIONSHIPS)) {
      const ends = await store.readOnlyCypher(`CALL show_connection('${type}') RETURN *`, {}, opts);
      const got = ends.rows.map((r) => `${r['source table name']}->${r['destination table name']}`).sort();
      expect(got, type).toEqual(pairs.map(([f, t]) => `${f}->${t}`).sort());
      const info = await store.readOnlyCypher(`CALL table_info('${type}') RETURN *`, {}, opts);
      expect(Object.fromEntries(info.rows.map((r) => [r.name, r.type])), type).toEqual(RELATIONSHIP_PROPERTIES);
    }
  });

  it('migrates idempotently, with a full-text index per entity table', async () => {
    await store.migrate();
    const indexes = await store.readOnlyCypher('CALL show_indexes() RETURN *', {}, opts);
    expect(indexes.rows.map((r) => r.index_name).sort()).toEqual(
      ['agency_fts', 'event_fts', 'firm_fts', 'person_fts', 'policy_fts', 'region_fts', 'sector_fts'],
    );
  });
});
