// The dated facts stored on entities — a policy issued, taking effect or ending, a body
// established, a firm founded, an event — between $from and $to, in date order, at most
// $limit. A date known only to its month or year counts when its period reaches into the range
// ($fromMonth and $fromYear are the first days of $from's month and year). Scope filters
// (each null for "any"): $regionId — policies applying to, bodies and firms headquartered in,
// events occurring in the region or a region within it; $sectorId — policies promoting or
// regulating, bodies and firms operating in, events involving the sector or a sub-sector;
// $agencyId — the body itself, policies it issued or that establish it, events involving it,
// bodies that are part or members of it.
// Expanded per set of evidence bases: a date counts only when a citation of one of them gives
// it (the bases of each date field, see src/seeds/citations.ts dateBases); the scope filters
// walk every relationship whatever its evidence. A disputed date's other value (altField,
// altDate …) is a fact of its own (alternative: true), filtered by its own citations.
// @each evidence
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
  {field: 'issued', date: n.issued, precision: n.issuedPrecision, bases: n.issuedBases, disputed: false},
  {field: 'effective', date: n.effective, precision: n.effectivePrecision, bases: n.effectiveBases, disputed: false},
  {field: 'ended', date: n.ended, precision: n.endedPrecision, bases: n.endedBases, disputed: false},
  {field: 'established', date: n.established, precision: n.establishedPrecision, bases: n.establishedBases, disputed: false},
  {field: 'founded', date: n.founded, precision: n.foundedPrecision, bases: n.foundedBases, disputed: false},
  {field: 'date', date: n.date, precision: n.datePrecision, bases: n.dateBases, disputed: false},
  {field: n.altField, date: n.altDate, precision: n.altDatePrecision, bases: n.altDateBases, disputed: true}
] AS f
WITH n, f
WHERE f.date IS NOT NULL AND __DATED(f.bases)__
  AND ($from IS NULL OR f.date >= CASE f.precision WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  AND ($to IS NULL OR f.date <= date($to))
RETURN f.date AS date, f.precision AS precision, f.bases AS bases, f.field AS field, f.disputed AS alternative, n.id AS id, label(n) AS label,
  n.name AS name, n.kind AS kind, n.disputes AS disputes
ORDER BY date, id, field
LIMIT $limit
// @engine neo4j
// One branch per date field, each a range seek of that field's index on :Entity (schema:
// entity_issued …) read in date order and cut at $limit, so a decade of a large graph reads
// about $limit facts per field instead of unwinding every dated node (2.2 M db hits at 1M
// relationships before). The scope filters apply after the union: each branch is then read
// whole (a scoped timeline reads every dated fact in the range).
CALL {
// @union entityDates
  MATCH (n:Entity)
  WHERE __DATE__ >= date(coalesce($fromYear, '0001-01-01')) AND __DATE__ <= date(coalesce($to, '9999-12-31'))
    AND any(l IN labels(n) WHERE l IN $types)
    // In a CASE: an OR of the bases at the top would be planned as one seek per basis, out of order.
    AND CASE WHEN __DATED(__BASES__)__ THEN true ELSE false END
    AND ($from IS NULL OR __DATE__ >= CASE __PRECISION__ WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  RETURN n, __FIELD__ AS field, __DATE__ AS date, __PRECISION__ AS precision, __BASES__ AS bases, __DISPUTED__ AS alternative
  ORDER BY date, n.id
  LIMIT CASE WHEN $regionId IS NULL AND $sectorId IS NULL AND $agencyId IS NULL THEN $limit ELSE 1000000000 END
// @end
}
WITH *
WHERE ($regionId IS NULL OR EXISTS { MATCH (n)-[:APPLIES_TO|HEADQUARTERED_IN|OCCURRED_IN]->(:Region)-[:PART_OF*0..8]->(:Region {id: $regionId}) })
  AND ($sectorId IS NULL OR EXISTS { MATCH (n)-[:PROMOTES|REGULATES|OPERATES_IN|INVOLVES]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector {id: $sectorId}) })
  AND ($agencyId IS NULL OR n.id = $agencyId OR EXISTS { MATCH (n)-[:ISSUED_BY|ESTABLISHES|INVOLVES|PART_OF|MEMBER_OF]->(:Agency {id: $agencyId}) })
RETURN date, precision, bases, field, alternative, n.id AS id,
  [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.kind AS kind, n.disputes AS disputes
ORDER BY date, id, field
LIMIT $limit
