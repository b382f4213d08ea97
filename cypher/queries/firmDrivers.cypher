// The policies that drive these firms: those promoting or regulating a sector a firm operates
// in, or a broader sector that contains it (any number of SUBSECTOR_OF steps up).
// @param ids STRING[]
MATCH (f:Firm)-[:OPERATES_IN]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector)<-[:PROMOTES|REGULATES]-(p:Policy)
WHERE f.id IN $ids
RETURN DISTINCT f.id AS firmId, p.id AS policyId
ORDER BY firmId, policyId
