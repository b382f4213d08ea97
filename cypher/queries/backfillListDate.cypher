// Fills listDate and listDatePrecision (src/seeds/derived.ts) on at most $limit policies that
// lack them: a graph loaded before the property existed. Run by the migration until it
// writes none.
// @mode write
// @param limit INT64
MATCH (p:Policy)
WHERE p.listDate IS NULL
WITH p LIMIT $limit
SET p.listDate = coalesce(p.issued, p.effective, date('9999-12-31')),
  p.listDatePrecision = CASE WHEN p.issued IS NOT NULL THEN p.issuedPrecision WHEN p.effective IS NOT NULL THEN p.effectivePrecision ELSE NULL END
RETURN count(p) AS written
