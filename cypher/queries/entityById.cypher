// The entity with this id, every stored field (as entitiesByIds): no row for an unknown id. The
// API's entity loader uses it when a batch holds one id, as `entity(id)` does. On Kùzu, one
// primary-key lookup per label: a lookup over all the labels at once reads each column of
// every table (15 ms at 100k nodes, 3.5 ms this way; npm run bench). On Neo4j, one seek of
// the Entity id index rather than one per label.
// @param id STRING
// @engine kuzu
MATCH (n:Policy {id: $id})
RETURN n.id AS id, 'Policy' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, n.kind AS kind, n.status AS status, CAST(NULL AS STRING) AS role, n.issued AS issued, n.issuedPrecision AS issuedPrecision, n.effective AS effective, n.effectivePrecision AS effectivePrecision, n.ended AS ended, n.endedPrecision AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, n.issuerUnknown AS issuerUnknown
UNION ALL
MATCH (n:Agency {id: $id})
RETURN n.id AS id, 'Agency' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, n.kind AS kind, CAST(NULL AS STRING) AS status, CAST(NULL AS STRING) AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, n.ended AS ended, n.endedPrecision AS endedPrecision, n.established AS established, n.establishedPrecision AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
UNION ALL
MATCH (n:Firm {id: $id})
RETURN n.id AS id, 'Firm' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, n.kind AS kind, CAST(NULL AS STRING) AS status, CAST(NULL AS STRING) AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, CAST(NULL AS DATE) AS ended, CAST(NULL AS STRING) AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, n.founded AS founded, n.foundedPrecision AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
UNION ALL
MATCH (n:Region {id: $id})
RETURN n.id AS id, 'Region' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, n.kind AS kind, CAST(NULL AS STRING) AS status, CAST(NULL AS STRING) AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, CAST(NULL AS DATE) AS ended, CAST(NULL AS STRING) AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
UNION ALL
MATCH (n:Sector {id: $id})
RETURN n.id AS id, 'Sector' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, CAST(NULL AS STRING) AS kind, CAST(NULL AS STRING) AS status, CAST(NULL AS STRING) AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, CAST(NULL AS DATE) AS ended, CAST(NULL AS STRING) AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
UNION ALL
MATCH (n:Event {id: $id})
RETURN n.id AS id, 'Event' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, n.kind AS kind, CAST(NULL AS STRING) AS status, CAST(NULL AS STRING) AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, n.ended AS ended, n.endedPrecision AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, n.date AS date, n.datePrecision AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
UNION ALL
MATCH (n:Person {id: $id})
RETURN n.id AS id, 'Person' AS label, n.name AS name, n.nameZh AS nameZh, n.aliases AS aliases, n.description AS description, CAST(NULL AS STRING) AS kind, CAST(NULL AS STRING) AS status, n.role AS role, CAST(NULL AS DATE) AS issued, CAST(NULL AS STRING) AS issuedPrecision, CAST(NULL AS DATE) AS effective, CAST(NULL AS STRING) AS effectivePrecision, CAST(NULL AS DATE) AS ended, CAST(NULL AS STRING) AS endedPrecision, CAST(NULL AS DATE) AS established, CAST(NULL AS STRING) AS establishedPrecision, CAST(NULL AS DATE) AS founded, CAST(NULL AS STRING) AS foundedPrecision, CAST(NULL AS DATE) AS date, CAST(NULL AS STRING) AS datePrecision, n.citeSources AS citeSources, n.citeLocators AS citeLocators, n.citeNotes AS citeNotes, n.citeBases AS citeBases, n.disputes AS disputes, CAST(NULL AS STRING) AS issuerUnknown
// @engine neo4j
MATCH (n:Entity {id: $id})
WHERE n:Policy|Agency|Firm|Region|Sector|Event|Person
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
