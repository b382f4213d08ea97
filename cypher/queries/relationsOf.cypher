// Every relationship that starts (OUT) or ends (IN) at one of the entities asked about and
// whose type is in the list, with its dates, role and citations: `id` is the entity asked
// about, `otherId` the entity at the other end. The API's relations loader asks once per
// request level, for every entity of that level. Callers pass the same ids as $outIds and
// $inIds and the same types as $outTypes and $inTypes: Kùzu 0.11.3 crashes (segfault) when
// one list parameter appears in two UNION branches, and one OR-ed branch cannot use the id
// index (a scan of every relationship instead of a lookup).
// @param outIds STRING[]
// @param inIds STRING[]
// @param outTypes STRING[]
// @param inTypes STRING[]
// @engine kuzu
MATCH (a)-[r]->(b)
WHERE a.id IN $outIds AND label(r) IN $outTypes
RETURN a.id AS id, 'OUT' AS direction, label(r) AS type, b.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes
UNION ALL
MATCH (a)-[r]->(b)
WHERE b.id IN $inIds AND label(r) IN $inTypes
RETURN b.id AS id, 'IN' AS direction, label(r) AS type, a.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes
// @engine neo4j
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $outIds AND type(r) IN $outTypes
RETURN a.id AS id, 'OUT' AS direction, type(r) AS type, b.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes
UNION ALL
MATCH (a:Entity)-[r]->(b:Entity)
WHERE b.id IN $inIds AND type(r) IN $inTypes
RETURN b.id AS id, 'IN' AS direction, type(r) AS type, a.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes
