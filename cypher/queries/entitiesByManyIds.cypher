// The entities with these ids, every stored field (as entitiesByIds), for large batches: the
// ids are joined to the nodes (a hash join) rather than tested one by one with IN, which on
// Kùzu costs the list's length for every node (3000 ids: 620 ms with IN, 160 ms joined at 100k
// nodes; below about 50 ids IN is faster). The API's entity loader picks by batch size. Unknown
// ids give no row; the ids must be distinct. Neo4j seeks its Entity id index whatever the
// batch size, as in entitiesByIds (UNWIND with a label list: 370 ms for 2,566 ids at 100k
// nodes, 170 ms this way).
// @param ids STRING[]
// @engine kuzu
UNWIND $ids AS wanted
MATCH (n:Policy:Agency:Firm:Region:Sector:Event:Person {id: wanted})
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
