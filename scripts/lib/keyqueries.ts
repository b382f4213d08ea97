/**
 * The key questions of the benchmark, each asked two ways:
 * - `raw`: the named queries the API runs for it, called on the store directly with the least
 *   work a hand-written client would do between them (pass ids from one query to the next);
 * - `graphql`: the same question as one GraphQL request over HTTP.
 * Both count the items of their answer, so a run can check they answered the same thing.
 */
import { ENTITY_LABELS } from '../../src/model.js';
import { runEntityQuery } from '../../src/graphql/loaders.js';
import { rankCandidate, SEARCH_CANDIDATES, SEARCH_WORDS } from '../../src/graphql/services/search.js';
import { searchWords } from '../../src/search-text.js';
import { exactSearchKey } from '../../src/seeds/derived.js';
import type { Row, Store } from '../../src/store/port.js';

export interface Targets {
  searchText: string;
  from: string;
  to: string;
  sectorId: string;
  /** Descendants of sectorId within 8 SUBSECTOR_OF steps (for the report). */
  sectorDescendants: number;
  hoodId: string;
  pathFrom: string;
  pathTo: string;
  entityId: string;
  /** A light query for the load generator. */
  simpleId: string;
}

export interface KeyQuery {
  name: string;
  what: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** The answer's item count (hits, entries, drivers, nodes …) from the GraphQL data. */
  countGraphql(data: any): number;
  raw(store: Store): Promise<number>;
}

const ALL = [...ENTITY_LABELS];
const DATED = ['Policy', 'Agency', 'Firm', 'Event'];
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** As the API's relations loader: all of each entity's relationships, or (limit) at least its first. */
function relationsOf(store: Store, ids: string[], limit: number | null = null): Promise<Row[]> {
  return store.run('relationsOf', { outIds: ids, inIds: [...ids], limit, direction: null });
}

/** The entity query the API's loader would pick for this batch (src/graphql/loaders.ts). */
function entities(store: Store, ids: string[]): Promise<Row[]> {
  return ids.length ? runEntityQuery(store, unique(ids)) : Promise.resolve([]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Picks ids for the questions: real ones on the seed graph, found ones on a synthetic graph. */
export async function pickTargets(store: Store, seed: boolean): Promise<Targets> {
  const adhoc = async (text: string) => (await store.readOnlyCypher(text, {}, { timeoutMs: 120_000, maxRows: 10 })).rows;
  const descendants = async (id: string) =>
    Number((await adhoc(`MATCH (c:Sector)-[:SUBSECTOR_OF*1..8]->(s:Sector {id: '${id}'}) RETURN count(DISTINCT c) AS n`))[0]?.n ?? 0);
  if (seed) {
    return {
      searchText: 'security', from: '2010-01-01', to: '2019-12-31',
      sectorId: 'cybersecurity-industry', sectorDescendants: await descendants('cybersecurity-industry'),
      hoodId: 'cybersecurity-law', pathFrom: 'venustech', pathTo: 'data-security-law',
      entityId: 'cybersecurity-law', simpleId: 'data-security-law',
    };
  }
  // A sector in the middle of the hierarchy: sub-sectors, but not the whole tree.
  const sectors = await adhoc(`MATCH (c:Sector)-[:SUBSECTOR_OF]->(s:Sector) WITH s, count(c) AS kids WHERE kids >= 3
    RETURN s.id AS id ORDER BY kids DESC, id LIMIT 10`);
  let sectorId = String(sectors.at(-1)?.id ?? 'sector-1');
  let best = Infinity;
  for (const row of sectors) {
    const n = await descendants(String(row.id));
    if (Math.abs(n - 30) < best) [best, sectorId] = [Math.abs(n - 30), String(row.id)];
  }
  return {
    searchText: 'industrial security', from: '2010-01-01', to: '2019-12-31',
    sectorId, sectorDescendants: await descendants(sectorId),
    hoodId: 'firm-1', pathFrom: 'firm-1', pathTo: 'policy-2', entityId: 'policy-1', simpleId: 'policy-3',
  };
}

export function keyQueries(t: Targets): KeyQuery[] {
  return [
    {
      name: 'search',
      what: `search "${t.searchText}", 20 hits`,
      graphql: {
        query: 'query Search($text: String!) { search(text: $text, first: 20) { score entity { id type name } } }',
        variables: { text: t.searchText },
      },
      countGraphql: (d) => d.search.length,
      async raw(store) {
        // As src/graphql/services/search.ts: the index finds candidates, our formula ranks them.
        const words = searchWords(t.searchText).slice(0, SEARCH_WORDS);
        const [candidates, exact] = await Promise.all([
          store.run('searchFullText', { q: words.join(' '), limit: SEARCH_CANDIDATES }),
          store.run('searchExact', { key: exactSearchKey(t.searchText), types: ALL }),
        ]);
        const ranked = new Map<string, { id: string; score: number; nameShare: number }>();
        for (const row of candidates) {
          const rank = rankCandidate(row, words);
          if (rank) ranked.set(rank.id, rank);
        }
        const exactIds = new Set(exact.map((r) => r.id as string));
        const byRank = (a: { id: string; score: number; nameShare: number }, b: typeof a) => b.score - a.score || b.nameShare - a.nameShare || cmp(a.id, b.id);
        const rankOf = (id: string) => ranked.get(id) ?? { id, score: 0, nameShare: 0 };
        const order = [...[...exactIds].map(rankOf).sort(byRank), ...[...ranked.values()].filter((r) => !exactIds.has(r.id)).sort(byRank)];
        return (await entities(store, order.slice(0, 20).map((r) => r.id))).length;
      },
    },
    {
      name: 'timeline',
      what: `${t.from.slice(0, 4)}–${t.to.slice(0, 4)}, 100 entries`,
      graphql: {
        query: 'query Timeline($from: Date, $to: Date) { timeline(from: $from, to: $to, first: 100) { date precision kind label entity { id type name } } }',
        variables: { from: t.from, to: t.to },
      },
      countGraphql: (d) => d.timeline.length,
      async raw(store) {
        const scope = {
          from: t.from, fromMonth: `${t.from.slice(0, 7)}-01`, fromYear: `${t.from.slice(0, 4)}-01-01`, to: t.to,
          regionId: null, sectorId: null, agencyId: null, limit: 100,
        };
        const [a, b] = await Promise.all([
          store.run('timelineEntityFacts', { ...scope, types: DATED }),
          store.run('timelineRelationshipFacts', { ...scope, types: ALL }),
        ]);
        const facts = [...a.map((r) => ({ d: r.date as string, id: r.id as string, other: null as string | null })),
          ...b.map((r) => ({ d: r.date as string, id: r.id as string, other: r.otherId as string }))]
          .sort((x, y) => cmp(x.d, y.d) || cmp(x.id, y.id)).slice(0, 100);
        await entities(store, facts.flatMap((f) => (f.other ? [f.id, f.other] : [f.id])));
        return facts.length;
      },
    },
    {
      name: 'policyDrivers',
      what: `sector ${t.sectorId} (${t.sectorDescendants} sub-sectors)`,
      graphql: {
        query: 'query Drivers($sectorId: ID!) { policyDrivers(sectorId: $sectorId) { policy { id name } firms { id name } via sectors { id } } }',
        variables: { sectorId: t.sectorId },
      },
      countGraphql: (d) => d.policyDrivers.length,
      async raw(store) {
        const links = await store.run('policyDrivers', { sectorId: t.sectorId, includeSubsectors: true, limit: 100 });
        const sectors = unique(links.map((r) => r.policySectorId as string));
        const firms = sectors.length ? await store.run('sectorFirms', { sectorIds: sectors, includeSubsectors: true, perGroup: 100 }) : [];
        const bySector = new Map<string, Row[]>();
        for (const f of firms) bySector.set(f.sectorId as string, [...(bySector.get(f.sectorId as string) ?? []), f]);
        const groups = new Map<string, Set<string>>();
        for (const l of links) {
          const reached = bySector.get(l.policySectorId as string) ?? [];
          if (!reached.length) groups.set(`${l.policyId}|${l.type}`, groups.get(`${l.policyId}|${l.type}`) ?? new Set());
          for (const f of reached) {
            const key = `${l.policyId}|${l.type}|${f.hops}`;
            groups.set(key, new Set([...(groups.get(key) ?? []), ...(f.firmIds as string[])]));
          }
        }
        const ids = [...links.map((l) => l.policyId as string), ...sectors, ...[...groups.values()].flatMap((g) => [...g].sort(cmp).slice(0, 100))];
        // As the API when the request shows only ids and names: those alone (entityNamesByIds).
        await store.run('entityNamesByIds', { ids: unique(ids) });
        return Math.min(100, groups.size);
      },
    },
    {
      name: 'neighborhood',
      what: `${t.hoodId}, depth 2`,
      graphql: {
        query: 'query Hood($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id type label date } edges { id source target type } truncated } }',
        variables: { id: t.hoodId },
      },
      countGraphql: (d) => d.neighborhood.nodes.length,
      async raw(store) {
        const kept = new Set((await entities(store, [t.hoodId])).map((r) => r.id as string));
        let frontier = [...kept];
        for (let level = 1; level <= 2 && frontier.length; level++) {
          const rels = await relationsOf(store, frontier);
          // As the API: the new ids in order, only as many as the 500-node cap leaves room for.
          const fresh = unique(rels.map((r) => r.otherId as string).filter((id) => !kept.has(id))).sort(cmp).slice(0, 500 - kept.size);
          const found = (await entities(store, fresh)).map((r) => r.id as string).sort(cmp);
          frontier = [];
          for (const id of found) {
            if (kept.size >= 500) break;
            kept.add(id);
            frontier.push(id);
          }
        }
        return kept.size;
      },
    },
    {
      name: 'path',
      what: `${t.pathFrom} → ${t.pathTo}, ≤ 4 steps`,
      graphql: {
        query: 'query Path($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxDepth: 4) { nodes { id type label } edges { source target type } } }',
        variables: { from: t.pathFrom, to: t.pathTo },
      },
      countGraphql: (d) => d.path?.nodes.length ?? 0,
      async raw(store) {
        const [row] = await store.run('shortestPath', { fromId: t.pathFrom, toId: t.pathTo, maxDepth: 4 });
        if (!row) return 0;
        const ids = row.ids as string[];
        const [found] = await Promise.all([entities(store, ids), relationsOf(store, ids)]);
        return found.length;
      },
    },
    {
      name: 'entity (nested)',
      what: `${t.entityId}: citations, 20 relations, 5 of theirs each`,
      graphql: {
        query: `query Nested($id: ID!) { entity(id: $id) { id type name aliases citations { sourceId sourceTitle locator }
          relations(first: 20) { type direction start node { id type name relations(first: 5) { type direction node { id type name } } } } } }`,
        variables: { id: t.entityId },
      },
      countGraphql: (d) => d.entity.relations.length,
      async raw(store) {
        const [entity] = await entities(store, [t.entityId]);
        if (!entity) return 0;
        const order = (rs: Row[]) => rs.sort((a, b) => cmp(a.type as string, b.type as string) || cmp(a.direction as string, b.direction as string) || cmp(a.otherId as string, b.otherId as string));
        const [rels] = await Promise.all([
          relationsOf(store, [t.entityId], 20),
          store.run('sourcesByIds', { ids: unique((entity.citeSources as string[] | null) ?? ['none']) }),
        ]);
        const first = order(rels).slice(0, 20);
        const ids = unique(first.map((r) => r.otherId as string));
        // As the resolvers go: the related entities, then their relations (node → relations).
        await entities(store, ids);
        const second = await relationsOf(store, ids, 5);
        const byAnchor = new Map<string, Row[]>();
        for (const r of second) byAnchor.set(r.id as string, [...(byAnchor.get(r.id as string) ?? []), r]);
        const far = ids.flatMap((id) => order(byAnchor.get(id) ?? []).slice(0, 5).map((r) => r.otherId as string));
        await entities(store, far);
        return first.length;
      },
    },
  ];
}

/** A light and a heavy request for the load generator. */
export function cannonRequests(t: Targets) {
  const keys = keyQueries(t);
  const body = (q: { query: string; variables: Record<string, unknown> }) => JSON.stringify(q);
  return {
    simple: { name: `entity(id) { id name type }`, body: body({ query: 'query($id: ID!) { entity(id: $id) { id name type } }', variables: { id: t.simpleId } }) },
    heavy: { name: 'entity (nested), as above', body: body(keys.find((k) => k.name === 'entity (nested)')!.graphql) },
  };
}
