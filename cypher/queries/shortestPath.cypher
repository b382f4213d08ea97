// The ids along one shortest path between two entities, in either direction over the
// relationships between entities (not citations, indicators or authorship), at most $maxDepth
// steps (8 at most: the engines need the bound written out). No row when there is none.
// Every relationship, whatever its evidence: a path restricted to some bases is searched
// level by level over relationsOf's evidence expansions instead (src/graphql/services/graph.ts),
// because Kùzu 0.11.3 runs out of buffer pool on a filtered SHORTEST over this many types.
// @param fromId STRING
// @param toId STRING
// @param maxDepth INT64
// @engine kuzu
MATCH p = (a:Policy:Agency:Firm:Region:Sector:Event:Person {id: $fromId})-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH* SHORTEST 1..8]-(b:Policy:Agency:Firm:Region:Sector:Event:Person {id: $toId})
WHERE length(p) <= $maxDepth
RETURN properties(nodes(p), 'id') AS ids, length(p) AS length
LIMIT 1
// @engine neo4j
MATCH (a:Policy|Agency|Firm|Region|Sector|Event|Person {id: $fromId})
MATCH (b:Policy|Agency|Firm|Region|Sector|Event|Person {id: $toId})
MATCH p = shortestPath((a)-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH*1..8]-(b))
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS length
LIMIT 1
