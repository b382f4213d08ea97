// The entities (policies, agencies, firms, regions, sectors, events, people) with these ids,
// every stored field of each (fields a label does not have come back null): the API's entity
// loader batches every id a request level asks for into one call. Unknown ids give no row.
// On Neo4j, one seek of the Entity id index per id, the label tested after: a label list in
// the pattern seeks each label's index (7 seeks an id; 2,566 ids: 290 ms that way, 170 ms this
// way at 100k nodes; npm run bench).
// @param ids STRING[]
// @engine kuzu
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person)
WHERE n.id IN $ids
RETURN n.id AS id, label(n) AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases,
  n.description AS description, n.kind AS kind, n.status AS status, n.role AS role,
  n.issued AS issued, n.issuedPrecision AS issuedPrecision,
  n.effective AS effective, n.effectivePrecision AS effectivePrecision,
  n.ended AS ended, n.endedPrecision AS endedPrecision,
  n.established AS established, n.establishedPrecision AS establishedPrecision,
  n.founded AS founded, n.foundedPrecision AS foundedPrecision,
  n.date AS date, n.datePrecision AS datePrecision,
  n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases,
  n.disputes AS disputes, n.issuerUnknown AS issuerUnknown
// @engine neo4j
MATCH (n:Entity)
WHERE n.id IN $ids AND n:Policy|Agency|Firm|Region|Sector|Event|Person
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.nameZh AS nameZh,
  n.aliases AS aliases, n.description AS description, n.kind AS kind, n.status AS status, n.role AS role,
  n.issued AS issued, n.issuedPrecision AS issuedPrecision,
  n.effective AS effective, n.effectivePrecision AS effectivePrecision,
  n.ended AS ended, n.endedPrecision AS endedPrecision,
  n.established AS established, n.establishedPrecision AS establishedPrecision,
  n.founded AS founded, n.foundedPrecision AS foundedPrecision,
  n.date AS date, n.datePrecision AS datePrecision,
  n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases,
  n.disputes AS disputes, n.issuerUnknown AS issuerUnknown
