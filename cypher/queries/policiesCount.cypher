// How many policies match the filters of policiesPage (for a connection's totalCount).
// Filters (each null for "any"): kinds ($anyKind true: every kind, $kinds then unused but
// never empty); the policy's date — issued, or effective when the issue date is unknown —
// within $from..$to (a month or year date counts when its period reaches into the range);
// issued by $issuerId; with ($issuerKnown true) or without (false) any recorded issuer; applying to $jurisdictionId or a region within it; promoting or
// regulating $sectorId or a sub-sector; $text (lower case) within its names, aliases or
// description.
// @param kinds STRING[]
// @param anyKind BOOL
// @param from DATE?
// @param fromMonth DATE?
// @param fromYear DATE?
// @param to DATE?
// @param issuerId STRING?
// @param issuerKnown BOOL?
// @param jurisdictionId STRING?
// @param sectorId STRING?
// @param text STRING?
MATCH (p:Policy)
WHERE ($anyKind OR p.kind IN $kinds)
  AND ($issuerId IS NULL OR EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency {id: $issuerId}) })
  AND ($issuerKnown IS NULL OR ($issuerKnown AND EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency) }) OR (NOT $issuerKnown AND NOT EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency) }))
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (p)-[:APPLIES_TO]->(:Region)-[:PART_OF*0..8]->(:Region {id: $jurisdictionId}) })
  AND ($sectorId IS NULL OR EXISTS { MATCH (p)-[:PROMOTES|REGULATES]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector {id: $sectorId}) })
  AND ($text IS NULL OR toLower(p.searchText) CONTAINS $text)
WITH p, coalesce(p.issued, p.effective) AS d,
  CASE WHEN p.issued IS NULL THEN p.effectivePrecision ELSE p.issuedPrecision END AS precision
WHERE ($from IS NULL OR d >= CASE precision WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  AND ($to IS NULL OR d <= date($to))
RETURN count(p) AS total
