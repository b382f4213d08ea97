// Which policies drive firms of a sector, first step: the policies that promote or regulate the
// sector (or, with $includeSubsectors, one of its sub-sectors), at most $limit of them, oldest
// first (issued, else effective; undated last: sortDate 9999-12-31), then by id; one row per
// policy, relationship type and sector it acts on (policySectorId). The firms come from
// sectorFirms, once per sector rather than once per policy: a sector with many policies and
// many firms would otherwise give policies × firms rows (6.6 million, 170 s, for a sector with
// 83 sub-sectors at 100k nodes / 1M relationships; 114 rows in 40 ms this way).
// On Neo4j each policy keeps the links found on the way down (the same sectors and relationships
// the way back up would find): walked back up from the sector, the planner checked every kept
// policy against every sub-sector (sector-25 at 1M: 95,000 db hits, 27,000 this way).
// Expanded per set of evidence bases: every PROMOTES, REGULATES and SUBSECTOR_OF walked has a
// citation of one of them (policyDrivers.STATED: what the source documents state).
// @each evidence
// @param sectorId STRING
// @param includeSubsectors BOOL
// @param limit INT64
// @engine kuzu
MATCH (s:Sector {id: $sectorId})
MATCH (s1:Sector)-[:SUBSECTOR_OF*0..8 (e, n | WHERE __CITED(e)__)]->(s)
WHERE $includeSubsectors OR s1.id = s.id
WITH DISTINCT s1
MATCH (p:Policy)-[d:PROMOTES|REGULATES]->(s1)
WHERE __CITED(d)__
WITH DISTINCT p
WITH p, coalesce(p.issued, p.effective, date('9999-12-31')) AS sortDate
ORDER BY sortDate, p.id
LIMIT $limit
MATCH (p)-[r:PROMOTES|REGULATES]->(s1:Sector)-[:SUBSECTOR_OF*0..8 (e, n | WHERE __CITED(e)__)]->(s:Sector {id: $sectorId})
WHERE ($includeSubsectors OR s1.id = s.id) AND __CITED(r)__
RETURN DISTINCT p.id AS policyId, label(r) AS type, s1.id AS policySectorId, sortDate
ORDER BY sortDate, policyId, type, policySectorId
// @engine neo4j
MATCH (s:Sector {id: $sectorId})
MATCH down = (s1:Sector)-[:SUBSECTOR_OF*0..8]->(s)
WHERE ($includeSubsectors OR s1.id = s.id) AND all(e IN relationships(down) WHERE __CITED(e)__)
WITH DISTINCT s1
MATCH (p:Policy)-[d:PROMOTES|REGULATES]->(s1)
WHERE __CITED(d)__
WITH p, collect(DISTINCT {type: type(d), sectorId: s1.id}) AS links
WITH p, links, coalesce(p.issued, p.effective, date('9999-12-31')) AS sortDate
ORDER BY sortDate, p.id
LIMIT $limit
UNWIND links AS link
RETURN p.id AS policyId, link.type AS type, link.sectorId AS policySectorId, sortDate
ORDER BY sortDate, policyId, type, policySectorId
