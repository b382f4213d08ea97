/**
 * Limits that apply before anything runs: nesting depth, the complexity budget and the page
 * size cap. Each refusal names the limit and what to ask for instead; queries the web pages
 * send stay within them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/graphql/limits.js';
import { EXAMPLES } from '../../src/web/client/playground-examples.js';
import { startApi, codesOf, dataOf, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

/** `levels` nested relations → node pairs, ending in id. */
function chain(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `relations(first: 1) { node { ${inner} } }`;
  return inner;
}
const nested = (levels: number) => `{ entity(id: "china") { ${chain(levels)} } }`;

describe('depth', () => {
  it(`refuses a query nested deeper than ${DEFAULT_LIMITS.maxDepth} fields, before running it`, async () => {
    const r = await api.gql(nested(5)); // entity + 5 × (relations, node) + id = 12 levels
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.message).toBe(
      `the query is nested 12 fields deep; at most ${DEFAULT_LIMITS.maxDepth} are allowed: ask for fewer nested levels (split it into several queries)`,
    );
    expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxDepth', depth: 12, maxDepth: 10 });
    expect(api.lastRoundTrips()).toBe(0);
  });

  it('counts fragments and accepts a query at the limit', async () => {
    const viaFragment = await api.gql(`fragment Deep on Entity { ${chain(5)} } { entity(id: "china") { ...Deep } }`);
    expect(codesOf(viaFragment)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const r = await api.gql(nested(4)); // 10 levels
    expect(r.body.errors).toBeUndefined();
  });

  it('leaves introspection out of the count (the playground reads the schema)', async () => {
    const r = await api.gql(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.__schema.types.length).toBeGreaterThan(20);
  });
});

describe('complexity', () => {
  it('refuses a query over the budget, saying its cost and the budget', async () => {
    const r = await api.gql('{ search(text: "law", first: 100) { entity { relations(first: 100) { node { name } } } } }');
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.message).toMatch(/^the query's complexity is \d+, over the budget of 5000: ask for smaller pages \(first\), fewer nested lists or fewer fields$/);
    expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxComplexity', maxComplexity: 5000 });
    expect(r.body.errors![0]!.extensions.complexity as number).toBeGreaterThan(5000);
    expect(api.lastRoundTrips()).toBe(0);
  });

  it('prices with the variables: the same query is refused or run by the page size it asks for', async () => {
    const query = 'query($n: Int) { search(text: "security", first: $n) { entity { relations(first: $n) { type node { id name } } } } }';
    expect(codesOf(await api.gql(query, { n: 80 }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(dataOf(await api.gql(query, { n: 10 })).search.length).toBeGreaterThan(0);
  });

  it('passes every example query of the playground, which the browser tests run', async () => {
    for (const example of EXAMPLES) {
      const variables = example.variables ? JSON.parse(example.variables) : {};
      const r = await api.gql(example.query, variables);
      expect(r.body.errors, example.title).toBeUndefined();
    }
  });
});

describe('page size', () => {
  it('caps every paged list at 100, like GitHub', async () => {
    const queries = [
      '{ search(text: "law", first: 101) { score } }',
      '{ policies(first: 101) { totalCount } }',
      '{ timeline(first: 101) { date } }',
      '{ indicators(first: 101) { id } }',
      '{ entity(id: "china") { relations(first: 101) { type } } }',
    ];
    for (const query of queries) {
      const r = await api.gql(query);
      expect(codesOf(r), query).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors![0]!.message, query).toBe('first must be from 1 to 100 (got 101): pages hold at most 100 items; ask for the next page instead');
    }
  });

  it('serves a full page of 100', async () => {
    const { policies } = dataOf(await api.gql('{ policies(first: 100) { edges { cursor } } }'));
    expect(policies.edges.length).toBeGreaterThan(50);
    expect(policies.edges.length).toBeLessThanOrEqual(100);
  });
});
