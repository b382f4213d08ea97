// The ids along one shortest path between two entities that goes only through entities
// something dates: as shortestPath, but a policy, body, firm or event without its issue, entry
// into force, establishment, founding or date is stepped around (regions, sectors and people
// carry no date of their own and are never undated). For `path(includeUndated: false)`; the
// ends are the caller's to check. A query of its own rather than a flag of shortestPath:
// Kùzu 0.11.3 takes no parameter inside a recursive pattern's node predicate.
// @param fromId STRING
// @param toId STRING
// @param maxDepth INT64
// @engine kuzu
MATCH p = (a:Policy:Agency:Firm:Region:Sector:Event:Person {id: $fromId})-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH* SHORTEST 1..8 (r, n | WHERE label(n) = 'Region' OR label(n) = 'Sector' OR label(n) = 'Person' OR n.issued IS NOT NULL OR n.effective IS NOT NULL OR n.established IS NOT NULL OR n.founded IS NOT NULL OR n.date IS NOT NULL)]-(b:Policy:Agency:Firm:Region:Sector:Event:Person {id: $toId})
WHERE length(p) <= $maxDepth
RETURN properties(nodes(p), 'id') AS ids, length(p) AS length
LIMIT 1
// @engine neo4j
MATCH (a:Policy|Agency|Firm|Region|Sector|Event|Person {id: $fromId})
MATCH (b:Policy|Agency|Firm|Region|Sector|Event|Person {id: $toId})
MATCH p = shortestPath((a)-[:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH*1..8]-(b))
WHERE length(p) <= $maxDepth
  AND all(n IN nodes(p)[1..-1] WHERE NOT any(l IN labels(n) WHERE l IN ['Policy', 'Agency', 'Firm', 'Event'])
    OR coalesce(n.issued, n.effective, n.established, n.founded, n.date) IS NOT NULL)
RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS length
LIMIT 1
