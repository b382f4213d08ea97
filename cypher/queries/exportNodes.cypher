// Every node of the graph with all its stored fields (entities, indicators and sources), in
// id order, one page at a time: the exports (GraphML, GEXF, Cytoscape JSON, CSV) read the
// whole graph through it. Fields a label does not have come back null.
// @param skip INT64
// @param limit INT64
// @engine kuzu
MATCH (n)
RETURN n.id AS id, label(n) AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases,
  n.description AS description, n.kind AS kind, n.status AS status, n.role AS role,
  n.issued AS issued, n.issuedPrecision AS issuedPrecision,
  n.effective AS effective, n.effectivePrecision AS effectivePrecision,
  n.ended AS ended, n.endedPrecision AS endedPrecision,
  n.established AS established, n.establishedPrecision AS establishedPrecision,
  n.founded AS founded, n.foundedPrecision AS foundedPrecision,
  n.date AS date, n.datePrecision AS datePrecision,
  n.written AS written, n.writtenPrecision AS writtenPrecision,
  n.metric AS metric, n.value AS value, n.unit AS unit, n.year AS year, n.qualifier AS qualifier,
  n.period AS period, n.periodFrom AS periodFrom, n.vintage AS vintage, n.vintagePrecision AS vintagePrecision, n.rating AS rating,
  n.author AS author, n.url AS url, n.file AS file,
  n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases,
  n.disputes AS disputes, n.issuerUnknown AS issuerUnknown
ORDER BY id
SKIP $skip LIMIT $limit
// @engine neo4j
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.nameZh AS nameZh,
  n.aliases AS aliases, n.description AS description, n.kind AS kind, n.status AS status, n.role AS role,
  n.issued AS issued, n.issuedPrecision AS issuedPrecision,
  n.effective AS effective, n.effectivePrecision AS effectivePrecision,
  n.ended AS ended, n.endedPrecision AS endedPrecision,
  n.established AS established, n.establishedPrecision AS establishedPrecision,
  n.founded AS founded, n.foundedPrecision AS foundedPrecision,
  n.date AS date, n.datePrecision AS datePrecision,
  n.written AS written, n.writtenPrecision AS writtenPrecision,
  n.metric AS metric, n.value AS value, n.unit AS unit, n.year AS year, n.qualifier AS qualifier,
  n.period AS period, n.periodFrom AS periodFrom, n.vintage AS vintage, n.vintagePrecision AS vintagePrecision, n.rating AS rating,
  n.author AS author, n.url AS url, n.file AS file,
  n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases,
  n.disputes AS disputes, n.issuerUnknown AS issuerUnknown
ORDER BY id
SKIP $skip LIMIT $limit
