// How many policies match the filters of policiesPage (for a connection's totalCount).
// Filters (each null for "any"): kinds ($anyKind true: every kind, $kinds then unused but
// never empty); the policy's date — issued, or effective when the issue date is unknown —
// within $from..$to (a month or year date counts when its period reaches into the range);
// issued by $issuerId; with ($issuerKnown true) or without (false) any recorded issuer; applying to $jurisdictionId or a region within it; promoting or
// regulating $sectorId or a sub-sector; $text (lower case) within its names, aliases or
// description.
// The date is the stored listDate (src/seeds/derived.ts: issued, else effective, else
// 9999-12-31), so that Neo4j seeks its range index (policy_list_date) in list order rather
// than filter every policy (80 k db hits at 1M relationships before). A month or year date
// counts from $fromYear; the finer test reads the precision only below $from. Without a
// date filter the undated ones (9999-12-31) are listed last; with one they are left out.
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
WHERE p.listDate >= date(coalesce($fromYear, '0001-01-01'))
  AND p.listDate <= date(coalesce($to, CASE WHEN $from IS NULL THEN '9999-12-31' ELSE '9999-12-30' END))
  AND ($from IS NULL OR p.listDate >= date($from)
    OR p.listDate >= CASE p.listDatePrecision WHEN 'YEAR' THEN date($fromYear) WHEN 'MONTH' THEN date($fromMonth) ELSE date($from) END)
  AND ($anyKind OR p.kind IN $kinds)
  AND ($issuerId IS NULL OR EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency {id: $issuerId}) })
  AND ($issuerKnown IS NULL OR ($issuerKnown AND EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency) }) OR (NOT $issuerKnown AND NOT EXISTS { MATCH (p)-[:ISSUED_BY]->(:Agency) }))
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (p)-[:APPLIES_TO]->(:Region)-[:PART_OF*0..8]->(:Region {id: $jurisdictionId}) })
  AND ($sectorId IS NULL OR EXISTS { MATCH (p)-[:PROMOTES|REGULATES]->(:Sector)-[:SUBSECTOR_OF*0..8]->(:Sector {id: $sectorId}) })
  AND ($text IS NULL OR toLower(p.searchText) CONTAINS $text)
RETURN count(p) AS total
