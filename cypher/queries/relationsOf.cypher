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
// Expanded per set of evidence bases: relationsOf.STATED keeps only relationships with a
// citation the source documents state (see src/store/catalogue.ts).
// @each evidence
// @param outIds STRING[]
// @param inIds STRING[]
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
MATCH (a:Entity)-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]->(b:Entity)
WHERE a.id IN $outIds AND __CITED(r)__
RETURN a.id AS id, 'OUT' AS direction, type(r) AS type, b.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes, r.citeBases AS citeBases, r.disputes AS disputes
UNION ALL
MATCH (a:Entity)-[r:ISSUED_BY|APPLIES_TO|PROMOTES|REGULATES|IMPLEMENTS|DRAFT_OF|BASED_ON|SUPERSEDES|PART_OF|ESTABLISHES|SUBSECTOR_OF|OPERATES_IN|HEADQUARTERED_IN|OCCURRED_IN|ACQUIRED|PARTNERS_WITH|MEMBER_OF|CONTRIBUTED_TO|LEADS|WORKS_FOR|INVOLVES|COMPARED_WITH]->(b:Entity)
WHERE b.id IN $inIds AND __CITED(r)__
RETURN b.id AS id, 'IN' AS direction, type(r) AS type, a.id AS otherId,
  r.since AS since, r.sincePrecision AS sincePrecision, r.until AS until, r.untilPrecision AS untilPrecision,
  r.role AS role, r.citeSources AS citeSources, r.citeLocators AS citeLocators, r.citeNotes AS citeNotes, r.citeBases AS citeBases, r.disputes AS disputes
