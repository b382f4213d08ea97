// The id, label and name of the entities with these ids, and nothing else: for answers that
// show only those (policyDrivers' lists of firms, which hold thousands of entities). Reading
// the 25 stored fields of each (entitiesByManyIds) took twice as long on Neo4j at 1M
// relationships (2,440 ids: 273 against 127 ms). Unknown ids give no row; the ids must be
// distinct. On Kùzu the ids are joined to the nodes, as in entitiesByManyIds.
// @param ids STRING[]
// @engine kuzu
UNWIND $ids AS wanted
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person {id: wanted})
RETURN n.id AS id, label(n) AS label, n.name AS name
// @engine neo4j
MATCH (n:Entity)
WHERE n.id IN $ids AND n:Policy|Agency|Firm|Region|Sector|Event|Person
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name
