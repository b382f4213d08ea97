// Which policies drive firms of a sector: policies that promote or regulate the sector (or,
// with $includeSubsectors, one of its sub-sectors: policySectorId), each with the firms operating
// in the sector the policy acts on or a sub-sector of it (firmSectorId, `hops` SUBSECTOR_OF steps
// below). A policy whose sector has no firm comes with null firm fields.
// @param sectorId STRING
// @param includeSubsectors BOOL
MATCH (s:Sector {id: $sectorId})
MATCH (s1:Sector)-[:SUBSECTOR_OF*0..8]->(s)
WHERE $includeSubsectors OR s1.id = s.id
MATCH (p:Policy)-[:PROMOTES]->(s1)
OPTIONAL MATCH link = (f:Firm)-[:OPERATES_IN]->(s2:Sector)-[:SUBSECTOR_OF*0..8]->(s1)
WHERE $includeSubsectors OR s2.id = s1.id
RETURN p.id AS policyId, 'PROMOTES' AS type, s1.id AS policySectorId, f.id AS firmId, s2.id AS firmSectorId,
  length(link) - 1 AS hops
UNION ALL
MATCH (s:Sector {id: $sectorId})
MATCH (s1:Sector)-[:SUBSECTOR_OF*0..8]->(s)
WHERE $includeSubsectors OR s1.id = s.id
MATCH (p:Policy)-[:REGULATES]->(s1)
OPTIONAL MATCH link = (f:Firm)-[:OPERATES_IN]->(s2:Sector)-[:SUBSECTOR_OF*0..8]->(s1)
WHERE $includeSubsectors OR s2.id = s1.id
RETURN p.id AS policyId, 'REGULATES' AS type, s1.id AS policySectorId, f.id AS firmId, s2.id AS firmSectorId,
  length(link) - 1 AS hops
