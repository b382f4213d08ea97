/**
 * The questions both our API and @neo4j/graphql can express, each written for both so that they
 * ask for the same information (the documents differ because the schemas do):
 *
 * - search: full-text search over every kind of entity, the best 20. Ours is one field; theirs
 *   is one full-text field per type (@fulltext), all seven in one request, the client keeping
 *   the 20 best scores. Both search the same index (entity_fts) with the same Lucene words.
 * - nested: an entity, its citations' sources, its outgoing relationships (up to 20) with each
 *   related entity's own outgoing relationships (up to 25 each; larger pages go over our API's
 *   complexity budget). Ours cuts each list as a whole, theirs each relationship field, so
 *   they answer the same relationships where no list is cut (the items column shows it). Ours asks
 *   `relations(direction: OUT)`; theirs lists every outgoing relationship field of the label
 *   and of each label at the other end (generated from src/model.ts).
 * - neighbourhood: the entities one step away, either direction, over the relationships between
 *   entities. Ours: `neighborhood(depth: 1)`; theirs: every relationship field of the label.
 * - policies: the second page of 20 policies dated in 2010–2019, date order, with the total and
 *   the page's cursors. Ours: `policies(filter: {from, to})`; theirs: `policiesConnection` with
 *   `where: {issued: {gte, lte}}` sorted by issued then id. Ours also counts a policy whose
 *   issue date is unknown by its effective date, and a month- or year-precise date whose period
 *   reaches into the range; the range starts on 1 January, where the precision rule changes
 *   nothing, and the synthetic graphs give every policy an issue date, so there both answer the
 *   same rows (the seed graph has policies dated by their effective date only).
 *
 * Each side counts the items of its answer the same way, so a run shows whether they agree.
 */
import { ENTITY_LABELS, type Label } from '../../../src/model.js';
import { ENTITY_RELATIONSHIP_TYPES } from '../../../src/graphql/records.js';
import { fullTextQuery } from '../../../src/graphql/services/search.js';
import { relationshipFields } from './typedefs.js';

export interface PeerTargets {
  searchText: string;
  /** An entity and its label, for the nested question. */
  nestedId: string;
  nestedLabel: Label;
  /** An entity and its label, for the neighbourhood. */
  hoodId: string;
  hoodLabel: Label;
  from: string;
  to: string;
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
}

export interface PeerQuestion {
  name: string;
  what: string;
  ours: Request;
  theirs: Request;
  countOurs(data: any): number;
  countTheirs(data: any): number;
  /** A request that must run first (the first page, for the second page's cursor). */
  prepare?(send: (side: 'ours' | 'theirs', r: Request) => Promise<any>): Promise<void>;
}

/** Query.policies ← Policy: the root list field @neo4j/graphql generates for a label. */
const ROOT: Record<Label, string> = {
  Policy: 'policies', Agency: 'agencies', Firm: 'firms', Region: 'regions', Sector: 'sectors',
  Event: 'events', Person: 'people', Indicator: 'indicators', Source: 'sources',
};

const entityFields = (label: Label, direction?: 'OUT') =>
  relationshipFields(label).filter((f) => ENTITY_RELATIONSHIP_TYPES.includes(f.type) && (!direction || f.direction === direction));

const distinctIds = (lists: { id: string }[][]) => new Set(lists.flat().map((n) => n.id)).size;

export function peerQuestions(t: PeerTargets): PeerQuestion[] {
  const outOf = (label: Label, inner: string) =>
    entityFields(label, 'OUT').map((f) => `${f.name}(limit: 25, sort: [{ id: ASC }]) { id name ${inner} }`).join(' ');
  // Level two: every label that can sit at the other end of the nested entity's relationships.
  const secondLevel = (label: Label) => outOf(label, '');
  const nestedTheirs = entityFields(t.nestedLabel, 'OUT')
    .map((f) => `${f.name}(limit: 20, sort: [{ id: ASC }]) { id name ${secondLevel(f.other)} }`).join(' ');
  const countNestedTheirs = (node: any, label: Label): number =>
    entityFields(label, 'OUT').reduce((sum, f) => sum + (node[f.name] as any[]).length
      + (node[f.name] as any[]).reduce((s: number, m: any) => s + entityFields(f.other, 'OUT').reduce((k, g) => k + m[g.name].length, 0), 0), 0);

  const hoodFields = entityFields(t.hoodLabel);
  const searchLabels = ENTITY_LABELS.map((l) => l.toLowerCase());
  const policyPage = (after: string | null) => ({
    ours: {
      query: `query Policies($from: Date, $to: Date, $after: String) { policies(filter: { from: $from, to: $to }, first: 20, after: $after) {
        totalCount edges { cursor node { id name issued } } pageInfo { endCursor hasNextPage } } }`,
      variables: { from: t.from, to: t.to, after },
    },
    theirs: {
      query: `query Policies($from: Date, $to: Date, $after: String) { policiesConnection(first: 20, after: $after,
        where: { issued: { gte: $from, lte: $to } }, sort: [{ issued: ASC }, { id: ASC }]) {
        totalCount edges { cursor node { id name issued } } pageInfo { endCursor hasNextPage } } }`,
      variables: { from: t.from, to: t.to, after },
    },
  });

  return [
    {
      name: 'search',
      what: `"${t.searchText}", the best 20 of every type`,
      ours: {
        query: 'query Search($text: String!) { search(text: $text, first: 20) { score entity { id type name } } }',
        variables: { text: t.searchText },
      },
      theirs: {
        query: `query Search($phrase: String!) { ${searchLabels.map((l) => `${l}: ${l}Search(phrase: $phrase, first: 20, sort: [{ score: DESC }]) { edges { score node { id name } } }`).join(' ')} }`,
        variables: { phrase: fullTextQuery(t.searchText) },
      },
      countOurs: (d) => d.search.length,
      countTheirs: (d) => Math.min(20, searchLabels.reduce((n, l) => n + d[l].edges.length, 0)),
    },
    {
      name: 'nested',
      what: `${t.nestedId}: sources, outgoing relations, theirs`,
      ours: {
        query: `query Nested($id: ID!) { entity(id: $id) { id name aliases citations { sourceId sourceTitle }
          relations(direction: OUT, first: 20) { type node { id name relations(direction: OUT, first: 25) { type node { id name } } } } } }`,
        variables: { id: t.nestedId },
      },
      theirs: {
        query: `query Nested($id: ID!) { ${ROOT[t.nestedLabel]}(where: { id: { eq: $id } }) { id name aliases outCitedInSource { id name } ${nestedTheirs} } }`,
        variables: { id: t.nestedId },
      },
      countOurs: (d) => d.entity.relations.length + d.entity.relations.reduce((n: number, r: any) => n + r.node.relations.length, 0),
      countTheirs: (d) => countNestedTheirs(d[ROOT[t.nestedLabel]][0], t.nestedLabel),
    },
    {
      name: 'neighbourhood',
      what: `${t.hoodId}, one step`,
      ours: {
        query: 'query Hood($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id type label } edges { source target type } } }',
        variables: { id: t.hoodId },
      },
      theirs: {
        query: `query Hood($id: ID!) { ${ROOT[t.hoodLabel]}(where: { id: { eq: $id } }) { id name ${hoodFields.map((f) => `${f.name} { id name }`).join(' ')} } }`,
        variables: { id: t.hoodId },
      },
      // The entities around, the centre left out.
      countOurs: (d) => d.neighborhood.nodes.length - 1,
      countTheirs: (d) => distinctIds(hoodFields.map((f) => d[ROOT[t.hoodLabel]][0][f.name])),
    },
    {
      name: 'policies',
      what: `${t.from.slice(0, 4)}–${t.to.slice(0, 4)}, second page of 20`,
      // The first page until prepare() has fetched its cursors; then the second.
      ...policyPage(null),
      countOurs: (d) => d.policies.edges.length,
      countTheirs: (d) => d.policiesConnection.edges.length,
      async prepare(send) {
        const first = policyPage(null);
        const [ours, theirs] = [await send('ours', first.ours), await send('theirs', first.theirs)];
        this.ours = { ...first.ours, variables: { ...first.ours.variables, after: ours.policies.pageInfo.endCursor } };
        this.theirs = { ...first.theirs, variables: { ...first.theirs.variables, after: theirs.policiesConnection.pageInfo.endCursor } };
      },
    },
  ];
}
