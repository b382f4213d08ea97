// Full-text search over names, Chinese names, aliases and descriptions (the `searchText`
// field: see src/search-text.ts). $q is a list of lower-case words and Chinese bigrams, any of
// which may match. At most $limit hits per label, best first, each with its label: the caller
// keeps the labels it wants and merges by score. The embedded engine has one index per label,
// hence one branch per label (and no label-list parameter: Kùzu 0.11.3 crashes when one list
// parameter appears in several UNION branches).
// @param q STRING
// @param limit INT64
// @engine kuzu
CALL QUERY_FTS_INDEX('Policy', 'policy_fts', $q)
RETURN node.id AS id, 'Policy' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Agency', 'agency_fts', $q)
RETURN node.id AS id, 'Agency' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Firm', 'firm_fts', $q)
RETURN node.id AS id, 'Firm' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Region', 'region_fts', $q)
RETURN node.id AS id, 'Region' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Sector', 'sector_fts', $q)
RETURN node.id AS id, 'Sector' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Event', 'event_fts', $q)
RETURN node.id AS id, 'Event' AS label, score
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Person', 'person_fts', $q)
RETURN node.id AS id, 'Person' AS label, score
ORDER BY score DESC, id LIMIT $limit
// @engine neo4j
CALL db.index.fulltext.queryNodes('entity_fts', $q) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, score
ORDER BY score DESC, id LIMIT $limit
