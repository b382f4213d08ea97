// Market figures, targets and forecasts, ordered by year: each with the entity it measures
// (subjectId) and the sector it is about (sectorId). Filters (each null for "any"): the entity
// measured, the sector, the metric's name (lower case, whole name), and the kinds in $kinds
// (ACTUAL, FORECAST, TARGET, ASSESSMENT; never empty).
// @param subjectId STRING?
// @param sectorId STRING?
// @param metric STRING?
// @param kinds STRING[]
// @param limit INT64
MATCH (i:Indicator)
WHERE i.kind IN $kinds AND ($metric IS NULL OR toLower(i.metric) = $metric)
OPTIONAL MATCH (i)-[:MEASURES]->(subject)
OPTIONAL MATCH (i)-[:ABOUT_SECTOR]->(sector:Sector)
WITH i, subject, sector
WHERE ($subjectId IS NULL OR subject.id = $subjectId) AND ($sectorId IS NULL OR sector.id = $sectorId)
RETURN i.id AS id, i.name AS name, i.description AS description, i.metric AS metric, i.value AS value,
  i.unit AS unit, i.year AS year, i.kind AS kind, subject.id AS subjectId, sector.id AS sectorId,
  i.qualifier AS qualifier, i.period AS period, i.periodFrom AS periodFrom, i.vintage AS vintage,
  i.vintagePrecision AS vintagePrecision, i.rating AS rating, i.disputes AS disputes,
  i.citeSources AS citeSources, i.citeLocators AS citeLocators, i.citeNotes AS citeNotes, i.citeBases AS citeBases
ORDER BY year, metric, id
LIMIT $limit
