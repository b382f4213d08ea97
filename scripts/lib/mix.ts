/**
 * A mix of requests over every root field of the API, with answers on the seed graph: what
 * the load test sends, round and round, from many connections at once.
 */
export interface MixRequest {
  /** The root field it exercises (for the per-field counts). */
  field: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const MIX: MixRequest[] = [
  { field: 'entity', query: '{ entity(id: "cybersecurity-law") { id name type aliases citations { sourceTitle locator } } }' },
  { field: 'entity', query: `query($id: ID!) { entity(id: $id) { id name ... on Firm { sectors { id name } regions { id } drivenBy { id name } }
      relations(first: 20) { type direction node { id name relations(first: 5) { type node { id } } } } } }`, variables: { id: 'venustech' } },
  { field: 'entity', query: '{ entity(id: "cyberspace-affairs-office") { id name ... on Agency { issued { id name issuedLabel } parent { id } } } }' },
  { field: 'entity', query: '{ entity(id: "no-such-entity") { id } }' },
  { field: 'search', query: '{ search(text: "Data Security Law") { score entity { id name type } } }' },
  { field: 'search', query: 'query($t: String!) { search(text: $t, types: [POLICY, AGENCY], first: 50) { score entity { id name nameZh } } }', variables: { t: '网络安全' } },
  { field: 'search', query: '{ search(text: "industrial internet", first: 10) { entity { id name relations(first: 3) { type node { id } } } } }' },
  { field: 'policies', query: '{ policies(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name issued } } } }' },
  { field: 'policies', query: '{ policies(first: 50, filter: { from: "2014-01-01", to: "2019-12-31", kinds: ["LAW", "REGULATION"] }) { totalCount nodes { id name issuers { id } sectors { id } } } }' },
  { field: 'policies', query: '{ policies(first: 10, filter: { jurisdictionId: "china", text: "security" }) { totalCount nodes { id name jurisdictions { id } } } }' },
  { field: 'timeline', query: '{ timeline(from: "2014-01-01", to: "2017-12-31") { date precision kind label entity { id name type } } }' },
  { field: 'timeline', query: '{ timeline(from: "2010-01-01", to: "2019-12-31", types: [POLICY, EVENT], first: 50) { date kind label } }' },
  { field: 'timeline', query: '{ timeline(sectorId: "cybersecurity-industry", first: 30) { date kind label entity { id } } }' },
  { field: 'policyDrivers', query: '{ policyDrivers(sectorId: "industrial-internet-security") { policy { id name issuedLabel } firms { id name } via sectors { id } } }' },
  { field: 'policyDrivers', query: '{ policyDrivers(sectorId: "cybersecurity-industry", first: 50, firstFirms: 10) { policy { id } firms { id } via } }' },
  { field: 'neighborhood', query: '{ neighborhood(id: "cybersecurity-law", depth: 2) { nodes { id type label date } edges { id source target type } truncated } }' },
  { field: 'neighborhood', query: '{ neighborhood(id: "china", depth: 1, asOf: "2016-01-01") { nodes { id label } edges { source target type } } }' },
  { field: 'neighborhood', query: '{ neighborhood(id: "venustech", depth: 2, types: [FIRM, SECTOR, POLICY]) { nodes { id type } edges { type } } }' },
  { field: 'path', query: '{ path(fromId: "venustech", toId: "data-security-law") { nodes { id label } edges { source target type } } }' },
  { field: 'path', query: '{ path(fromId: "made-in-china-2025", toId: "nsfocus", maxDepth: 6) { nodes { id } } }' },
  { field: 'indicators', query: '{ indicators { id metric value unit year kind subject { id name } } }' },
  { field: 'indicators', query: '{ indicators(subjectId: "china", metric: "market size") { year value kind citations { sourceTitle } } }' },
  { field: 'stats', query: '{ stats { nodeCount relationshipCount nodes { label count } relationships { type count } } }' },
  { field: 'cypher', query: '{ cypher(query: "MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency) RETURN a.name AS agency, count(*) AS n ORDER BY n DESC LIMIT 5") { columns rows rowCount truncated } }' },
  { field: 'cypher', query: 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', variables: { q: 'MATCH (f:Firm) WHERE f.id IN $ids RETURN f.id AS id, f.name AS name', p: { ids: ['venustech', 'nsfocus'] } } },
];

/** The mix as JSON bodies. */
export const mixBodies = () => MIX.map((m) => ({ field: m.field, body: JSON.stringify({ query: m.query, variables: m.variables ?? {} }) }));
