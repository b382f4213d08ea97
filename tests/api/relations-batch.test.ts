/**
 * Regression: on kuzu 0.11.3, `label(r) IN $types` over a batch of several ids returned wrong
 * rows (a CITED_IN to a source in place of three real relationships), so a nested query
 * answered INTERNAL_SERVER_ERROR. The relations of a batch must equal those asked one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, dataOf, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

type Rel = { type: string; direction: string; node: { id: string } };

describe('relations of many entities at once', () => {
  it('are the relations each has on its own', async () => {
    const nested = dataOf(await api.gql(`{ entity(id: "cybersecurity-law") { relations(first: 20) { node { id relations(first: 40) { type direction node { id } } } } } }`));
    const neighbours = (nested.entity.relations as { node: { id: string; relations: Rel[] } }[]).map((r) => r.node);
    expect(neighbours.length).toBeGreaterThan(5);
    for (const n of neighbours) {
      const alone = dataOf(await api.gql(`query($id: ID!) { entity(id: $id) { relations(first: 40) { type direction node { id } } } }`, { id: n.id }));
      const key = (r: Rel) => `${r.type} ${r.direction} ${r.node.id}`;
      expect(n.relations.map(key).sort(), n.id).toEqual((alone.entity.relations as Rel[]).map(key).sort());
    }
  });
});
