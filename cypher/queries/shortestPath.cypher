// The ids along one shortest path between two entities, in either direction over the
// relationships between entities (not citations, indicators or authorship), at most $maxDepth
// steps (8 at most: the engines need the bound written out). No row when there is none.
// Where several paths are equally short, the one whose ids, read in order, come first: each
// engine would otherwise pick its own (the README's path from made-in-china-2025 to venustech
// went through china on Neo4j and cybersecurity-industry on Kùzu). Ids hold no space, so
// comparing the ids joined by spaces compares them one by one.
// Every relationship, whatever its evidence: a path restricted to some bases is searched
// level by level over relationsOf's evidence expansions instead (src/graphql/services/graph.ts),
// because Kùzu 0.11.3 runs out of buffer pool on a filtered SHORTEST over this many types.
// @param fromId STRING
// @param toId STRING
// @param maxDepth INT64
// @engine kuzu
MATCH p = (a:Policy:Agency:Firm:Region:Sector:Event:Person {id: $fromId})-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH* ALL SHORTEST 1..8]-(b:Policy:Agency:Firm:Region:Sector:Event:Person {id: $toId})
WHERE length(p) <= $maxDepth
WITH properties(nodes(p), 'id') AS ids, length(p) AS length
WITH ids, length, list_reduce(ids, (x, y) -> x + ' ' + y) AS inOrder
ORDER BY inOrder
LIMIT 1
RETURN ids, length
// @engine neo4j
MATCH (a:Policy|Agency|Firm|Region|Sector|Event|Person {id: $fromId})
MATCH (b:Policy|Agency|Firm|Region|Sector|Event|Person {id: $toId})
MATCH p = allShortestPaths((a)-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH*1..8]-(b))
// After WITH, not in the MATCH's WHERE: a path predicate there that the shortest paths fail
// makes Neo4j fall back to searching every path up to 8 steps (31 s on the seed graph).
WITH p
WHERE length(p) <= $maxDepth
WITH [n IN nodes(p) | n.id] AS ids, length(p) AS length
WITH ids, length, reduce(joined = '', id IN ids | joined + ' ' + id) AS inOrder
ORDER BY inOrder
LIMIT 1
RETURN ids, length
