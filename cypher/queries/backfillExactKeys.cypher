// Fills exactKeys (src/seeds/derived.ts) on at most $limit entities that lack it: a graph
// loaded before the property existed. Run by the migration until it writes none. The names
// are lower-cased by the engine here, by JavaScript at load: the same for every script the
// seeds use (Latin, Chinese).
// @mode write
// @param sep STRING
// @param limit INT64
// @engine kuzu
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person)
WHERE n.exactKeys IS NULL
WITH n LIMIT $limit
SET n.exactKeys = $sep + list_to_string($sep, list_concat([n.id], list_transform(
  list_filter(list_concat([n.name, n.nameZh], coalesce(n.aliases, CAST([] AS STRING[]))), x -> x IS NOT NULL AND x <> ''), x -> lower(x)))) + $sep
RETURN count(n) AS written
// @engine neo4j
MATCH (n:Policy|Agency|Firm|Region|Sector|Event|Person)
WHERE n.exactKeys IS NULL
WITH n LIMIT $limit
SET n.exactKeys = $sep + reduce(s = n.id, k IN [x IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE x IS NOT NULL AND x <> ''] | s + $sep + toLower(k)) + $sep
RETURN count(n) AS written
