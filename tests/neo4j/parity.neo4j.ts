/**
 * Engine parity: the seed graph in both engines, the same GraphQL requests to a server on each,
 * and the JSON answers must be identical (order included). The requests: every example of
 * README.md and docs/API.md, and more chosen for filters, cursors, asOf, search (English,
 * Chinese, empty, no hit, first N), empty results and errors. A difference is a bug in a query or an adapter, not in this list.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { startApi, type Api } from '../api/helpers.js';

const examples = (file: string, perLine: boolean) =>
  [...readFileSync(projectPath(file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
    .flatMap((m) => (perLine ? m[1]!.split('\n') : [m[1]!]))
    .map((q) => q.replace(/\s+#.*$/gm, '').trim())
    .filter(Boolean);

const ENTITY = `id type name nameZh ... on Policy { issuedLabel effectiveLabel kind issuers { id } } citations { sourceTitle locator note }
  relations(first: 100) { type direction node { id } startLabel endLabel role citations { sourceTitle } }`;

/** Requests beyond the documents' examples, named for the failure message. */
const MORE: [string, string][] = [
  ...['cybersecurity-law', 'data-security-law', 'pipl', 'made-in-china-2025', 'cac', 'miit', 'venustech', 'qihoo-360', 'china', 'shanghai',
    'cybersecurity-industry', 'industrial-internet-security', 'no-such-entity'].map((id): [string, string] => [`entity ${id}`, `{ entity(id: "${id}") { ${ENTITY} } }`]),
  ...['Data Security Law', 'cybersecurity', 'security', '数据安全法', '网络安全', '个人信息', 'Venustech', 'law', 'zzzz-nothing', 'industrial internet', 'CAC', 'Shanghai', '中国'].map(
    (text): [string, string] => [`search ${text}`, `{ search(text: "${text}") { score exact entity { id type name } } }`],
  ),
  ...['state-council', 'chinese-academy-of-sciences', 'connected-car-security-center', 'nist', 'platform-industrie-4-0', 'meti', 'g-cloud', 'hollysys', 'saic', 'nozomi']
    .map((id): [string, string] => [`neighborhood of ${id}`, `{ neighborhood(id: "${id}", depth: 1) { nodes { id type label } edges { source target type } truncated } }`]),
  ['search with a type filter', '{ search(text: "security", types: [POLICY]) { score exact entity { id } } }'],
  ['search with two types', '{ search(text: "security", types: [FIRM, AGENCY], first: 100) { score exact entity { id type } } }'],
  ['search, first 3', '{ search(text: "security", first: 3) { entity { id } } }'],
  ...[1, 5, 10, 50, 100].map((first): [string, string] => [`search, first ${first}`, `{ search(text: "information security", first: ${first}) { score exact entity { id } } }`]),
  ...['数据安全', '安全', '网络安全法', '中华人民共和国', '工业互联网', 'CAC 网信办', "People's Republic", 'x-ray 5G', 'the of and', '2025', 'industrial internet security', 'Made in China 2025']
    .map((text): [string, string] => [`search ${text}`, `{ search(text: "${text}", first: 100) { score exact entity { id type name nameZh } } }`]),
  ['search, empty text', '{ search(text: "") { score } }'],
  ['search, punctuation only', '{ search(text: "?!*") { score } }'],
  ['policies, all', '{ policies(first: 100) { totalCount edges { cursor node { id issuedLabel } } pageInfo { hasNextPage endCursor } } }'],
  ['policies, kinds', '{ policies(filter: { kinds: ["LAW", "PLAN"] }, first: 50) { totalCount edges { node { id kind } } } }'],
  ['policies, a sector', '{ policies(filter: { sectorId: "cybersecurity-industry" }, first: 50) { totalCount edges { node { id } } } }'],
  ['policies, a date range', '{ policies(filter: { from: "2015-01-01", to: "2018-12-31" }, first: 50) { totalCount edges { node { id issuedLabel } } } }'],
  ['policies, text', '{ policies(filter: { text: "data" }, first: 50) { totalCount edges { node { id } } } }'],
  ['policies, nothing', '{ policies(filter: { text: "zzzz-nothing" }, first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }'],
  ['policies, a bad cursor', '{ policies(first: 5, after: "not-a-cursor") { totalCount } }'],
  ['timeline, a decade', '{ timeline(from: "2010-01-01", to: "2019-12-31") { date dateLabel kind label entity { id } } }'],
  ['timeline, a region', '{ timeline(regionId: "shanghai") { date kind entity { id } } }'],
  ['timeline, a sector', '{ timeline(sectorId: "cybersecurity-industry", first: 30) { date kind entity { id } } }'],
  ['timeline, an agency', '{ timeline(agencyId: "cac") { date kind entity { id } } }'],
  ['timeline, a bad date', '{ timeline(from: "2019-02-30") { date } }'],
  ['policyDrivers, a sector', '{ policyDrivers(sectorId: "cybersecurity-industry") { policy { id } sectors { id } firms { id } via } }'],
  ['policyDrivers, unknown', '{ policyDrivers(sectorId: "no-such-sector") { policy { id } } }'],
  ['relations, the first few of hubs and of theirs', '{ entity(id: "china") { relations(first: 3) { type direction start node { id relations(first: 2) { type direction start end node { id } } } } } }'],
  ['relations, the first of a sector tree', '{ entity(id: "cybersecurity-industry") { relations(first: 4) { type node { id relations(first: 1) { type direction node { id } } } } } }'],
  ['relations, the first outgoing of theirs', '{ entity(id: "cybersecurity-law") { relations(direction: OUT, first: 4) { type node { id relations(direction: OUT, first: 2) { type node { id } } } } } }'],
  ['relations, the first incoming and outgoing at one level', '{ entity(id: "china") { a: relations(direction: IN, first: 2) { type node { id } } b: relations(direction: OUT, first: 1) { type node { id } } c: relations(first: 3) { type direction node { id } } } }'],
  ['neighborhood depth 1', '{ neighborhood(id: "cybersecurity-law", depth: 1) { nodes { id type } edges { source target type } truncated } }'],
  ['neighborhood depth 2', '{ neighborhood(id: "venustech", depth: 2) { nodes { id } edges { source target type } truncated } }'],
  ['neighborhood asOf 2010', '{ neighborhood(id: "cac", depth: 1, asOf: "2010-01-01") { nodes { id } edges { source target type } } }'],
  ['neighborhood asOf 2020', '{ neighborhood(id: "cac", depth: 1, asOf: "2020-06-30") { nodes { id } edges { source target type } } }'],
  ['neighborhood of nothing', '{ neighborhood(id: "no-such-entity") { nodes { id } } }'],
  ['path', '{ path(fromId: "cybersecurity-law", toId: "venustech") { nodes { id } edges { source target type } } }'],
  ['path, depth 1', '{ path(fromId: "cybersecurity-law", toId: "venustech", maxDepth: 1) { nodes { id } } }'],
  ['path, long', '{ path(fromId: "pipl", toId: "qihoo-360", maxDepth: 8) { nodes { id } edges { type } } }'],
  ['indicators, all', '{ indicators { metric value unit year kind subject { id } sector { id } } }'],
  ['indicators, a metric', '{ indicators(subjectId: "china", metric: "market size") { year value kind } }'],
  ['indicators, kinds', '{ indicators(kinds: [FORECAST, TARGET]) { metric year kind } }'],
  ['stats', '{ stats { nodeCount relationshipCount nodes { label count } relationships { type count } } }'],
  ['cypher, a read', '{ cypher(query: "MATCH (p:Policy) RETURN p.id AS id ORDER BY id LIMIT 5") { columns rows truncated } }'],
  ['cypher, refused', '{ cypher(query: "MATCH (n) DETACH DELETE n") { rows } }'],
  ['an unknown field', '{ nothing }'],
  ['a syntax error', '{ entity(id: '],
  ['a page over the cap', '{ policies(first: 100000) { totalCount } }'],
];

const isSearch = (query: string) => /\bsearch\(/.test(query);

let kuzu: Api;
let neo: Api;
beforeAll(async () => {
  [kuzu, neo] = [await startApi({ engine: 'kuzu', production: true }), await startApi({ engine: 'neo4j', production: true })];
}, 300_000);
afterAll(async () => {
  await Promise.all([kuzu?.close(), neo?.close()]);
});

const requests: [string, string][] = [
  ...examples('README.md', true).map((q, i): [string, string] => [`README example ${i + 1}`, q]),
  ...examples('docs/API.md', false).map((q, i): [string, string] => [`docs/API.md example ${i + 1}`, q]),
  ...MORE,
];

describe('both engines give the same answers', () => {
  it(`asks at least 50 requests beyond the documents, search aside (${MORE.filter(([, q]) => !isSearch(q)).length}), and ${MORE.filter(([, q]) => isSearch(q)).length} searches`, () => {
    expect(MORE.filter(([, q]) => !isSearch(q)).length).toBeGreaterThanOrEqual(50);
    expect(MORE.filter(([, q]) => isSearch(q)).length).toBeGreaterThanOrEqual(30);
  });

  // Search too: the ranking is ours (src/graphql/services/search.ts, docs/API.md), so both
  // engines must give the same hits with the same scores in the same order.
  for (const [what, query] of requests) {
    it(what, async () => {
      const [a, b] = await Promise.all([kuzu.gql(query), neo.gql(query)]);
      expect({ status: b.status, body: b.body }, query).toEqual({ status: a.status, body: a.body });
    });
  }

  it('finds hits on both for the searches meant to find some, and a first N that is the start of the longer list', async () => {
    for (const api of [kuzu, neo]) {
      const hits = async (text: string, first: number) =>
        ((await api.gql(`query($t: String!, $f: Int) { search(text: $t, first: $f) { entity { id } } }`, { t: text, f: first })).body.data!.search as { entity: { id: string } }[]).map((h) => h.entity.id);
      const all = await hits('information security', 100);
      expect(all.length).toBeGreaterThan(10);
      for (const first of [1, 5, 10]) expect(await hits('information security', first)).toEqual(all.slice(0, first));
      expect(await hits('数据安全', 5)).toContain('data-security-law');
      expect(await hits('zzzz-nothing', 5)).toEqual([]);
    }
  });

  it('pages through every policy with cursors, the same pages on both', async () => {
    const pages: unknown[][] = [[], []];
    for (const [k, api] of [kuzu, neo].entries()) {
      let after: string | null = null;
      do {
        const r: { body: { data?: any } } = await api.gql('query($after: String) { policies(first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }', { after });
        const page = r.body.data!.policies;
        pages[k]!.push(page.edges);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    }
    expect(pages[1]).toEqual(pages[0]);
    expect(pages[0]!.length).toBeGreaterThan(3);
  });
});
