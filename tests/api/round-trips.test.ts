/**
 * No N+1: nested fields are batched per request, so the database round trips of a query grow
 * with its depth and not with the number of results. Counted from the request log line.
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

async function roundTrips(query: string, variables: Record<string, unknown>): Promise<{ trips: number; data: Record<string, any> }> {
  const data = dataOf(await api.gql(query, variables));
  return { trips: api.lastRoundTrips(), data };
}

describe('round trips', () => {
  // Levels below the root: hits → the entities' relations and citations → the related
  // entities → their relations → the entities at the far end.
  const SEARCH = `query($n: Int) {
    search(text: "security", first: $n) {
      entity {
        id name
        citations { sourceTitle }
        relations(first: 10) {
          type
          node { id name relations(first: 5) { node { id } } }
        }
      }
    }
  }`;

  it('a nested search over 1 result and over 20 results makes the same number of round trips', async () => {
    const one = await roundTrips(SEARCH, { n: 1 });
    const many = await roundTrips(SEARCH, { n: 20 });
    expect(one.data.search).toHaveLength(1);
    expect(many.data.search).toHaveLength(20);
    const relations = many.data.search.reduce((n: number, h: { entity: { relations: unknown[] } }) => n + h.entity.relations.length, 0);
    expect(relations).toBeGreaterThan(60);
    expect(many.trips).toBe(one.trips);
    // searchFullText + searchExact, the hits' entities, their relations + the cited sources,
    // the related entities, their relations, the far entities: 8, whatever the number of hits.
    expect(many.trips).toBe(8);
  });

  it('a page of policies with nested lists: 1 policy or 100, the same round trips', async () => {
    const PAGE = `query($n: Int) {
      policies(first: $n) {
        totalCount
        nodes { id issuers { id } jurisdictions { id } sectors { id } citations { sourceTitle } }
      }
    }`;
    const one = await roundTrips(PAGE, { n: 1 });
    const many = await roundTrips(PAGE, { n: 60 });
    expect(many.data.policies.nodes).toHaveLength(60);
    expect(many.trips).toBe(one.trips);
    // page, count, the policies, their relations + the cited sources, the related entities.
    expect(many.trips).toBe(6);
  });

  it('grows with depth: one more level of relations costs two more round trips (relations, entities)', async () => {
    const level1 = await roundTrips('{ entity(id: "china") { relations(first: 30) { node { id } } } }', {});
    const level2 = await roundTrips('{ entity(id: "china") { relations(first: 30) { node { id relations(first: 30) { node { id } } } } } }', {});
    expect(level1.trips).toBe(3);
    expect(level2.trips).toBe(level1.trips + 2);
  });

  it('neighbourhoods: one relations batch and one entity batch per level, for all aliases together', async () => {
    const one = await roundTrips('{ a: neighborhood(id: "china", depth: 2) { nodes { id } } }', {});
    const three = await roundTrips(`{
      a: neighborhood(id: "china", depth: 2) { nodes { id } }
      b: neighborhood(id: "cybersecurity-law", depth: 2) { nodes { id } }
      c: neighborhood(id: "venustech", depth: 2) { nodes { id } }
    }`, {});
    expect(one.data.a.nodes.length).toBeGreaterThan(50);
    expect(one.trips).toBe(5);
    expect(three.trips).toBe(5);
  });
});
