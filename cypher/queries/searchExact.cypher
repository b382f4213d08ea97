// Entities whose id, name, Chinese name or one of whose aliases equals the search text
// (compared in lower case): the hits search lists first, whatever their full-text score.
// $key is the text between two separators (src/seeds/derived.ts exactSearchKey), looked for
// in the stored exactKeys, which Neo4j's text index (entity_exact_keys) answers: before, every
// entity's names were lower-cased and compared (560 k db hits at 100k nodes).
// @param key STRING
// @param types STRING[]
// @engine kuzu
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person)
WHERE n.exactKeys CONTAINS $key AND label(n) IN $types
RETURN n.id AS id, label(n) AS label
ORDER BY id
// @engine neo4j
MATCH (n:Entity)
WHERE n.exactKeys CONTAINS $key
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
WHERE label IN $types
RETURN n.id AS id, label
ORDER BY id
