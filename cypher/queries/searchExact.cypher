// Entities whose id, name, Chinese name or one of whose aliases equals $text (compared in
// lower case): the hits search lists first, whatever their full-text score.
// @param text STRING
// @param types STRING[]
// @engine kuzu
WITH $text AS t
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person)
WHERE label(n) IN $types
  AND (n.id = t OR toLower(n.name) = t OR toLower(n.nameZh) = t OR any(a IN n.aliases WHERE toLower(a) = t))
RETURN n.id AS id, label(n) AS label
ORDER BY id
// @engine neo4j
WITH $text AS t
MATCH (n:Policy|Agency|Firm|Region|Sector|Event|Person)
WITH n, t, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
WHERE label IN $types
  AND (n.id = t OR toLower(n.name) = t OR toLower(n.nameZh) = t OR any(a IN n.aliases WHERE toLower(a) = t))
RETURN n.id AS id, label
ORDER BY id
