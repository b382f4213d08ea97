// The firms operating in each of these sectors or (with $includeSubsectors) a sub-sector of it,
// grouped by the number of SUBSECTOR_OF steps between (`hops`, 0: the sector itself): per
// sector and hops, how many firms (firmCount) and the first $perGroup of them by id (firmIds).
// The second step of policyDrivers: the firms a policy reaches through the sector it acts on.
// On Neo4j the sub-sectors' paths are checked once each, before their firms are reached, not
// once per firm (26 sectors at 1M: 67,000 db hits, 48,000 this way).
// Expanded per set of evidence bases, like policyDrivers: every OPERATES_IN and SUBSECTOR_OF
// walked has a citation of one of them.
// @each evidence
// @param sectorIds STRING[]
// @param includeSubsectors BOOL
// @param perGroup INT64
// @engine kuzu
UNWIND $sectorIds AS sid
MATCH (s1:Sector {id: sid})
MATCH link = (f:Firm)-[o:OPERATES_IN]->(s2:Sector)-[:SUBSECTOR_OF*0..8 (e, n | WHERE __CITED(e)__)]->(s1)
WHERE ($includeSubsectors OR s2.id = s1.id) AND __CITED(o)__
WITH s1.id AS sectorId, length(link) - 1 AS hops, list_sort(collect(DISTINCT f.id)) AS firms
RETURN sectorId, hops, size(firms) AS firmCount, list_slice(firms, 1, $perGroup) AS firmIds
ORDER BY sectorId, hops
// @engine neo4j
UNWIND $sectorIds AS sid
MATCH (s1:Sector {id: sid})
MATCH down = (s2:Sector)-[:SUBSECTOR_OF*0..8]->(s1)
WHERE ($includeSubsectors OR s2 = s1) AND all(e IN relationships(down) WHERE __CITED(e)__)
MATCH (f:Firm)-[o:OPERATES_IN]->(s2)
WHERE __CITED(o)__
WITH DISTINCT s1.id AS sectorId, length(down) AS hops, f.id AS firmId
ORDER BY sectorId, hops, firmId
WITH sectorId, hops, collect(firmId) AS firms
RETURN sectorId, hops, size(firms) AS firmCount, firms[0..$perGroup] AS firmIds
ORDER BY sectorId, hops
