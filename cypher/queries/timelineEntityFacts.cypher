// The dated facts stored on entities — a policy issued, taking effect or ending, a body
// established, a firm founded, an event — between $from and $to, in date order, at most
// $limit. A date known only to its month or year counts when its period reaches into the range
// ($fromMonth and $fromYear are the first days of $from's month and year). Scope filters
// (each null for "any"): $regionId — policies applying to, bodies and firms headquartered in,
// events occurring in the region or a region within it; $sectorId — policies promoting or
// regulating, bodies and firms operating in, events involving the sector or a sub-sector;
// $agencyId — the body itself, policies it issued or that establish it, events involving it,
// bodies that are part or members of it.
// @param types STRING[]
// @param from DATE?
// @param fromMonth DATE?
// @param fromYear DATE?
// @param to DATE?
// @param regionId STRING?
// @param sectorId STRING?
// @param agencyId STRING?
// @param limit INT64
// @engine kuzu
MATCH (n:Policy:Agency:Firm:Event)
WHERE label(n) IN $types
  AND ($regionId IS NULL OR EXISTS { MATCH (n)-[:APPLIES_TO|HEADQUARTERED_IN|OCCURRED_IN]->(:Region)-[:PART_OF*0..8]->(:Region {id: $regionId}) })
  AND ($sectorId IS NULL OR EXISTS { MATCH (n)-[:PROMOTES|REGULATES|OPERATES_IN|INVOLVES]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector {id: $sectorId}) })
  AND ($agencyId IS NULL OR n.id = $agencyId OR EXISTS { MATCH (n)-[:ISSUED_BY|ESTABLISHES|INVOLVES|PART_OF|MEMBER_OF]->(:Agency {id: $agencyId}) })
UNWIND [
  {field: 'issued', date: n.issued, precision: n.issuedPrecision},
  {field: 'effective', date: n.effective, precision: n.effectivePrecision},
  {field: 'ended', date: n.ended, precision: n.endedPrecision},
  {field: 'established', date: n.established, precision: n.establishedPrecision},
  {field: 'founded', date: n.founded, precision: n.foundedPrecision},
  {field: 'date', date: n.date, precision: n.datePrecision}
] AS f
WITH n, f
WHERE f.date IS NOT NULL
  AND ($from IS NULL OR f.date >= CASE f.precision WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  AND ($to IS NULL OR f.date <= date($to))
RETURN f.date AS date, f.precision AS precision, f.field AS field, n.id AS id, label(n) AS label,
  n.name AS name, n.kind AS kind
ORDER BY date, id, field
LIMIT $limit
// @engine neo4j
MATCH (n:Policy|Agency|Firm|Event)
WHERE any(l IN labels(n) WHERE l IN $types)
  AND ($regionId IS NULL OR EXISTS { MATCH (n)-[:APPLIES_TO|HEADQUARTERED_IN|OCCURRED_IN]->(:Region)-[:PART_OF*0..8]->(:Region {id: $regionId}) })
  AND ($sectorId IS NULL OR EXISTS { MATCH (n)-[:PROMOTES|REGULATES|OPERATES_IN|INVOLVES]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector {id: $sectorId}) })
  AND ($agencyId IS NULL OR n.id = $agencyId OR EXISTS { MATCH (n)-[:ISSUED_BY|ESTABLISHES|INVOLVES|PART_OF|MEMBER_OF]->(:Agency {id: $agencyId}) })
UNWIND [
  {field: 'issued', date: n.issued, precision: n.issuedPrecision},
  {field: 'effective', date: n.effective, precision: n.effectivePrecision},
  {field: 'ended', date: n.ended, precision: n.endedPrecision},
  {field: 'established', date: n.established, precision: n.establishedPrecision},
  {field: 'founded', date: n.founded, precision: n.foundedPrecision},
  {field: 'date', date: n.date, precision: n.datePrecision}
] AS f
WITH n, f
WHERE f.date IS NOT NULL
  AND ($from IS NULL OR f.date >= CASE f.precision WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  AND ($to IS NULL OR f.date <= date($to))
RETURN f.date AS date, f.precision AS precision, f.field AS field, n.id AS id,
  [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.kind AS kind
ORDER BY date, id, field
LIMIT $limit
