// Every relationship between entities that starts (OUT) or ends (IN) at one of the entities
// asked about, with its dates, role and citations: `id` is the entity asked about, `otherId`
// the entity at the other end. The API's relations loader asks once per request level, for
// every entity of that level. Callers pass the same ids as $outIds and $inIds: Kùzu 0.11.3
// crashes (segfault) when one list parameter appears in two UNION branches, and one OR-ed
// branch cannot use the id index. The types are written out (the API's
// ENTITY_RELATIONSHIP_TYPES; a test keeps them equal) rather than filtered with
// `label(r) IN $types`, which on Kùzu 0.11.3 returned wrong rows for batches of several ids.
// The IN branch is written from the entity asked about, (b)<-[r]-(a): written (a)-[r]->(b),
// Kùzu 0.11.3 plans it from the other end and reads every relationship (83 ms for one id
// at 100k nodes / 1M relationships, 10 ms written this way; npm run bench).
// With $limit, at most the first $limit relationships of each entity in the API's order (type,
// direction, other id, then start, end and role: the relations field's order) — at least those,
// that is: Kùzu 0.11.3 has no per-group LIMIT (no correlated CALL subquery, no window
// function), so its text returns all of them, and the caller keeps the first of each entity
// itself on both engines. On Neo4j a CALL subquery per entity sorts only the relationship and
// the other end's id, and reads the other properties of the kept rows alone: for the
// neighbours of a hub (a sector with thousands of firms) 5 rows each instead of all of them.
// With $direction ('OUT' or 'IN'), on Neo4j only the relationships in that direction are read
// and limited (Kùzu's text returns both). A null $limit keeps all (the neighbourhood, the path,
// the typed fields).
// Expanded per set of evidence bases: relationsOf.STATED keeps only relationships with a
// citation the source documents state (see src/store/catalogue.ts).
// @each evidence
// @param outIds STRING[]
// @param inIds STRING[]
// @param limit INT64?
// @param direction STRING?
// @engine kuzu
MATCH (a)-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]->(b)
WHERE a.id IN $outIds AND __CITED(r)__
RETURN a.id AS id, 'OUT' AS direction, label(r) AS type, b.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes, r.citeBases AS citeBases, r.disputes AS disputes
UNION ALL
MATCH (b)<-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]-(a)
WHERE b.id IN $inIds AND __CITED(r)__
RETURN b.id AS id, 'IN' AS direction, label(r) AS type, a.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes, r.citeBases AS citeBases, r.disputes AS disputes
// @engine neo4j
UNWIND $outIds AS anchorId
CALL (anchorId) {
  CALL (anchorId) {
    WITH anchorId WHERE coalesce($direction, 'OUT') = 'OUT'
    MATCH (a:Entity {id: anchorId})-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]->(b:Entity)
    WHERE __CITED(r)__
    RETURN 'OUT' AS direction, r, b.id AS otherId
    UNION ALL
    WITH anchorId WHERE coalesce($direction, 'IN') = 'IN'
    MATCH (a:Entity)-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]->(b:Entity {id: anchorId})
    WHERE __CITED(r)__
    RETURN 'IN' AS direction, r, a.id AS otherId
  }
  WITH direction, r, otherId
  ORDER BY type(r), direction, otherId, coalesce(toString(r.since), ''), coalesce(toString(r.until), ''), coalesce(r.role, '')
  LIMIT coalesce($limit, 1000000000)
  RETURN direction, r, otherId
}
RETURN anchorId AS id, direction, type(r) AS type, otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes, r.citeBases AS citeBases, r.disputes AS disputes
