// Every relationship of the graph with its stored fields, ordered by its ends and type, one
// page at a time: the exports read the whole graph through it.
// @param skip INT64
// @param limit INT64
// @engine kuzu
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, label(r) AS type,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes,
  r.citeBases AS citeBases, r.disputes AS disputes
ORDER BY source, type, target
SKIP $skip LIMIT $limit
// @engine neo4j
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS source, b.id AS target, type(r) AS type,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes,
  r.citeBases AS citeBases, r.disputes AS disputes
ORDER BY source, type, target
SKIP $skip LIMIT $limit
