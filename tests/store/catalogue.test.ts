/**
 * The catalogue gate, part one: every read query in cypher/queries runs on Kùzu against the
 * fixture graph and its rows are checked (cases in tests/store/cases/*.cases.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/store/catalogue.js';
import type { Store } from '../../src/store/port.js';
import type { CatalogueCase } from './catalogue-case.js';
import { openSeededStore } from '../helpers/fixture-store.js';

const modules = import.meta.glob<{ cases: CatalogueCase[] }>('./cases/*.cases.ts', { eager: true });
const cases = Object.values(modules).flatMap((m) => m.cases);

let store: Store;
beforeAll(async () => {
  store = await openSeededStore();
});
afterAll(async () => {
  await store?.close();
});

describe('catalogue on Kùzu', () => {
  it('has a case for every read query', () => {
    const readQueries = [...loadCatalogue().values()].filter((q) => q.mode === 'read' && !q.file.includes('/writes/'));
    const covered = new Set(cases.map((c) => c.query));
    expect(readQueries.map((q) => q.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('names only queries that exist', () => {
    const names = new Set(loadCatalogue().keys());
    expect(cases.map((c) => c.query).filter((n) => !names.has(n))).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.query}${c.title ? `: ${c.title}` : ''}`, async () => {
      c.check(await store.run(c.query, c.params ?? {}));
    });
  }
});
