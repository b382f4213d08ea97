// Number of citations per basis (STATED, INFERRED, EXTERNAL), those of nodes (entities and
// indicators: holder NODE) apart from those of relationships (holder RELATIONSHIP). The
// relationships the loader derives from a record's citations (CITED_IN, MEASURES,
// ABOUT_SECTOR) repeat them and are not counted again.
// @engine kuzu
MATCH (n)
WHERE n.citeBases IS NOT NULL
UNWIND n.citeBases AS basis
RETURN 'NODE' AS holder, basis, count(*) AS count
UNION ALL
MATCH ()-[r]->()
WHERE label(r) <> 'CITED_IN' AND label(r) <> 'MEASURES' AND label(r) <> 'ABOUT_SECTOR'
UNWIND r.citeBases AS basis
RETURN 'RELATIONSHIP' AS holder, basis, count(*) AS count
// @engine neo4j
MATCH (n:Entity)
WHERE n.citeBases IS NOT NULL
UNWIND n.citeBases AS basis
RETURN 'NODE' AS holder, basis, count(*) AS count
UNION ALL
MATCH ()-[r]->()
WHERE NOT type(r) IN ['CITED_IN', 'MEASURES', 'ABOUT_SECTOR']
UNWIND r.citeBases AS basis
RETURN 'RELATIONSHIP' AS holder, basis, count(*) AS count
