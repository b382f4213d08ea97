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

/** `count` fragments on Query, each spreading the next `fanOut` times, the last asking for `leaf`. */
/** Limits without the edge's field-merging gate, to reach the limits behind it. */
const NO_FIELD_MERGING_GATE = { maxExpandedFields: Infinity, maxFieldComparisons: Infinity };

function fragmentBomb(count: number, fanOut: number, leaf: string): string {
  const fragments = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? `fragment F${i} on Query { ${leaf} }` : `fragment F${i} on Query { ${Array(fanOut).fill(`...F${i + 1}`).join(' ')} }`);
  return `query Bomb { ...F0 } ${fragments.join(' ')}`;
}

/** Runs `work` while asking /healthz every 50 ms; the slowest health answer, in ms. */
async function whileHealthy<T>(work: Promise<T>): Promise<{ result: T; ms: number; slowestHealth: number }> {
  const started = performance.now();
  let slowestHealth = 0;
  let done = false;
  const probe = (async () => {
    while (!done) {
      const at = performance.now();
      await fetch(`${api.url}/healthz`);
      slowestHealth = Math.max(slowestHealth, performance.now() - at);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work;
  const ms = performance.now() - started;
  done = true;
  await probe;
  return { result, ms, slowestHealth };
}

describe('hostile documents: refused before anything runs, in time linear in their size', () => {
  it('refuses a 100 KB padded document within a second, /healthz answering meanwhile', async () => {
    const padded = fragmentBomb(3000, 3, 'c: cypher(query: "MATCH (a)-[*1..3]-(b) RETURN count(*) AS n") { rows }');
    expect(padded.length).toBeGreaterThan(100_000);
    const { result: r, ms, slowestHealth } = await whileHealthy(api.gql(padded));
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(r.body.errors![0]!.message).toMatch(/Document contains more th[ae]t? 2000 tokens/);
    expect(ms).toBeLessThan(1000);
    expect(slowestHealth).toBeLessThan(1000);
    expect(api.lastRoundTrips()).toBe(0);
  });

  it('prices fragments spread inside fragments once each: an exponential expansion is refused, never skipped', async () => {
    // The edge's expansion bound (below) refuses these first; without it, pricing must still.
    const behindTheGate = await startApi({ limits: NO_FIELD_MERGING_GATE });
    try {
      for (const target of [api, behindTheGate]) {
        for (const leaf of ['c: cypher(query: "MATCH (n) RETURN count(n) AS n") { rows }', 'n: neighborhood(id: "china", depth: 3) { nodes { id } }', 'stats { nodeCount }']) {
          const started = performance.now();
          const r = await target.gql(fragmentBomb(60, 2, leaf));
          expect(performance.now() - started, leaf).toBeLessThan(1000);
          expect(r.status, leaf).toBe(400);
          expect(codesOf(r), leaf).toEqual(['GRAPHQL_VALIDATION_FAILED']);
          // Behind the gate: aliases are counted through fragments, and the price.
          expect(r.body.errors![0]!.extensions.limit, leaf).toBe(target === api ? 'maxExpandedFields' : leaf.includes(':') ? 'maxAliases' : 'maxComplexity');
          expect(target.lastRoundTrips()).toBe(0);
        }
      }
    } finally {
      await behindTheGate.close();
    }
  });

  it('refuses a price too large to be a number (fail closed), given tokens enough to write it', async () => {
    const roomy = await startApi({ limits: { maxTokens: 100_000, ...NO_FIELD_MERGING_GATE } });
    try {
      const r = await roomy.gql(fragmentBomb(1100, 2, 'stats { nodeCount }'));
      expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxComplexity', complexity: 'Infinity' });
    } finally {
      await roomy.close();
    }
  });

  it('measures depth through nested fragment spreads in linear time (it was exponential: 1 KB held the loop for 17 s)', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment D${i} on Entity { ...D${i + 1} ...D${i + 1} id }`).join(' ');
    const query = `{ entity(id: "china") { ...D0 } } ${fragments} fragment D40 on Entity { ${chain(5)} }`;
    expect(query.length).toBeLessThan(2_500);
    const behindTheGate = await startApi({ limits: NO_FIELD_MERGING_GATE });
    try {
      const started = performance.now();
      const r = await behindTheGate.gql(query);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxDepth', depth: 12 });
      // With the gate, the same document is refused sooner, for spreading out too far.
      expect((await api.gql(query)).body.errors![0]!.extensions).toMatchObject({ limit: 'maxExpandedFields' });
    } finally {
      await behindTheGate.close();
    }
  });

  it('caps cypher per operation, however it is spelt: aliases, fragments', async () => {
    const c = (i: number) => `c${i}: cypher(query: "MATCH (n) RETURN count(n) AS n") { rows }`;
    expect(dataOf(await api.gql(`{ ${c(0)} ${c(1)} }`)).c1.rows).toHaveLength(1);
    for (const query of [
      `{ ${c(0)} ${c(1)} ${c(2)} }`,
      `{ ...A ...A } fragment A on Query { ${c(0)} ${c(1)} }`,
    ]) {
      const r = await api.gql(query);
      expect(codesOf(r), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors![0]!.extensions, query).toMatchObject({ limit: 'maxCypherFields', maxCypherFields: 2 });
      expect(api.lastRoundTrips()).toBe(0);
    }
    const flood = await api.gql(`{ ${Array.from({ length: 300 }, (_, i) => c(i)).join(' ')} }`);
    expect(flood.status).toBe(400);
    expect(codesOf(flood).length).toBeGreaterThan(0);
    // 300 of them are past the token cap even before the alias and cypher caps.
    expect(codesOf(flood)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('caps aliases (through fragments) and directives', async () => {
    const aliases = await api.gql(`{ ...A } fragment A on Query { ${Array.from({ length: 31 }, (_, i) => `e${i}: entity(id: "china") { id }`).join(' ')} }`);
    expect(codesOf(aliases)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(aliases.body.errors![0]!.message).toMatch(/^Aliases limit of 30 exceeded, found 31\. /);
    expect(aliases.body.errors![0]!.extensions).toMatchObject({ limit: 'maxAliases', maximum: 30, found: 31 });
    const directives = await api.gql(`{ stats ${'@include(if: true) '.repeat(21)}{ nodeCount } }`);
    expect(codesOf(directives)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(directives.body.errors!.some((e) => e.extensions.limit === 'maxDirectives')).toBe(true);
  });

  it('refuses 300 depth-3 neighbourhoods, and prices path by maxDepth and neighbourhood by depth', async () => {
    const many = await api.gql(`{ ${Array.from({ length: 300 }, (_, i) => `n${i}: neighborhood(id: "china", depth: 3) { nodes { id } }`).join(' ')} }`);
    expect(many.status).toBe(400);
    const complexity = async (query: string) => {
      const before = api.logs.length;
      await api.gql(query);
      return api.logs.slice(before).find((l) => l.msg === 'request')!.complexity as number;
    };
    const path = (d: number) => complexity(`{ path(fromId: "made-in-china-2025", toId: "venustech", maxDepth: ${d}) { nodes { id } } }`);
    const hood = (d: number) => complexity(`{ neighborhood(id: "venustech", depth: ${d}) { nodes { id } } }`);
    const [p1, p4, p8, n1, n2, n3] = [await path(1), await path(4), await path(8), await hood(1), await hood(2), await hood(3)];
    expect(p1).toBeLessThan(p4);
    expect(p4).toBeLessThan(p8);
    expect(n1).toBeLessThan(n2);
    expect(n3 - n2).toBeGreaterThan(n2 - n1);
    // 20 of the widest neighbourhoods fit; 30 do not.
    const hoods = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: neighborhood(id: "venustech", depth: 3) { nodes { id } }`).join(' ')} }`;
    expect(codesOf(await api.gql(hoods(30)))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses variables nested beyond the bound with BAD_USER_INPUT, never a 500, quickly', async () => {
    const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const depth of [33, 2_000, 10_000, 100_000]) {
      const started = performance.now();
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"query($p: JSON) { cypher(query: \\"RETURN $a AS a\\", params: $p) { rows } }","variables":{"p":${nestedJson(depth)}}}`,
      });
      expect(response.status, String(depth)).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code, String(depth)).toBe('BAD_USER_INPUT');
      expect(body.errors[0]!.message).toMatch(/nested more than 32 levels/);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // Within the bound, the value reaches the statement.
    const ok = await api.gql('query($p: JSON) { cypher(query: "RETURN $a AS a", params: $p) { rows } }', { p: { a: JSON.parse(nestedJson(3)) } });
    expect(ok.status).toBe(200);
    // The same bound over GET.
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('query($t: [EntityType!]) { search(text: "law", types: $t) { score } }')}&variables=${encodeURIComponent(`{"t":${'['.repeat(500)}${']'.repeat(500)}}`)}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('repeated fields (graphql-js compares same-named fields pairwise while validating)', () => {
  it('refuses a field repeated hundreds of times before validating it, fast, naming the field', async () => {
    // 9.6 KB, under the token cap: validating it held the event loop for 0.7 to 1.2 s.
    const started = performance.now();
    const r = await api.gql(`{ ${'stats { nodeCount } '.repeat(480)}}`);
    const ms = performance.now() - started;
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.message).toMatch(/^the query repeats fields too often \(stats 480 times\): checking that the repeats agree would take \d+ comparisons, at most 2000 are allowed; ask for each field once$/);
    expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxFieldComparisons', comparisons: 2 * (480 * 479) / 2, maxFieldComparisons: 2000 });
    expect(api.lastRoundTrips()).toBe(0);
    expect(ms).toBeLessThan(300);
  });

  it('counts repeats through fragments, __typename included', async () => {
    const spreads = Array.from({ length: 150 }, (_, i) => `...F${i}`).join(' ');
    const fragments = Array.from({ length: 150 }, (_, i) => `fragment F${i} on Query { stats { nodeCount } }`).join(' ');
    const viaFragments = await api.gql(`{ ${spreads} } ${fragments}`);
    expect(codesOf(viaFragments)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(viaFragments.body.errors![0]!.extensions).toMatchObject({ limit: 'maxFieldComparisons' });
    const typename = await api.gql(`{ ${'__typename '.repeat(1990)}}`);
    expect(typename.body.errors![0]!.extensions).toMatchObject({ limit: 'maxFieldComparisons', comparisons: (1990 * 1989) / 2 });
  });

  it('refuses a document whose fragments spread out past the bound, without spreading them', async () => {
    // Each fragment spreads the next twice: 2^40 fields once spread, 1 KB of text.
    const chainOf = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Entity { id ...F${i + 1} ...F${i + 1} }`).join(' ');
    const r = await api.gql(`{ entity(id: "china") { ...F0 } } ${chainOf} fragment F40 on Entity { name }`);
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.extensions).toMatchObject({ limit: 'maxExpandedFields', maxExpandedFields: 5000 });
  });

  it('lets through the repeats real queries have: the same field in a few fragments (the playground examples pass above)', async () => {
    const r = await api.gql('fragment A on Entity { id name } fragment B on Entity { id type } { entity(id: "china") { id ...A ...B name } }');
    expect(r.body.errors).toBeUndefined();
    expect(dataOf(r).entity.id).toBe('china');
  });
});
