/**
 * Every GraphQL document the explorer and the timeline send, in one place, so that a test can
 * run each against the real schema (tests/web/client-queries.test.ts).
 */

export const GRAPH_FIELDS = 'nodes { id type label date precision undated data } edges { id source target type undated data } truncated';

export const SEARCH = `query ExploreSearch($text: String!) {
  search(text: $text, first: 12) { score entity { id type name nameZh } }
}`;

// $evidence: null for every basis, ["STATED"] for the explorer's "stated facts only".
export const PATH = `query ExplorePath($from: ID!, $to: ID!, $evidence: [EvidenceBasis!], $includeUndated: Boolean) {
  path(fromId: $from, toId: $to, maxDepth: 6, evidence: $evidence, includeUndated: $includeUndated) { ${GRAPH_FIELDS} }
}`;

export const CITATION_FIELDS = 'sourceId sourceTitle locator note basis';
export const ENTITY = `query ExploreEntity($id: ID!, $evidence: [EvidenceBasis!]) {
  entity(id: $id) {
    id type name nameZh aliases description
    citations { ${CITATION_FIELDS} }
    relations(first: 100, evidence: $evidence) { type direction role startLabel endLabel basis node { id type name } citations { ${CITATION_FIELDS} } }
    ... on Policy { kind status issuedLabel effectiveLabel endedLabel issuers { id name } jurisdictions { id name } }
    ... on Agency { kind establishedLabel endedLabel }
    ... on Firm { kind foundedLabel }
    ... on Region { kind }
    ... on Event { kind dateLabel endedLabel }
    ... on Person { role }
  }
}`;

/** One request for every expanded node: aliases n0, n1 … */
export function neighbourhoodsQuery(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `n${i}: neighborhood(id: $id${i}, depth: 1, asOf: $asOf, evidence: $evidence, includeUndated: $includeUndated) { ${GRAPH_FIELDS} }`);
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`);
  return `query ExploreNeighbourhoods(${[...vars, '$asOf: Date', '$evidence: [EvidenceBasis!]', '$includeUndated: Boolean'].join(', ')}) {\n  ${fields.join('\n  ')}\n}`;
}

export const TIMELINE = `query TimelinePage($from: Date, $to: Date, $types: [EntityType!], $regionId: ID, $sectorId: ID, $agencyId: ID, $first: Int) {
  timeline(from: $from, to: $to, types: $types, regionId: $regionId, sectorId: $sectorId, agencyId: $agencyId, first: $first) {
    date dateLabel precision kind label
    entity { id type name description citations { ${CITATION_FIELDS} } ... on Event { relations(first: 4) { node { id } } } }
    other { id type name }
  }
}`;

export const INDICATORS = `query ExploreIndicators($subjectId: ID, $sectorId: ID) {
  indicators(subjectId: $subjectId, sectorId: $sectorId, first: 100) {
    id name metric value unit year kind citations { ${CITATION_FIELDS} }
  }
}`;

export const DRIVERS = `query ExploreDrivers($sectorId: ID!) {
  policyDrivers(sectorId: $sectorId, first: 60, firstFirms: 20) {
    via
    policy { id name kind issued issuedLabel effectiveLabel issuers { id name } jurisdictions { id name parent { id } } }
    firms { id name }
    sectors { id name }
  }
}`;

export const CHANGES = `query ExploreChanges($from: Date!, $to: Date!, $after: String) {
  changes(from: $from, to: $to, first: 100, after: $after) {
    nodes { change kind date precision dateLabel label relationshipType entity { id type name } other { id type name } citations { ${CITATION_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
